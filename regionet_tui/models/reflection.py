"""Reflection: the Praatplaat (themes) and the Follow-up plaat (agreements)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal, get_args

from pydantic import Field

from .base import Id, Record
from .text import LongText, Name, ShortText

ThemeGroup = Literal["content", "process"]
Rating = Annotated[int, Field(ge=1, le=5)]  # 1 goes badly .. 5 goes very well


class Theme(Record):
    id: Id
    builtin: ShortText = ""  # catalogue key of a default theme
    name: ShortText = ""  # set for custom themes and renamed defaults
    group: ThemeGroup = "content"


class ThemeRating(Record):
    group: Rating | None = None
    per_partner: dict[Id, Rating] = Field(default_factory=dict)
    attention: bool = False
    notes: LongText = ""
    next_steps: LongText = ""


FollowUpStatus = Literal["open", "in_progress", "done"]
FOLLOWUP_STATUSES: tuple[FollowUpStatus, ...] = get_args(FollowUpStatus)


class FollowUp(Record):
    id: Id
    what: Name
    partner: Id | None = None
    person: ShortText = ""
    when: date | None = None
    status: FollowUpStatus = "open"
    theme: Id | None = None
    milestone: Id | None = None
    created: datetime | None = None


class Reflection(Record):
    themes: list[Theme] = Field(default_factory=list)
    ratings: dict[Id, ThemeRating] = Field(default_factory=dict)  # theme id -> rating
    followups: list[FollowUp] = Field(default_factory=list)
