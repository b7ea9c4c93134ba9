"""Opening a session: its snapshot plus the changes in its journal after it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import journal as journal_file
from . import sessionfile
from .changes import EditDoesNotApply
from .changes import apply as apply_edits
from .journal import JournalContents, JournalDamaged

if TYPE_CHECKING:
    from ..models import Session


@dataclass(frozen=True)
class JournalNotice:
    """Why the journal was not used when the session opened: `reason` is a
    catalogue key under `journal.damaged_`, `aside` where it was moved."""

    reason: str
    aside: Path | None = None


@dataclass
class Recovered:
    session: Session
    mark: sessionfile.Mark | None
    contents: JournalContents | None
    notice: JournalNotice | None
    snapshot_size: int


def recover(path: Path, *, holder: bool) -> Recovered:
    """The session in the file plus the changes in its journal after the snapshot.

    A journal that does not read or does not fit is left out (the snapshot as
    it is) and, when `holder` (the lock is ours), moved aside; the notice says so.
    """
    from pydantic_core import to_json

    from ..models import Session

    raw = sessionfile.read_bytes(path)
    session, mark = sessionfile.parse_marked(raw)
    where = journal_file.journal_path(path)
    try:
        contents = journal_file.read(where)
        if contents is None:
            return Recovered(session, mark, None, None, len(raw))
        if contents.session_id != session.id or (mark is not None
                                                 and mark.journal != contents.journal_id):
            raise JournalDamaged("foreign")
        after = mark.seq if mark is not None else 0
        pending = [record for record in contents.records if record.seq > after]
        if pending:
            tree = json.loads(to_json(session))
            for record in pending:
                apply_edits(tree, record.edits)
            tree["modified"] = json.loads(to_json(pending[-1].at))
            session = Session.model_validate_json(json.dumps(tree), strict=True)
        # A cut-off last line (a crash while it was appended) is dropped unsaid:
        # it was the change of the last moment before the crash.
        return Recovered(session, mark, contents, None, len(raw))
    except (JournalDamaged, EditDoesNotApply, ValueError, TypeError) as error:
        reason = "foreign" if str(error) == "foreign" else "damaged"
        aside = journal_file.move_aside(where) if holder else None
        session, mark = sessionfile.parse_marked(raw)
        return Recovered(session, mark, None, JournalNotice(reason, aside), len(raw))


def read_current(path: Path) -> Session:
    """The session as its last change left it (the snapshot and its journal),
    for a reader that does not open it: DamagedSessionFile as `sessionfile.read`."""
    return recover(path, holder=False).session


