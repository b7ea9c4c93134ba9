"""Crash-safe file writes: temp file, fsync, replace (retried while another
program holds the file), fsync of the folder."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from .durable import flush_to_disk
from .regular import binary_flag
from .replace import replace_with_retry

TEMP_SUFFIX = ".tmp"
# A temp file this old belongs to no write in progress: a crash left it.
STALE_TEMP_SECONDS = 60


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}")


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
    """Replace `path` with `data` so that the file is always old or new, never half.

    With `backup`, the previous content is kept there (a hard link where the
    file system allows it, so it costs no copy). `sleep` waits between the
    tries while another program holds the file.
    """
    temp = _temp_path(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | binary_flag(), 0o644)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        flush_to_disk(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    os.close(fd)
    try:
        if backup is not None and path.exists():
            _keep_backup(path, backup, sleep)
        replace_with_retry(temp, path, sleep=sleep)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


def _keep_backup(path: Path, backup: Path, sleep: Callable[[float], None]) -> None:
    staged = _temp_path(backup)
    try:
        os.link(path, staged)
    except OSError:
        shutil.copyfile(path, staged)
    replace_with_retry(staged, backup, sleep=sleep)


def remove_stale_temp_files(folder: Path) -> int:
    removed = 0
    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
                removed += 1
    return removed
