"""STAP 6: the flowchart of the collaboration, as its arrows."""

from __future__ import annotations

from ...models import Session
from ..blocks import Block, Items, Paragraph, Section
from ..labels import Labels


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
    blocks: list[Block] = [Paragraph(t("report.stap6.boxes")),
                           Items([f"{n.label} ({labels.choice('node', n.kind)})"
                                  for n in chart.nodes])]
    if arrows:
        blocks += [Paragraph(t("report.stap6.arrows")), Items(arrows)]
    return Section("stap6", title, blocks)
