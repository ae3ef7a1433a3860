"""User-facing errors: what went wrong, where, and what to do — never a traceback."""
from __future__ import annotations


class UserError(Exception):
    """An error caused by the user's input (a file, a flag, a document).

    `what` says what is wrong, `where` names the file/line/block, `hint` says what to do.
    The CLI prints str(err) and exits 1; the editor shows it in a message box.
    """

    def __init__(self, what: str, where: str = "", hint: str = "") -> None:
        self.what = what
        self.where = where
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = []
        if self.where:
            parts.append(f"{self.where}: ")
        parts.append(self.what)
        if self.hint:
            parts.append(f" — {self.hint}")
        return "".join(parts)
