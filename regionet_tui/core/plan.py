"""Rules for STAP 5, the transition plan."""

from __future__ import annotations

from ..models import Session
from ..progress import Status


def progress(session: Session) -> Status:
    milestones = session.plan.milestones
    if not milestones:
        return "empty"
    planned = all(m.owner and m.deadline for m in milestones)
    return "done" if planned else "in_progress"
