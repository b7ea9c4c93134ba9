"""Rules for STAP 4, the deal."""

from __future__ import annotations

from ..models import Session
from ..progress import Status


def progress(session: Session) -> Status:
    deal = session.deal
    if not deal.agreements:
        return "empty"
    signed = all(
        deal.signoffs.get(p.id) is not None and deal.signoffs[p.id].status == "agreed"
        for p in session.partners
    )
    return "done" if signed else "in_progress"
