"""STAP 1: the gap table (largest shortfall first, with bars) and the scores behind it."""

from __future__ import annotations

from ...core.stap1 import visible_services
from ...core.stap1_gaps import SCALE, GapRow, by_service
from ...models import Session
from ...models.stap1 import Score
from ..blocks import Bar, Block, Cell, Heading, Paragraph, Section, Table
from ..labels import Labels

# Partners side by side in one table of scores; a larger network gets more
# tables, so every one stays readable on a printed page.
PARTNERS_PER_TABLE = 7


def _score(score: Score | None) -> str:
    if score is None or score.is_empty():
        return "–"
    now = str(score.quality) if score.offered and score.quality else "·"
    wanted = str(score.desired) if score.wanted and score.desired else "·"
    return f"{now} → {wanted}"


def _number(value: float | None, labels: Labels) -> str:
    return "–" if value is None else labels.number(value)


def _gap_row(row: GapRow, labels: Labels) -> list[Cell]:
    gap: Cell = "–"
    shown = row.shown_gap
    if row.gap is not None and shown is not None:
        text = ("+" if shown > 0 else "") + labels.number(shown)
        if row.shortfall:
            text = "▲ " + text
        gap = Bar(max(row.gap, 0.0), SCALE, text)
    spread = "–" if row.gap_min is None else f"{row.gap_min} … {row.gap_max}"
    return [labels.service(row.key), _number(row.shown_current, labels),
            _number(row.shown_desired, labels), gap, spread,
            labels.partner(row.outlier) if row.outlier else "–"]


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.stap1.title")
    scores = session.portfolio.scores
    if not session.partners or not any(scores.get(p.id) for p in session.partners):
        return Section("stap1", title, [Paragraph(t("report.empty"), note=True)])
    blocks: list[Block] = [
        Heading(t("report.stap1.gaps")),
        Paragraph(t("report.stap1.gaps_legend")),
        Table([t("report.stap1.service"), t("report.stap1.current"), t("report.stap1.desired"),
               t("report.stap1.gap"), t("report.stap1.spread"), t("report.stap1.outlier")],
              [_gap_row(row, labels) for row in by_service(session)],
              numeric=frozenset({1, 2, 4})),
        Heading(t("report.stap1.scores")),
        Paragraph(t("report.stap1.legend")),
    ]
    partners = session.partners
    for first in range(0, len(partners), PARTNERS_PER_TABLE):
        group = partners[first:first + PARTNERS_PER_TABLE]
        rows: list[list[Cell]] = [
            [labels.service(service),
             *(_score(scores.get(p.id, {}).get(service.id)) for p in group)]
            for service in visible_services(session.portfolio)
        ]
        blocks.append(Table([t("report.stap1.service"), *(p.name for p in group)], rows,
                            numeric=frozenset(range(1, len(group) + 1))))
    return Section("stap1", title, blocks)
