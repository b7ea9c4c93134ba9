"""The gap computation, checked against cases worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regionet_tui.core import stap1_gaps
from regionet_tui.core.stap1_gaps import Individual
from regionet_tui.models import Partner, Session
from regionet_tui.models.partners import OrgKind
from regionet_tui.models.stap1 import Score, Service


def session_with(partners: list[tuple[str, OrgKind]], scores: dict[str, dict[str, Score]],
                 services: tuple[str, ...] = ("s1",)) -> Session:
    session = Session.create("Toets", "Regio", date(2026, 11, 22))
    session.partners = [Partner(id=pid, name=f"Partner {pid}", kind=kind)
                        for pid, kind in partners]
    session.portfolio.services = [Service(id=sid, name=f"Dienst {sid}") for sid in services]
    session.portfolio.scores = scores
    return session


THREE = [("p1", "vo"), ("p2", "company"), ("p3", "government")]


def test_individual_counts_an_explicit_no_as_zero_and_unscored_as_unknown() -> None:
    assert stap1_gaps.individual(Score(offered=True, quality=4, wanted=True, desired=8)) == \
        Individual(4, 8)
    assert stap1_gaps.individual(Score(offered=False, wanted=True, desired=6)).gap == 6
    assert stap1_gaps.individual(Score(offered=True, quality=6, wanted=False)).gap == -6
    assert stap1_gaps.individual(Score(offered=True, wanted=True, desired=8)).gap is None
    assert stap1_gaps.individual(Score()).gap is None


def test_a_service_row_by_hand() -> None:
    # gaps 4, 6, 0 -> mean 10/3; current 4, 0, 7 -> 11/3; desired 8, 6, 7 -> 7.
    session = session_with(THREE, {
        "p1": {"s1": Score(offered=True, quality=4, wanted=True, desired=8)},
        "p2": {"s1": Score(offered=False, wanted=True, desired=6)},
        "p3": {"s1": Score(offered=True, quality=7, wanted=True, desired=7)},
    })
    [row] = stap1_gaps.by_service(session)
    assert (row.count, row.offered, row.wanted, row.paired) == (3, 2, 3, 3)
    assert row.mean_current == pytest.approx(11 / 3)
    assert row.mean_desired == pytest.approx(7)
    assert row.gap == pytest.approx(10 / 3)
    assert row.gap == pytest.approx(row.mean_desired - row.mean_current)
    assert (row.gap_min, row.gap_max, row.spread) == (0, 6, 6)
    # deviations 2/3, 8/3, -10/3: squares sum to 168/9, over 3 -> 56/9.
    assert row.disagreement == pytest.approx((56 / 9) ** 0.5)
    # Leave one out: p1 |4-3| = 1, p2 |6-2| = 4, p3 |0-5| = 5.
    assert (row.outlier, row.outlier_label) == ("p3", "Partner p3")
    assert row.per_item == {"p1": 4, "p2": 6, "p3": 0}
    assert stap1_gaps.others_mean(row.per_item, "p3") == 5
    assert row.shortfall


def test_a_service_nobody_wants_is_no_shortfall() -> None:
    session = session_with(THREE, {
        "p1": {"s1": Score(offered=True, quality=6, wanted=False)},
        "p2": {"s1": Score(offered=False, wanted=False)},
    })
    [row] = stap1_gaps.by_service(session)
    assert row.wanted == 0
    assert row.gap == pytest.approx(-3)
    assert not row.shortfall
    assert stap1_gaps.bar(row.gap) == ""


def test_nothing_scored_gives_no_numbers_and_no_division() -> None:
    [row] = stap1_gaps.by_service(session_with(THREE, {}))
    assert (row.count, row.offered, row.wanted, row.paired) == (3, 0, 0, 0)
    assert row.mean_current is row.mean_desired is row.gap is None
    assert row.gap_min is row.gap_max is row.spread is row.disagreement is None
    assert row.outlier is None and not row.shortfall
    [empty] = stap1_gaps.by_service(session_with([], {}))
    assert empty.count == 0 and empty.gap is None


def test_partial_scores_count_answers_but_only_pairs_make_a_gap() -> None:
    session = session_with(THREE, {
        "p1": {"s1": Score(offered=True, wanted=True, desired=8)},  # no current quality
        "p2": {"s1": Score(wanted=True, desired=5)},  # "offered" not answered
        "p3": {"s1": Score(offered=True, quality=5, wanted=True, desired=9)},
    })
    [row] = stap1_gaps.by_service(session)
    assert (row.offered, row.wanted, row.paired) == (2, 3, 1)
    assert (row.mean_current, row.mean_desired, row.gap) == (5, 9, 4)
    assert row.disagreement == 0 and row.outlier is None


def test_outlier_needs_three_and_a_single_furthest() -> None:
    def row_for(gap_values: list[int]) -> stap1_gaps.GapRow:
        partners = [(f"p{i}", "vo") for i in range(len(gap_values))]
        scores = {f"p{i}": {"s1": Score(offered=True, quality=1, wanted=True, desired=1 + g)}
                  for i, g in enumerate(gap_values)}
        [row] = stap1_gaps.by_service(session_with(partners, scores))  # type: ignore[arg-type]
        return row

    assert row_for([0, 6]).outlier is None
    assert row_for([0, 0, 4, 4]).outlier is None  # a tie
    assert row_for([3, 3, 3]).outlier is None  # nobody differs
    assert row_for([1, 1, 1, 8]).outlier == "p3"


def test_rows_come_with_the_largest_shortfall_first_and_sort_by_any_column() -> None:
    session = session_with(THREE, {
        "p1": {"a": Score(offered=True, quality=5, wanted=True, desired=6),
               "b": Score(offered=True, quality=2, wanted=True, desired=9)},
    }, services=("a", "b", "c"))
    assert [r.key for r in stap1_gaps.by_service(session)] == ["b", "a", "c"]  # c: nothing -> last
    rows = stap1_gaps.by_service(session)
    assert [r.key for r in stap1_gaps.sort_rows(rows, "gap", descending=False)] == ["a", "b", "c"]
    assert [r.key for r in stap1_gaps.sort_rows(rows, "mean_current")] == ["a", "b", "c"]
    by_label = stap1_gaps.sort_rows(rows, "label", descending=False)
    assert [r.key for r in by_label] == ["a", "b", "c"]
    by_offered = stap1_gaps.sort_rows(rows, "offered")
    assert [r.key for r in by_offered] == ["b", "a", "c"]  # ties keep order


def test_per_partner_rows_run_over_the_services() -> None:
    session = session_with(THREE, {
        "p1": {"a": Score(offered=True, quality=5, wanted=True, desired=6),
               "b": Score(offered=False, wanted=True, desired=9),
               "c": Score(offered=True, quality=7, wanted=True, desired=7)},
    }, services=("a", "b", "c"))
    rows = {r.key: r for r in stap1_gaps.by_partner(session)}
    p1 = rows["p1"]
    assert (p1.count, p1.offered, p1.wanted, p1.paired) == (3, 2, 3, 3)
    assert p1.gap == pytest.approx(10 / 3)  # gaps 1, 9, 0
    assert (p1.outlier, p1.outlier_label) == ("b", "Dienst b")
    assert rows["p2"].gap is None and rows["p2"].count == 3


def test_hidden_services_are_left_out() -> None:
    session = session_with(THREE, {}, services=("a", "b"))
    session.portfolio.services = [session.portfolio.services[0],
                                  session.portfolio.services[1].model_copy(update={"hidden": True})]
    assert [r.key for r in stap1_gaps.by_service(session)] == ["a"]


def test_groups_show_where_kinds_of_organisation_differ() -> None:
    partners = [("school1", "vo"), ("school2", "mbo"), ("firm", "company"), ("city", "government"),
                ("uwv", "uwv"), ("loket", "social")]
    def score(gap: int) -> dict[str, Score]:
        return {"s1": Score(offered=True, quality=2, wanted=True, desired=2 + gap)}
    session = session_with(partners, {  # type: ignore[arg-type]
        "school1": score(3), "school2": score(5), "firm": score(6), "city": score(0),
        "uwv": score(0),
    })
    [row] = stap1_gaps.by_group(session)
    assert {g: r.gap for g, r in row.gaps.items()} == {
        "school": 4, "company": 6, "government": 0, "other": None,
    }
    assert row.difference == 6
    # Leave one out over 4, 6, 0: school |4-3| = 1, company |6-2| = 4, government |0-5| = 5.
    assert row.widest == "government"
    assert stap1_gaps.group_of("uwv") == "government"
    assert stap1_gaps.group_of("knowledge") == "other"


def test_bar_is_text_one_block_per_point() -> None:
    assert stap1_gaps.bar(10 / 3) == "███▌"
    assert stap1_gaps.bar(4) == "████"
    assert stap1_gaps.bar(12) == "█" * 10
    assert stap1_gaps.bar(0) == stap1_gaps.bar(-2) == stap1_gaps.bar(None) == ""


def test_what_a_row_shows_adds_up_as_a_reader_checks_it() -> None:
    # current 1, 2, 2, 2 -> 1.75; desired 6, 6, 6, 7 -> 6.25. Rounded on their own the
    # three read 1.8, 6.2 and +4.5, and 6.2 - 1.8 is not 4.5.
    session = session_with([("p1", "vo"), ("p2", "vo"), ("p3", "vo"), ("p4", "vo")], {
        pid: {"s1": Score(offered=True, quality=current, wanted=True, desired=desired)}
        for pid, current, desired in [("p1", 1, 6), ("p2", 2, 6), ("p3", 2, 6), ("p4", 2, 7)]
    })
    [row] = stap1_gaps.by_service(session)
    assert (row.shown_current, row.shown_desired, row.shown_gap) == (1.8, 6.3, 4.5)


@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), min_size=1, max_size=40))
def test_shown_desired_minus_shown_current_is_always_the_shown_gap(
        pairs: list[tuple[int, int]]) -> None:
    partners = [(f"p{i}", "company") for i in range(len(pairs))]
    session = session_with(partners, {  # type: ignore[arg-type]
        f"p{i}": {"s1": Score(offered=current > 0, quality=current or None,
                              wanted=desired > 0, desired=desired or None)}
        for i, (current, desired) in enumerate(pairs)})
    [row] = stap1_gaps.by_service(session)
    assert row.shown_current is not None and row.shown_desired is not None
    assert row.shown_gap == round(row.shown_desired - row.shown_current, 1)
    assert row.gap is not None and abs(row.shown_gap - row.gap) <= 0.1 + 1e-9
