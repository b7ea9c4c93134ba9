"""One open session: the model in memory, saved at once on every change.

A change is validated by the models, applied in memory and written through
TinyDB's storage, atomically. Small sessions are written before the call
returns; large ones are handed to a writer thread that coalesces bursts and
writes within half a second, so the interface never waits on the disk.

The snapshot of a change is the session's JSON, encoded by pydantic on the
calling thread (2-3 ms for a region-sized session, and it allocates no Python
objects): the writer thread then only writes bytes. A dict snapshot cost more
on the calling thread, and the writer's `json.dumps` of it held the GIL
against the interface for ~10 ms per save.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from filelock import FileLock, Timeout
from pydantic_core import to_json
from tinydb import TinyDB

from ..models import Session, utc_now
from . import sessionfile
from .problems import os_reason
from .tinystore import AtomicJSONStorage, frame

T = TypeVar("T")

# Above this many bytes a save moves off the calling thread.
BACKGROUND_SAVE_BYTES = 512 * 1024


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

    def __init__(self, write: Callable[[bytes], None],
                 on_error: Callable[[Exception], None]) -> None:
        self._write = write
        self._on_error = on_error
        self._pending: bytes | None = None
        self._busy = False
        self._condition = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="regionet-saver", daemon=True)
        self._stopped = False
        self._thread.start()

    def submit(self, snapshot: bytes) -> None:
        with self._condition:
            self._pending = snapshot
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
                self._write(snapshot)
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
                 lock: FileLock | None = None, lock_error: OSError | None = None) -> None:
        self.path = path
        self.session = session
        self.readonly = readonly or lock_error is not None
        # Why the lock could not be taken when the folder refused it (read-only
        # medium, no rights): the session can still be read, not changed.
        self.lock_error = lock_error
        self._lock = lock
        # The last write failed (disk full...): the session in memory holds a
        # change the file does not. Cleared by the next write that succeeds.
        self._failed: OSError | None = None
        self._db_lock = threading.Lock()
        self._db = TinyDB(storage=AtomicJSONStorage, path=path,
                          backup=sessionfile.backup_path(path))
        self._storage = cast(AtomicJSONStorage, self._db.storage)
        self._writer: _BackgroundWriter | None = None
        # The size of the file as last written: a large file opened is saved
        # off the calling thread from its first change on.
        self._last_size = _size(path)
        self.on_background_error: Callable[[Exception], None] | None = None

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> SessionStore:
        """Open for editing, or read-only when another instance holds the lock
        or the folder cannot take the lock file (then `lock_error` says why).

        Raises DamagedSessionFile when the file cannot be read as a session.
        """
        session = sessionfile.read(path)
        lock = FileLock(sessionfile.lock_path(path), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            return cls(path, session, readonly=True)
        except OSError as error:
            return cls(path, session, lock_error=error)
        return cls(path, session, lock=lock)

    @classmethod
    def create(cls, path: Path, session: Session) -> SessionStore:
        """Write a new session file; OSError (and no file) when the folder refuses."""
        lock = FileLock(sessionfile.lock_path(path), timeout=0)
        lock.acquire()
        store = cls(path, session, lock=lock)
        try:
            store._write(to_json(session))
        except OSError:
            store._failed = None  # never saved: nothing for close to retry
            store.close()
            with contextlib.suppress(OSError):
                sessionfile.lock_path(path).unlink()
            raise
        return store

    # -- changing ------------------------------------------------------------
    def change(self, apply: Callable[[Session], T]) -> T:
        """Apply one change to the session and save it at once.

        `apply` must validate before it mutates (the models do, on every
        assignment), so a refused change leaves the session as it was.
        """
        if self.readonly:
            raise ReadOnlyError(str(self.path))
        result = apply(self.session)
        self.session.modified = utc_now()
        self.save()
        return result

    def save(self) -> None:
        if self.readonly:
            raise ReadOnlyError(str(self.path))
        snapshot = to_json(self.session)
        if self._writer is None and self._last_size < BACKGROUND_SAVE_BYTES:
            try:
                self._write(snapshot)
            except OSError as error:
                raise SaveError(error) from error
            return
        if self._writer is None:
            self._writer = _BackgroundWriter(self._write, self._report)
        self._writer.submit(snapshot)

    def _write(self, snapshot: bytes) -> None:
        """Write one snapshot (the session's JSON) as the session file."""
        raw = frame(sessionfile.TABLE, sessionfile.DOC_ID, snapshot)
        with self._db_lock:
            try:
                self._storage.write_encoded(raw)
            except OSError as error:
                self._failed = error
                raise
            self._failed = None
            self._last_size = len(raw)

    def _report(self, error: Exception) -> None:
        if self.on_background_error is not None:
            self.on_background_error(SaveError(error) if isinstance(error, OSError) else error)

    def flush(self) -> None:
        if self._writer is not None:
            self._writer.flush()

    @property
    def unsaved(self) -> bool:
        """The last write failed: the file lacks a change the session holds."""
        self.flush()
        return self._failed is not None

    def save_unsaved(self) -> None:
        """Write a change that a failed save left in memory, on this thread.

        Called before the session is closed; SaveError when it still fails,
        and then the change is still only in memory.
        """
        if self.readonly or not self.unsaved:
            return
        try:
            self._write(to_json(self.session))
        except OSError as error:
            raise SaveError(error) from error

    def close(self) -> None:
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
        with contextlib.suppress(SaveError):
            self.save_unsaved()  # a last try; the app has warned before it got here
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
