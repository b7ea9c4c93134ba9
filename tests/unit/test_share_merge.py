"""Merging a partner's file into the open session: additions, identical parts,
conflicts and the facilitator's choices."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from support.app import make_session
from support.share import demo_session, folder_snapshot

from regionet_tui.models import Partner, Session
from regionet_tui.models.reflection import FollowUp, ThemeRating
from regionet_tui.models.stap3 import AgendaItem
from regionet_tui.models.stap4 import SignOff
from regionet_tui.share.merge import adopt, keep_backup, merged_session, plan_merge
from regionet_tui.storage import SessionLibrary, sessionfile


def two_copies() -> tuple[Session, Session]:
    local = demo_session()
    return local, local.model_copy(deep=True)


def test_identical_sessions_merge_to_nothing() -> None:
    local, incoming = two_copies()
    plan = plan_merge(local, incoming)
    assert plan.taken == () and plan.conflicts == ()
    assert plan.identical > 50 and plan.same_session
    assert not plan.changes_anything
    assert merged_session(plan, {}) == local


def test_additions_without_conflicts_are_all_taken() -> None:
    local, incoming = two_copies()
    local.goal.statement = ""
    incoming.partners = [*incoming.partners, Partner(id="p-hbo", name="HAN", kind="hbo")]
    incoming.goal.own = {"p-roc": [AgendaItem(id="a-1", title="Meer stageplekken")]}
    incoming.goal.statement = "Genoeg goede leraren in de regio in 2030."
    incoming.reflection.followups = [FollowUp(id="f-1", what="Rooster afstemmen",
                                              partner="p-tiel")]
    plan = plan_merge(local, incoming)
    assert plan.conflicts == ()
    assert sorted(d.area for d in plan.taken) == [
        "followups", "goal_statement", "own_agenda", "partners"]
    merged = merged_session(plan, {})
    assert merged.partners[-1].name == "HAN" and len(merged.partners) == 7
    assert merged.goal.own["p-roc"][-1].title == "Meer stageplekken"
    assert merged.goal.statement.startswith("Genoeg goede leraren")
    assert merged.reflection.followups[-1].what == "Rooster afstemmen"
    # What only the open session has stays.
    assert merged.portfolio.scores == local.portfolio.scores


def test_an_agenda_item_is_added_after_the_partners_own_items() -> None:
    local, incoming = two_copies()
    local.goal.own = {"p-roc": [AgendaItem(id="a-1", title="Eerste")]}
    incoming.goal.own = {"p-roc": [AgendaItem(id="a-1", title="Eerste"),
                                   AgendaItem(id="a-2", title="Tweede")]}
    merged = merged_session(plan_merge(local, incoming), {})
    assert [i.title for i in merged.goal.own["p-roc"]] == ["Eerste", "Tweede"]


def test_conflicts_show_both_values_and_follow_the_choices() -> None:
    local, incoming = two_copies()
    theirs = incoming.portfolio.scores["p-roc"]["svc-bijscholen"]
    incoming.portfolio.scores = {
        **incoming.portfolio.scores,
        "p-roc": {**incoming.portfolio.scores["p-roc"],
                  "svc-bijscholen": theirs.model_copy(update={"quality": 9, "note": "Gegroeid"})},
    }
    when = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    local.deal.signoffs = {"p-uwv": SignOff(status="reservations", note="Eerst intern")}
    incoming.deal.signoffs = {"p-uwv": SignOff(status="agreed", at=when)}
    local.reflection.ratings = {"t-1": ThemeRating(group=2)}
    incoming.reflection.ratings = {"t-1": ThemeRating(group=4, attention=True)}
    plan = plan_merge(local, incoming)
    assert [(c.area, c.key) for c in plan.conflicts] == [
        ("scores", ("p-roc", "svc-bijscholen")), ("signoffs", ("p-uwv",)), ("ratings", ("t-1",))]
    score = plan.conflicts[0]
    assert score.changed_fields() == [("note", "", "Gegroeid"), ("quality", 7, 9)]

    kept = merged_session(plan, {})
    assert kept.portfolio.scores["p-roc"]["svc-bijscholen"].quality == 7
    assert kept.deal.signoffs["p-uwv"].status == "reservations"

    chosen = merged_session(plan, {0: "incoming", 1: "local", 2: "incoming"})
    assert chosen.portfolio.scores["p-roc"]["svc-bijscholen"].quality == 9
    assert chosen.portfolio.scores["p-roc"]["svc-bijscholen"].note == "Gegroeid"
    assert chosen.deal.signoffs["p-uwv"].status == "reservations"
    assert chosen.reflection.ratings["t-1"] == ThemeRating(group=4, attention=True)


def test_a_partner_changed_on_both_sides_is_one_conflict() -> None:
    local, incoming = two_copies()
    incoming.partners = [p.model_copy(update={"contact": "Nieuwe contactpersoon"})
                         if p.id == "p-tiel" else p for p in incoming.partners]
    plan = plan_merge(local, incoming)
    [conflict] = plan.conflicts
    assert conflict.area == "partners" and conflict.key == ("p-tiel",)
    merged = merged_session(plan, {0: "incoming"})
    assert merged.partner("p-tiel").contact == "Nieuwe contactpersoon"  # type: ignore[union-attr]
    assert [p.id for p in merged.partners] == [p.id for p in local.partners]


def test_the_open_sessions_own_details_stay() -> None:
    local, incoming = two_copies()
    incoming = incoming.model_copy(update={"id": "anders", "title": "Andere titel",
                                           "date": date(2025, 1, 1)})
    plan = plan_merge(local, incoming)
    assert not plan.same_session and plan.incoming_title == "Andere titel"
    merged = merged_session(plan, {})
    assert (merged.id, merged.title, merged.date) == (local.id, local.title, local.date)


def test_adopting_the_merge_keeps_id_and_creation_time() -> None:
    local, incoming = two_copies()
    local.goal.statement = ""
    incoming.goal.statement = "Samen sterk"
    merged = merged_session(plan_merge(local, incoming), {})
    created = local.created
    adopt(local, merged)
    assert local.goal.statement == "Samen sterk" and local.created == created


def test_the_backup_before_a_merge_is_not_listed_as_a_session(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library, "Ronde 1")
    path = library.path_for(session_id)
    backup = keep_backup(path, datetime(2026, 11, 22, 14, 3))
    assert backup.name == f"{session_id}.before-merge-20261122-140300.json.bak"
    assert backup.read_bytes() == path.read_bytes()
    assert sessionfile.read(backup).title == "Ronde 1"
    assert [e.id for e in library.entries()] == [session_id]
    assert f"{session_id}.json" in folder_snapshot(folder)


def test_every_area_and_conflict_is_described_in_both_languages() -> None:
    from regionet_tui import i18n
    from regionet_tui.i18n import t
    from regionet_tui.report.labels import Labels
    from regionet_tui.share.describe import conflict_lines, taken_summary, unit_label
    from regionet_tui.share.merge import AREAS

    for language in i18n.LANGUAGES:
        assert all(f"share.area.{a.id}" in i18n.catalogue(language) for a in AREAS)
    local, incoming = two_copies()
    incoming.partners = [*incoming.partners, Partner(id="p-hbo", name="HAN", kind="hbo")]
    incoming.commitment.entries = {
        **incoming.commitment.entries,
        "p-linden": {**incoming.commitment.entries["p-linden"],
                     "evaluate": incoming.commitment.entries["p-linden"]["evaluate"]
                     .model_copy(update={"committed": True})},
    }
    plan = plan_merge(local, incoming)
    labels = Labels(local, t, incoming)
    [conflict] = plan.conflicts
    assert unit_label(conflict, labels) == (
        "Toewijding · Bouwbedrijf Van der Linden · Regelmatig evalueren")
    assert conflict_lines(conflict, three_way=False) == [
        "Toegezegd: deze sessie nee  |  bestand ja"]
    assert taken_summary(plan) == "Partner 1"
    assert unit_label(plan.taken[0], labels) == "Partner · HAN"


def test_a_field_path_is_named_in_words_in_both_languages() -> None:
    from regionet_tui import i18n
    from regionet_tui.share.describe import field_label, show_value

    assert field_label("contributions.0.amount") == "Bijdragen › 1 › Omvang"
    assert field_label("capacity.time.assessment") == "Capaciteit › Beschikbare tijd › Beoordeling"
    assert field_label("") == "(geheel)"
    assert field_label("unknown_field") == "unknown_field"  # never fails on new fields
    assert show_value(True) == "ja"
    i18n.set_language("en")
    assert field_label("contributions.0.amount") == "Contributions › 1 › Amount"
    assert show_value(False) == "no"
