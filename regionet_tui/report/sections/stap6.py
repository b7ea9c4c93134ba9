"""STAP 6: the flowchart of the collaboration, drawn, and its arrows in words."""

from __future__ import annotations

from ...core.stap6 import graph_of
from ...flowchart import render
from ...models import Session
from ..blocks import Block, Drawing, Items, Paragraph, Section
from ..labels import Labels

# Wide enough for a printed page in a small monospace font.
MAX_WIDTH = 110


def _drawing(session: Session) -> Drawing | None:
    try:
        drawn = render(graph_of(session), direction=session.flowchart.direction,
                       max_width=MAX_WIDTH)
    except ValueError:  # an arrow to a box that is not there (a damaged file): words only
        return None
    return Drawing(drawn.lines)


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.stap6.title")
    chart = session.flowchart
    if not chart.nodes:
        return Section("stap6", title, [Paragraph(t("report.empty"), note=True)])
    names = {node.id: node.label for node in chart.nodes}
    arrows = [
        f"{names.get(e.source, e.source)} → {names.get(e.target, e.target)}"
        + (f" ({e.label})" if e.label else "")
        for e in chart.edges
    ]
    blocks: list[Block] = []
    drawing = _drawing(session)
    if drawing is not None:
        blocks.append(drawing)
    blocks += [Paragraph(t("report.stap6.boxes")),
               Items([f"{n.label} ({labels.choice('node', n.kind)})" for n in chart.nodes])]
    if arrows:
        blocks += [Paragraph(t("report.stap6.arrows")), Items(arrows)]
    return Section("stap6", title, blocks)
