"""The engine never imports Qt: layout/ must run (and be tested) without a screen."""
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import layout

ROOT = Path(__file__).resolve().parent.parent


def test_no_module_of_layout_imports_qt():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt\d|shiboken6)", re.M)
    offenders = [p.name for p in (ROOT / "layout").glob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []


def test_importing_every_engine_module_loads_no_qt():
    names = [f"layout.{m.name}" for m in pkgutil.iter_modules(layout.__path__)]
    code = ("import importlib, sys\n"
            f"for n in {names!r}: importlib.import_module(n)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
