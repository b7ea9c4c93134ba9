"""STAP 5: the transition plan (milestones from today to the long-term goal)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, field_validator

from .base import Day, Id, Record, ids_of, unique_ids
from .text import LongText, Name, ShortText

MilestoneStatus = Literal["planned", "in_progress", "done", "late"]
MILESTONE_STATUSES: tuple[MilestoneStatus, ...] = get_args(MilestoneStatus)


class Milestone(Record):
    id: Id
    title: Name
    phase: ShortText = ""
    owner: Id | None = None  # partner id
    start: Day | None = None
    deadline: Day | None = None
    status: MilestoneStatus = "planned"
    depends_on: list[Id] = Field(default_factory=list)
    serves: Id | None = None  # agreement or shared-agenda item id
    followup: Id | None = None  # the reflection follow-up it came from
    note: LongText = ""


class TransitionPlan(Record):
    milestones: list[Milestone] = Field(default_factory=list)

    @field_validator("milestones")
    @classmethod
    def _one_milestone_per_id(cls, milestones: list[Milestone]) -> list[Milestone]:
        return unique_ids(milestones, ids_of(milestones))
