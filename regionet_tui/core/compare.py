"""Compare a session with the round before it: what closed, what was kept.

`compare(previous, current) -> Comparison`, all plain typed data (no text to
show: screens and the report translate the `change` values):

- `services`: per service (matched by id, current order first) the gap then
  and now, rounded to one decimal, and how it moved: "closed" (there was a gap
  and now there is none), "narrowed", "widened", "unchanged", "new" (no gap
  could be computed then), "unscored" (none can be computed now) or "none"
  (never scored).
  The gap of a service is the one the STAP 1 gap table shows (`stap1_gaps.by_service`):
  per partner that gave both, desired minus current quality ("not offered" or
  "not wanted" counting as 0), averaged over those partners. A service hidden
  in the previous round and shown now has the gap its scores gave then.
- `commitments`: committed partner × attitude pairs, and how many there could be.
- `milestones_done` / `milestones_late` / `milestones_total`: the STAP 5 plan.
  Late means marked late, or past its deadline on the session's date and not done.
- `followups_done` / `followups_late` / `followups_total`: the Follow-up plaat.
  A follow-up of the previous round is late when it was not done by the date of
  the current round (follow-ups are agreed for the future, so that is when it
  shows) and the milestone it became is not done either; a current one when it
  is past due on the current date.
- `outcomes`: each follow-up of the previous round, its status then, whether it
  was late by the current round, and the status now of the milestone it became
  (when that milestone is still in the plan).
- `themes`: per reflection theme the group view then and now (the agreed group
  score, or the mean of the partners' scores) and whether it needed attention.

Dates are the sessions' own workshop dates, so the result never depends on
the day it is computed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..models import Session
from ..models.commitment import ATTITUDES
from ..models.reflection import FollowUpStatus, Theme, ThemeGroup
from ..models.stap1 import Service
from ..models.stap5 import Milestone, MilestoneStatus
from . import stap1_gaps
from .reflection import group_view, is_late

GapChange = Literal["closed", "narrowed", "widened", "unchanged", "new", "unscored", "none"]
ScoreChange = Literal["up", "down", "same", "new", "gone", "none"]


@dataclass(frozen=True)
class Pair:
    before: int
    now: int


@dataclass(frozen=True)
class ServiceGap:
    service: Service
    before: float | None
    now: float | None
    change: GapChange


@dataclass(frozen=True)
class ThemeScore:
    theme: Theme
    group: ThemeGroup
    before: float | None
    now: float | None
    attention_before: bool
    attention_now: bool
    change: ScoreChange


@dataclass(frozen=True)
class FollowUpOutcome:
    what: str
    status_before: FollowUpStatus
    late: bool
    promoted: bool  # made into a STAP 5 milestone in its round
    milestone_now: MilestoneStatus | None  # None: not (or no longer) in the plan


@dataclass(frozen=True)
class Comparison:
    services: tuple[ServiceGap, ...]
    commitments: Pair
    commitments_possible: Pair
    milestones_done: Pair
    milestones_late: Pair
    milestones_total: Pair
    followups_done: Pair
    followups_late: Pair
    followups_total: Pair
    outcomes: tuple[FollowUpOutcome, ...]
    themes: tuple[ThemeScore, ...]


# -- services -------------------------------------------------------------------
def service_gaps(session: Session, hidden_too: bool = False) -> dict[str, float | None]:
    """Each visible service's gap as the STAP 1 gap table shows it, to one decimal;
    with `hidden_too`, also the gap a hidden service's kept scores give."""
    if hidden_too:
        services = [s.model_copy(update={"hidden": False}) for s in session.portfolio.services]
        portfolio = session.portfolio.model_copy(update={"services": services})
        session = session.model_copy(update={"portfolio": portfolio})
    return {row.key: None if row.gap is None else round(row.gap, 1)
            for row in stap1_gaps.by_service(session)}


def gap_change(before: float | None, now: float | None) -> GapChange:
    if before is None:
        return "none" if now is None else "new"
    if now is None:
        return "unscored"
    if before > 0 and now <= 0:
        return "closed"
    if now == before or (before <= 0 and now <= 0):
        return "unchanged"
    return "narrowed" if now < before else "widened"


def _services(previous: Session, current: Session) -> tuple[ServiceGap, ...]:
    earlier = {s.id: s for s in previous.portfolio.services}
    ids = [s.id for s in current.portfolio.services]
    shown = [s for s in current.portfolio.services if not s.hidden]
    shown += [s for s in previous.portfolio.services if s.id not in ids and not s.hidden]
    # A service hidden then and shown again now is compared with the gap its
    # scores gave then: it is not new.
    then, now_ = service_gaps(previous, hidden_too=True), service_gaps(current)
    rows = []
    for service in shown:
        before = then.get(service.id) if service.id in earlier else None
        now = now_.get(service.id) if service.id in ids else None
        rows.append(ServiceGap(service, before, now, gap_change(before, now)))
    return tuple(rows)


# -- commitments, milestones, follow-ups ---------------------------------------------
def _committed(session: Session) -> int:
    return sum(
        1 for p in session.partners for a in ATTITUDES
        if (entry := session.commitment.entries.get(p.id, {}).get(a)) is not None
        and entry.committed
    )


def milestone_late(milestone: Milestone, on: date) -> bool:
    if milestone.status == "late":
        return True
    return (milestone.status != "done" and milestone.deadline is not None
            and milestone.deadline < on)


def _outcomes(previous: Session, current: Session) -> tuple[FollowUpOutcome, ...]:
    now = {m.id: m for m in current.plan.milestones}
    outcomes = []
    for followup in previous.reflection.followups:
        milestone = now.get(followup.milestone) if followup.milestone else None
        status = milestone.status if milestone else None
        late = is_late(followup, current.date) and status != "done"
        outcomes.append(FollowUpOutcome(followup.what, followup.status, late,
                                        followup.milestone is not None, status))
    return tuple(outcomes)


# -- reflection themes --------------------------------------------------------------
def score_change(before: float | None, now: float | None) -> ScoreChange:
    if before is None:
        return "none" if now is None else "new"
    if now is None:
        return "gone"
    if round(now, 1) == round(before, 1):
        return "same"
    return "up" if now > before else "down"


def _themes(previous: Session, current: Session) -> tuple[ThemeScore, ...]:
    ids = [th.id for th in current.reflection.themes]
    themes = [*current.reflection.themes,
              *(th for th in previous.reflection.themes if th.id not in ids)]
    scores = []
    for theme in themes:
        then = previous.reflection.ratings.get(theme.id)
        now = current.reflection.ratings.get(theme.id)
        before_view, now_view = group_view(then), group_view(now)
        scores.append(ThemeScore(
            theme, theme.group, before_view, now_view,
            bool(then and then.attention), bool(now and now.attention),
            score_change(before_view, now_view),
        ))
    return tuple(scores)


def compare(previous: Session, current: Session) -> Comparison:
    def both(count: Callable[[Session], int]) -> Pair:
        return Pair(count(previous), count(current))

    outcomes = _outcomes(previous, current)
    return Comparison(
        services=_services(previous, current),
        commitments=both(_committed),
        commitments_possible=both(lambda s: len(s.partners) * len(ATTITUDES)),
        milestones_done=both(lambda s: sum(m.status == "done" for m in s.plan.milestones)),
        milestones_late=both(lambda s: sum(milestone_late(m, s.date) for m in s.plan.milestones)),
        milestones_total=both(lambda s: len(s.plan.milestones)),
        followups_done=both(lambda s: sum(f.status == "done" for f in s.reflection.followups)),
        followups_late=Pair(sum(o.late for o in outcomes),
                            sum(is_late(f, current.date) for f in current.reflection.followups)),
        followups_total=both(lambda s: len(s.reflection.followups)),
        outcomes=outcomes,
        themes=_themes(previous, current),
    )
