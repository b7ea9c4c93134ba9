"""Writing a command's result to a file (atomically) or to standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from ..i18n import t
from ..storage.atomic import atomic_write
from ..storage.problems import os_reason

STDOUT = "-"


def deliver(data: bytes, target: str | None) -> int:
    """Write `data` to `target` (a path, or stdout for None or "-"); 0, or 1 with
    a message on stderr."""
    if target is None or target == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = Path(target).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError as error:
        fail(t("share.cli.write_failed", path=str(path), cause=os_reason(error)))
        return 1
    print(t("share.cli.written", path=str(path)), file=sys.stderr)
    return 0


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1
