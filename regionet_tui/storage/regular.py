"""Reading a file that must be an ordinary file of bounded size.

Any name in a folder can be something else: a FIFO (reading it waits for a
writer that never comes), a device (/dev/zero never ends), a directory, a
socket. Such a file is refused before it is opened (`stat` does not open it),
and the open itself cannot wait (O_NONBLOCK, which changes nothing for an
ordinary file), so a file swapped for a FIFO between the two is refused too.
Windows, which has no FIFO to wait for and no O_NONBLOCK, opens it in binary
mode (O_BINARY): the bytes as they are on disk.
At most `limit` bytes are read: a larger file is refused unread.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

Kind = Literal["directory", "fifo", "device", "socket", "other"]

CHUNK = 1024 * 1024


class NotRegularFile(Exception):
    """The name is not an ordinary file; `kind` says what it is."""

    def __init__(self, kind: Kind) -> None:
        super().__init__(kind)
        self.kind = kind


class FileTooLarge(Exception):
    """The file holds more than `limit` bytes; none of it was read."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def optional_flags(*names: str) -> int:
    """The `os.O_*` flags of these names that this system has: Windows has no
    O_NONBLOCK, O_NOCTTY or O_CLOEXEC, and only Windows has O_BINARY."""
    flags = 0
    for name in names:
        flags |= getattr(os, name, 0)
    return flags


def binary_flag() -> int:
    """O_BINARY where it exists. Without it Windows opens a file in text mode:
    a write turns every LF into CR LF, and a read stops at the first Ctrl-Z."""
    return optional_flags("O_BINARY")


def kind_of(mode: int) -> Kind | None:
    """What a file of this mode is, or None for an ordinary file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def check_regular(path: Path) -> os.stat_result:
    """The file's status (symbolic links followed); NotRegularFile if it is not an
    ordinary file. OSError when it cannot be looked at."""
    status = path.stat()
    kind = kind_of(status.st_mode)
    if kind is not None:
        raise NotRegularFile(kind)
    return status


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of an ordinary file of at most `limit` bytes.

    NotRegularFile, FileTooLarge, or OSError (missing, no permission...).
    """
    status = check_regular(path)
    if status.st_size > limit:
        raise FileTooLarge(limit)
    fd = os.open(path, os.O_RDONLY | optional_flags("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC",
                                                    "O_BINARY"))
    try:
        opened = os.fstat(fd)
        kind = kind_of(opened.st_mode)
        if kind is not None:  # swapped for something else since the stat
            raise NotRegularFile(kind)
        # Usually one read: the size as the stat gave it, and one byte more to
        # see the end (or a file that grew meanwhile).
        chunks: list[bytes] = []
        size = 0
        want = min(opened.st_size, limit) + 1
        while size <= limit:
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            want = min(CHUNK, limit + 1 - size)
    finally:
        os.close(fd)
    if size > limit:  # it grew since the stat
        raise FileTooLarge(limit)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
