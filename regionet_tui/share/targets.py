"""Where an export or a report goes: never over a file that is not this session's own.

Two sessions with the same title on the same day share a file name, and a
partner's returned file may sit in exports/ under that very name. A file is
written over only when it is this session's own earlier file: a small ledger
in the export folder remembers, per file name, the session that wrote it and a
hash of what it wrote. A file changed since (a partner's version saved in its
place) or written by another session is left alone, and the new file gets a
name of its own: the session id's first characters, then a counter.

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

LEDGER_NAME = ".regionet-exports"  # no .json: never listed as an export


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ExportLedger:
    """Which files in one export folder regionet wrote, for which session."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LEDGER_NAME

    def _records(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):
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
            return record.get("sha256") == _digest(path.read_bytes())
        except OSError:
            return False

    def remember(self, path: Path, session_id: str, data: bytes) -> None:
        records = {name: record for name, record in self._records().items()
                   if (self.folder / name).exists()}
        records[path.name] = {"session": session_id, "sha256": _digest(data)}
        with contextlib.suppress(OSError):
            atomic_write(self.path, json.dumps(records, sort_keys=True, indent=1).encode())


def _candidates(folder: Path, stem: str, suffix: str, session_id: str) -> Iterator[Path]:
    yield folder / f"{stem}{suffix}"
    tag = re.sub(r"[^A-Za-z0-9]", "", session_id)[:8].lower() or "sessie"
    yield folder / f"{stem}-{tag}{suffix}"
    counter = 2
    while True:
        yield folder / f"{stem}-{tag}-{counter}{suffix}"
        counter += 1


def choose_target(folder: Path, stem: str, suffix: str, session_id: str) -> Path:
    """The first name in `folder` that is free or holds this session's own earlier file."""
    ledger = ExportLedger(folder)

    def usable(path: Path) -> bool:
        if not path.exists() and not path.is_symlink():
            return True
        return path.is_file() and not path.is_symlink() and ledger.owns(path, session_id)

    return next(path for path in _candidates(folder, stem, suffix, session_id) if usable(path))


def write_own_file(folder: Path, stem: str, suffix: str, session_id: str, data: bytes) -> Path:
    """Write `data` under a name that overwrites nothing but this session's own
    earlier file (see choose_target); the path it went to. OSError when the
    folder refuses."""
    folder.mkdir(parents=True, exist_ok=True)
    path = choose_target(folder, stem, suffix, session_id)
    atomic_write(path, data)
    ExportLedger(folder).remember(path, session_id, data)
    return path
