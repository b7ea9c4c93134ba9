"""Reflection: how the collaboration goes per theme, and the follow-up agreements."""

from __future__ import annotations

from ...core.reflection import group_view, spread
from ...models import Session
from ..blocks import Bar, Block, Cell, Heading, Items, Paragraph, Section, Table
from ..labels import Labels

RATING_MAX = 5


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.reflection.title")
    reflection = session.reflection
    rated = {k: r for k, r in reflection.ratings.items()
             if r.group is not None or r.per_partner or r.notes or r.next_steps or r.attention}
    if not rated and not reflection.followups:
        return Section("reflection", title, [Paragraph(t("report.empty"), note=True)])
    blocks: list[Block] = []
    if rated:
        rows: list[list[Cell]] = []
        remarks: list[str] = []
        order = [th.id for th in reflection.themes] + sorted(set(rated) - {
            th.id for th in reflection.themes})
        for theme_id in order:
            rating = rated.get(theme_id)
            if rating is None:
                continue
            name = labels.theme(theme_id)
            score: Cell = "–"
            view = group_view(rating)
            if view is not None:
                key = "report.reflection.group_score" if rating.group is not None \
                    else "report.reflection.mean_score"
                score = Bar(view, RATING_MAX, t(key, score=labels.number(view), max=RATING_MAX))
            low_high = spread(rating)
            partners = ", ".join(f"{labels.partner(p)} {v}" for p, v in rating.per_partner.items())
            if low_high is not None and low_high[0] != low_high[1]:
                partners += " " + t("report.reflection.spread", low=low_high[0], high=low_high[1])
            rows.append([name, score, partners or "–",
                         t("report.reflection.attention_yes") if rating.attention else "–"])
            for label, text in (("notes", rating.notes), ("next_steps", rating.next_steps)):
                if text:
                    remarks.append(t(f"report.reflection.{label}", theme=name, text=text))
        blocks += [Paragraph(t("report.reflection.scale")),
                   Table([t("report.reflection.theme"), t("report.reflection.group"),
                          t("report.reflection.per_partner"), t("report.reflection.attention")],
                         rows)]
        if remarks:
            blocks.append(Items(remarks))
    if reflection.followups:
        followups: list[list[Cell]] = []
        for item in reflection.followups:
            who = ", ".join(x for x in (labels.partner(item.partner) if item.partner else "",
                                        item.person) if x)
            followups.append([item.what, who or "–", labels.day(item.when),
                              labels.choice("followup", item.status),
                              labels.theme(item.theme) if item.theme else "–"])
        blocks += [Heading(t("report.reflection.followups")),
                   Table([t("report.reflection.what"), t("report.reflection.who"),
                          t("report.reflection.when"), t("report.reflection.status"),
                          t("report.reflection.theme")], followups)]
    return Section("reflection", title, blocks)
