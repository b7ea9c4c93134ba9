"""STAP 1 in the room: a partner scores the services for its own organisation."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..core import stap1 as core
from ..models import Session
from ..models.stap1 import FINANCING, Service
from .fields import Choices, Field, Group, choice_labels
from .texts import Translate

FLAGS: dict[str, bool | None] = {"": None, "yes": True, "no": False}
SCALE = tuple(str(value) for value in range(1, 11))
PARTS = ("offered", "quality", "wanted", "desired", "financing", "note")


def service_title(service: Service, tr: Translate) -> str:
    """The service's name in the session's language."""
    if service.name:
        return service.name
    return tr(f"stap1.service.{service.builtin}") if service.builtin else service.id


def _flag(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


@cache
def _choices(tr: Translate) -> tuple[Choices, Choices, Choices]:
    """Yes/no, the scale and financing, as the page offers them (per language)."""
    empty = tr("room.not_answered")
    return (choice_labels((("yes", tr("room.yes")), ("no", tr("room.no"))), empty),
            choice_labels(tuple((value, value) for value in SCALE), empty),
            choice_labels(tuple((f, tr(f"stap1.financing.{f}")) for f in FINANCING), empty))


def groups(session: Session, partner_id: str, tr: Translate) -> list[Group]:
    yes_no, scale, financing = _choices(tr)
    result = []
    for service in core.visible_services(session.portfolio):
        score = core.score_of(session, partner_id, service.id)
        prefix = f"s.{service.id}."
        result.append(Group(service.id, service_title(service, tr), (
            Field(prefix + "offered", "choice", tr("room.stap1.offered"), _flag(score.offered),
                  yes_no),
            Field(prefix + "quality", "choice", tr("room.stap1.quality"),
                  "" if score.quality is None else str(score.quality), scale),
            Field(prefix + "wanted", "choice", tr("room.stap1.wanted"), _flag(score.wanted),
                  yes_no),
            Field(prefix + "desired", "choice", tr("room.stap1.desired"),
                  "" if score.desired is None else str(score.desired), scale),
            Field(prefix + "financing", "choice", tr("room.stap1.financing"),
                  score.financing or "", financing),
            Field(prefix + "note", "block", tr("room.note"), score.note),
        )))
    return result


def _typed(part: str, value: str) -> Any:
    if part in ("offered", "wanted"):
        return FLAGS[value]
    if part in ("quality", "desired"):
        return int(value) if value else None
    if part == "financing":
        return value or None
    return value


def apply(session: Session, partner_id: str, values: dict[str, str]) -> None:
    per_service: dict[str, dict[str, Any]] = {}
    for name, value in values.items():
        _, service_id, part = name.split(".", 2)
        per_service.setdefault(service_id, {})[part] = _typed(part, value)
    core.update_scores(session, partner_id, per_service)


def progress(session: Session, partner_id: str) -> tuple[int, int | None]:
    services = core.visible_services(session.portfolio)
    scored = sum(1 for service in services
                 if not core.score_of(session, partner_id, service.id).is_empty())
    return scored, len(services)
