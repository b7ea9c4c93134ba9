"""Rules for STAP 5, the transition plan. No textual in here.

API:
    check_milestone(session, milestone) -> None, raises FormError when the
        milestone cannot be saved (start after deadline, unknown owner,
        dependency on itself or on an unknown milestone, a dependency cycle).
    add_milestone / replace_milestone / remove_milestone(session, ...)
        validate first, then assign new lists; a refused change changes nothing.
        A milestone made from a follow-up passes a new status on to it.
    find_cycle(milestones) -> list of ids forming a cycle (first id repeated
        at the end), or [] when there is none.
    ends_before_dependency(milestones) -> list of (milestone, dependency)
        pairs where the milestone's deadline lies before the dependency's;
        warnings(session, about=None) says the same in the user's language,
        and names milestones whose follow-up says otherwise (out_of_step).
    forget_partner(session, partner_id) leaves a removed partner's
        milestones without an owner.
    serve_targets(session) -> [(id, label)] of agreements and shared-agenda
        items a milestone can serve.
The timeline layout lives in `core.stap5_timeline`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..forms import FormError
from ..i18n import t
from ..models import Session
from ..models.reflection import FollowUp
from ..models.stap5 import Milestone
from ..progress import Status
from .reflection import find_followup, followup_in_step, in_step


def progress(session: Session) -> Status:
    milestones = session.plan.milestones
    if not milestones:
        return "empty"
    planned = all(m.owner and m.deadline for m in milestones)
    return "done" if planned else "in_progress"


def find_cycle(milestones: Iterable[Milestone]) -> list[str]:
    """The first dependency cycle found, as ids with the first repeated at the end."""
    edges = {m.id: list(m.depends_on) for m in milestones}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for following in edges.get(node, []):
            if state.get(following) == 1:
                return [*path[path.index(following):], following]
            if following in edges and following not in state:
                found = visit(following)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return []

    for node in edges:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def ends_before_dependency(milestones: Iterable[Milestone]) -> list[tuple[Milestone, Milestone]]:
    """Pairs (milestone, dependency) where the milestone's deadline comes first."""
    listed = list(milestones)
    by_id = {m.id: m for m in listed}
    pairs = []
    for milestone in listed:
        for dependency_id in milestone.depends_on:
            dependency = by_id.get(dependency_id)
            if (dependency is not None and milestone.deadline is not None
                    and dependency.deadline is not None
                    and milestone.deadline < dependency.deadline):
                pairs.append((milestone, dependency))
    return pairs


def check_milestone(session: Session, milestone: Milestone) -> None:
    """Refuse, with a message in the user's language, what the plan cannot hold."""
    if milestone.start and milestone.deadline and milestone.start > milestone.deadline:
        raise FormError(t("stap5.error.start_after_deadline"))
    if milestone.owner is not None and session.partner(milestone.owner) is None:
        raise FormError(t("stap5.error.unknown_owner"))
    if milestone.id in milestone.depends_on:
        raise FormError(t("stap5.error.self_dependency"))
    known = {m.id for m in session.plan.milestones}
    if any(d not in known for d in milestone.depends_on):
        raise FormError(t("stap5.error.unknown_dependency"))
    if milestone.serves is not None and milestone.serves not in dict(serve_targets(session)):
        raise FormError(t("stap5.error.unknown_target"))
    candidate = [milestone if m.id == milestone.id else m for m in session.plan.milestones]
    if milestone.id not in known:
        candidate.append(milestone)
    cycle = find_cycle(candidate)
    if cycle:
        # Shown in the order of the work ("A → B": B waits for A).
        titles = {m.id: m.title for m in candidate}
        path = " → ".join(titles[i] for i in reversed(cycle))
        raise FormError(t("stap5.error.cycle", path=path))


def add_milestone(session: Session, milestone: Milestone) -> None:
    check_milestone(session, milestone)
    session.plan.milestones = [*session.plan.milestones, milestone]


def replace_milestone(session: Session, milestone: Milestone) -> None:
    """Replace a milestone; the follow-up it came from takes over a changed status."""
    check_milestone(session, milestone)
    before = next((m for m in session.plan.milestones if m.id == milestone.id), None)
    followup = find_followup(session, milestone.followup) if milestone.followup else None
    if followup is not None and before is not None and before.status != milestone.status:
        synced = followup_in_step(followup, milestone)
        session.reflection.followups = [synced if f.id == synced.id else f
                                        for f in session.reflection.followups]
    session.plan.milestones = [milestone if m.id == milestone.id else m
                               for m in session.plan.milestones]


def remove_milestone(session: Session, milestone_id: str) -> None:
    """Remove a milestone; others stop depending on it."""
    kept = [m for m in session.plan.milestones if m.id != milestone_id]
    session.plan.milestones = [
        m.model_copy(update={"depends_on": [d for d in m.depends_on if d != milestone_id]})
        if milestone_id in m.depends_on else m
        for m in kept
    ]


def forget_partner(session: Session, partner_id: str) -> None:
    session.plan.milestones = [m.model_copy(update={"owner": None}) if m.owner == partner_id
                               else m for m in session.plan.milestones]


def serve_targets(session: Session) -> list[tuple[str, str]]:
    """(id, label) of every agreement and shared-agenda item, for "serves"."""
    targets = [(a.id, t("stap5.serves_agreement", what=a.what)) for a in session.deal.agreements]
    targets += [(s.id, t("stap5.serves_shared", what=s.title)) for s in session.goal.shared]
    return targets


def out_of_step(session: Session) -> list[tuple[Milestone, FollowUp]]:
    """Milestones whose follow-up says otherwise about them (after a merge or an
    import: the app keeps the two in step itself)."""
    pairs = []
    for milestone in session.plan.milestones:
        followup = find_followup(session, milestone.followup) if milestone.followup else None
        if followup is not None and not in_step(followup, milestone):
            pairs.append((milestone, followup))
    return pairs


def warnings(session: Session, about: str | None = None) -> list[str]:
    """Readable warnings about milestones ending before what they depend on, and
    about milestones and follow-ups that differ; with `about`, only those that
    involve that milestone."""
    found = [t("stap5.warn_ends_before", title=m.title, dependency=d.title)
             for m, d in ends_before_dependency(session.plan.milestones)
             if about is None or about in (m.id, d.id)]
    found += [t("stap5.warn_out_of_step", title=m.title,
                status=t(f"stap5.status.{m.status}"),
                followup=t(f"reflection.status.{f.status}"))
              for m, f in out_of_step(session) if about is None or about == m.id]
    return found
