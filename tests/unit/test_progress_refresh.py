"""After a change, only the stages it touched get their status worked out anew,
and the stage bar still shows what working out every status would."""

from __future__ import annotations

from datetime import date

from regionet_tui import progress
from regionet_tui.core import partners as partner_rules
from regionet_tui.core import stap1, stap5
from regionet_tui.demo import FILLERS, build_demo
from regionet_tui.models import Session


def _change(session: Session, known: dict[str, progress.Status], apply: object
            ) -> tuple[dict[str, progress.Status], tuple[str, ...]]:
    before = progress.parts(session)
    apply(session)  # type: ignore[operator]
    changed = progress.touched(session, before)
    return progress.refreshed(session, known, changed), changed


def test_filling_the_workshop_stage_by_stage_keeps_every_status_right() -> None:
    session = Session(id="s-1", title="Ronde 1", date=date(2026, 11, 12))
    known = progress.statuses(session)
    assert set(known.values()) == {"empty"}
    for fill in FILLERS:
        known, changed = _change(session, known, fill)
        assert known == progress.statuses(session), fill.__module__
        assert changed or fill.__module__.endswith("workshop"), fill.__module__
    assert "done" in known.values()


def test_a_score_touches_stap1_alone_and_a_removed_partner_every_stage() -> None:
    session = build_demo("s-demo")
    known = progress.statuses(session)
    partner = session.partners[0].id
    service = session.portfolio.services[0].id
    known, changed = _change(session, known, lambda s: stap1.update_score(
        s, partner, service, quality=3))
    assert changed == ("stap1",)
    known, changed = _change(session, known,
                             lambda s: stap5.remove_milestone(s, s.plan.milestones[0].id))
    assert "stap5" in changed and "stap1" not in changed
    assert known == progress.statuses(session)
    known, changed = _change(session, known, lambda s: partner_rules.remove_partner(s, partner))
    assert {"partners", "commitment", "stap1", "stap2", "stap4"} <= set(changed)
    assert known == progress.statuses(session)


def test_a_title_or_the_timer_touches_no_stage() -> None:
    session = build_demo("s-demo")
    known = progress.statuses(session)
    after, changed = _change(session, known, lambda s: setattr(s, "title", "Ronde 2"))
    assert changed == () and after == known


def test_emptying_each_part_again_keeps_every_status_right() -> None:
    session = build_demo("s-demo")
    known = progress.statuses(session)
    fresh = Session(id="s-2", title="Leeg", date=date(2026, 11, 12))
    for part in ("reflection", "flowchart", "plan", "deal", "goal", "start", "portfolio",
                 "commitment", "partners"):
        known, changed = _change(session, known,
                                 lambda s, part=part: setattr(s, part, getattr(fresh, part)))
        assert changed, part
        assert known == progress.statuses(session), part
    assert set(known.values()) == {"empty"}
