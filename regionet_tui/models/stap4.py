"""STAP 4: the deal with the partners (agreements, what each brings and gets, sign-offs)."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, field_validator

from .base import Day, Id, Moment, Record, SmallRecord, ids_of, left_out, small_record, unique_ids
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
    review_date: Day | None = None


SignOffStatus = Literal["agreed", "reservations", "not_yet"]
SIGNOFF_STATUSES: tuple[SignOffStatus, ...] = get_args(SignOffStatus)


@small_record
class SignOff(SmallRecord):
    """A partner's sign-off of the deal (STAP 4), with a note and when."""

    status: SignOffStatus = left_out("not_yet")
    note: LongText = left_out("")
    at: Moment | None = left_out(None)


class Deal(Record):
    agreements: list[Agreement] = Field(default_factory=list)
    signoffs: dict[Id, SignOff] = Field(default_factory=dict)  # partner id -> sign-off

    @field_validator("agreements")
    @classmethod
    def _one_agreement_per_id(cls, agreements: list[Agreement]) -> list[Agreement]:
        return unique_ids(agreements, ids_of(agreements))
