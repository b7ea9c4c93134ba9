"""The commitment checklist: five attitudes every partner commits to."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from .base import Id, Moment, Record, SmallRecord, left_out, small_record
from .text import LongText

Attitude = Literal["open", "agreements", "inform", "evaluate", "responsibility"]
ATTITUDES: tuple[Attitude, ...] = get_args(Attitude)


@small_record
class CommitmentEntry(SmallRecord):
    """One partner's answer on one attitude, with a note and when it was given."""

    committed: bool | None = left_out(None)
    note: LongText = left_out("")
    at: Moment | None = left_out(None)


class Commitment(Record):
    # partner id -> attitude -> entry
    entries: dict[Id, dict[Attitude, CommitmentEntry]] = Field(default_factory=dict)
    # Why the facilitator went on to STAP 1 without full commitment.
    override_reason: LongText = ""
    override_at: Moment | None = None
