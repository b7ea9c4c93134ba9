"""STAP 4: the deal with the partners (agreements, what each brings and gets, sign-offs)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal, get_args

from pydantic import Field

from .base import Id, Record, SmallRecord, small_record
from .text import LongText, Name, ShortText

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
