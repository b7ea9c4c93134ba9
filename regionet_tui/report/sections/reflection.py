"""Reflection: how the collaboration goes per theme (content and process), and
the follow-up agreements."""

from __future__ import annotations

from ...core.reflection import group_view, spread
from ...models import Session
from ...models.reflection import THEME_GROUPS, ThemeRating
from ..blocks import Bar, Block, Cell, Heading, Items, Paragraph, Section, Table
from ..labels import Labels

RATING_MAX = 5


def _said(rating: ThemeRating) -> bool:
    return not rating.is_empty()


def _row(name: str, rating: ThemeRating, labels: Labels) -> list[Cell]:
    t = labels.t
    score: Cell = "–"
    view = group_view(rating)
    if view is not None:
        key = ("report.reflection.group_score" if rating.group is not None
               else "report.reflection.mean_score")
        score = Bar(view, RATING_MAX, t(key, score=labels.number(view), max=RATING_MAX))
    partners = ", ".join(f"{labels.partner(p)} {v}" for p, v in rating.per_partner.items())
    low_high = spread(rating)
    if low_high is not None and low_high[0] != low_high[1]:
        partners += " " + t("report.reflection.spread", low=low_high[0], high=low_high[1])
    attention = t("report.reflection.attention_yes") if rating.attention else "–"
    return [name, score, partners or "–", attention]


def _themes(session: Session, labels: Labels) -> list[Block]:
    t = labels.t
    ratings = session.reflection.ratings
    blocks: list[Block] = []
    remarks: list[str] = []
    for group in THEME_GROUPS:
        rows = []
        for theme in session.reflection.themes:
            rating = ratings.get(theme.id)
            if theme.group != group or rating is None or not _said(rating):
                continue
            name = labels.theme(theme.id)
            rows.append(_row(name, rating, labels))
            for label, text in (("notes", rating.notes), ("next_steps", rating.next_steps)):
                if text:
                    remarks.append(t(f"report.reflection.{label}", theme=name, text=text))
        if rows:
            blocks += [Heading(t(f"report.reflection.group_{group}")),
                       Table([t("report.reflection.theme"), t("report.reflection.group"),
                              t("report.reflection.per_partner"),
                              t("report.reflection.attention")], rows)]
    if blocks:
        blocks.insert(0, Paragraph(t("report.reflection.scale")))
    if remarks:
        blocks += [Heading(t("report.reflection.remarks")), Items(remarks)]
    return blocks


def _followups(session: Session, labels: Labels) -> list[Block]:
    t = labels.t
    rows: list[list[Cell]] = []
    for item in session.reflection.followups:
        partner = labels.partner(item.partner) if item.partner else ""
        who = ", ".join(x for x in (partner, item.person) if x)
        rows.append([item.what, who or "–", labels.day(item.when),
                     labels.choice("followup", item.status),
                     labels.theme(item.theme) if item.theme else "–"])
    if not rows:
        return []
    return [Heading(t("report.reflection.followups")),
            Table([t("report.reflection.what"), t("report.reflection.who"),
                   t("report.reflection.when"), t("report.reflection.status"),
                   t("report.reflection.theme")], rows, nowrap=frozenset({2}))]


def section(session: Session, labels: Labels) -> Section:
    t = labels.t
    title = t("report.reflection.title")
    blocks = _themes(session, labels) + _followups(session, labels)
    if not blocks:
        return Section("reflection", title, [Paragraph(t("report.empty"), note=True)])
    return Section("reflection", title, blocks)
