"""Workshop mode: the agenda with timeboxes and the parking lot."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from .base import AwareMoment, Id, Moment, Record, ids_of, unique_ids
from .text import Name

ParkingStatus = Literal["open", "closed", "followup"]
Minutes = Annotated[int, Field(ge=1, le=600)]


class AgendaSlot(Record):
    """One stage on the agenda, its timebox and the time spent on it.

    While its timer runs, `started_at` holds when it was (re)started and
    `actual_seconds` what had been spent before that; pausing folds the
    running part into `actual_seconds`. Because both are saved, a crash or a
    restart loses no elapsed time.
    """

    stage: Id
    minutes: Minutes = 30  # the timebox as planned
    added_minutes: Annotated[int, Field(ge=0, le=600)] = 0  # extensions given in the room
    actual_seconds: Annotated[int, Field(ge=0)] = 0
    started_at: AwareMoment | None = None


class ParkingItem(Record):
    id: Id
    text: Name
    created: Moment | None = None
    status: ParkingStatus = "open"
    followup: Id | None = None  # the reflection follow-up it became


class Workshop(Record):
    """One slot per stage and at most one running timer: core/workshop.py keeps to that."""

    agenda: list[AgendaSlot] = Field(default_factory=list)
    parking: list[ParkingItem] = Field(default_factory=list)

    @field_validator("agenda")
    @classmethod
    def _one_slot_per_stage(cls, agenda: list[AgendaSlot]) -> list[AgendaSlot]:
        return unique_ids(agenda, ids_of(agenda, "stage"))

    @field_validator("parking")
    @classmethod
    def _one_parking_item_per_id(cls, parking: list[ParkingItem]) -> list[ParkingItem]:
        return unique_ids(parking, ids_of(parking))

