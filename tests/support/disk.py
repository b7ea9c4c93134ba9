"""A folder that refuses writes, and a disk that is full, without root tricks.

chmod does not stop root (tests may run as root in CI), so the file system
calls are patched: inside the given folder, every call that would create,
change, move or remove something fails with the errno a read-only medium, a
share without write rights or a full disk gives. Reading still works.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

_WRITES = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class Disk:
    """Switch a folder between refusing (with `code`) and accepting writes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
        self.root = folder.resolve()
        self.code = code
        self.refusing = True
        real = {name: getattr(os, name) for name in
                ("open", "replace", "rename", "link", "unlink", "remove", "mkdir", "rmdir")}

        def inside(*paths: object) -> bool:
            for path in paths:
                if isinstance(path, int):
                    continue
                absolute = Path(os.fsdecode(path)).absolute()  # type: ignore[arg-type]
                if absolute == self.root or self.root in absolute.parents:
                    return True
            return False

        def refuse(path: object) -> OSError:
            return OSError(self.code, os.strerror(self.code), os.fsdecode(path))  # type: ignore[arg-type]

        def guarded_open(path: object, flags: int, mode: int = 0o777, *,
                         dir_fd: int | None = None) -> int:
            if self.refusing and flags & _WRITES and inside(path):
                raise refuse(path)
            return real["open"](path, flags, mode, dir_fd=dir_fd)

        def guarded_mkdir(path: object, mode: int = 0o777, *, dir_fd: int | None = None) -> None:
            if self.refusing and inside(path):
                if Path(os.fsdecode(path)).exists():  # type: ignore[arg-type]
                    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), path)
                raise refuse(path)
            real["mkdir"](path, mode, dir_fd=dir_fd)

        def guarded(name: str) -> object:
            def call(*args: object, **kwargs: object) -> object:
                if self.refusing and inside(*args[:2]):
                    raise refuse(args[0])
                return real[name](*args, **kwargs)
            return call

        monkeypatch.setattr(os, "open", guarded_open)
        monkeypatch.setattr(os, "mkdir", guarded_mkdir)
        for name in ("replace", "rename", "link", "unlink", "remove", "rmdir"):
            monkeypatch.setattr(os, name, guarded(name))


def read_only(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int = errno.EROFS) -> Disk:
    return Disk(monkeypatch, folder, code)


def full(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Disk:
    return Disk(monkeypatch, folder, errno.ENOSPC)
