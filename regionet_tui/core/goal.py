"""Rules for STAP 3, the long-term goal."""

from __future__ import annotations

from ..models import Session
from ..progress import Status


def progress(session: Session) -> Status:
    goal = session.goal
    if not goal.own and not goal.shared and not goal.statement:
        return "empty"
    return "done" if goal.shared and goal.statement else "in_progress"
