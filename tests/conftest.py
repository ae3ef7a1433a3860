"""Test set-up shared by every test: offscreen Qt, an isolated cache and user folders."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_COPY = ROOT / "examples" / "jiceng-page.txt"


@pytest.fixture(scope="session")
def sample_copy() -> Path:
    """The bundled sample: a whole page of a Zhejiang regional paper as plain text."""
    return SAMPLE_COPY
