"""Starting a next round: what is carried over, what starts fresh."""

from __future__ import annotations

from datetime import UTC, date, datetime

from regionet_tui.core.rounds import add_next_round, load_predecessor, next_round
from regionet_tui.models import Partner, Session
from regionet_tui.models.commitment import CommitmentEntry
from regionet_tui.models.reflection import FollowUp, Theme, ThemeRating
from regionet_tui.models.stap1 import Score
from regionet_tui.models.stap3 import SharedItem
from regionet_tui.models.stap4 import Agreement, SignOff
from regionet_tui.models.stap5 import Milestone
from regionet_tui.models.stap6 import FlowNode
from regionet_tui.models.workshop import AgendaSlot, ParkingItem
from regionet_tui.storage import SessionLibrary


def filled_session() -> Session:
    s = Session(id="voorjaar", title="Voorjaarsronde", region="Rivierenland",
                date=date(2026, 4, 2), facilitator="Marieke",
                created=datetime(2026, 4, 1, tzinfo=UTC))
    s.partners = [Partner(id="p-a", name="School A"), Partner(id="p-b", name="Bedrijf B")]
    s.commitment.entries = {"p-a": {"open": CommitmentEntry(committed=True)}}
    s.commitment.override_reason = "We beginnen toch."
    s.portfolio.add_custom("Stageplaatsen")
    s.portfolio.scores = {"p-a": {"svc-bijscholen": Score(offered=True, quality=5)}}
    s.goal.shared = [SharedItem(id="g1", title="Samen opleiden")]
    s.deal.agreements = [Agreement(id="a1", what="Stagebank")]
    s.deal.signoffs = {"p-a": SignOff(status="agreed")}
    s.plan.milestones = [Milestone(id="m1", title="Stagebank live", followup="f1")]
    s.flowchart.nodes = [FlowNode(id="n1", kind="partner", label="School A", ref="p-a")]
    s.reflection.themes = [*s.reflection.themes, Theme(id="t-own", name="Stages")]
    s.reflection.ratings = {"t-own": ThemeRating(group=2, attention=True)}
    s.reflection.followups = [FollowUp(id="f1", what="Stagebank", milestone="m1")]
    s.workshop.agenda = [AgendaSlot(stage="stap1", minutes=45, actual_seconds=1800),
                         AgendaSlot(stage="stap3", added_minutes=5, actual_seconds=60,
                                    started_at=datetime(2026, 4, 2, 10, tzinfo=UTC))]
    s.workshop.parking = [ParkingItem(id="k1", text="Vervoer"),
                          ParkingItem(id="k2", text="Afgehandeld", status="closed")]
    return s


def test_next_round_carries_over_what_the_network_built() -> None:
    previous = filled_session()
    new = next_round(previous, "najaar", "Najaarsronde", date(2026, 11, 12))
    assert (new.id, new.title, new.date) == ("najaar", "Najaarsronde", date(2026, 11, 12))
    assert (new.predecessor, new.predecessor_title) == ("voorjaar", "Voorjaarsronde")
    assert (new.region, new.facilitator) == ("Rivierenland", "Marieke")
    assert new.created > previous.created
    assert new.partners == previous.partners
    assert new.portfolio.services == previous.portfolio.services
    assert new.goal == previous.goal
    assert new.deal.agreements == previous.deal.agreements
    assert [m.id for m in new.plan.milestones] == ["m1"]
    assert new.flowchart == previous.flowchart
    assert new.reflection.themes == previous.reflection.themes
    assert [(s.stage, s.minutes) for s in new.workshop.agenda] == [("stap1", 45), ("stap3", 30)]


def test_next_round_starts_scores_and_reflections_fresh() -> None:
    previous = filled_session()
    new = next_round(previous, "najaar", "Najaarsronde", date(2026, 11, 12))
    assert new.commitment.entries == {} and new.commitment.override_reason == ""
    assert new.portfolio.scores == {}
    assert new.deal.signoffs == {}
    assert new.reflection.ratings == {} and new.reflection.followups == []
    assert new.plan.milestones[0].followup is None  # that follow-up stays with its round
    # No time spent, no extra minutes and no timer running (one ran when it was made).
    assert [(slot.actual_seconds, slot.added_minutes, slot.started_at)
            for slot in new.workshop.agenda] == [(0, 0, None), (0, 0, None)]
    assert [item.id for item in new.workshop.parking] == ["k1"]


def test_next_round_leaves_the_previous_session_untouched() -> None:
    previous = filled_session()
    before = previous.model_dump()
    new = next_round(previous, "najaar", "Najaarsronde", date(2026, 11, 12))
    new.partners[0].name = "Anders"
    assert previous.model_dump() == before


def test_load_predecessor_says_why_it_cannot_show_one(library: SessionLibrary) -> None:
    previous = filled_session()
    new = next_round(previous, "najaar", "Najaarsronde", date(2026, 11, 12))
    assert load_predecessor(library, previous).problem == "none"
    assert load_predecessor(library, new).problem == "missing"
    library.add(previous).close()
    found = load_predecessor(library, new)
    assert found.problem is None and found.session is not None
    assert found.session.reflection.ratings["t-own"].group == 2
    library.path_for("voorjaar").write_bytes(b"{kapot")
    damaged = load_predecessor(library, new)
    assert damaged.problem == "damaged" and damaged.damage is not None
    assert damaged.damage.reason == "not_json"


def test_duplicate_in_the_library_starts_a_next_round(library: SessionLibrary) -> None:
    library.add(filled_session()).close()
    copy = add_next_round(library, library.path_for("voorjaar"), "Najaarsronde",
                          date(2026, 11, 29))
    assert copy.predecessor == "voorjaar"
    assert copy.portfolio.scores == {} and copy.reflection.followups == []
    assert library.path_for(copy.id).exists()
