"""Why a file cannot be imported, said in the user's language."""

from __future__ import annotations

from ..i18n import t


class ImportRefused(Exception):
    """A file that regionet will not import. `reason` is a key under `share.error.`;
    `values` fill in the message (the place in the file, a limit...)."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason, values)
        self.reason = reason
        self.values = values

    def message(self) -> str:
        return t(f"share.error.{self.reason}", **self.values)

    def __str__(self) -> str:
        return self.message()
