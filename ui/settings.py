"""Preferences and window state, kept with QSettings in groups (window, files, view, editor)."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORG, APP = "Banmian", "Banmian"
MAX_RECENT = 10


class Settings:
    """Typed access to the editor's QSettings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(ORG, APP)

    def _get(self, key: str, default, kind=None):
        v = self.q.value(key, default)
        if kind is bool:
            return v in (True, "true", "1", 1)
        if kind is not None and v is not None:
            try:
                return kind(v)
            except (TypeError, ValueError):
                return default
        return v

    # files
    def recent_files(self) -> list[str]:
        v = self.q.value("files/recent", [])
        if isinstance(v, str):
            v = [v]
        return [str(x) for x in (v or [])]

    def add_recent(self, path: str) -> None:
        rec = [p for p in self.recent_files() if p != path]
        self.q.setValue("files/recent", ([path] + rec)[:MAX_RECENT])

    # window
    def geometry(self) -> QByteArray | None:
        return self.q.value("window/geometry")

    def state(self) -> QByteArray | None:
        return self.q.value("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    # view
    def guide(self, name: str) -> bool:
        return self._get(f"view/guide_{name}", True, bool)

    def set_guide(self, name: str, on: bool) -> None:
        self.q.setValue(f"view/guide_{name}", on)

    # editor
    def language(self) -> str:
        """zh (the default) or en."""
        return str(self._get("editor/language", "zh"))

    def set_language(self, lang: str) -> None:
        self.q.setValue("editor/language", lang)

    def autosave_seconds(self) -> int:
        return max(10, self._get("editor/autosave_seconds", 60, int))
