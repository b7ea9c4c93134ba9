"""STAP 3: the long-term goal (each partner's own agenda, the shared agenda, the goal)."""

from __future__ import annotations

from pydantic import Field, field_validator

from .base import Id, Record, SmallRecord, ids_of, left_out, small_record, unique_ids
from .text import LongText, Name


@small_record
class AgendaItem(SmallRecord):
    """One item of a partner's own agenda (STAP 3)."""

    id: Id
    title: Name
    explanation: LongText = left_out("")


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

    @field_validator("own")
    @classmethod
    def _one_own_item_per_id(cls, own: dict[str, list[AgendaItem]]) -> dict[str, list[AgendaItem]]:
        # Across partners: a shared item names the own items it came from by id alone.
        return unique_ids(own, (((partner, index, "id"), item.id)
                                for partner, items in own.items()
                                for index, item in enumerate(items)))

    @field_validator("shared")
    @classmethod
    def _one_shared_item_per_id(cls, shared: list[SharedItem]) -> list[SharedItem]:
        return unique_ids(shared, ids_of(shared))
