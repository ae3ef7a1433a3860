"""Test set-up shared by every test: offscreen Qt, Hypothesis profiles (derandomized in CI), the sample copy."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings  # noqa: E402

# CI runs the property tests derandomized, so a landing never depends on the dice; developers get
# fresh examples on every run (and `HYPOTHESIS_PROFILE=ci` reproduces CI's).
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_COPY = ROOT / "examples" / "jiceng-page.txt"


@pytest.fixture(scope="session")
def sample_copy() -> Path:
    """The bundled sample: a whole page of a Zhejiang regional paper as plain text."""
    return SAMPLE_COPY
