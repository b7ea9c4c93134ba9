"""One open session: the model in memory, every change in its journal at once.

A change is validated by the models and applied in memory; what it changed
(the edits, found by comparing the session's JSON part by part) goes to the
journal as one line, appended and fsync'ed by the journal's thread (journal.py).
The whole session (the snapshot, TinyDB's file) is written atomically after
SNAPSHOT_AFTER changes, when the facilitator pauses (`checkpoint`) and on
close: small sessions before the call returns, large ones by a writer thread,
so the interface never waits on the disk.

Undo and redo are changes too: each applies the inverse of an earlier change
and is journalled like any other, so history is never destroyed.

The snapshot of a change is the session's JSON, encoded by pydantic on the
calling thread (2-3 ms for a region-sized session, and it allocates no Python
objects): the writer thread then only writes bytes. A dict snapshot cost more
on the calling thread, and the writer's `json.dumps` of it held the GIL
against the interface for ~10 ms per save.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, cast

from pydantic_core import to_json
from tinydb import TinyDB

from ..models import Session, utc_now
from . import journal as journal_file
from . import sessionfile
from .changes import Edit, EditDoesNotApply, diff, inverse
from .changes import apply as apply_edits
from .journal import FACILITATOR, Record, Who
from .library import SessionGoneError
from .problems import os_reason
from .recovery import Recovered, recover
from .session_lock import LockTaken, SessionLock
from .tinystore import AtomicJSONStorage, frame

T = TypeVar("T")

# Above this many bytes a save moves off the calling thread.
BACKGROUND_SAVE_BYTES = 512 * 1024
# How long a change waits for its journal line to be on disk before it
# returns (the line is written on anyway).
WAIT_FOR_DISK = 0.05
# How long a change waits at most while another program holds its journal and
# the journal's thread tries again (the tries take 0.29 s, replace.py): as
# before the journal, a held file is waited for and reported with the change.
WAIT_WHILE_HELD = 1.0
# After this many changes since the last snapshot, the snapshot is written anew.
SNAPSHOT_AFTER = 200
# The session's fields a change is looked for in; `modified` is the time of
# the last change, which the journal's records say themselves.
UNJOURNALLED = frozenset({"modified"})
JOURNALLED = tuple(name for name in Session.model_fields if name not in UNJOURNALLED)


class ReadOnlyError(Exception):
    """The session is open read-only (another instance holds it, or its folder
    cannot be written to)."""


class SaveError(Exception):
    """The change is in memory but could not be written to disk.

    `str()` is the reason in the user's language.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error

    def __str__(self) -> str:
        return os_reason(self.error)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _BackgroundWriter:
    """Writes the latest snapshot it was given; older pending ones are dropped."""

    def __init__(self, write: Callable[[bytes, int], None],
                 on_error: Callable[[Exception], None]) -> None:
        self._write = write
        self._on_error = on_error
        self._pending: tuple[bytes, int] | None = None
        self._busy = False
        self._condition = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="regionet-saver", daemon=True)
        self._stopped = False
        self._thread.start()

    def submit(self, snapshot: bytes, seq: int) -> None:
        with self._condition:
            self._pending = (snapshot, seq)
            self._condition.notify_all()

    def flush(self, timeout: float = 10.0) -> None:
        with self._condition:
            self._condition.wait_for(lambda: self._pending is None and not self._busy, timeout)

    def stop(self) -> None:
        self.flush()
        with self._condition:
            self._stopped = True
            self._condition.notify_all()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending is not None or self._stopped)
                if self._pending is None:
                    return
                snapshot, self._pending, self._busy = self._pending, None, True
            failure: Exception | None = None
            try:
                self._write(*snapshot)
            except Exception as error:  # reported to the interface, never swallowed
                failure = error
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()
            # Reported once no longer busy: the interface may be waiting in
            # flush() (closing, quitting) while the report waits for it.
            if failure is not None:
                self._on_error(failure)


class SessionStore:
    def __init__(self, path: Path, session: Session, *, readonly: bool = False,
                 lock: SessionLock | None = None, lock_error: OSError | None = None,
                 recovered: Recovered | None = None) -> None:
        self.path = path
        self.session = session
        self.readonly = readonly or lock_error is not None
        # Why the lock could not be taken when the folder refused it (read-only
        # medium, no rights): the session can still be read, not changed.
        self.lock_error = lock_error
        self._lock = lock
        # The last write failed (disk full...): the session in memory holds a
        # change the disk does not. Cleared by the next write that succeeds.
        self._failed: OSError | None = None
        self._db_lock = threading.Lock()
        self._db = TinyDB(storage=AtomicJSONStorage, path=path,
                          backup=sessionfile.backup_path(path))
        self._storage = cast(AtomicJSONStorage, self._db.storage)
        self._writer: _BackgroundWriter | None = None
        self._last_size = recovered.snapshot_size if recovered else _size(path)
        self.on_background_error: Callable[[Exception], None] | None = None
        self.wait_for_disk = WAIT_FOR_DISK
        self._waiting = False
        self._last_change = 0.0
        self._told_while_waiting: OSError | None = None
        # Told of every change, undo and redo (the App publishes it to the screens).
        self.on_change: Callable[[Record], None] | None = None
        self.journal_notice = recovered.notice if recovered else None
        # Each journalled field's JSON as the last change left it.
        self._parts = {name: to_json(getattr(session, name)) for name in JOURNALLED}
        contents = recovered.contents if recovered else None
        mark = recovered.mark if recovered else None
        if contents is not None:
            self._journal_id = contents.journal_id
            self.records: list[Record] = list(contents.records)
        else:
            self._journal_id = (mark.journal if mark is not None
                                else journal_file.new_journal_id())
            self.records = []
        self._seq = max(self.records[-1].seq if self.records else 0,
                        mark.seq if mark is not None else 0)
        # The last change the snapshot holds: as written, and as on disk.
        self._snapshot_seq = mark.seq if mark is not None else 0
        self._durable_seq = self._snapshot_seq
        self._undo, self._redo = _stacks(self.records)
        self._journal: journal_file.JournalWriter | None = None
        if not self.readonly:
            self._journal = journal_file.JournalWriter(
                journal_file.journal_path(path), self._journal_id, session.id,
                on_error=self._journal_failed)
            if contents is not None and contents.torn:  # written again without its cut-off line
                self._journal.rewrite(journal_file.lines_of(self.records))

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> SessionStore:
        """Open for editing, or read-only when another instance holds the lock
        or the folder cannot take the lock file (then `lock_error` says why).

        The lock is taken before the file is read, so what is read is what no
        other window can change meanwhile. Raises DamagedSessionFile when the
        file cannot be read as a session, SessionGoneError when it is not there.
        """
        lock = SessionLock(sessionfile.lock_path(path))
        try:
            lock.acquire()
        except LockTaken:
            return cls._read_only(path)
        except OSError as error:
            return cls._read_only(path, error)
        try:
            if not path.exists() and not path.is_symlink():
                # Deleted or moved before the lock was ours: never written back.
                raise SessionGoneError(path)
            recovered = recover(path, holder=True)
        except BaseException:
            lock.release()
            raise
        return cls(path, recovered.session, lock=lock, recovered=recovered)

    @classmethod
    def _read_only(cls, path: Path, lock_error: OSError | None = None) -> SessionStore:
        recovered = recover(path, holder=False)
        return cls(path, recovered.session, readonly=True, lock_error=lock_error,
                   recovered=recovered)

    @classmethod
    def create(cls, path: Path, session: Session) -> SessionStore:
        """Write a new session file; OSError (and no file) when the folder refuses."""
        lock = SessionLock(sessionfile.lock_path(path))
        lock.acquire()
        store = cls(path, session, lock=lock)
        try:
            store._write(store._snapshot(), 0)
        except OSError:
            store._failed = None  # never saved: nothing for close to retry
            store.close()
            with contextlib.suppress(OSError):
                sessionfile.lock_path(path).unlink()
            with contextlib.suppress(OSError):
                journal_file.journal_path(path).unlink()
            raise
        return store

    # -- changing ------------------------------------------------------------
    def change(self, apply: Callable[[Session], T], who: Who = FACILITATOR) -> T:
        """Apply one change to the session and journal it at once.

        `apply` must validate before it mutates (the models do, on every
        assignment), so a refused change leaves the session as it was.
        SaveError when the journal could not be written (the change is kept).
        """
        if self.readonly:
            raise ReadOnlyError(str(self.path))
        result = apply(self.session)
        edits = self._changed_since()
        if edits:
            self._record(edits, who)
        return result

    def save(self) -> None:
        """Journal whatever changed in the session since the last change."""
        if self.readonly:
            raise ReadOnlyError(str(self.path))
        edits = self._changed_since()
        if edits:
            self._record(edits, FACILITATOR)

    def _changed_since(self) -> list[Edit]:
        edits: list[Edit] = []
        for name in JOURNALLED:
            now = to_json(getattr(self.session, name))
            before = self._parts[name]
            if now != before:
                edits.extend(diff(json.loads(before), json.loads(now), (name,)))
                self._parts[name] = now
        return edits

    def _record(self, edits: Sequence[Edit], who: Who, *, undoes: int | None = None,
                redoes: int | None = None, back_to: int | None = None,
                words: tuple[str, dict[str, str], tuple[str, ...]] | None = None) -> Record:
        from ..core.history import describe

        self.session.modified = utc_now()
        stage, what, partners = words if words is not None else describe(self.session, edits)
        self._seq += 1
        record = Record(self._seq, self.session.modified, who, stage, what, tuple(edits),
                        undoes=undoes, redoes=redoes, back_to=back_to, partners=partners)
        self.records.append(record)
        self._last_change = time.monotonic()
        if undoes is None and redoes is None:
            self._undo.append(record.seq)
            self._redo.clear()
        assert self._journal is not None
        self._journal.append(record.to_line())
        if self._seq - max(self._snapshot_seq, 0) >= SNAPSHOT_AFTER:
            self.checkpoint()
        self._compact()
        if self.on_change is not None:
            self.on_change(record)
        # A moment's wait for the disk, so that a refusal (a full disk) is told
        # with the change; a slow disk is waited for by the journal's thread only.
        self._waiting = True
        try:
            on_disk = self._journal.flush(timeout=self.wait_for_disk)
            if not on_disk and self._journal.held:
                on_disk = self._journal.flush(timeout=WAIT_WHILE_HELD)
        finally:
            self._waiting = False
        told, self._told_while_waiting = self._told_while_waiting, None
        if not on_disk and self._journal.failed is not None:
            raise SaveError(self._journal.failed)
        if told is not None:
            self._report(told)
        return record

    def _journal_failed(self, error: OSError) -> None:
        if self._waiting:  # the change that waits says it itself
            self._told_while_waiting = error
        else:
            self._report(error)

    @property
    def last_seq(self) -> int:
        """The number of the last change journalled."""
        return self._seq

    # -- undo, redo, going back ---------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self, who: Who = FACILITATOR) -> Record | None:
        """Undo the last change not undone yet (None when there is none); the undo
        is itself a change in the journal. ValidationError or EditDoesNotApply
        when the session no longer allows it (nothing changed)."""
        if self.readonly:
            raise ReadOnlyError(str(self.path))
        if not self._undo:
            return None
        target = self._find(self._undo[-1])
        record = self._apply(inverse(target.edits), who, target, undoes=target.seq)
        self._undo.pop()
        self._redo.append(record.seq)
        return record

    def redo(self, who: Who = FACILITATOR) -> Record | None:
        if self.readonly:
            raise ReadOnlyError(str(self.path))
        if not self._redo:
            return None
        undone = self._find(self._redo[-1])
        original = self._find(undone.undoes) if undone.undoes is not None else undone
        record = self._apply(inverse(undone.edits), who, original, redoes=undone.seq)
        self._redo.pop()
        self._undo.append(record.seq)
        return record

    def go_back_to(self, seq: int, who: Who = FACILITATOR) -> Record | None:
        """Bring the session back to how it was right after change `seq`, as one
        change (which can be undone); None when nothing changed since."""
        if self.readonly:
            raise ReadOnlyError(str(self.path))
        later = [record for record in self.records if record.seq > seq]
        edits: list[Edit] = []
        for record in reversed(later):
            edits.extend(inverse(record.edits))
        if not edits:
            return None
        target = self._find(seq)
        return self._apply(edits, who, None, back_to=target.seq)

    def _find(self, seq: int) -> Record:
        for record in reversed(self.records):
            if record.seq == seq:
                return record
        raise KeyError(seq)

    def _apply(self, edits: Sequence[Edit], who: Who, like: Record | None, *,
               undoes: int | None = None, redoes: int | None = None,
               back_to: int | None = None) -> Record:
        """Apply edits to the session, field by field, all or nothing."""
        trees: dict[str, object] = {}
        for edit in edits:
            name = edit.path[0]
            if not isinstance(name, str) or name not in self._parts:
                raise EditDoesNotApply(str(edit.path))
            if name not in trees:
                trees[name] = json.loads(self._parts[name])
        apply_edits(trees, edits)
        before = {name: getattr(self.session, name) for name in trees}
        try:
            for name, value in trees.items():
                setattr(self.session, name, value)
        except Exception:
            for name, value in before.items():
                setattr(self.session, name, value)
            raise
        done = self._changed_since()
        from ..core.history import describe

        stage, what, partners = describe(self.session, done)
        if like is not None:  # said as the change it undoes or redoes
            stage, partners = like.stage, tuple(dict.fromkeys(like.partners + partners))
        return self._record(done, who, undoes=undoes, redoes=redoes, back_to=back_to,
                            words=(stage, what, partners))

    # -- writing -------------------------------------------------------------
    def _snapshot(self) -> bytes:
        """The session file's bytes: the session and the mark of the last change."""
        mark = sessionfile.Mark(self._journal_id, self._seq)
        return frame(sessionfile.TABLE, sessionfile.DOC_ID, to_json(self.session),
                     (sessionfile.MARK_TABLE, mark.to_json()))

    def paused_for(self, seconds: float) -> bool:
        """No change for `seconds`, and one since the last snapshot."""
        return (self._seq != self._snapshot_seq
                and time.monotonic() - self._last_change >= seconds)

    def checkpoint(self) -> None:
        """Write the snapshot when changes were made since the last one (a pause,
        or many changes): small sessions now, large ones by the writer thread."""
        if self.readonly or self._seq == self._snapshot_seq:
            return
        snapshot, seq = self._snapshot(), self._seq
        self._snapshot_seq = seq
        if self._writer is None and self._last_size < BACKGROUND_SAVE_BYTES:
            with contextlib.suppress(OSError):  # kept in the journal; tried again later
                self._write(snapshot, seq)
            return
        if self._writer is None:
            self._writer = _BackgroundWriter(self._write, self._report)
        self._writer.submit(snapshot, seq)

    def _write(self, snapshot: bytes, seq: int) -> None:
        """Write one snapshot as the session file."""
        with self._db_lock:
            try:
                self._storage.write_encoded(snapshot)
            except OSError as error:
                self._snapshot_seq = -1  # not written: the next checkpoint tries again
                self._failed = error
                raise
            self._failed = None
            self._last_size = len(snapshot)
            self._durable_seq = seq

    def _compact(self) -> None:
        """Keep the journal's last HISTORY_KEEP changes, and every change the
        snapshot on disk does not hold yet."""
        keep = journal_file.HISTORY_KEEP
        if len(self.records) <= 2 * keep or self._journal is None:
            return
        cut = len(self.records) - keep
        kept = [record for index, record in enumerate(self.records)
                if index >= cut or record.seq > self._durable_seq]
        self.records = kept
        self._undo, self._redo = _stacks(kept, self._undo, self._redo)
        self._journal.rewrite(journal_file.lines_of(kept))

    def _report(self, error: Exception) -> None:
        if self.on_background_error is not None:
            self.on_background_error(SaveError(error) if isinstance(error, OSError) else error)

    def flush(self) -> None:
        if self._journal is not None:
            self._journal.flush()
        if self._writer is not None:
            self._writer.flush()

    @property
    def unsaved(self) -> bool:
        """The disk lacks a change the session holds (a write failed)."""
        self.flush()
        journal_failed = self._journal is not None and self._journal.failed is not None
        return journal_failed

    def save_unsaved(self) -> None:
        """Write a change that a failed save left in memory, on this thread.

        Called before the session is closed; SaveError when it still fails,
        and then the change is still only in memory.
        """
        if self.readonly or not self.unsaved:
            return
        assert self._journal is not None
        if self._journal.retry():
            return
        try:
            self._write(self._snapshot(), self._seq)
        except OSError as error:
            raise SaveError(error) from error
        # The snapshot holds everything: the journal may lack the last lines.
        self._journal.rewrite(journal_file.lines_of(self.records))

    def close(self) -> None:
        if not self.readonly and self._seq != self._durable_seq:
            if self._writer is not None:
                self._writer.flush()
            with contextlib.suppress(OSError):
                self._write(self._snapshot(), self._seq)
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
        with contextlib.suppress(SaveError):
            self.save_unsaved()  # a last try; the app has warned before it got here
        if self._journal is not None:
            self._journal.stop()
            self._journal = None
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _stacks(records: Sequence[Record], undo: Sequence[int] = (),
            redo: Sequence[int] = ()) -> tuple[list[int], list[int]]:
    """The undo and redo stacks the journal's changes leave (seqs of the changes
    an undo or redo inverts); with stacks given, those trimmed to the records."""
    present = {record.seq for record in records}
    if undo or redo:
        return [s for s in undo if s in present], [s for s in redo if s in present]
    undo_stack: list[int] = []
    redo_stack: list[int] = []
    for record in records:
        if record.undoes is not None:
            if undo_stack and undo_stack[-1] == record.undoes:
                undo_stack.pop()
            redo_stack.append(record.seq)
        elif record.redoes is not None:
            if redo_stack and redo_stack[-1] == record.redoes:
                redo_stack.pop()
            undo_stack.append(record.seq)
        else:
            undo_stack.append(record.seq)
            redo_stack.clear()
    return undo_stack, redo_stack
