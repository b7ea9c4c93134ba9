"""Rules of STAP 2 to STAP 5: validation before change, and the computations."""

from __future__ import annotations

from datetime import date

import pytest

from regionet_tui.core import stap2, stap3, stap4, stap5
from regionet_tui.core.partners import remove_partner
from regionet_tui.demo import build_demo
from regionet_tui.forms import FormError
from regionet_tui.models import Partner, Session
from regionet_tui.models.stap2 import CapacityItem
from regionet_tui.models.stap3 import AgendaItem, SharedItem
from regionet_tui.models.stap4 import Agreement, Benefit, Contribution, SignOff
from regionet_tui.models.stap5 import Milestone


@pytest.fixture
def session() -> Session:
    s = Session.create("Ronde 1", "Rivierenland", date(2026, 11, 22))
    s.partners = [Partner(id="p-a", name="School A", kind="vo"),
                  Partner(id="p-b", name="Bedrijf B", kind="company"),
                  Partner(id="p-c", name="Gemeente C", kind="government")]
    return s


def dump(session: Session) -> str:
    return session.model_dump_json()


# -- STAP 2 -----------------------------------------------------------------------
def test_starting_situation_progress_and_overview(session: Session) -> None:
    assert stap2.progress(session) == "empty"
    stap2.set_capacity(session, "p-a", "time", CapacityItem(assessment="lacking", text="Vol"))
    stap2.set_capacity(session, "p-b", "time", CapacityItem(assessment="limited"))
    stap2.set_goals(session, "p-a", "Meer docenten")
    assert stap2.progress(session) == "in_progress"
    assert session.start.partners["p-a"].capacity["time"].text == "Vol"
    assert session.start.partners["p-a"].goals == "Meer docenten"
    time_row = next(r for r in stap2.overview(session) if r.area == "time")
    assert time_row.thin == ["p-a", "p-b"]
    assert (time_row.lacking, time_row.limited) == (1, 1)
    assert time_row.assessments["p-c"] is None
    for partner_id in ("p-a", "p-b", "p-c"):
        for area in ("teacher_skills", "student_skills", "time", "finances", "facilities"):
            stap2.set_capacity(session, partner_id, area, CapacityItem(assessment="sufficient"))
        stap2.set_goals(session, partner_id, "Doel")
    assert stap2.progress(session) == "done"


def test_capacity_for_an_unknown_partner_is_refused(session: Session) -> None:
    before = dump(session)
    with pytest.raises(FormError, match="bestaat niet"):
        stap2.set_capacity(session, "p-x", "time", CapacityItem(assessment="lacking"))
    assert dump(session) == before


# -- STAP 3 -----------------------------------------------------------------------
def test_shared_items_keep_their_sources_and_lose_removed_ones(session: Session) -> None:
    stap3.add_own_item(session, "p-a", AgendaItem(id="o1", title="Zij-instroom"))
    stap3.add_own_item(session, "p-b", AgendaItem(id="o2", title="Stages"))
    stap3.add_shared(session, SharedItem(id="s1", title="Route", sources=["o1", "o2"],
                                        supporters=["p-a", "p-b"]))
    assert stap3.source_of(session, "o2") == ("p-b", session.goal.own["p-b"][0])
    assert stap3.progress(session) == "in_progress"
    stap3.set_statement(session, "In 2028 genoeg docenten")
    assert stap3.progress(session) == "done"
    stap3.remove_own_item(session, "p-a", "o1")
    assert session.goal.shared[0].sources == ["o2"]


def test_shared_item_with_unknown_source_or_supporter_is_refused(session: Session) -> None:
    before = dump(session)
    with pytest.raises(FormError, match="eigen agenda"):
        stap3.add_shared(session, SharedItem(id="s1", title="X", sources=["nope"]))
    with pytest.raises(FormError, match="partner"):
        stap3.add_shared(session, SharedItem(id="s1", title="X", supporters=["p-x"]))
    assert dump(session) == before


def test_removing_a_shared_item_clears_what_milestones_serve(session: Session) -> None:
    stap3.add_shared(session, SharedItem(id="s1", title="Route"))
    stap5.add_milestone(session, Milestone(id="m1", title="Start", serves="s1"))
    stap3.remove_shared(session, "s1")
    assert session.plan.milestones[0].serves is None


# -- STAP 4 -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value"), [
    ("1500", 1500.0), ("1.500", 1500.0), ("2500,50", 2500.5), ("€ 2.000", 2000.0),
    ("", None), ("  ", None),
])
def test_amounts_are_read_the_dutch_way(text: str, value: float | None) -> None:
    assert stap4.parse_amount(text, "Bedrag") == value


@pytest.mark.parametrize("text", ["-5", "12,345", "1.50", "tien", "1e400", "1,5,0"])
def test_bad_amounts_are_refused(text: str) -> None:
    with pytest.raises(FormError, match="Bedrag: geen geldig bedrag"):
        stap4.parse_amount(text, "Bedrag")


def test_amounts_are_shown_the_dutch_way() -> None:
    assert stap4.format_amount(24000) == "€ 24.000"
    assert stap4.format_amount(2500.5) == "€ 2.500,50"
    assert stap4.format_amount(None) == ""


def test_give_and_take_per_partner(session: Session) -> None:
    stap4.add_agreement(session, Agreement(
        id="a1", what="Stages",
        contributions=[Contribution(partner="p-a", kind="people", description="Begeleider"),
                       Contribution(partner="p-b", kind="money", amount=1000),
                       Contribution(partner="p-b", kind="money", amount=500)],
        benefits=[Benefit(partner="p-a", description="Stagiairs")],
    ))
    rows = {r.partner_id: r for r in stap4.give_take(session)}
    assert rows["p-a"].balance == "both" and not rows["p-a"].imbalanced
    assert rows["p-b"].balance == "gives_only" and rows["p-b"].imbalanced
    assert rows["p-b"].money == 1500
    assert rows["p-c"].balance == "none" and not rows["p-c"].imbalanced
    stap4.add_part(session, "a1", Benefit(partner="p-c", description="Overzicht"))
    assert {r.partner_id: r for r in stap4.give_take(session)}["p-c"].balance == "takes_only"
    stap4.remove_part(session, "a1", "give", 0)
    assert [c.partner for c in session.deal.agreements[0].contributions] == ["p-b", "p-b"]
    stap4.replace_part(session, "a1", 0, Benefit(partner="p-b", description="Personeel"))
    assert session.deal.agreements[0].benefits[0].partner == "p-b"


def test_agreement_naming_an_unknown_partner_is_refused(session: Session) -> None:
    before = dump(session)
    bad = Agreement(id="a1", what="X", contributions=[Contribution(partner="p-x",
                                                                   kind="in_kind")])
    with pytest.raises(FormError, match="partner"):
        stap4.add_agreement(session, bad)
    with pytest.raises(FormError):
        stap4.set_signoff(session, "p-x", SignOff(status="agreed"))
    assert dump(session) == before


def test_deal_is_done_when_every_partner_agreed(session: Session) -> None:
    stap4.add_agreement(session, Agreement(id="a1", what="X"))
    for partner_id in ("p-a", "p-b"):
        stap4.set_signoff(session, partner_id, SignOff(status="agreed"))
    stap4.set_signoff(session, "p-c", SignOff(status="reservations", note="Eerst college"))
    assert stap4.progress(session) == "in_progress"
    stap4.set_signoff(session, "p-c", SignOff(status="agreed"))
    assert stap4.progress(session) == "done"


# -- STAP 5 -----------------------------------------------------------------------
def milestones(session: Session) -> None:
    stap5.add_milestone(session, Milestone(id="m1", title="Start", deadline=date(2027, 1, 31)))
    stap5.add_milestone(session, Milestone(id="m2", title="Werving", depends_on=["m1"],
                                          deadline=date(2027, 3, 1)))
    stap5.add_milestone(session, Milestone(id="m3", title="Les", depends_on=["m2"],
                                          deadline=date(2027, 2, 1)))


def test_find_cycle() -> None:
    a = Milestone(id="a", title="A", depends_on=["b"])
    b = Milestone(id="b", title="B", depends_on=["c"])
    c = Milestone(id="c", title="C", depends_on=["a"])
    assert stap5.find_cycle([a, b, c]) == ["a", "b", "c", "a"]
    assert stap5.find_cycle([a, b, c.model_copy(update={"depends_on": []})]) == []
    assert stap5.find_cycle([]) == []


def test_a_dependency_cycle_is_refused_with_the_titles(session: Session) -> None:
    milestones(session)
    before = dump(session)
    looped = session.plan.milestones[0].model_copy(update={"depends_on": ["m3"]})
    with pytest.raises(FormError) as error:
        stap5.replace_milestone(session, looped)
    assert "cirkel in de afhankelijkheden" in str(error.value)
    assert "Start → Werving → Les → Start" in str(error.value)
    assert dump(session) == before


@pytest.mark.parametrize(("milestone", "message"), [
    (Milestone(id="m9", title="X", start=date(2027, 5, 1), deadline=date(2027, 4, 1)),
     "start ligt na de deadline"),
    (Milestone(id="m9", title="X", depends_on=["m9"]), "van zichzelf"),
    (Milestone(id="m9", title="X", depends_on=["nope"]), "bestaat niet"),
    (Milestone(id="m9", title="X", owner="p-x"), "geen partner"),
    (Milestone(id="m9", title="X", serves="nope"), "bestaat niet"),
])
def test_bad_milestones_are_refused(session: Session, milestone: Milestone,
                                    message: str) -> None:
    milestones(session)
    before = dump(session)
    with pytest.raises(FormError, match=message):
        stap5.add_milestone(session, milestone)
    assert dump(session) == before


def test_warning_when_a_milestone_ends_before_its_dependency(session: Session) -> None:
    milestones(session)
    pairs = stap5.ends_before_dependency(session.plan.milestones)
    assert [(m.id, d.id) for m, d in pairs] == [("m3", "m2")]
    assert stap5.warnings(session) == [
        "\"Les\" eindigt vóór \"Werving\", waar de mijlpaal van afhangt."]
    assert stap5.warnings(session, about="m1") == []


def test_removing_a_milestone_drops_it_from_dependencies(session: Session) -> None:
    milestones(session)
    stap5.remove_milestone(session, "m2")
    assert [(m.id, m.depends_on) for m in session.plan.milestones] == [("m1", []), ("m3", [])]


def test_plan_progress(session: Session) -> None:
    assert stap5.progress(session) == "empty"
    milestones(session)
    assert stap5.progress(session) == "in_progress"
    session.plan.milestones = [m.model_copy(update={"owner": "p-a"})
                               for m in session.plan.milestones]
    assert stap5.progress(session) == "done"


# -- removing a partner ------------------------------------------------------------
def test_a_removed_partner_leaves_no_dangling_references() -> None:
    session = build_demo("demo")
    remove_partner(session, "p-uwv")
    assert all(c.partner != "p-uwv" for a in session.deal.agreements for c in a.contributions)
    assert "o-uwv-omscholing" not in session.goal.shared[0].sources
    assert all("p-uwv" not in s.supporters for s in session.goal.shared)
    assert all(m.owner != "p-uwv" for m in session.plan.milestones)
    # Everything left can still be edited: the checks find nothing unknown.
    for agreement in session.deal.agreements:
        stap4.replace_agreement(session, agreement)
    for item in session.goal.shared:
        stap3.replace_shared(session, item)
    for milestone in session.plan.milestones:
        stap5.replace_milestone(session, milestone)
