"""The parking lot in the room: a partner parks a side issue for the facilitator."""

from __future__ import annotations

from datetime import datetime

from ..core import workshop as core
from ..models import Session
from ..models.workshop import ParkingItem
from .fields import Field, Group
from .submissions import item_id, partner_prefix
from .texts import Translate


def groups(session: Session, partner_id: str, tr: Translate) -> list[Group]:
    return []  # nothing to edit: what was parked is the facilitator's to handle


def add_fields(tr: Translate) -> list[Field]:
    return [Field("text", "name", tr("room.parking.text"), "")]


def apply(session: Session, partner_id: str, values: dict[str, str]) -> None:
    """No field of the parking lot is edited from the room."""


def sent(session: Session, partner_id: str) -> list[ParkingItem]:
    """What this partner parked from the room."""
    prefix = partner_prefix(partner_id)
    return [item for item in session.workshop.parking if item.id.startswith(prefix)]


def add(session: Session, partner_id: str, sid: str, values: dict[str, str],
        now: datetime) -> None:
    """Park the note of submission `sid`, unless it is parked already."""
    parked_id = item_id(partner_id, sid)
    if any(item.id == parked_id for item in session.workshop.parking):
        return
    core.add_parking(session, values.get("text", ""), now, parked_id)


def progress(session: Session, partner_id: str) -> tuple[int, int | None]:
    return len(sent(session, partner_id)), None
