"""The lock that makes one window the writer of a session (`<id>.lock` beside it).

Deleting a session removes its lock file while holding the lock, so that no
lock file outlives its session. A window that opened the lock file just
before would then hold a lock on a file no longer in the folder, while a third
window locks the new file of that name: two writers. So a lock counts only
when, once taken, the file locked is still the one of that name; otherwise it
is let go and taken again (Python's filelock does not check this).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

ATTEMPTS = 20


class LockTaken(Exception):
    """Another window holds the lock."""


class SessionLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock. LockTaken when another holds it (after `wait` seconds);
        OSError when the folder refuses the lock file."""
        deadline = time.monotonic() + wait
        for _ in range(ATTEMPTS):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                while True:
                    try:
                        _lock(fd)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise LockTaken(str(self.path)) from None
                        time.sleep(0.01)
                try:
                    same = os.path.samestat(os.fstat(fd), os.stat(self.path))
                except FileNotFoundError:
                    same = False
            except BaseException:
                os.close(fd)
                raise
            if same:
                self._fd = fd
                return
            os.close(fd)  # removed (or replaced) while we waited: take the new one
        raise LockTaken(str(self.path))

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing lets go of the flock
            self._fd = None


def _lock(fd: int) -> None:
    """Lock the file, without waiting: BlockingIOError when another holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            raise BlockingIOError(str(fd)) from None
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
