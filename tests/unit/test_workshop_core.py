"""Agenda, timer arithmetic and parking lot, without a terminal; times worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError
from support.app import HOSTILE_NAMES

from regionet_tui.core import workshop as core
from regionet_tui.forms import FormError
from regionet_tui.models import Session

T0 = datetime(2026, 11, 12, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def session() -> Session:
    return Session.create("Ronde 1", "Rivierenland", date(2026, 11, 12))


def stages(session: Session) -> list[str]:
    return [slot.stage for slot in core.agenda(session)]


def test_a_new_session_follows_the_default_agenda(session: Session) -> None:
    assert session.workshop.agenda == []
    assert stages(session) == ["partners", "commitment", "stap1", "stap2", "stap3", "stap4",
                               "stap5", "stap6", "reflection"]
    assert core.slot_for(session, "commitment").minutes == 15  # type: ignore[union-attr]
    assert core.slot_for(session, "stap1").minutes == 45  # type: ignore[union-attr]
    assert core.missing_stages(session) == ["share"]


def test_format_clock() -> None:
    assert core.format_clock(0) == "00:00"
    assert core.format_clock(754) == "12:34"
    assert core.format_clock(-80) == "01:20"
    assert core.format_clock(3723) == "1:02:03"
    assert core.signed_clock(300) == "+05:00"
    assert core.signed_clock(-150) == "-02:30"
    assert core.signed_clock(0) == "±00:00"


def test_timer_runs_pauses_and_resumes(session: Session) -> None:
    core.start_timer(session, "stap1", at(0))
    slot = core.running_slot(session)
    assert slot is not None and slot.stage == "stap1" and slot.started_at == T0
    # 12.5 minutes in: 750 s spent, 2700 - 750 = 1950 s left of 45 minutes.
    assert core.elapsed_seconds(slot, at(12.5)) == 750
    assert core.remaining_seconds(slot, at(12.5)) == 1950
    core.pause_timer(session, at(20))
    slot = core.slot_for(session, "stap1")
    assert slot is not None and slot.started_at is None and slot.actual_seconds == 1200
    # Paused: the clock moving on changes nothing.
    assert core.remaining_seconds(slot, at(500)) == 1500
    core.start_timer(session, "stap1", at(60))
    slot = core.slot_for(session, "stap1")
    assert slot is not None
    # 20 minutes before the pause and 30 after: 50 minutes, 5 over the timebox.
    assert core.remaining_seconds(slot, at(90)) == -300
    assert core.overrun_seconds(slot, at(90)) == 300
    core.extend(session, "stap1")
    slot = core.slot_for(session, "stap1")
    assert slot is not None and slot.minutes == 45 and slot.added_minutes == 5
    assert core.remaining_seconds(slot, at(90)) == 0


def test_starting_another_stage_pauses_the_running_one(session: Session) -> None:
    core.start_timer(session, "partners", at(0))
    assert core.toggle_timer(session, "commitment", at(8)) is True
    partners = core.slot_for(session, "partners")
    commitment = core.slot_for(session, "commitment")
    assert partners is not None and partners.started_at is None
    assert partners.actual_seconds == 480
    assert commitment is not None and commitment.started_at == at(8)
    assert core.toggle_timer(session, "commitment", at(10)) is False
    assert core.running_slot(session) is None


def test_elapsed_time_survives_saving_and_loading(session: Session) -> None:
    core.start_timer(session, "stap2", at(0))
    core.pause_timer(session, at(5))
    core.start_timer(session, "stap2", at(10))
    reloaded = Session.model_validate_json(session.model_dump_json())
    slot = core.slot_for(reloaded, "stap2")
    assert slot is not None
    assert core.elapsed_seconds(slot, at(12)) == 7 * 60


def test_agenda_rows_compare_planned_and_actual(session: Session) -> None:
    core.start_timer(session, "partners", at(0))
    core.start_timer(session, "commitment", at(12))  # partners took 12 of its 10 minutes
    core.extend(session, "commitment")
    rows = {row.stage: row for row in core.agenda_rows(session, at(30))}
    partners, commitment = rows["partners"], rows["commitment"]
    assert (partners.planned_minutes, partners.actual_seconds, partners.running) == (10, 720,
                                                                                     False)
    assert partners.difference_seconds == 120 and partners.over_time
    # Commitment: 18 minutes of 15 + 5 extra: over the plan, within the extended timebox.
    assert (commitment.actual_seconds, commitment.added_minutes) == (1080, 5)
    # The difference is against the extended timebox, as the stage bar counts.
    assert commitment.difference_seconds == -120 and not commitment.over_time
    assert commitment.running and commitment.started
    assert not rows["stap1"].started


def test_reorder_add_and_remove(session: Session) -> None:
    core.move(session, "reflection", -1)
    assert stages(session)[-2:] == ["reflection", "stap6"]
    core.move(session, "partners", -1)  # already first: stays
    assert stages(session)[0] == "partners"
    core.remove_stage(session, "stap2")
    assert "stap2" not in stages(session)
    core.add_stage(session, "stap2")
    assert stages(session)[3] == "stap2"
    core.add_stage(session, "share")
    assert stages(session)[-1] == "share"
    core.set_minutes(session, "stap2", 40)
    assert core.slot_for(session, "stap2").minutes == 40  # type: ignore[union-attr]


def test_refused_changes_change_nothing(session: Session) -> None:
    core.set_minutes(session, "stap1", 50)
    before = session.model_dump()
    with pytest.raises(FormError):
        core.set_minutes(session, "stap1", 0)
    with pytest.raises(FormError):
        core.set_minutes(session, "stap1", 601)
    with pytest.raises(FormError):
        core.add_stage(session, "stap1")
    with pytest.raises(FormError):
        core.start_timer(session, "share", at(0))
    with pytest.raises(FormError):
        core.move(session, "share", 1)
    assert session.model_dump() == before
    core.set_minutes(session, "stap1", 590)
    before = session.model_dump()
    with pytest.raises(FormError):
        core.extend(session, "stap1", 15)
    assert session.model_dump() == before
    for stage in stages(session)[1:]:
        core.remove_stage(session, stage)
    before = session.model_dump()
    with pytest.raises(FormError):
        core.remove_stage(session, "partners")
    assert session.model_dump() == before


def test_parking_lot_items_are_closed_reopened_or_followed_up(session: Session) -> None:
    first = core.add_parking(session, "  Vervoer naar stageplekken  ", at(5))
    second = core.add_parking(session, "Cao en detachering", at(6))
    assert first.text == "Vervoer naar stageplekken" and first.created == at(5)
    assert [p.id for p in core.open_parking(session)] == [first.id, second.id]
    core.set_parking_status(session, first.id, "closed")
    assert [p.id for p in core.open_parking(session)] == [second.id]
    core.set_parking_status(session, first.id, "open")
    followup = core.parking_to_followup(session, second.id, at(90))
    assert session.reflection.followups == [followup]
    assert (followup.what, followup.status, followup.created) == ("Cao en detachering", "open",
                                                                  at(90))
    item = session.workshop.parking[1]
    assert (item.status, item.followup) == ("followup", followup.id)
    before = session.model_dump()
    with pytest.raises(FormError):
        core.parking_to_followup(session, second.id, at(91))
    with pytest.raises(FormError):
        core.set_parking_status(session, second.id, "closed")
    with pytest.raises(FormError):
        core.remove_parking(session, "bestaat-niet")
    with pytest.raises(ValidationError):
        core.edit_parking(session, first.id, "   ")
    assert session.model_dump() == before
    core.remove_parking(session, first.id)
    assert [p.id for p in session.workshop.parking] == [second.id]
    # Once its follow-up is gone from the reflection, the item can be closed after all.
    session.reflection.followups = []
    core.set_parking_status(session, second.id, "closed")
    assert (session.workshop.parking[0].status, session.workshop.parking[0].followup) == (
        "closed", None)


def test_agenda_state_in_words(session: Session) -> None:
    core.start_timer(session, "partners", at(0))
    core.start_timer(session, "commitment", at(12))
    rows = {row.stage: core.agenda_state(row) for row in core.agenda_rows(session, at(14))}
    assert rows["partners"] == "⏰ over tijd"
    assert rows["commitment"] == "⏱ loopt"
    assert rows["stap1"] == "· nog niet"
    core.pause_timer(session, at(20))
    rows = {row.stage: core.agenda_state(row) for row in core.agenda_rows(session, at(99))}
    assert rows["commitment"] == "⏸ binnen tijd"


@pytest.mark.parametrize("text", HOSTILE_NAMES)
def test_parked_text_is_cleaned_like_every_name(session: Session, text: str) -> None:
    item = core.add_parking(session, text, at(0))
    assert "\x1b" not in item.text and "\u202e" not in item.text and "\u200b" not in item.text
    assert item.text.strip() == item.text != ""
