"""A file that another program holds open for a moment, as Windows reports it.

On Windows, replacing a file that OneDrive, a virus scanner or the search
indexer has open fails with a permission error (ERROR_SHARING_VIOLATION,
errno EACCES) until that program lets go. Here `os.replace` onto the held
file (or a rename of it, or opening it to write) fails the same way for the
next `times` tries, then works again.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

SHARING_VIOLATION = ("The process cannot access the file because it is being used "
                     "by another process")


class HeldFile:
    """`os.replace` onto `target`, opening it to write (a journal appended to)
    and, with `moving`, `os.rename` of it are refused `times` more times;
    `tries` counts every such call, refused or not."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, target: Path, times: int,
                 moving: bool = False) -> None:
        self.target = target.absolute()
        self.times = times
        self.tries = 0
        real_replace, real_rename, real_open = os.replace, os.rename, os.open

        def refuse_if_held(path: object) -> None:
            if Path(os.fsdecode(path)).absolute() == self.target:  # type: ignore[arg-type]
                self.tries += 1
                if self.times > 0:
                    self.times -= 1
                    raise PermissionError(errno.EACCES, SHARING_VIOLATION,
                                          os.fsdecode(path))  # type: ignore[arg-type]

        def replace(source: object, destination: object, **kwargs: object) -> None:
            refuse_if_held(destination)
            real_replace(source, destination, **kwargs)  # type: ignore[arg-type]

        def rename(source: object, destination: object, **kwargs: object) -> None:
            refuse_if_held(source)
            real_rename(source, destination, **kwargs)  # type: ignore[arg-type]

        def open_(path: object, flags: int, *args: object, **kwargs: object) -> int:
            if flags & (os.O_WRONLY | os.O_RDWR) and os.path.exists(path):  # type: ignore[arg-type]
                refuse_if_held(path)
            return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "open", open_)
        if moving:
            monkeypatch.setattr(os, "rename", rename)

    def release(self) -> None:
        self.times = 0


def hold(monkeypatch: pytest.MonkeyPatch, target: Path, times: int) -> HeldFile:
    """The file is held while regionet replaces it (a save)."""
    return HeldFile(monkeypatch, target, times)


def hold_while_moving(monkeypatch: pytest.MonkeyPatch, path: Path, times: int) -> HeldFile:
    """The file is held while regionet moves it (to the trash, say)."""
    return HeldFile(monkeypatch, path, times, moving=True)
