"""Where an export or a report goes: never over a file that is not this session's own.

Two sessions with the same title on the same day share a file name, and a
partner's returned file may sit in exports/ under that very name. A file is
written over only when it is this session's own earlier file: a small ledger
in the export folder remembers, per file name, the session that wrote it and a
hash of what it wrote. A file changed since (a partner's version saved in its
place) or written by another session is left alone, and the session's files
get a name of their own: the session id's first characters, then a counter.

The ledger is only a memory: lost or unwritable, regionet picks a new name
where it could have reused one, and nothing is overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..storage.atomic import atomic_write
from ..storage.regular import FileTooLarge, NotRegularFile, read_regular

LEDGER_NAME = ".regionet-exports"  # no .json: never listed as an export
# Only ordinary files are read, and never more than these: a FIFO or a huge
# file under one of these names is simply not this session's.
LEDGER_MAX_BYTES = 4 * 1024 * 1024
OWN_FILE_MAX_BYTES = 256 * 1024 * 1024


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _still_there(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name no file system takes: a damaged ledger
        return False


class ExportLedger:
    """Which files in one export folder regionet wrote, for which session."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LEDGER_NAME

    def _records(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(read_regular(self.path, LEDGER_MAX_BYTES))
        except (OSError, ValueError, RecursionError, NotRegularFile, FileTooLarge):
            return {}
        if not isinstance(data, dict):
            return {}
        return {key: value for key, value in data.items() if isinstance(value, dict)}

    def owns(self, path: Path, session_id: str) -> bool:
        """`path` holds, unchanged, what this session last wrote there."""
        record = self._records().get(path.name)
        if record is None or record.get("session") != session_id:
            return False
        try:
            return record.get("sha256") == _digest(read_regular(path, OWN_FILE_MAX_BYTES))
        except (OSError, NotRegularFile, FileTooLarge):
            return False

    def remember(self, path: Path, session_id: str, data: bytes) -> None:
        records = {name: record for name, record in self._records().items()
                   if _still_there(self.folder / name)}
        records[path.name] = {"session": session_id, "sha256": _digest(data)}
        with contextlib.suppress(OSError):
            atomic_write(self.path, json.dumps(records, sort_keys=True, indent=1).encode())


# A session's export and reports keep one name between them.
KINDS = (".json", ".md", ".html")


def _candidates(stem: str, session_id: str) -> Iterator[str]:
    yield stem
    tag = re.sub(r"[^A-Za-z0-9]", "", session_id)[:8].lower() or "sessie"
    yield f"{stem}-{tag}"
    counter = 2
    while True:
        yield f"{stem}-{tag}-{counter}"
        counter += 1


def _usable(ledger: ExportLedger, path: Path, session_id: str) -> bool:
    if not path.exists() and not path.is_symlink():
        return True
    return path.is_file() and not path.is_symlink() and ledger.owns(path, session_id)


def choose_stem(folder: Path, stem: str, session_id: str) -> str:
    """The first name in `folder` under which each of the session's files is
    free or holds this session's own earlier file."""
    ledger = ExportLedger(folder)
    return next(candidate for candidate in _candidates(stem, session_id)
                if all(_usable(ledger, folder / f"{candidate}{kind}", session_id)
                       for kind in KINDS))


def taken_names(folder: Path, stem: str, session_id: str) -> list[str]:
    """The names of the session's files under `stem` that another file holds:
    why its files went under another name."""
    ledger = ExportLedger(folder)
    return [f"{stem}{kind}" for kind in KINDS
            if not _usable(ledger, folder / f"{stem}{kind}", session_id)]


def write_own_file(folder: Path, stem: str, suffix: str, session_id: str, data: bytes) -> Path:
    """Write `data` under a name that overwrites nothing but this session's own
    earlier file (see choose_stem); the path it went to. OSError when the
    folder refuses."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{choose_stem(folder, stem, session_id)}{suffix}"
    atomic_write(path, data)
    ExportLedger(folder).remember(path, session_id, data)
    return path
