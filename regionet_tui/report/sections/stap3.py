"""STAP 3: every partner's own agenda, the shared agenda and the long-term goal."""

from __future__ import annotations

from ...models import Session
from ..blocks import Block, Heading, Items, Paragraph, Section
from ..labels import Labels


def _item(title: str, explanation: str) -> str:
    return f"{title} — {explanation}" if explanation else title


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.stap3.title")
    goal = session.goal
    if not goal.own and not goal.shared and not goal.statement:
        return Section("stap3", title, [Paragraph(t("report.empty"), note=True)])
    blocks: list[Block] = []
    if goal.statement:
        blocks += [Heading(t("report.stap3.statement")), Paragraph(goal.statement)]
    if goal.shared:
        own_titles = {item.id: item.title for items in goal.own.values() for item in items}
        lines = []
        for shared in goal.shared:
            line = _item(shared.title, shared.explanation)
            if shared.supporters:
                names = ", ".join(labels.partner(p) for p in shared.supporters)
                line += " " + t("report.stap3.supporters", names=names)
            sources = [own_titles[s] for s in shared.sources if s in own_titles]
            if sources:
                line += " " + t("report.stap3.sources", items="; ".join(sources))
            lines.append(line)
        blocks += [Heading(t("report.stap3.shared")), Items(lines)]
    own = [(p, goal.own[p.id]) for p in session.partners if goal.own.get(p.id)]
    if own:
        blocks.append(Heading(t("report.stap3.own")))
        for partner, items in own:
            blocks += [Heading(partner.name, level=4),
                       Items([_item(i.title, i.explanation) for i in items])]
    return Section("stap3", title, blocks)
