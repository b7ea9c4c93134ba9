"""The session: one workshop of one regional learning network."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from .base import Day, Id, Moment, Record, ids_of, new_id, unique_ids, utc_now
from .commitment import Commitment
from .partners import Partner
from .reflection import Reflection
from .stap1 import Portfolio
from .stap2 import StartingSituation
from .stap3 import LongTermGoal
from .stap4 import Deal
from .stap5 import TransitionPlan
from .stap6 import Flowchart
from .text import Name, ShortText
from .workshop import Workshop

Language = Literal["nl", "en"]
# The content hash of a session as it was exported (share/revision.py).
Revision = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]


class Session(Record):
    schema_version: Literal[1] = 1
    id: Id
    title: Name
    region: ShortText = ""
    date: Day
    facilitator: ShortText = ""
    language: Language = "nl"
    created: Moment = Field(default_factory=utc_now)
    modified: Moment = Field(default_factory=utc_now)
    predecessor: Id | None = None
    predecessor_title: ShortText = ""
    # The revision of the export file this copy was imported from: a merge of a
    # file made from this copy finds the common ancestor by it.
    origin_revision: Revision | None = None

    partners: list[Partner] = Field(default_factory=list)
    commitment: Commitment = Field(default_factory=Commitment)
    portfolio: Portfolio = Field(default_factory=Portfolio)
    start: StartingSituation = Field(default_factory=StartingSituation)
    goal: LongTermGoal = Field(default_factory=LongTermGoal)
    deal: Deal = Field(default_factory=Deal)
    plan: TransitionPlan = Field(default_factory=TransitionPlan)
    flowchart: Flowchart = Field(default_factory=Flowchart)
    reflection: Reflection = Field(default_factory=Reflection)
    workshop: Workshop = Field(default_factory=Workshop)

    @field_validator("partners")
    @classmethod
    def _one_partner_per_id(cls, partners: list[Partner]) -> list[Partner]:
        return unique_ids(partners, ids_of(partners))

    @classmethod
    def create(cls, title: str, region: str, on: dt.date, facilitator: str = "",
               language: Language = "nl") -> Session:
        return cls(id=new_id(), title=title, region=region, date=on,
                   facilitator=facilitator, language=language)

    def partner(self, partner_id: str) -> Partner | None:
        return next((p for p in self.partners if p.id == partner_id), None)
