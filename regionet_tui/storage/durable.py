"""Flushing a written file to the disk itself, on every system.

On macOS `fsync` hands the data to the drive, whose cache may still lose it
when the power goes; only `fcntl(F_FULLFSYNC)` asks the drive to write it
through (SQLite does the same). Where that call is refused (a file system
that does not know it, a network share), `fsync` is what there is.
"""

from __future__ import annotations

import os


def flush_to_disk(fd: int) -> None:
    """Flush an open file's data to permanent storage (F_FULLFSYNC on macOS)."""
    try:
        import fcntl
    except ImportError:  # Windows: os.fsync is FlushFileBuffers, which writes through
        os.fsync(fd)
        return
    full_fsync = getattr(fcntl, "F_FULLFSYNC", None)
    if full_fsync is not None:
        try:
            fcntl.fcntl(fd, full_fsync)
        except OSError:
            pass
        else:
            return
    os.fsync(fd)
