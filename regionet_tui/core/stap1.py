"""Rules for STAP 1, the service portfolio: services and scores.

Every mutation builds new validated objects first and assigns them after, so a
refused change (a ValidationError or FormError) leaves the session as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ..forms import FormError
from ..i18n import t
from ..models import Session
from ..models.stap1 import Portfolio, Score, Service
from ..models.text import clean_line
from ..progress import Status

ScoreField = Literal["offered", "quality", "wanted", "desired"]


def progress(session: Session) -> Status:
    visible = {s.id for s in session.portfolio.services if not s.hidden}
    scores = session.portfolio.scores
    scored = [
        p for p in session.partners
        if any(not s.is_empty() for sid, s in scores.get(p.id, {}).items() if sid in visible)
    ]
    if not scored:
        return "empty"
    return "done" if len(scored) == len(session.partners) else "in_progress"


# -- services ---------------------------------------------------------------------------
def service_name(service: Service) -> str:
    """The name shown: the custom name, else the catalogue name of a built-in service."""
    if service.name:
        return service.name
    return t(f"stap1.service.{service.builtin}") if service.builtin else service.id


def visible_services(portfolio: Portfolio) -> list[Service]:
    return [s for s in portfolio.services if not s.hidden]


def hidden_services(portfolio: Portfolio) -> list[Service]:
    return [s for s in portfolio.services if s.hidden]


def _clean_name(name: str) -> str:
    cleaned = clean_line(name)
    if not cleaned:
        raise FormError(t("form.error.required", field=t("stap1.col_service")))
    return cleaned


def _taken_names(portfolio: Portfolio, exclude: str | None = None) -> set[str]:
    return {service_name(s).casefold() for s in portfolio.services
            if s.id != exclude and not s.hidden}


def add_service(session: Session, name: str) -> Service:
    """Add a custom service at the end; names are unique among visible services."""
    portfolio = session.portfolio
    cleaned = _clean_name(name)
    if cleaned.casefold() in _taken_names(portfolio):
        raise FormError(t("stap1.duplicate_service", name=cleaned))
    return portfolio.add_custom(cleaned)


def rename_service(session: Session, service_id: str, name: str) -> None:
    """Rename; a built-in service renamed to its catalogue name keeps no custom name."""
    portfolio = session.portfolio
    service = _service(portfolio, service_id)
    cleaned = _clean_name(name)
    if cleaned.casefold() in _taken_names(portfolio, exclude=service_id):
        raise FormError(t("stap1.duplicate_service", name=cleaned))
    if service.builtin and cleaned == t(f"stap1.service.{service.builtin}"):
        cleaned = ""
    renamed = service.model_copy(update={"name": cleaned})
    Service.model_validate(renamed.model_dump())
    portfolio.services = [renamed if s.id == service_id else s for s in portfolio.services]


def move_service(session: Session, service_id: str, offset: int) -> None:
    """Move a service up (negative) or down among the visible services."""
    portfolio = session.portfolio
    visible = visible_services(portfolio)
    ids = [s.id for s in visible]
    index = ids.index(service_id)
    target = index + offset
    if not 0 <= target < len(visible):
        return
    visible[index], visible[target] = visible[target], visible[index]
    reordered = iter(visible)
    portfolio.services = [s if s.hidden else next(reordered) for s in portfolio.services]


def remove_service(session: Session, service_id: str) -> None:
    """A default service is hidden (its scores kept); a custom one goes with its scores."""
    portfolio = session.portfolio
    service = _service(portfolio, service_id)
    if service.builtin:
        hidden = service.model_copy(update={"hidden": True})
        portfolio.services = [hidden if s.id == service_id else s for s in portfolio.services]
        return
    portfolio.scores = {
        partner: {sid: score for sid, score in row.items() if sid != service_id}
        for partner, row in portfolio.scores.items()
    }
    portfolio.services = [s for s in portfolio.services if s.id != service_id]


def show_service(session: Session, service_id: str) -> None:
    portfolio = session.portfolio
    service = _service(portfolio, service_id)
    if service_name(service).casefold() in _taken_names(portfolio, exclude=service_id):
        raise FormError(t("stap1.duplicate_service", name=service_name(service)))
    shown = service.model_copy(update={"hidden": False})
    portfolio.services = [shown if s.id == service_id else s for s in portfolio.services]


def _service(portfolio: Portfolio, service_id: str) -> Service:
    found = next((s for s in portfolio.services if s.id == service_id), None)
    if found is None:
        raise FormError(t("stap1.unknown_service"))
    return found


# -- scores -----------------------------------------------------------------------------
def score_of(session: Session, partner_id: str, service_id: str) -> Score:
    return session.portfolio.scores.get(partner_id, {}).get(service_id) or Score()


def update_score(session: Session, partner_id: str, service_id: str, **changes: Any) -> Score:
    """Change some fields of one score, keeping the fields consistent.

    "Not offered" (or clearing "offered") clears the current quality, and
    likewise "wanted" the desired quality: there is nothing to rate. A quality
    implies "offered" or "wanted". The new score is validated before anything is assigned.
    """
    if session.partner(partner_id) is None:
        raise FormError(t("stap1.unknown_partner"))
    _service(session.portfolio, service_id)
    score = changed_score(score_of(session, partner_id, service_id), changes)
    _store(session, partner_id, {service_id: score})
    return score


def update_scores(session: Session, partner_id: str,
                  changes: Mapping[str, Mapping[str, Any]]) -> None:
    """Change several services of one partner at once (service id -> fields), with the
    rules of `update_score`: every score is validated before one assignment, so a
    page of answers costs one check of the portfolio, not one per service."""
    if session.partner(partner_id) is None:
        raise FormError(t("stap1.unknown_partner"))
    for service_id in changes:
        _service(session.portfolio, service_id)
    _store(session, partner_id, {
        service_id: changed_score(score_of(session, partner_id, service_id), changed)
        for service_id, changed in changes.items()})


def changed_score(current: Score, changes: Mapping[str, Any]) -> Score:
    """The score with these fields changed, kept consistent as `update_score` says."""
    values = current.model_dump()
    values.update(changes)
    for flag, quality in (("offered", "quality"), ("wanted", "desired")):
        if flag in changes and values[flag] is not True:
            values[quality] = None
        if quality in changes and values[quality] is not None:
            values[flag] = True
    return Score.model_validate(values)


def _store(session: Session, partner_id: str, changed: Mapping[str, Score]) -> None:
    portfolio = session.portfolio
    row = dict(portfolio.scores.get(partner_id, {}))
    for service_id, score in changed.items():
        if score.is_empty():
            row.pop(service_id, None)
        else:
            row[service_id] = score
    scores = dict(portfolio.scores)
    if row:
        scores[partner_id] = row
    else:
        scores.pop(partner_id, None)
    portfolio.scores = scores
