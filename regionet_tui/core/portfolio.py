"""Rules for STAP 1, the service portfolio."""

from __future__ import annotations

from ..models import Session
from ..progress import Status


def progress(session: Session) -> Status:
    scores = session.portfolio.scores
    scored = [p for p in session.partners if any(not s.is_empty() for s in scores.get(p.id, {}).values())]
    if not scored:
        return "empty"
    return "done" if len(scored) == len(session.partners) else "in_progress"
