"""STAP 2 to STAP 5: starting situation, long-term goal, the deal, the plan."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal, get_args

from pydantic import Field

from .base import Id, Record, SmallRecord, small_record
from .text import LongText, Name, ShortText

# --- STAP 2: the starting situation -------------------------------------
CapacityArea = Literal["teacher_skills", "student_skills", "time", "finances", "facilities"]
CAPACITY_AREAS: tuple[CapacityArea, ...] = get_args(CapacityArea)
Assessment = Literal["sufficient", "limited", "lacking"]
ASSESSMENTS: tuple[Assessment, ...] = get_args(Assessment)


@small_record
class CapacityItem(SmallRecord):
    """How a partner rates one capacity area at the start, and why."""

    assessment: Assessment | None = None
    text: LongText = ""


class PartnerStart(Record):
    capacity: dict[CapacityArea, CapacityItem] = Field(default_factory=dict)
    goals: LongText = ""


class StartingSituation(Record):
    partners: dict[Id, PartnerStart] = Field(default_factory=dict)


# --- STAP 3: the long-term goal ------------------------------------------
@small_record
class AgendaItem(SmallRecord):
    """One item of a partner's own agenda (STAP 3)."""

    id: Id
    title: Name
    explanation: LongText = ""


class SharedItem(Record):
    id: Id
    title: Name
    explanation: LongText = ""
    sources: list[Id] = Field(default_factory=list)  # own-agenda item ids
    supporters: list[Id] = Field(default_factory=list)  # partner ids


class LongTermGoal(Record):
    own: dict[Id, list[AgendaItem]] = Field(default_factory=dict)  # partner id -> items
    shared: list[SharedItem] = Field(default_factory=list)
    statement: LongText = ""


# --- STAP 4: the deal ------------------------------------------------------
ContributionKind = Literal["money", "in_kind", "people", "facilities"]
CONTRIBUTION_KINDS: tuple[ContributionKind, ...] = get_args(ContributionKind)
Amount = Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False)]


class Contribution(Record):
    partner: Id
    kind: ContributionKind
    amount: Amount | None = None
    description: ShortText = ""


class Benefit(Record):
    partner: Id
    description: ShortText = ""


class Agreement(Record):
    id: Id
    what: Name
    contributions: list[Contribution] = Field(default_factory=list)
    benefits: list[Benefit] = Field(default_factory=list)
    responsibilities: LongText = ""
    mandate: LongText = ""
    financing: LongText = ""
    review_date: date | None = None


SignOffStatus = Literal["agreed", "reservations", "not_yet"]
SIGNOFF_STATUSES: tuple[SignOffStatus, ...] = get_args(SignOffStatus)


@small_record
class SignOff(SmallRecord):
    """A partner's sign-off of the deal (STAP 4), with a note and when."""

    status: SignOffStatus = "not_yet"
    note: LongText = ""
    at: datetime | None = None


class Deal(Record):
    agreements: list[Agreement] = Field(default_factory=list)
    signoffs: dict[Id, SignOff] = Field(default_factory=dict)  # partner id -> sign-off


# --- STAP 5: the transition plan ------------------------------------------
MilestoneStatus = Literal["planned", "in_progress", "done", "late"]
MILESTONE_STATUSES: tuple[MilestoneStatus, ...] = get_args(MilestoneStatus)


class Milestone(Record):
    id: Id
    title: Name
    phase: ShortText = ""
    owner: Id | None = None  # partner id
    start: date | None = None
    deadline: date | None = None
    status: MilestoneStatus = "planned"
    depends_on: list[Id] = Field(default_factory=list)
    serves: Id | None = None  # agreement or shared-agenda item id
    followup: Id | None = None  # the reflection follow-up it came from
    note: LongText = ""


class TransitionPlan(Record):
    milestones: list[Milestone] = Field(default_factory=list)
