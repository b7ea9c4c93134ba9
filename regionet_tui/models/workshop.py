"""Workshop mode: the agenda with timeboxes and the parking lot."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from .base import Id, Record
from .text import Name

ParkingStatus = Literal["open", "closed", "followup"]


class AgendaSlot(Record):
    stage: Id
    minutes: Annotated[int, Field(ge=1, le=600)] = 30
    actual_seconds: Annotated[int, Field(ge=0)] = 0


class ParkingItem(Record):
    id: Id
    text: Name
    created: datetime | None = None
    status: ParkingStatus = "open"
    followup: Id | None = None


class Workshop(Record):
    agenda: list[AgendaSlot] = Field(default_factory=list)
    parking: list[ParkingItem] = Field(default_factory=list)
