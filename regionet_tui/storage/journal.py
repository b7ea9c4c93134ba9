"""The journal: every change to a session, appended to a log beside its file.

`<id>.json` stays the session's readable state (the snapshot); `<id>.journal`
beside it holds one JSON line per change: when, who, which stage, what in
words (nl and en), and the edits (places in the session's JSON with their old
and new values) that redo or undo it. The snapshot says up to which change it
holds the session (its `journal` table: the journal's id and the last seq), so
opening is the snapshot plus the changes after it.

The first line names the journal and its session. A change is one line,
appended and fsync'ed by a writer thread: the interface never waits on the
disk, and a change costs the same whatever the session's size. A crash may
leave the last line cut off (no newline): it is dropped. Any other line that
does not read, or a change that does not apply, makes the journal damaged:
the session opens from the snapshot, the journal is moved aside and the
facilitator is told.

The journal keeps the last HISTORY_KEEP changes (for the history and undo),
also those the snapshot already holds; when it grows past twice that, it is
rewritten atomically with only the last HISTORY_KEEP.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .atomic import atomic_write
from .changes import Edit
from .replace import REPLACE_PAUSES, rename_with_retry, retry_while_refused

SUFFIX = ".journal"
FORMAT = 1
HISTORY_KEEP = 1000
# A journal over this size is not read (no session's history comes near it).
MAX_BYTES = 256 * 1024 * 1024

WhoKind = Literal["facilitator", "device", "merge", "import"]
WHO_KINDS: tuple[str, ...] = ("facilitator", "device", "merge", "import")


def journal_path(session_path: Path) -> Path:
    return session_path.with_name(session_path.stem + SUFFIX)


@dataclass(frozen=True, slots=True)
class Who:
    """Who made a change: the facilitator, a partner's device in the room (its
    partner's id and name), a merge (the file's name) or an import."""

    kind: WhoKind = "facilitator"
    name: str = ""
    partner_id: str = ""

    def to_json(self) -> dict[str, str]:
        out: dict[str, str] = {"kind": self.kind}
        if self.name:
            out["name"] = self.name
        if self.partner_id:
            out["partner"] = self.partner_id
        return out

    @classmethod
    def from_json(cls, data: Any) -> Who:
        if not isinstance(data, dict) or data.get("kind") not in WHO_KINDS:
            raise JournalDamaged("who")
        name, partner = data.get("name", ""), data.get("partner", "")
        if not isinstance(name, str) or not isinstance(partner, str):
            raise JournalDamaged("who")
        return cls(data["kind"], name, partner)


FACILITATOR = Who()


@dataclass(frozen=True, slots=True)
class Record:
    """One change. `undoes` / `redoes`: the seq of the change it undoes or redoes;
    `back_to`: the seq whose state a "go back to here" restored."""

    seq: int
    at: dt.datetime
    who: Who
    stage: str
    what: dict[str, str]
    edits: tuple[Edit, ...]
    undoes: int | None = None
    redoes: int | None = None
    back_to: int | None = None
    partners: tuple[str, ...] = field(default=())

    def to_line(self) -> bytes:
        data: dict[str, Any] = {
            "seq": self.seq, "at": self.at.isoformat(), "who": self.who.to_json(),
            "stage": self.stage, "what": self.what,
            "edits": [edit.to_json() for edit in self.edits],
        }
        for name in ("undoes", "redoes", "back_to"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.partners:
            data["partners"] = list(self.partners)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"

    @classmethod
    def from_json(cls, data: Any) -> Record:
        if not isinstance(data, dict):
            raise JournalDamaged("record")
        try:
            seq = data["seq"]
            at = dt.datetime.fromisoformat(data["at"])
            what = data["what"]
            stage = data["stage"]
            edits = tuple(Edit.from_json(edit) for edit in data["edits"])
            partners = tuple(data.get("partners", ()))
        except (KeyError, TypeError, ValueError):
            raise JournalDamaged("record") from None
        if (not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(stage, str)
                or not isinstance(what, dict)
                or not all(isinstance(v, str) for v in what.values())
                or not all(isinstance(p, str) for p in partners)):
            raise JournalDamaged("record")
        links = {}
        for name in ("undoes", "redoes", "back_to"):
            value = data.get(name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise JournalDamaged("record")
            links[name] = value
        return cls(seq, at, Who.from_json(data["who"]), stage, what, edits,
                   partners=partners, **links)


class JournalDamaged(Exception):
    """The journal cannot be read or does not fit its session. `str()` is a short
    detail (which line), never shown on its own."""


@dataclass
class JournalContents:
    journal_id: str
    session_id: str
    records: list[Record]
    torn: bool = False  # the last line was cut off (a crash while appending): dropped


def _header(journal_id: str, session_id: str) -> bytes:
    return json.dumps({"format": FORMAT, "journal": journal_id,
                       "session": session_id}).encode() + b"\n"


def read(path: Path) -> JournalContents | None:
    """The journal at `path`, None when there is none; JournalDamaged when
    it is there but cannot be read."""
    from .regular import FileTooLarge, NotRegularFile, read_regular

    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        return None
    except (NotRegularFile, FileTooLarge, OSError) as error:
        raise JournalDamaged(type(error).__name__) from None
    return parse(raw)


def parse(raw: bytes) -> JournalContents:
    lines = raw.split(b"\n")
    torn = lines[-1] != b""  # the last line has no newline: cut off while written
    lines = lines[:-1]
    if not lines:
        if torn and raw:
            raise JournalDamaged("header")
        raise JournalDamaged("empty")
    try:
        header = json.loads(lines[0])
    except ValueError:
        raise JournalDamaged("line 1") from None
    if (not isinstance(header, dict) or header.get("format") != FORMAT
            or not isinstance(header.get("journal"), str)
            or not isinstance(header.get("session"), str)):
        raise JournalDamaged("line 1")
    records: list[Record] = []
    for number, line in enumerate(lines[1:], start=2):
        try:
            record = Record.from_json(json.loads(line))
        except (ValueError, JournalDamaged):
            raise JournalDamaged(f"line {number}") from None
        if records and record.seq <= records[-1].seq:
            raise JournalDamaged(f"line {number}")
        records.append(record)
    return JournalContents(header["journal"], header["session"], records, torn)


def move_aside(path: Path) -> Path | None:
    """Move a damaged journal to `<name>.damaged-<time>`, never over another file."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    try:
        rename_with_retry(path, target)
    except FileNotFoundError:
        return None
    return target


class JournalWriter:
    """Appends lines to the journal on its own thread and fsyncs each batch.

    `append` returns at once; a batch is on disk within the time one write and
    one fsync take. A failed write is reported (`on_error`) and kept: the next
    batch writes it again, after cutting the file back to its last good end.
    While another program holds the journal (OneDrive, a virus scanner on
    Windows), opening and replacing it is tried again after short pauses
    (replace.py), and `held` says so meanwhile; a journal still held after
    them fails with FileBusyError, like a full disk.
    """

    def __init__(self, path: Path, journal_id: str, session_id: str, *,
                 on_error: Callable[[OSError], None]) -> None:
        self.path = path
        self.journal_id = journal_id
        self.session_id = session_id
        self._on_error = on_error
        self._pending: list[bytes] = []
        self._rewrite: list[bytes] | None = None  # a whole new journal (compaction)
        self._busy = False
        self._stopped = False
        self.failed: OSError | None = None
        self.held = False  # waiting for another program to let go of the journal
        self._condition = threading.Condition()
        self._fd: int | None = None
        self._good_end = 0
        self._thread = threading.Thread(target=self._run, name="regionet-journal", daemon=True)
        self._thread.start()

    def append(self, line: bytes) -> None:
        """Write the line soon; after a failed write, the next append tries
        again at once (with what failed before it)."""
        with self._condition:
            self._pending.append(line)
            self.failed = None
            self._condition.notify_all()

    def rewrite(self, lines: Sequence[bytes]) -> None:
        """Replace the journal with its header and these lines (atomically);
        lines appended before are in them, lines appended after follow them."""
        with self._condition:
            self._rewrite = list(lines)
            self._pending = []
            self._condition.notify_all()

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything appended is on disk or failed; True when on disk."""
        with self._condition:
            self._condition.wait_for(
                lambda: (not self._pending and self._rewrite is None and not self._busy)
                or (self.failed is not None and not self._busy), timeout)
            return (not self._pending and self._rewrite is None and not self._busy
                    and self.failed is None)

    def retry(self) -> bool:
        """Try once more what failed; True when everything is on disk."""
        with self._condition:
            self.failed = None
            self._condition.notify_all()
        return self.flush()

    def stop(self) -> None:
        self.flush()
        with self._condition:
            self._stopped = True
            self._condition.notify_all()
        self._thread.join(timeout=5)
        self._close_fd()

    def _close_fd(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(
                    lambda: self._stopped or (self.failed is None
                                              and (self._pending or self._rewrite is not None)),
                    timeout=None if self.failed is None else 1.0)
                if self._stopped:
                    return
                if not self._pending and self._rewrite is None:
                    continue
                rewrite, batch = self._rewrite, self._pending
                self._rewrite, self._pending, self._busy = None, [], True
            try:
                if rewrite is not None:
                    self._write_whole(rewrite + batch)
                else:
                    self._append(batch)
            except OSError as error:
                with self._condition:
                    self.held = False
                    # Kept, in order, before anything appended meanwhile.
                    if rewrite is not None:
                        self._rewrite = rewrite + batch + self._pending
                        self._pending = []
                    else:
                        self._pending = batch + self._pending
                    self.failed = error
                    self._busy = False
                    self._condition.notify_all()
                self._on_error(error)
                continue
            with self._condition:
                self.failed = None
                self.held = False
                self._busy = False
                self._condition.notify_all()

    def _pause_while_held(self, seconds: float) -> None:
        with self._condition:
            self.held = True
        time.sleep(seconds)

    def _write_whole(self, lines: list[bytes]) -> None:
        data = _header(self.journal_id, self.session_id) + b"".join(lines)
        self._close_fd()
        atomic_write(self.path, data, sleep=self._pause_while_held)
        self._good_end = len(data)

    def _append(self, lines: list[bytes]) -> None:
        if self._fd is None:
            try:
                self._fd = retry_while_refused(
                    lambda: os.open(self.path, os.O_WRONLY | os.O_APPEND), self.path,
                    REPLACE_PAUSES, self._pause_while_held)
            except FileNotFoundError:  # the session's first change: a new journal
                self._write_whole(lines)
                return
            self._good_end = os.fstat(self._fd).st_size
        data = b"".join(lines)
        try:
            if os.fstat(self._fd).st_size != self._good_end:
                os.ftruncate(self._fd, self._good_end)  # what a failed write left
            view = memoryview(data)
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
            os.fsync(self._fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._good_end)
            raise
        self._good_end += len(data)


def new_journal_id() -> str:
    return uuid.uuid4().hex


def lines_of(records: Iterable[Record]) -> list[bytes]:
    return [record.to_line() for record in records]

