"""Test set-up shared by every test: offscreen Qt, an isolated cache and user folders."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
