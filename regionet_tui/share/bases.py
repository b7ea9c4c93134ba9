"""The bases: the states of a session as they were exported, kept to merge against.

An export file records the revision it was made at (revision.py). Beside the
sessions, in `bases/`, the app keeps the export file's bytes under
`<revision>.<session id>.json`, so that a partner's file made from that export
can later be merged three-way: its common ancestor with the open session is
found by the session's id and the revision the file names.

A base is a cache, never the only copy of anything: at most
`MAX_PER_SESSION` are kept per session (the least recently made or used go
first), each written atomically. A base is read with all the checks of an
import and its content must hash to the revision in its name; a base that
fails either is damaged, and the merge then falls back to comparing two
sides, saying why. A damaged base is left where it is (no file is ever
destroyed because it looked wrong); the next export of that revision
replaces it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..models import Session
from ..storage.atomic import atomic_write, remove_stale_temp_files
from . import importer
from .document import ExportDocument
from .errors import ImportRefused
from .revision import LENGTH, revision_of

FOLDER_NAME = "bases"
MAX_PER_SESSION = 12


def bases_folder(sessions_folder: Path) -> Path:
    return sessions_folder / FOLDER_NAME


def base_path(sessions_folder: Path, session_id: str, revision: str) -> Path:
    """The revision comes first: a name never starts as a name Windows keeps for
    a device (a session id could be `CON` or `aux`), and an id holds no dot."""
    return bases_folder(sessions_folder) / f"{revision}.{session_id}.json"


def keep_base(sessions_folder: Path, session_id: str, revision: str, export: bytes
              ) -> Path | None:
    """Keep the bytes of an export file as the base of its revision; OSError
    when the folder refuses. The oldest bases of the session beyond
    MAX_PER_SESSION are removed. An export too large to be imported is not
    kept (None): no file made from it can be merged."""
    if len(export) > importer.MAX_BYTES:
        return None
    folder = bases_folder(sessions_folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(folder)
    path = base_path(sessions_folder, session_id, revision)
    if _still_good(path, revision):
        os.utime(path)  # the same state kept already: young again, left as it is
    else:
        atomic_write(path, export)
    _prune(folder, session_id)
    return path


def _still_good(path: Path, revision: str) -> bool:
    """A base of this revision is there and reads as one."""
    if not path.is_file():
        return False
    try:
        read_base(path, revision)
    except (ImportRefused, OSError):
        return False
    return True


def _bases_of(folder: Path, session_id: str) -> list[Path]:
    return [path for path in folder.glob(f"*.{session_id}.json")
            if len(path.name.split(".", 1)[0]) == LENGTH]


def _prune(folder: Path, session_id: str) -> None:
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    for old in sorted(_bases_of(folder, session_id), key=age, reverse=True)[MAX_PER_SESSION:]:
        with contextlib.suppress(OSError):
            old.unlink()


@dataclass(frozen=True)
class Base:
    """The common ancestor found for a merge."""

    session: Session
    revision: str
    exported_at: datetime


@dataclass(frozen=True)
class BaseSearch:
    """What looking for a base found: a base, or none; `damaged` names a base
    file that was there but could not be used, and `reason` says why."""

    base: Base | None
    damaged: Path | None = None
    reason: str = ""


def find_base(sessions_folder: Path, session_id: str, revisions: Iterable[str | None]
              ) -> BaseSearch:
    """The first of `revisions` whose base of this session is kept and sound."""
    damaged: Path | None = None
    reason = ""
    for revision in revisions:
        if revision is None:
            continue
        path = base_path(sessions_folder, session_id, revision)
        if not os.path.lexists(path):
            continue
        try:
            document = read_base(path, revision)
        except ImportRefused as refused:
            damaged, reason = damaged or path, reason or refused.message()
            continue
        with contextlib.suppress(OSError):
            os.utime(path)  # used: pruned last
        return BaseSearch(Base(document.session, revision, document.exported_at))
    return BaseSearch(None, damaged, reason)


def base_for(sessions_folder: Path, local: Session, document: ExportDocument) -> BaseSearch:
    """The common ancestor of the open session and a file: the file itself when
    it is a state this session was exported at, else the export its session
    was imported from."""
    return find_base(sessions_folder, local.id,
                     (document.revision, document.session.origin_revision))


def read_base(path: Path, revision: str) -> ExportDocument:
    """The export document kept at `path`, checked like an import and against
    the revision it must have; ImportRefused saying why not."""
    document = importer.parse_document(importer.read_capped(path))
    if revision_of(document.session) != revision:
        raise ImportRefused("base_changed")
    return document
