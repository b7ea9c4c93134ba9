"""STAP 2 in the room: a partner's own capacity self-assessment and educational goals."""

from __future__ import annotations

from typing import cast

from ..core import stap2 as core
from ..models import Session
from ..models.stap2 import ASSESSMENTS, CAPACITY_AREAS, Assessment, CapacityArea, CapacityItem
from .fields import Field, Group, choice_labels
from .texts import Translate

GOALS = "goals"


def groups(session: Session, partner_id: str, tr: Translate) -> list[Group]:
    start = core.partner_start(session, partner_id)
    assessments = choice_labels(tuple((a, tr(f"stages.assessment.{a}")) for a in ASSESSMENTS),
                                tr("room.not_answered"))
    result = []
    for area in CAPACITY_AREAS:
        item = start.capacity.get(area) or CapacityItem()
        result.append(Group(area, tr(f"stages.area.{area}"), (
            Field(f"c.{area}", "choice", tr("room.stap2.assessment"), item.assessment or "",
                  assessments),
            Field(f"t.{area}", "block", tr("room.stap2.explanation"), item.text),
        )))
    result.append(Group(GOALS, tr("stap2.goals"), (
        Field(GOALS, "block", tr("room.stap2.goals"), start.goals),
    ), hint=tr("room.stap2.goals_hint")))
    return result


def apply(session: Session, partner_id: str, values: dict[str, str]) -> None:
    start = core.partner_start(session, partner_id)
    for area in CAPACITY_AREAS:
        assessment, text = values.get(f"c.{area}"), values.get(f"t.{area}")
        if assessment is None and text is None:
            continue
        item = start.capacity.get(area) or CapacityItem()
        core.set_capacity(session, partner_id, area, CapacityItem(
            assessment=item.assessment if assessment is None
            else cast(Assessment, assessment) if assessment else None,
            text=item.text if text is None else text,
        ))
    if GOALS in values:
        core.set_goals(session, partner_id, values[GOALS])


def progress(session: Session, partner_id: str) -> tuple[int, int | None]:
    start = core.partner_start(session, partner_id)
    areas: tuple[CapacityArea, ...] = CAPACITY_AREAS
    assessed = sum(1 for area in areas
                   if (item := start.capacity.get(area)) is not None and item.assessment)
    return assessed + (1 if start.goals else 0), len(areas) + 1
