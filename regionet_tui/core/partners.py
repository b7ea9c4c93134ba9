"""Rules for the partners of a session."""

from __future__ import annotations

from ..models import Partner, Session
from ..progress import Status
from . import reflection, stap3, stap4, stap5, stap6


def progress(session: Session) -> Status:
    if not session.partners:
        return "empty"
    return "done" if len(session.partners) >= 2 else "in_progress"


def add_partner(session: Session, partner: Partner) -> None:
    session.partners = [*session.partners, partner]


def replace_partner(session: Session, partner: Partner) -> None:
    session.partners = [partner if p.id == partner.id else p for p in session.partners]


def remove_partner(session: Session, partner_id: str) -> None:
    """Remove a partner and everything that only belongs to that partner."""
    stap3.forget_partner(session, partner_id)
    stap4.forget_partner(session, partner_id)
    stap5.forget_partner(session, partner_id)
    stap6.forget_partner(session, partner_id)
    session.partners = [p for p in session.partners if p.id != partner_id]
    session.commitment.entries = {
        k: v for k, v in session.commitment.entries.items() if k != partner_id
    }
    session.portfolio.scores = {
        k: v for k, v in session.portfolio.scores.items() if k != partner_id
    }
    session.start.partners = {k: v for k, v in session.start.partners.items() if k != partner_id}
    session.goal.own = {k: v for k, v in session.goal.own.items() if k != partner_id}
    session.deal.signoffs = {k: v for k, v in session.deal.signoffs.items() if k != partner_id}
    reflection.forget_partner(session, partner_id)
