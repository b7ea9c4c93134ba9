"""Rules for STAP 3, the long-term goal. No textual in here.

API:
    add_own_item / replace_own_item / remove_own_item(session, partner_id, ...)
        a partner's own agenda; removing an item also drops it as a source of
        shared items.
    add_shared / replace_shared / remove_shared(session, ...) the shared
        agenda; sources must be existing own-agenda items and supporters
        existing partners (FormError otherwise); removing a shared item
        clears "serves" on milestones that pointed at it.
    set_statement(session, text) the long-term goal in a few sentences.
    forget_partner(session, partner_id) drops a removed partner's support
        and its own-agenda items as sources of shared items.
    own_items(session) -> [(partner_id, AgendaItem)] in partner order.
    source_of(session, item_id) -> (partner_id, AgendaItem) | None.
"""

from __future__ import annotations

from ..forms import FormError
from ..i18n import t
from ..models import Session
from ..models.stap3 import AgendaItem, SharedItem
from ..progress import Status


def progress(session: Session) -> Status:
    goal = session.goal
    if not any(goal.own.values()) and not goal.shared and not goal.statement:
        return "empty"
    return "done" if goal.shared and goal.statement else "in_progress"


def own_items(session: Session) -> list[tuple[str, AgendaItem]]:
    return [(p.id, item) for p in session.partners for item in session.goal.own.get(p.id, [])]


def source_of(session: Session, item_id: str) -> tuple[str, AgendaItem] | None:
    return next(((pid, item) for pid, item in own_items(session) if item.id == item_id), None)


def _require_partner(session: Session, partner_id: str) -> None:
    if session.partner(partner_id) is None:
        raise FormError(t("stap3.error.unknown_partner"))


def add_own_item(session: Session, partner_id: str, item: AgendaItem) -> None:
    _require_partner(session, partner_id)
    items = session.goal.own.get(partner_id, [])
    session.goal.own = {**session.goal.own, partner_id: [*items, item]}


def replace_own_item(session: Session, partner_id: str, item: AgendaItem) -> None:
    _require_partner(session, partner_id)
    items = session.goal.own.get(partner_id, [])
    session.goal.own = {**session.goal.own,
                        partner_id: [item if i.id == item.id else i for i in items]}


def remove_own_item(session: Session, partner_id: str, item_id: str) -> None:
    items = [i for i in session.goal.own.get(partner_id, []) if i.id != item_id]
    shared = [
        s.model_copy(update={"sources": [x for x in s.sources if x != item_id]})
        if item_id in s.sources else s
        for s in session.goal.shared
    ]
    session.goal.own = {**session.goal.own, partner_id: items}
    session.goal.shared = shared


def check_shared(session: Session, item: SharedItem) -> None:
    known = {i.id for _, i in own_items(session)}
    if any(source not in known for source in item.sources):
        raise FormError(t("stap3.error.unknown_source"))
    partners = {p.id for p in session.partners}
    if any(supporter not in partners for supporter in item.supporters):
        raise FormError(t("stap3.error.unknown_partner"))


def add_shared(session: Session, item: SharedItem) -> None:
    check_shared(session, item)
    session.goal.shared = [*session.goal.shared, item]


def replace_shared(session: Session, item: SharedItem) -> None:
    check_shared(session, item)
    session.goal.shared = [item if s.id == item.id else s for s in session.goal.shared]


def remove_shared(session: Session, item_id: str) -> None:
    shared = [s for s in session.goal.shared if s.id != item_id]
    milestones = [m.model_copy(update={"serves": None}) if m.serves == item_id else m
                  for m in session.plan.milestones]
    session.goal.shared = shared
    session.plan.milestones = milestones


def forget_partner(session: Session, partner_id: str) -> None:
    kept = {item.id for pid, item in own_items(session) if pid != partner_id}
    session.goal.shared = [
        s.model_copy(update={"sources": [x for x in s.sources if x in kept],
                             "supporters": [p for p in s.supporters if p != partner_id]})
        for s in session.goal.shared
    ]


def set_statement(session: Session, statement: str) -> None:
    session.goal.statement = statement
