"""STAP 1: the service portfolio, current and desired quality per partner."""

from __future__ import annotations

from ...models import Session
from ...models.portfolio import Score
from ..blocks import Cell, Paragraph, Section, Table
from ..labels import Labels


def _score(score: Score | None) -> str:
    if score is None or score.is_empty():
        return "–"
    now = str(score.quality) if score.offered and score.quality else "·"
    wanted = str(score.desired) if score.wanted and score.desired else "·"
    return f"{now} → {wanted}"


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.stap1.title")
    scores = session.portfolio.scores
    if not session.partners or not any(scores.get(p.id) for p in session.partners):
        return Section("stap1", title, [Paragraph(t("report.empty"), note=True)])
    rows: list[list[Cell]] = []
    for service in session.portfolio.services:
        if service.hidden:
            continue
        rows.append([labels.service(service),
                     *(_score(scores.get(p.id, {}).get(service.id)) for p in session.partners)])
    return Section("stap1", title, [
        Paragraph(t("report.stap1.legend")),
        Table([t("report.stap1.service"), *(p.name for p in session.partners)], rows,
              numeric=frozenset(range(1, len(session.partners) + 1))),
    ])
