"""Rules for STAP 2, the starting situation. No textual in here.

API:
    set_capacity(session, partner_id, area, item) / set_goals(session, partner_id, text)
        record one capacity area or the educational goals of one partner.
    overview(session) -> list[AreaOverview], one per capacity area: each
        partner's assessment and which partners are limited or lacking, so
        a table across partners shows where capacity is thin.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..forms import FormError
from ..i18n import t
from ..models import Session
from ..models.stap2 import CAPACITY_AREAS, Assessment, CapacityArea, CapacityItem, PartnerStart
from ..progress import Status

SYMBOLS: dict[Assessment | None, str] = {
    "sufficient": "✔", "limited": "~", "lacking": "✘", None: "·",
}


def progress(session: Session) -> Status:
    starts = session.start.partners
    touched = [p for p in session.partners if p.id in starts and _has_content(starts[p.id])]
    if not touched:
        return "empty"
    complete = all(
        p.id in starts and is_complete(starts[p.id]) for p in session.partners
    )
    return "done" if complete else "in_progress"


def _has_content(start: PartnerStart) -> bool:
    return bool(start.goals) or any(
        item.assessment is not None or item.text for item in start.capacity.values()
    )


def is_complete(start: PartnerStart) -> bool:
    """Every capacity area assessed and the educational goals written down."""
    assessed = all(
        start.capacity.get(area) is not None and start.capacity[area].assessment is not None
        for area in CAPACITY_AREAS
    )
    return assessed and bool(start.goals)


def partner_start(session: Session, partner_id: str) -> PartnerStart:
    return session.start.partners.get(partner_id) or PartnerStart()


def _require_partner(session: Session, partner_id: str) -> None:
    if session.partner(partner_id) is None:
        raise FormError(t("stap2.error.unknown_partner"))


def set_capacity(session: Session, partner_id: str, area: CapacityArea,
                 item: CapacityItem) -> None:
    _require_partner(session, partner_id)
    current = partner_start(session, partner_id)
    updated = PartnerStart(capacity={**current.capacity, area: item}, goals=current.goals)
    session.start.partners = {**session.start.partners, partner_id: updated}


def set_goals(session: Session, partner_id: str, goals: str) -> None:
    _require_partner(session, partner_id)
    current = partner_start(session, partner_id)
    updated = PartnerStart(capacity=dict(current.capacity), goals=goals)
    session.start.partners = {**session.start.partners, partner_id: updated}


@dataclass(frozen=True)
class AreaOverview:
    area: CapacityArea
    assessments: dict[str, Assessment | None]  # partner id -> assessment
    thin: list[str]  # partner ids assessed limited or lacking

    @property
    def lacking(self) -> int:
        return sum(1 for a in self.assessments.values() if a == "lacking")

    @property
    def limited(self) -> int:
        return sum(1 for a in self.assessments.values() if a == "limited")


def overview(session: Session) -> list[AreaOverview]:
    rows = []
    for area in CAPACITY_AREAS:
        assessments: dict[str, Assessment | None] = {}
        for partner in session.partners:
            item = partner_start(session, partner.id).capacity.get(area)
            assessments[partner.id] = item.assessment if item else None
        thin = [pid for pid, a in assessments.items() if a in ("limited", "lacking")]
        rows.append(AreaOverview(area, assessments, thin))
    return rows
