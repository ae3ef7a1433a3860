"""Banmian's desktop editor (PySide6): a thin window over the engine's document and display list.

Importing `ui` first works around a PySide6 6.12 bug on Python 3.11: every call of a Qt method
returning void drops one reference to None (measured: QColor.setRed, QPointF.setX,
QGlyphRun.setPositions each take one). None starts with a few thousand references, so a
session that paints a page a few times deallocates None and the interpreter aborts
("none_dealloc"). Python 3.12 made None immortal; here we do the same by giving it a reference
count no session can exhaust.
"""
import ctypes
import sys

if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48
