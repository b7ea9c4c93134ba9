"""Rules for the reflection: the Praatplaat (themes) and the Follow-up plaat.

Every change builds new validated objects first and assigns them last, so a
refused change (FormError, ValidationError) leaves the session as it was.

- `theme_name(theme)`: the name a facilitator sees (catalogue name of a default theme).
- `group_view(rating)`: the group score, or the mean of the partners' scores.
- `spread(rating)`: lowest and highest partner score, None without partner scores.
- `format_score(value)`, `score_bar(value)`: a score as text ("3,5") and as five dots.
- `set_rating`, `step_group`, `toggle_attention`: change the rating of one theme.
- `add_theme`, `edit_theme`, `remove_theme`: custom themes (default themes stay).
- `add_followup`, `replace_followup`, `remove_followup`: the follow-up agreements.
- `promote_followup`: turn a follow-up into a STAP 5 milestone, linked both ways.
- `in_step`, `followup_in_step`, `milestone_in_step`: a follow-up and its milestone
  keep one status: a change of either's status is taken over by the other
  (`replace_followup` here, `stap5.replace_milestone` there); where they still
  differ (a merged or imported file), the screens say so.
- `forget_partner`: drop a removed partner's scores and assignments.
"""

from __future__ import annotations

from datetime import date

from ..forms import FormError
from ..i18n import language, t
from ..models import Session, utc_now
from ..models.reflection import FollowUp, FollowUpStatus, Theme, ThemeGroup, ThemeRating
from ..models.stap5 import Milestone, MilestoneStatus
from ..progress import Status

MILESTONE_STATUS: dict[str, MilestoneStatus] = {
    "open": "planned", "in_progress": "in_progress", "done": "done",
}
# A late milestone is not done: its follow-up keeps saying how far it got.
FOLLOWUP_STATUS: dict[MilestoneStatus, FollowUpStatus | None] = {
    "planned": "open", "in_progress": "in_progress", "done": "done", "late": None,
}


def progress(session: Session) -> Status:
    reflection = session.reflection
    rated = [r for r in reflection.ratings.values() if r.group is not None or r.per_partner]
    if not rated and not reflection.followups:
        return "empty"
    return "done" if rated and reflection.followups else "in_progress"


# -- reading -------------------------------------------------------------------
def theme_name(theme: Theme) -> str:
    return t(f"reflection.theme.{theme.builtin}") if theme.builtin else theme.name


def find_theme(session: Session, theme_id: str | None) -> Theme | None:
    return next((th for th in session.reflection.themes if th.id == theme_id), None)


def rating_of(session: Session, theme_id: str) -> ThemeRating:
    return session.reflection.ratings.get(theme_id) or ThemeRating()


def group_view(rating: ThemeRating | None) -> float | None:
    """The score the group agreed on; without one, the mean of the partners' scores."""
    if rating is None:
        return None
    if rating.group is not None:
        return float(rating.group)
    scores = list(rating.per_partner.values())
    return sum(scores) / len(scores) if scores else None


def spread(rating: ThemeRating | None) -> tuple[int, int] | None:
    if rating is None or not rating.per_partner:
        return None
    scores = rating.per_partner.values()
    return min(scores), max(scores)


def format_score(value: float | None) -> str:
    """"4" or "3,5" (Dutch) / "3.5"; "–" for no score."""
    if value is None:
        return t("reflection.not_scored")
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if language() == "nl" else text


def score_bar(value: float | None) -> str:
    """Five dots, as many filled as the score (rounded half up): ●●●○○."""
    filled = 0 if value is None else int(value + 0.5)
    return "●" * filled + "○" * (5 - filled)


def find_followup(session: Session, followup_id: str) -> FollowUp | None:
    return next((f for f in session.reflection.followups if f.id == followup_id), None)


def milestone_of(session: Session, followup: FollowUp) -> Milestone | None:
    """The milestone a follow-up became, if it is still in the plan."""
    if followup.milestone is None:
        return None
    return next((m for m in session.plan.milestones if m.id == followup.milestone), None)


def is_late(followup: FollowUp, today: date) -> bool:
    return followup.status != "done" and followup.when is not None and followup.when < today


def in_step(followup: FollowUp, milestone: Milestone) -> bool:
    """Whether a follow-up and the milestone it became say the same about it:
    done in one is done in the other, and so on (a late milestone is not done)."""
    wanted = FOLLOWUP_STATUS[milestone.status]
    if wanted is None:
        return followup.status != "done"
    return followup.status == wanted


def followup_in_step(followup: FollowUp, milestone: Milestone) -> FollowUp:
    """The follow-up with the status its milestone now has."""
    if in_step(followup, milestone):
        return followup
    status = FOLLOWUP_STATUS[milestone.status] or "in_progress"
    return followup.model_copy(update={"status": status})


def milestone_in_step(milestone: Milestone, followup: FollowUp) -> Milestone:
    """The milestone with the status its follow-up now has."""
    if in_step(followup, milestone):
        return milestone
    return milestone.model_copy(update={"status": MILESTONE_STATUS[followup.status]})


# -- ratings -------------------------------------------------------------------
def _require_theme(session: Session, theme_id: str) -> Theme:
    theme = find_theme(session, theme_id)
    if theme is None:
        raise FormError(t("reflection.error.no_theme"))
    return theme


def _store_rating(session: Session, theme_id: str, rating: ThemeRating) -> None:
    ratings = {k: v for k, v in session.reflection.ratings.items() if k != theme_id}
    if not rating.is_empty():
        ratings[theme_id] = rating
    session.reflection.ratings = ratings


def set_rating(session: Session, theme_id: str, rating: ThemeRating) -> None:
    _require_theme(session, theme_id)
    partner_ids = {p.id for p in session.partners}
    said = {*rating.per_partner, *rating.partner_attention, *rating.partner_notes}
    if said - partner_ids:
        raise FormError(t("reflection.error.unknown_partner"))
    _store_rating(session, theme_id, ThemeRating.model_validate(rating.model_dump()))


def step_group(session: Session, theme_id: str, step: int) -> None:
    """Raise or lower the group score by one, within 1 to 5.

    A theme nobody scored yet goes to the first step (1) with a raise and to
    the last (5) with a lowering; without a group score but with the
    partners' scores, the step starts from their mean, rounded.
    """
    _require_theme(session, theme_id)
    current = rating_of(session, theme_id)
    view = group_view(current)
    if view is None:
        score = 1 if step > 0 else 5
    else:
        score = min(5, max(1, int(view + 0.5) + step))
    _store_rating(session, theme_id, current.model_copy(update={"group": score}))


def clear_group(session: Session, theme_id: str) -> None:
    """The group score back to "not rated"; the partners' own scores stay."""
    _require_theme(session, theme_id)
    current = rating_of(session, theme_id)
    _store_rating(session, theme_id, current.model_copy(update={"group": None}))


def toggle_attention(session: Session, theme_id: str) -> bool:
    _require_theme(session, theme_id)
    current = rating_of(session, theme_id)
    _store_rating(session, theme_id,
                  current.model_copy(update={"attention": not current.attention}))
    return not current.attention


# -- custom themes ---------------------------------------------------------------
def _check_name(session: Session, name: str, theme_id: str | None) -> Theme:
    theme = Theme(id=theme_id or "new", name=name)
    if not theme.name:
        raise FormError(t("form.error.required", field=t("reflection.theme_name")))
    taken = {theme_name(th).casefold() for th in session.reflection.themes if th.id != theme_id}
    if theme.name.casefold() in taken:
        raise FormError(t("reflection.error.theme_exists", name=theme.name))
    return theme


def add_theme(session: Session, theme_id: str, name: str, group: ThemeGroup) -> Theme:
    _check_name(session, name, None)
    theme = Theme(id=theme_id, name=name, group=group)
    if find_theme(session, theme_id) is not None:
        raise FormError(t("reflection.error.theme_exists", name=theme.name))
    session.reflection.themes = [*session.reflection.themes, theme]
    return theme


def edit_theme(session: Session, theme_id: str, name: str, group: ThemeGroup) -> None:
    current = _require_theme(session, theme_id)
    if current.builtin is not None:
        raise FormError(t("reflection.error.builtin_theme"))
    _check_name(session, name, theme_id)
    theme = Theme(id=theme_id, name=name, group=group)
    session.reflection.themes = [theme if th.id == theme_id else th
                                 for th in session.reflection.themes]


def remove_theme(session: Session, theme_id: str) -> None:
    """Remove a custom theme and its rating; follow-ups stay, without the link."""
    current = _require_theme(session, theme_id)
    if current.builtin is not None:
        raise FormError(t("reflection.error.builtin_theme"))
    followups = [f.model_copy(update={"theme": None}) if f.theme == theme_id else f
                 for f in session.reflection.followups]
    reflection = session.reflection
    reflection.themes = [th for th in reflection.themes if th.id != theme_id]
    reflection.ratings = {k: v for k, v in reflection.ratings.items() if k != theme_id}
    reflection.followups = followups


# -- follow-ups ------------------------------------------------------------------
def _checked(session: Session, followup: FollowUp) -> FollowUp:
    checked = FollowUp.model_validate(followup.model_dump())
    if checked.partner is not None and session.partner(checked.partner) is None:
        raise FormError(t("reflection.error.unknown_partner"))
    if checked.theme is not None and find_theme(session, checked.theme) is None:
        raise FormError(t("reflection.error.no_theme"))
    return checked


def add_followup(session: Session, followup: FollowUp) -> None:
    checked = _checked(session, followup)
    if find_followup(session, checked.id) is not None:
        raise FormError(t("reflection.error.followup_exists"))
    if checked.created is None:
        checked = checked.model_copy(update={"created": utc_now()})
    session.reflection.followups = [*session.reflection.followups, checked]


def replace_followup(session: Session, followup: FollowUp) -> None:
    """Replace a follow-up; the milestone it became takes over a changed status."""
    before = find_followup(session, followup.id)
    if before is None:
        raise FormError(t("reflection.error.no_followup"))
    checked = _checked(session, followup)
    milestone = milestone_of(session, checked)
    if milestone is not None and checked.status != before.status:
        synced = milestone_in_step(milestone, checked)
        session.plan.milestones = [synced if m.id == synced.id else m
                                   for m in session.plan.milestones]
    session.reflection.followups = [checked if f.id == checked.id else f
                                    for f in session.reflection.followups]


def remove_followup(session: Session, followup_id: str) -> None:
    """Remove a follow-up; a milestone made from it stays in the plan, unlinked."""
    milestones = [m.model_copy(update={"followup": None}) if m.followup == followup_id else m
                  for m in session.plan.milestones]
    session.reflection.followups = [f for f in session.reflection.followups
                                    if f.id != followup_id]
    session.plan.milestones = milestones


def promote_followup(session: Session, followup_id: str, milestone_id: str) -> Milestone:
    """Add the follow-up to the STAP 5 plan as a milestone; each points to the other."""
    followup = find_followup(session, followup_id)
    if followup is None:
        raise FormError(t("reflection.error.no_followup"))
    if milestone_of(session, followup) is not None:
        raise FormError(t("reflection.error.already_promoted"))
    milestone = Milestone(id=milestone_id, title=followup.what, owner=followup.partner,
                          deadline=followup.when, status=MILESTONE_STATUS[followup.status],
                          followup=followup.id)
    linked = followup.model_copy(update={"milestone": milestone.id})
    session.plan.milestones = [*session.plan.milestones, milestone]
    session.reflection.followups = [linked if f.id == followup_id else f
                                    for f in session.reflection.followups]
    return milestone


def forget_partner(session: Session, partner_id: str) -> None:
    """What the reflection holds of a partner that leaves the session."""
    ratings = {
        theme_id: rating.model_copy(update={
            "per_partner": {k: v for k, v in rating.per_partner.items() if k != partner_id},
            "partner_attention": [p for p in rating.partner_attention if p != partner_id],
            "partner_notes": {k: v for k, v in rating.partner_notes.items() if k != partner_id},
        })
        for theme_id, rating in session.reflection.ratings.items()
    }
    followups = [f.model_copy(update={"partner": None}) if f.partner == partner_id else f
                 for f in session.reflection.followups]
    session.reflection.ratings = {k: v for k, v in ratings.items() if not v.is_empty()}
    session.reflection.followups = followups
