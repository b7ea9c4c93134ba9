"""The Praatplaat in the room: per theme a partner's own rating, "needs attention", a note."""

from __future__ import annotations

from ..core import reflection as core
from ..models import Session
from ..models.reflection import RATINGS, Theme, ThemeRating
from .fields import FLAG_ON, Field, Group, choice_labels
from .texts import Translate


def theme_title(theme: Theme, tr: Translate) -> str:
    """The theme's name in the session's language."""
    return tr(f"reflection.theme.{theme.builtin}") if theme.builtin else theme.name


def groups(session: Session, partner_id: str, tr: Translate) -> list[Group]:
    scale = choice_labels(tuple((str(r), f"{r} · {tr(f'reflection.rating.{r}')}")
                                for r in RATINGS), tr("room.not_answered"))
    result = []
    for theme in session.reflection.themes:
        rating = core.rating_of(session, theme.id)
        score = rating.per_partner.get(partner_id)
        result.append(Group(theme.id, theme_title(theme, tr), (
            Field(f"r.{theme.id}", "choice", tr("room.reflection.rating"),
                  "" if score is None else str(score), scale),
            Field(f"f.{theme.id}", "flag", tr("room.reflection.attention"),
                  FLAG_ON if partner_id in rating.partner_attention else ""),
            Field(f"n.{theme.id}", "block", tr("room.note"),
                  rating.partner_notes.get(partner_id, "")),
        ), hint=tr(f"reflection.group.{theme.group}")))
    return result


def _said(rating: ThemeRating, partner_id: str, part: str, value: str) -> ThemeRating:
    if part == "r":
        scores = {k: v for k, v in rating.per_partner.items() if k != partner_id}
        if value:
            scores[partner_id] = int(value)
        return rating.model_copy(update={"per_partner": scores})
    if part == "f":
        flagged = [p for p in rating.partner_attention if p != partner_id]
        if value == FLAG_ON:
            flagged.append(partner_id)
        return rating.model_copy(update={"partner_attention": flagged})
    notes = {k: v for k, v in rating.partner_notes.items() if k != partner_id}
    if value:
        notes[partner_id] = value
    return rating.model_copy(update={"partner_notes": notes})


def apply(session: Session, partner_id: str, values: dict[str, str]) -> None:
    per_theme: dict[str, list[tuple[str, str]]] = {}
    for name, value in values.items():
        part, theme_id = name.split(".", 1)
        per_theme.setdefault(theme_id, []).append((part, value))
    for theme_id, said in per_theme.items():
        rating = core.rating_of(session, theme_id)
        for part, value in said:
            rating = _said(rating, partner_id, part, value)
        core.set_rating(session, theme_id, rating)


def progress(session: Session, partner_id: str) -> tuple[int, int | None]:
    ratings = session.reflection.ratings
    rated = sum(1 for theme in session.reflection.themes
                if partner_id in (ratings.get(theme.id) or ThemeRating()).per_partner)
    return rated, len(session.reflection.themes)
