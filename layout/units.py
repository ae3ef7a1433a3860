"""Length units: points inside the engine, millimetres at the user's edge."""
from __future__ import annotations

PT_PER_MM = 72.0 / 25.4


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * PT_PER_MM


def to_mm(points: float) -> float:
    """Points to millimetres."""
    return points / PT_PER_MM
