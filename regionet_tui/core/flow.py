"""Rules for STAP 6, the flowchart."""

from __future__ import annotations

from ..models import Session
from ..progress import Status


def progress(session: Session) -> Status:
    chart = session.flowchart
    if not chart.nodes:
        return "empty"
    return "done" if chart.edges else "in_progress"
