"""Rules for the commitment checklist."""

from __future__ import annotations

from ..models import Session
from ..models.commitment import ATTITUDES
from ..progress import Status


def progress(session: Session) -> Status:
    entries = session.commitment.entries
    answered = [
        entries.get(p.id, {}).get(a) for p in session.partners for a in ATTITUDES
    ]
    if not any(e is not None and e.committed is not None for e in answered):
        return "empty"
    complete = all(e is not None and e.committed for e in answered)
    return "done" if complete or session.commitment.override_reason else "in_progress"
