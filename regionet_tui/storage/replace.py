"""Putting a written file in place when another program holds the old one.

On Windows `os.replace` fails with a permission error while another process
has the target open: OneDrive syncing the documents folder, a virus scanner or
the search indexer reading a file it saw change. They hold it for a moment, so
the replace is tried again after short pauses, a little over a quarter of a
second in all. A file still held after that is reported as `FileBusyError`,
and the save is handled like one on a full disk: the change stays in memory
and the next change tries again. Moving a file (to the trash, back from it)
waits for a held file the same way.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# The pauses between the tries: eight tries, 0.29 s of waiting at most.
REPLACE_PAUSES: tuple[float, ...] = (0.01, 0.02, 0.03, 0.04, 0.06, 0.06, 0.07)


class FileBusyError(PermissionError):
    """The file system refused on every try: another program holds the file,
    or the file may not be changed at all."""


def retry_while_refused(action: Callable[[], T], held: Path,
                        pauses: Sequence[float] = REPLACE_PAUSES,
                        sleep: Callable[[float], None] = time.sleep) -> T:
    """`action()`, tried again after each pause while it is refused with a
    permission error (another program holds `held`); FileBusyError when every
    try was refused. Any other OSError is raised at once."""
    for pause in pauses:
        try:
            return action()
        except PermissionError:
            sleep(pause)
    try:
        return action()
    except PermissionError as error:
        busy = FileBusyError(error.errno, error.strerror, str(held))
        raise busy from error


def replace_with_retry(source: Path, target: Path, *,
                       pauses: Sequence[float] = REPLACE_PAUSES,
                       sleep: Callable[[float], None] = time.sleep) -> None:
    """`os.replace(source, target)`, tried again after each pause while it is
    refused with a permission error; FileBusyError when every try was refused.
    Any other OSError is raised at once: a full disk does not empty itself.
    """
    retry_while_refused(lambda: os.replace(source, target), target, pauses, sleep)


def rename_with_retry(source: Path, target: Path, *,
                      pauses: Sequence[float] = REPLACE_PAUSES,
                      sleep: Callable[[float], None] = time.sleep) -> None:
    """`source.rename(target)` (never over an existing file on Windows),
    tried again like `replace_with_retry` while `source` is held."""
    retry_while_refused(lambda: source.rename(target), source, pauses, sleep)
