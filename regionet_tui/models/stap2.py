"""STAP 2: the starting situation, per partner (capacity and educational goals)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from .base import Id, Record, SmallRecord, left_out, small_record
from .text import LongText

CapacityArea = Literal["teacher_skills", "student_skills", "time", "finances", "facilities"]
CAPACITY_AREAS: tuple[CapacityArea, ...] = get_args(CapacityArea)
Assessment = Literal["sufficient", "limited", "lacking"]
ASSESSMENTS: tuple[Assessment, ...] = get_args(Assessment)


@small_record
class CapacityItem(SmallRecord):
    """How a partner rates one capacity area at the start, and why."""

    assessment: Assessment | None = left_out(None)
    text: LongText = left_out("")


class PartnerStart(Record):
    capacity: dict[CapacityArea, CapacityItem] = Field(default_factory=dict)
    goals: LongText = ""


class StartingSituation(Record):
    partners: dict[Id, PartnerStart] = Field(default_factory=dict)
