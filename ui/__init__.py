"""Banmian's desktop editor (PySide6): a thin window over the engine's document and display list."""
