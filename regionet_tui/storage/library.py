"""The sessions folder: listing, creating, renaming, trash, repair.

Session files are named by id (`<id>.json`); the title lives inside. A file
can also bear another name (`<id>-<stamp>.json`, restored from the trash while
its name was taken), and then another file may hold a session of the same id:
so every action on a listed session acts on its file (`SessionEntry.path`),
never on "the file of this id".

A small index (`.index.json`) remembers each file's summary by size and mtime,
so the start screen does not parse every session to list them.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import time
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import sessionfile
from .atomic import atomic_write, remove_stale_temp_files
from .regular import FileTooLarge, NotRegularFile, kind_of, read_regular
from .replace import rename_with_retry
from .sessionfile import Damage, DamagedSessionFile

if TYPE_CHECKING:
    from ..models import Session
    from ..models.session import Language
    from .store import SessionStore

INDEX_NAME = ".index.json"
INDEX_MAX_BYTES = 16 * 1024 * 1024
TRASH_NAME = "trash"
ASIDE_NAME = "damaged"
DELETE_WAIT = 0.2  # seconds
# A file on its way between two folders (see _move_no_clobber), never listed;
# one this old was left by a crash, and is put back (recover_stale_moves).
MOVING_SUFFIX = ".moving"
STALE_MOVE_SECONDS = 60


class SessionInUseError(Exception):
    """Another instance has the session open."""


class SessionGoneError(Exception):
    """The session's file is no longer there: deleted or moved meanwhile (by
    another window, say)."""


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
        for folder in (self.folder, self.trash, self.folder / ASIDE_NAME):
            recover_stale_moves(folder)

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
        kind = kind_of(stat.st_mode)
        if kind is not None:  # a FIFO, device or folder is never opened
            return SessionEntry(path, path.stem, damage=Damage(f"kind_{kind}")), None
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
            data = json.loads(read_regular(folder / INDEX_NAME, INDEX_MAX_BYTES))
        except (OSError, ValueError, RecursionError, NotRegularFile, FileTooLarge):
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
    def _edit_closed(self, path: Path) -> SessionStore:
        from .store import SessionStore

        if not path.exists():
            raise SessionGoneError(path)
        try:
            store = SessionStore.open(path)
        except DamagedSessionFile:
            if not path.exists():
                raise SessionGoneError(path) from None
            raise
        if store.readonly:
            store.close()
            if store.lock_error is not None:
                raise store.lock_error
            raise SessionInUseError(path)
        if not path.exists():
            # Deleted between the reading and the lock: the store must not write
            # the session back where it no longer is.
            store.close()
            raise SessionGoneError(path)
        return store

    def rename(self, path: Path, title: str) -> None:
        """Give the session in this file another title."""
        from .store import SaveError

        store = self._edit_closed(path)
        try:
            store.change(lambda s: setattr(s, "title", title))
        except SaveError as error:
            raise error.error from None
        finally:
            store.close()

    def delete(self, path: Path) -> Path:
        """Move this session file (and its backup) to the trash folder.

        SessionInUseError when a window has it open; SessionGoneError when it
        is no longer there (another window deleted it first).
        """
        from .session_lock import LockTaken, SessionLock

        lock_file = sessionfile.lock_path(path)
        # A moment's wait: another window deleting it at the same time holds the
        # lock only that long, and then this one finds it gone; a window that
        # has it open holds it for good.
        lock = SessionLock(lock_file)
        try:
            lock.acquire(wait=DELETE_WAIT)
        except LockTaken:
            raise SessionInUseError(path) from None
        # An OSError from acquire (a read-only folder) goes to the caller: nothing moved.
        try:
            if not path.exists():
                raise SessionGoneError(path)
            try:
                target = self._move(path, self.trash)
            except FileNotFoundError:
                if path.exists():
                    raise
                raise SessionGoneError(path) from None
            # Gone while still locked: whoever opens the lock file after this
            # finds no session to open (never a lock file removed under a holder).
            with contextlib.suppress(OSError):
                lock_file.unlink()
            return target
        finally:
            lock.release()

    def trashed(self) -> list[SessionEntry]:
        return self.entries(self.trash)

    def restore(self, entry: SessionEntry) -> Path:
        """Put a session from the trash back; SessionGoneError when another window
        restored it first."""
        try:
            return self._move(entry.path, self.folder)
        except FileNotFoundError:
            if entry.path.exists():
                raise
            raise SessionGoneError(entry.path) from None

    def _move(self, path: Path, target_folder: Path) -> Path:
        """Move the file (and its backup) into `target_folder`, under its own name
        or, when that is taken, with a time stamp added: never over another file.
        FileNotFoundError when it is gone (moved by another window meanwhile)."""
        from .journal import journal_path

        target_folder.mkdir(parents=True, exist_ok=True)
        target = _move_to_free_name(path, target_folder)
        moved: list[tuple[Path, Path]] = [(target, path)]
        for beside in (sessionfile.backup_path, journal_path):
            source = beside(path)
            if source.exists() or source.is_symlink():
                try:
                    moved.append((_move_no_clobber(source, beside(target)), source))
                except OSError:
                    for there, back in reversed(moved):  # they stay together: back as they were
                        _move_no_clobber(there, back)
                    raise
        return target

    # -- repairing a damaged file ------------------------------------------------
    def move_aside(self, entry: SessionEntry) -> Path:
        """Move a damaged file into `damaged/`, untouched, so it can be looked at."""
        return self._move(entry.path, self.folder / ASIDE_NAME)

    def restore_backup(self, entry: SessionEntry) -> Path:
        """Put the last good copy back; a copy of the damaged file goes to `damaged/` first.

        Copied, not moved, and the good copy written atomically over it: when the
        disk is full halfway, the damaged file is still where it was. What is no
        ordinary file (a FIFO, a folder) is moved aside instead: it holds nothing
        to keep, and cannot be replaced by a file.
        """
        good = sessionfile.read_bytes(sessionfile.backup_path(entry.path))
        sessionfile.parse(good)  # refuses a backup that is damaged too
        aside = self.folder / ASIDE_NAME
        aside.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = aside / f"{entry.path.stem}-{stamp}{entry.path.suffix}"
        try:
            damaged = read_regular(entry.path, sessionfile.MAX_BYTES)
        except FileNotFoundError:
            pass
        except (NotRegularFile, FileTooLarge):
            _move_to_free_name(entry.path, aside)
        else:
            atomic_write(copy, damaged)
        atomic_write(entry.path, good)
        return entry.path


def recover_stale_moves(folder: Path, older_than: float = STALE_MOVE_SECONDS) -> int:
    """Put back a file that a move claimed (_move_no_clobber) and a crash left
    under its claimed name, hidden from the listing; the number put back.

    Already linked to where it went, it is there: only the claimed name goes.
    A file whose own name is taken again meanwhile stays as it is, for whoever
    looks: nothing is overwritten and nothing removed.
    """
    recovered = 0
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for claimed in folder.glob(f".*{MOVING_SUFFIX}"):
            with contextlib.suppress(OSError):
                status = claimed.lstat()
                if _claimed_at(claimed, status) >= cutoff:  # just now: a move under way
                    continue
                if not stat.S_ISDIR(status.st_mode) and status.st_nlink > 1:
                    claimed.unlink()  # placed already; the crash came before the tidying
                    continue
                original = claimed.with_name(claimed.name[1:].rsplit(".", 2)[0])
                if not original.exists() and not original.is_symlink():
                    claimed.rename(original)
                    recovered += 1
    return recovered


def _claim_name(source: Path) -> Path:
    """The name a move claims `source` under: its own name, hidden, with the
    moment of the claim and a random part (`.<name>.<seconds>-<hex>.moving`)."""
    return source.with_name(
        f".{source.name}.{int(time.time())}-{uuid.uuid4().hex[:8]}{MOVING_SUFFIX}")


def _claimed_at(claimed: Path, status: os.stat_result) -> float:
    """When a file was claimed for a move: the moment in its claimed name. A
    rename changes no time Windows keeps (its st_ctime is when the file was
    made), so the name is the one clock every system reads alike. A claim
    named without it is as old as its last status change (POSIX ctime)."""
    moment = claimed.name[:-len(MOVING_SUFFIX)].rpartition(".")[2].partition("-")[0]
    return float(moment) if moment.isdigit() else status.st_ctime


def _move_to_free_name(path: Path, folder: Path) -> Path:
    """Move `path` into `folder` under its own name or, when that is taken, with a
    time stamp added; the new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    names = [path.name, f"{path.stem}-{stamp}{path.suffix}",
             *(f"{path.stem}-{stamp}-{n}{path.suffix}" for n in range(2, 100))]
    targets = [folder / name for name in names
               # a backup without its file: kept for whoever looks, and not joined
               if not sessionfile.backup_path(folder / name).exists()]
    return _move_no_clobber(path, *targets)


def _move_no_clobber(source: Path, *targets: Path) -> Path:
    """Move `source` to the first of `targets` that is free; the one it went to.

    Other windows may move files in the same folders at the same moment. The
    file is first claimed by a rename to a name of this move's own (only one
    claim succeeds: FileNotFoundError for the others), then placed where no
    file is (a hard link fails rather than replace one). FileExistsError
    when every target is taken; the file is then back where it was.
    """
    claimed = _claim_name(source)
    rename_with_retry(source, claimed)
    try:
        for target in targets:
            try:
                _place(claimed, target)
            except FileExistsError:
                continue
            return target
        raise FileExistsError(targets[0] if targets else source)
    except BaseException:
        claimed.rename(source)
        raise


def _place(claimed: Path, target: Path) -> None:
    """Move a claimed file to `target`; FileExistsError when something is there."""
    if claimed.is_dir() and not claimed.is_symlink():  # a folder named like a session
        if target.exists() or target.is_symlink():
            raise FileExistsError(target)
        claimed.rename(target)
        return
    try:
        _hard_link(claimed, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (a FAT-formatted stick): check, then move
        if target.exists() or target.is_symlink():
            raise FileExistsError(target) from None
        claimed.rename(target)
        return
    claimed.unlink()


def _hard_link(source: Path, target: Path) -> None:
    """A second name for `source`, a symbolic link itself rather than what it
    points to. Where Python cannot ask for that (Windows, whose hard links
    follow a symbolic link; a system without linkat), a symbolic link gets an
    OSError, so the caller moves it by a rename instead."""
    if os.link in os.supports_follow_symlinks:
        os.link(source, target, follow_symlinks=False)
    elif source.is_symlink():
        raise OSError(errno.EOPNOTSUPP, os.strerror(errno.EOPNOTSUPP), str(source))
    else:
        os.link(source, target)
