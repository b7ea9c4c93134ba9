"""Writing a command's result to a file (atomically) or to standard output.

`-o` names a file to write, never one to destroy: anything in the sessions
folder, a session file elsewhere (open in a window or not) and anything that
is not an ordinary file are refused, and nothing is written. A pipe, a
terminal or the null device is written to directly (`-o /dev/stdout`, a
FIFO), as is whatever standard output already is; an ordinary file is
replaced atomically.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from ..i18n import t
from ..storage import sessionfile
from ..storage.atomic import atomic_write
from ..storage.problems import os_reason
from ..storage.regular import kind_of, optional_flags

STDOUT = "-"
# How a session file starts: TinyDB's layout as the store writes it.
SESSION_FILE_START = b'{"session":'


class OutputRefused(Exception):
    """The target must not be written; `str()` says why, in the user's language."""


def deliver(data: bytes, target: str | None, sessions_folder: Path | None = None) -> int:
    """Write `data` to `target` (a path, or stdout for None or "-"); 0, or 1 with
    a message on stderr. Nothing is written inside `sessions_folder`."""
    if target is None or target == STDOUT:
        return _to_stream(data, sys.stdout.buffer)
    path = Path(target).expanduser()
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        return fail(t("share.cli.write_failed", path=str(path), cause=os_reason(error)))
    try:
        if status is not None and _is_stream(status, sys.stdout):
            return _to_stream(data, sys.stdout.buffer)
        if status is not None and _is_stream(status, sys.stderr):
            return _to_stream(data, sys.stderr.buffer)
        _check_target(path, status, sessions_folder)
        if status is not None and not stat.S_ISREG(status.st_mode):
            _write_directly(path, data)  # a pipe or a terminal, checked above
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, data)
    except OutputRefused as refused:
        return fail(str(refused))
    except OSError as error:
        return fail(t("share.cli.write_failed", path=str(path), cause=os_reason(error)))
    print(t("share.cli.written", path=str(path)), file=sys.stderr)
    return 0


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _to_stream(data: bytes, stream: BinaryIO) -> int:
    stream.write(data)
    stream.flush()
    return 0


def _is_stream(status: os.stat_result, stream: TextIO) -> bool:
    """Whether `status` is the file this process's stream already writes to."""
    try:
        opened = os.fstat(stream.fileno())
    except (OSError, ValueError):  # a stream with no file (a test's capture)
        return False
    return (status.st_dev, status.st_ino) == (opened.st_dev, opened.st_ino)


def _check_target(path: Path, status: os.stat_result | None, sessions_folder: Path | None
                  ) -> None:
    """OutputRefused when `path` must not be written."""
    if sessions_folder is not None and _inside(path, sessions_folder):
        raise OutputRefused(t("share.cli.output_in_sessions", path=str(path),
                              folder=str(sessions_folder)))
    if status is None:
        return
    kind = kind_of(status.st_mode)
    if kind == "fifo":
        return
    if kind == "device" and stat.S_ISCHR(status.st_mode) and (
            _is_terminal(path) or status.st_rdev == os.stat(os.devnull).st_rdev):
        return
    if kind is not None:
        raise OutputRefused(t("share.cli.output_not_regular", path=str(path),
                              kind=t(f"share.cli.kind_{kind}")))
    if _is_session_file(path):
        raise OutputRefused(t("share.cli.output_session_file", path=str(path)))


def _inside(path: Path, folder: Path) -> bool:
    """Whether the file would land in `folder` itself (not in a folder within it)."""
    try:
        return path.absolute().parent.resolve() == folder.resolve()
    except OSError:
        return False


def _is_terminal(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | optional_flags("O_NONBLOCK", "O_NOCTTY", "O_BINARY"))
    except OSError:
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def _is_session_file(path: Path) -> bool:
    """A file a session lives in: it starts as one, or a window holds its lock."""
    with contextlib.suppress(OSError), path.open("rb") as handle:
        if handle.read(len(SESSION_FILE_START)) == SESSION_FILE_START:
            return True
    lock = sessionfile.lock_path(path)
    if not lock.exists():
        return False
    from filelock import FileLock, Timeout

    try:
        with FileLock(lock, timeout=0):
            return False
    except Timeout:
        return True
    except OSError:
        return False


def _write_directly(path: Path, data: bytes) -> None:
    """Write to a pipe or terminal as it is. A pipe nobody reads is refused at
    once (O_NONBLOCK), not waited for."""
    try:
        fd = os.open(path, os.O_WRONLY | optional_flags("O_NONBLOCK", "O_NOCTTY", "O_BINARY"))
    except OSError as error:
        if error.errno == errno.ENXIO:  # a FIFO with no reader
            raise OutputRefused(t("share.cli.output_no_reader", path=str(path))) from None
        raise
    try:
        if hasattr(os, "O_NONBLOCK"):  # Windows opened it blocking (and may lack set_blocking)
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
