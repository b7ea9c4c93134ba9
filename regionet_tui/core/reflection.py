"""Rules for the reflection."""

from __future__ import annotations

from ..models import Session
from ..progress import Status


def progress(session: Session) -> Status:
    reflection = session.reflection
    rated = [r for r in reflection.ratings.values() if r.group is not None or r.per_partner]
    if not rated and not reflection.followups:
        return "empty"
    return "done" if rated and reflection.followups else "in_progress"
