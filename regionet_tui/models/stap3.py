"""STAP 3: the long-term goal (each partner's own agenda, the shared agenda, the goal)."""

from __future__ import annotations

from pydantic import Field

from .base import Id, Record, SmallRecord, small_record
from .text import LongText, Name


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
