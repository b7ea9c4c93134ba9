"""Rules for STAP 2, the starting situation."""

from __future__ import annotations

from ..models import Session
from ..progress import Status


def progress(session: Session) -> Status:
    filled = [p for p in session.partners if p.id in session.start.partners]
    if not filled:
        return "empty"
    return "done" if len(filled) == len(session.partners) else "in_progress"
