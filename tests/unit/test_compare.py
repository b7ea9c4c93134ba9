"""Comparing a session with the round before it, on hand-computed cases."""

from __future__ import annotations

from datetime import date

from regionet_tui.core import stap1_gaps
from regionet_tui.core.compare import compare, gap_change, score_change, service_gaps
from regionet_tui.models import Partner, Session
from regionet_tui.models.commitment import ATTITUDES, CommitmentEntry
from regionet_tui.models.reflection import FollowUp, Theme, ThemeRating
from regionet_tui.models.stap1 import Score, Service
from regionet_tui.models.stap5 import Milestone

SERVICES = [Service(id=f"s{n}", name=f"Dienst {n}") for n in range(1, 8)]


def score(quality: int | None, desired: int | None, offered: bool | None = True) -> Score:
    return Score(offered=offered, quality=quality, wanted=desired is not None, desired=desired)


def base(on: date) -> Session:
    session = Session(id="x", title="Ronde", date=on)
    session.partners = [Partner(id="a", name="A"), Partner(id="b", name="B")]
    session.portfolio.services = list(SERVICES)
    return session


def previous_round() -> Session:
    s = base(date(2026, 4, 1))
    s.portfolio.scores = {
        # s1: current (4 + 0) / 2 = 2, desired (8 + 6) / 2 = 7 -> gap 5
        # s2: 7 - 5 = 2;  s3: 7 - 6 = 1;  s5: 6 - 5 = 1;  s7: 6 - 4 = 2
        "a": {"s1": score(4, 8), "s2": score(5, 7), "s3": score(6, 7), "s5": score(5, 6),
              "s7": score(4, 6)},
        "b": {"s1": score(None, 6, offered=False)},
    }
    entries = {"a": {a: CommitmentEntry(committed=True) for a in ATTITUDES},
               "b": {"open": CommitmentEntry(committed=True),
                     "inform": CommitmentEntry(committed=True),
                     "evaluate": CommitmentEntry(committed=False)}}
    s.commitment.entries = entries  # 7 of 10
    s.plan.milestones = [
        Milestone(id="m1", title="Een", status="done"),
        Milestone(id="m2", title="Twee", deadline=date(2026, 3, 1)),  # past: late
        Milestone(id="m3", title="Drie", status="late"),
    ]
    s.reflection.followups = [
        FollowUp(id="f1", what="Klaar", status="done"),
        FollowUp(id="f2", what="Vergeten", when=date(2026, 6, 15)),  # not done by November
        FollowUp(id="f3", what="Werd mijlpaal", milestone="m2", when=date(2026, 5, 1)),
    ]
    s.reflection.ratings = {
        "thm-equality": ThemeRating(group=2, attention=True),
        "thm-deadlines": ThemeRating(per_partner={"a": 2, "b": 4}),
        "thm-governance": ThemeRating(group=4),
    }
    return s


def current_round() -> Session:
    s = base(date(2026, 11, 1))
    s.portfolio.scores = {
        # s1: current (7 + 5) / 2 = 6, desired 7 -> 1 (narrowed); s2: 7 - 8 = -1 (closed)
        # s3: 8 - 4 = 4 (widened); s4: 6 - 5 = 1 (new); s7: 7 - 5 = 2 (unchanged)
        "a": {"s1": score(7, 8), "s2": score(8, 7), "s3": score(4, 8), "s4": score(5, 6),
              "s7": score(5, 7)},
        "b": {"s1": score(5, 6)},
    }
    s.commitment.entries = {p: {a: CommitmentEntry(committed=True) for a in ATTITUDES}
                            for p in ("a", "b")}
    s.plan.milestones = [
        Milestone(id="m1", title="Een", status="done"),
        Milestone(id="m2", title="Twee", status="done"),
        Milestone(id="m3", title="Drie", status="in_progress", deadline=date(2026, 12, 1)),
        Milestone(id="m4", title="Vier", deadline=date(2026, 10, 1)),  # late on 1 November
    ]
    s.reflection.themes = [*s.reflection.themes, Theme(id="t-own", name="Eigen")]
    s.reflection.ratings = {
        "thm-equality": ThemeRating(group=4),
        "thm-deadlines": ThemeRating(per_partner={"a": 3, "b": 3}),
        "t-own": ThemeRating(group=3, attention=True),
    }
    s.reflection.followups = [FollowUp(id="g1", what="Nieuw")]
    return s


def test_service_gap_is_the_gap_table_s() -> None:
    s = previous_round()
    assert service_gaps(s)["s1"] == 5.0  # a: 8 - 4, b (not offered): 6 - 0
    assert service_gaps(s)["s2"] == 2.0
    assert service_gaps(s)["s6"] is None  # nobody scored
    s.portfolio.scores["a"]["s6"] = Score(offered=True, quality=5)  # no desire given
    assert service_gaps(s)["s6"] is None
    s.portfolio.scores["a"]["s6"] = score(5, None)  # not wanted: desired 0
    assert service_gaps(s)["s6"] == -5.0
    # Partners who gave only one side are left out, not averaged in separately.
    s.portfolio.scores["b"]["s2"] = Score(offered=True, quality=1)
    assert service_gaps(s)["s2"] == 2.0
    assert {row.key: row.gap for row in stap1_gaps.by_service(s)}["s2"] == 2.0


def test_gap_per_service_then_and_now() -> None:
    result = compare(previous_round(), current_round())
    rows = {g.service.id: (g.before, g.now, g.change) for g in result.services}
    assert rows == {
        "s1": (5.0, 1.0, "narrowed"),
        "s2": (2.0, -1.0, "closed"),
        "s3": (1.0, 4.0, "widened"),
        "s4": (None, 1.0, "new"),
        "s5": (1.0, None, "unscored"),
        "s6": (None, None, "none"),
        "s7": (2.0, 2.0, "unchanged"),
    }


def test_a_service_hidden_then_and_shown_now_keeps_its_gap_of_then() -> None:
    previous = previous_round()
    previous.portfolio.services = [s.model_copy(update={"hidden": s.id == "s1"})
                                   for s in previous.portfolio.services]
    rows = {g.service.id: (g.before, g.now, g.change)
            for g in compare(previous, current_round()).services}
    assert rows["s1"] == (5.0, 1.0, "narrowed")  # not "new"


def test_gap_change_rules() -> None:
    assert gap_change(3.0, 0.0) == "closed"
    assert gap_change(0.0, 0.0) == "unchanged"
    assert gap_change(-1.0, -2.0) == "unchanged"  # no shortfall then or now
    assert gap_change(-1.0, 2.0) == "widened"
    assert gap_change(1.5, 1.5) == "unchanged"


def test_counts_of_commitments_milestones_and_followups() -> None:
    result = compare(previous_round(), current_round())
    pairs = {
        "commitments": result.commitments, "possible": result.commitments_possible,
        "ms_done": result.milestones_done, "ms_late": result.milestones_late,
        "ms_total": result.milestones_total, "fu_done": result.followups_done,
        "fu_late": result.followups_late, "fu_total": result.followups_total,
    }
    assert {k: (v.before, v.now) for k, v in pairs.items()} == {
        "commitments": (7, 10), "possible": (10, 10),
        "ms_done": (1, 2), "ms_late": (2, 1), "ms_total": (3, 4),
        "fu_done": (1, 0), "fu_late": (1, 0), "fu_total": (3, 1),
    }


def test_what_became_of_the_previous_followups() -> None:
    result = compare(previous_round(), current_round())
    assert [(o.what, o.status_before, o.late, o.promoted, o.milestone_now)
            for o in result.outcomes] == [
        ("Klaar", "done", False, False, None),
        ("Vergeten", "open", True, False, None),
        ("Werd mijlpaal", "open", False, True, "done"),  # past due, but its milestone is done
    ]


def test_reflection_scores_per_theme() -> None:
    result = compare(previous_round(), current_round())
    rows = {ts.theme.id: (ts.before, ts.now, ts.change, ts.attention_before, ts.attention_now)
            for ts in result.themes}
    assert rows["thm-equality"] == (2.0, 4.0, "up", True, False)
    assert rows["thm-deadlines"] == (3.0, 3.0, "same", False, False)
    assert rows["thm-governance"] == (4.0, None, "gone", False, False)
    assert rows["t-own"] == (None, 3.0, "new", False, True)
    assert rows["thm-vocational"] == (None, None, "none", False, False)
    assert score_change(3.0, 2.5) == "down"
    assert len(result.themes) == 15  # 14 default themes and one of our own


def test_a_service_removed_since_then_is_still_listed_last() -> None:
    previous, current = previous_round(), current_round()
    current.portfolio.services = [s for s in current.portfolio.services if s.id != "s2"]
    result = compare(previous, current)
    assert result.services[-1].service.id == "s2"
    assert (result.services[-1].before, result.services[-1].change) == (2.0, "unscored")
