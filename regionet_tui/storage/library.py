"""The sessions folder: listing, creating, renaming, duplicating, trash, repair.

Session files are named by id (`<id>.json`); the title lives inside. A small
index (`.index.json`) remembers each file's summary by size and mtime, so the
start screen does not parse every session to list them.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import sessionfile
from .atomic import atomic_write, remove_stale_temp_files
from .sessionfile import Damage, DamagedSessionFile

if TYPE_CHECKING:
    from ..models import Session
    from ..models.session import Language
    from .store import SessionStore

INDEX_NAME = ".index.json"
TRASH_NAME = "trash"
ASIDE_NAME = "damaged"


class SessionInUseError(Exception):
    """Another instance has the session open."""


@dataclass(frozen=True)
class SessionEntry:
    """One line of the start screen. `damage` is set for a file we cannot open."""

    path: Path
    id: str
    title: str = ""
    region: str = ""
    date: str = ""
    partners: int = 0
    done: int = 0
    total: int = 0
    modified: str = ""
    damage: Damage | None = None
    has_backup: bool = False

    @property
    def damaged(self) -> bool:
        return self.damage is not None


def summarise(path: Path, session: Session) -> SessionEntry:
    from .. import progress

    done, total = progress.done_count(session)
    return SessionEntry(
        path=path, id=session.id, title=session.title, region=session.region,
        date=session.date.isoformat(), partners=len(session.partners), done=done,
        total=total, modified=session.modified.isoformat(),
    )


def _damaged(cached: dict[str, object]) -> bool:
    summary = cached.get("summary")
    return not isinstance(summary, dict) or bool(summary.get("damage"))


class SessionLibrary:
    """The sessions in one folder.

    A method that changes the folder raises OSError (a read-only medium, no
    rights, a full disk) and leaves the folder as it was; callers say why with
    `problems.os_reason`.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def trash(self) -> Path:
        return self.folder / TRASH_NAME

    def prepare(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temp_files(self.folder)

    def path_for(self, session_id: str) -> Path:
        return self.folder / f"{session_id}{sessionfile.SUFFIX}"

    # -- listing -------------------------------------------------------------
    def entries(self, folder: Path | None = None) -> list[SessionEntry]:
        folder = folder or self.folder
        if not folder.is_dir():
            return []
        index = self._read_index(folder)
        fresh: dict[str, dict[str, object]] = {}
        entries = []
        for path in sorted(folder.glob(f"*{sessionfile.SUFFIX}")):
            if path.name.startswith("."):
                continue
            entry, record = self._entry(path, index.get(path.name))
            entries.append(entry)
            if record is not None:
                fresh[path.name] = record
        if fresh != index:
            self._write_index(folder, fresh)
        return entries

    def _entry(self, path: Path, cached: dict[str, object] | None
               ) -> tuple[SessionEntry, dict[str, object] | None]:
        try:
            stat = path.stat()
        except OSError as error:
            detail = (error.strerror or str(error))[:120]
            return SessionEntry(path, path.stem, damage=Damage("unreadable", detail)), None
        stamp = [stat.st_size, stat.st_mtime_ns]
        has_backup = sessionfile.backup_path(path).exists()
        # A damaged file is read again every time: it is rare, and its reason
        # is then said as this version says it, not as the cache kept it.
        if cached is not None and cached.get("stamp") == stamp and not _damaged(cached):
            with contextlib.suppress(TypeError, KeyError):
                summary = dict(cached["summary"])  # type: ignore[call-overload]
                damage = summary.pop("damage", None)
                entry = SessionEntry(path=path, **summary,
                                     damage=Damage(**damage) if damage else None,
                                     has_backup=has_backup)
                return entry, cached
        try:
            entry = summarise(path, sessionfile.read(path))
        except DamagedSessionFile as error:
            entry = SessionEntry(path, path.stem, damage=error.damage)
        entry = replace(entry, has_backup=has_backup)
        summary = asdict(entry)
        summary.pop("path")
        summary.pop("has_backup")
        return entry, {"stamp": stamp, "summary": summary}

    def _read_index(self, folder: Path) -> dict[str, dict[str, object]]:
        try:
            data = json.loads((folder / INDEX_NAME).read_bytes())
        except (OSError, ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_index(self, folder: Path, index: dict[str, dict[str, object]]) -> None:
        # The index is only a cache: a folder we cannot write to still lists fine.
        with contextlib.suppress(OSError):
            atomic_write(folder / INDEX_NAME, json.dumps(index, sort_keys=True).encode())

    # -- creating and opening --------------------------------------------------
    def create(self, title: str, region: str, on: date, facilitator: str = "",
               language: Language = "nl") -> SessionStore:
        from ..models import Session

        session = Session.create(title, region, on, facilitator, language)
        return self.add(session)

    def add(self, session: Session) -> SessionStore:
        from .store import SessionStore

        self.prepare()
        path = self.path_for(session.id)
        if path.exists():
            raise FileExistsError(path)
        return SessionStore.create(path, session)

    def open(self, session_id: str) -> SessionStore:
        from .store import SessionStore

        return SessionStore.open(self.path_for(session_id))

    # -- changing the folder ---------------------------------------------------
    def _edit_closed(self, session_id: str) -> SessionStore:
        from .store import SessionStore

        path = self.path_for(session_id)
        store = SessionStore.open(path)
        if store.readonly:
            store.close()
            if store.lock_error is not None:
                raise store.lock_error
            raise SessionInUseError(session_id)
        return store

    def rename(self, session_id: str, title: str) -> None:
        from .store import SaveError

        store = self._edit_closed(session_id)
        try:
            store.change(lambda s: setattr(s, "title", title))
        except SaveError as error:
            raise error.error from None
        finally:
            store.close()

    def duplicate(self, session_id: str, title: str) -> Session:
        """Start the next round from this session, linked to it as predecessor."""
        from ..core.rounds import next_round  # late: core.rounds reads through storage
        from ..models import new_id

        source = sessionfile.read(self.path_for(session_id))
        copy = next_round(source, new_id(), title, datetime.now().date())
        store = self.add(copy)
        store.close()
        return copy

    def delete(self, session_id: str) -> Path:
        """Move the session (and its backup) to the trash folder."""
        from filelock import FileLock, Timeout

        path = self.path_for(session_id)
        lock = FileLock(sessionfile.lock_path(path), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise SessionInUseError(session_id) from None
        # An OSError from acquire (a read-only folder) goes to the caller: nothing moved.
        try:
            return self._move(path, self.trash)
        finally:
            lock.release()
            with contextlib.suppress(OSError):
                sessionfile.lock_path(path).unlink()

    def trashed(self) -> list[SessionEntry]:
        return self.entries(self.trash)

    def restore(self, entry: SessionEntry) -> Path:
        return self._move(entry.path, self.folder)

    def _move(self, path: Path, target_folder: Path) -> Path:
        target_folder.mkdir(parents=True, exist_ok=True)
        target = target_folder / path.name
        if target.exists():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = target_folder / f"{path.stem}-{stamp}{path.suffix}"
        backup = sessionfile.backup_path(path)
        path.replace(target)
        if backup.exists():
            try:
                backup.replace(sessionfile.backup_path(target))
            except OSError:
                target.replace(path)  # the two stay together: back as they were
                raise
        return target

    # -- repairing a damaged file ------------------------------------------------
    def move_aside(self, entry: SessionEntry) -> Path:
        """Move a damaged file into `damaged/`, untouched, so it can be looked at."""
        return self._move(entry.path, self.folder / ASIDE_NAME)

    def restore_backup(self, entry: SessionEntry) -> Path:
        """Put the last good copy back; a copy of the damaged file goes to `damaged/` first.

        Copied, not moved, and the good copy written atomically over it: when the
        disk is full halfway, the damaged file is still where it was.
        """
        backup = sessionfile.backup_path(entry.path)
        sessionfile.read(backup)  # refuses a backup that is damaged too
        good = backup.read_bytes()
        aside = self.folder / ASIDE_NAME
        aside.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        if entry.path.exists():
            atomic_write(aside / f"{entry.path.stem}-{stamp}{entry.path.suffix}",
                         entry.path.read_bytes())
        atomic_write(entry.path, good)
        return entry.path
