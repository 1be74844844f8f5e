"""The two kinds of failure the app knows.

``UserError`` is a problem of the user's input or environment (a wrong date, a full disk, a
forged bundle): it carries a Persian message that says what to do, plus an English one for logs
and the command line's second line.  Anything else that escapes a service is a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """An error the user can act on; ``fa`` is shown, ``en`` is logged."""

    def __init__(self, fa: str, en: str = "", *, code: str = "error") -> None:
        super().__init__(en or fa)
        self.fa = fa
        self.en = en or fa
        self.code = code

    def message(self, lang: str = "fa") -> str:
        return self.fa if lang == "fa" else self.en


class PermissionDenied(UserError):
    """The signed-in user's role does not allow the operation."""

    def __init__(self, operation: str) -> None:
        super().__init__(
            f"نقش شما اجازهٔ این کار را نمی‌دهد ({operation}). از مدیر سامانه بخواهید دسترسی لازم را بدهد.",
            f"Your role does not allow this operation ({operation}).",
            code="permission",
        )


class StoreError(UserError):
    """The store file cannot be used (missing, corrupt, locked, read-only)."""
