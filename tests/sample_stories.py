"""The bundled sample page as stories, through the real importer."""
from __future__ import annotations

from pathlib import Path

from layout.importer import import_files
from layout.model import Story

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "jiceng-page.txt"


def sample_stories() -> list[Story]:
    return list(import_files([str(SAMPLE)]).stories)
