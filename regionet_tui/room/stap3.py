"""STAP 3 in the room: items for the partner's own agenda (add, edit, remove its own)."""

from __future__ import annotations

from ..core import stap3 as core
from ..models import Session
from ..models.stap3 import AgendaItem
from .fields import Field, Group
from .submissions import item_id
from .texts import Translate


def groups(session: Session, partner_id: str, tr: Translate) -> list[Group]:
    return [
        Group(item.id, item.title, (
            Field(f"i.{item.id}.title", "name", tr("room.stap3.title"), item.title),
            Field(f"i.{item.id}.explanation", "block", tr("room.stap3.explanation"),
                  item.explanation),
        ))
        for item in session.goal.own.get(partner_id, [])
    ]


def add_fields(tr: Translate) -> list[Field]:
    return [Field("title", "name", tr("room.stap3.title"), ""),
            Field("explanation", "block", tr("room.stap3.explanation"), "")]


def _items(session: Session, partner_id: str) -> list[AgendaItem]:
    return session.goal.own.get(partner_id, [])


def apply(session: Session, partner_id: str, values: dict[str, str]) -> None:
    changed: dict[str, dict[str, str]] = {}
    for name, value in values.items():
        _, own_id, part = name.split(".", 2)
        changed.setdefault(own_id, {})[part] = value
    for item in _items(session, partner_id):
        if item.id in changed:
            core.replace_own_item(session, partner_id, item.model_copy(update=changed[item.id]))


def has_item(session: Session, partner_id: str, own_id: str) -> bool:
    return any(item.id == own_id for item in _items(session, partner_id))


def add(session: Session, partner_id: str, sid: str, values: dict[str, str]) -> None:
    """Add the item of submission `sid`, unless it is there already."""
    own_id = item_id(partner_id, sid)
    if has_item(session, partner_id, own_id):
        return
    core.add_own_item(session, partner_id, AgendaItem(
        id=own_id, title=values.get("title", ""), explanation=values.get("explanation", "")))


def remove(session: Session, partner_id: str, own_id: str) -> None:
    """Remove one of the partner's own items; one already gone is no change."""
    if has_item(session, partner_id, own_id):
        core.remove_own_item(session, partner_id, own_id)


def progress(session: Session, partner_id: str) -> tuple[int, int | None]:
    return len(_items(session, partner_id)), None
