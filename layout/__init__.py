"""Banmian's layout engine: copy in, display list out. Pure Python; never imports Qt."""
