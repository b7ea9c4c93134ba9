"""A file that another program holds open for a moment, as Windows reports it.

On Windows, replacing a file that OneDrive, a virus scanner or the search
indexer has open fails with a permission error (ERROR_SHARING_VIOLATION,
errno EACCES) until that program lets go. Here `os.replace` onto the held
file fails the same way for the next `times` tries, then works again.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

SHARING_VIOLATION = ("The process cannot access the file because it is being used "
                     "by another process")


class HeldFile:
    """`os.replace` onto `target` is refused `times` more times; `tries` counts
    every replace onto it, refused or not."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, target: Path, times: int) -> None:
        self.target = target.absolute()
        self.times = times
        self.tries = 0
        real_replace = os.replace

        def replace(source: object, destination: object, **kwargs: object) -> None:
            if Path(os.fsdecode(destination)).absolute() == self.target:  # type: ignore[arg-type]
                self.tries += 1
                if self.times > 0:
                    self.times -= 1
                    raise PermissionError(errno.EACCES, SHARING_VIOLATION,
                                          os.fsdecode(destination))  # type: ignore[arg-type]
            real_replace(source, destination, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace)

    def release(self) -> None:
        self.times = 0


def hold(monkeypatch: pytest.MonkeyPatch, target: Path, times: int) -> HeldFile:
    return HeldFile(monkeypatch, target, times)
