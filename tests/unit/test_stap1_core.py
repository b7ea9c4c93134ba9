"""Services and scores of STAP 1, and the commitment rules, without a screen."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from regionet_tui.core import commitment as commitment_rules
from regionet_tui.core import stap1 as rules
from regionet_tui.forms import FormError
from regionet_tui.i18n import set_language
from regionet_tui.models import Partner, Session
from regionet_tui.models.commitment import ATTITUDES
from regionet_tui.models.stap1 import BUILTIN_SERVICES, Score


def new_session(partners: int = 2) -> Session:
    session = Session.create("Toets", "Regio", date(2026, 11, 22))
    session.partners = [Partner(id=f"p{i}", name=f"Partner {i}") for i in range(partners)]
    return session


def names(session: Session) -> list[str]:
    return [rules.service_name(s) for s in rules.visible_services(session.portfolio)]


def test_every_new_session_has_the_eight_services_of_tabel_1_in_order() -> None:
    session = new_session()
    assert [s.builtin for s in session.portfolio.services] == list(BUILTIN_SERVICES)
    assert names(session) == [
        "Arbeidspool", "'Tijdelijke' krachten", "Probleemoplossend vermogen",
        "Inbreng nieuwe kennis", "Faciliteren van lerende netwerken", "Bijscholen", "Opscholen",
        "Omscholen",
    ]
    set_language("en")
    assert names(session)[0] == "Labour pool" and names(session)[-1] == "Reskilling"


def test_add_rename_move_hide_and_restore_services() -> None:
    session = new_session()
    custom = rules.add_service(session, "  Stageplaatsen  ")
    assert names(session)[-1] == "Stageplaatsen"
    rules.rename_service(session, "svc-bijscholen", "Bijscholing docenten")
    renamed = next(s for s in session.portfolio.services if s.id == "svc-bijscholen")
    assert (renamed.builtin, renamed.name) == ("bijscholen", "Bijscholing docenten")
    rules.rename_service(session, "svc-bijscholen", "Bijscholen")  # back to the catalogue name
    assert next(s for s in session.portfolio.services if s.id == "svc-bijscholen").name == ""
    rules.move_service(session, custom.id, -1)
    assert names(session)[-2:] == ["Stageplaatsen", "Omscholen"]
    rules.move_service(session, "svc-arbeidspool", -1)  # already first: nothing happens
    assert names(session)[0] == "Arbeidspool"

    rules.update_score(session, "p0", "svc-omscholen", offered=True, quality=4)
    rules.remove_service(session, "svc-omscholen")  # a default is hidden, never lost
    assert "Omscholen" not in names(session)
    assert [s.id for s in rules.hidden_services(session.portfolio)] == ["svc-omscholen"]
    assert rules.score_of(session, "p0", "svc-omscholen").quality == 4
    rules.show_service(session, "svc-omscholen")
    assert "Omscholen" in names(session)

    rules.update_score(session, "p0", custom.id, wanted=True)
    rules.remove_service(session, custom.id)  # a custom one goes, with its scores
    assert "Stageplaatsen" not in names(session)
    assert custom.id not in session.portfolio.scores.get("p0", {})


def test_refused_service_changes_change_nothing() -> None:
    session = new_session()
    before = session.model_dump()
    with pytest.raises(FormError):
        rules.add_service(session, "arbeidspool")  # same name, other case
    with pytest.raises(FormError):
        rules.add_service(session, " \u200b ")
    with pytest.raises(ValidationError):
        rules.add_service(session, "x" * 201)
    with pytest.raises(FormError):
        rules.rename_service(session, "svc-opscholen", "Omscholen")
    assert session.model_dump() == before


def test_scores_stay_consistent_and_invalid_scores_are_refused() -> None:
    session = new_session()
    rules.update_score(session, "p0", "svc-opscholen", quality=7)  # a quality implies offered
    assert rules.score_of(session, "p0", "svc-opscholen") == Score(offered=True, quality=7)
    rules.update_score(session, "p0", "svc-opscholen", offered=False)  # nothing to rate now
    assert rules.score_of(session, "p0", "svc-opscholen") == Score(offered=False)
    rules.update_score(session, "p0", "svc-opscholen", offered=None)
    assert "p0" not in session.portfolio.scores  # an empty score is not kept
    before = session.model_dump()
    for bad in ({"quality": 11}, {"desired": 0}, {"financing": "gift"}, {"note": "x" * 5001}):
        with pytest.raises(ValidationError):
            rules.update_score(session, "p0", "svc-opscholen", **bad)
    with pytest.raises(FormError):
        rules.update_score(session, "nobody", "svc-opscholen", quality=5)
    with pytest.raises(FormError):
        rules.update_score(session, "p0", "svc-nothing", quality=5)
    assert session.model_dump() == before


def test_progress_of_stap1_counts_partners_with_scores() -> None:
    session = new_session()
    assert rules.progress(session) == "empty"
    rules.update_score(session, "p0", "svc-opscholen", wanted=True)
    assert rules.progress(session) == "in_progress"
    rules.update_score(session, "p1", "svc-omscholen", offered=False)
    assert rules.progress(session) == "done"


def test_commitment_matrix_gate_and_override() -> None:
    session = new_session(partners=2)
    at = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    assert not commitment_rules.stap1_open(session)
    assert commitment_rules.progress(session) == "empty"
    commitment_rules.commit_all(session, "p0", at)
    commitment_rules.set_answer(session, "p1", "open", True, at)
    commitment_rules.set_answer(session, "p1", "inform", False, at)
    commitment_rules.set_note(session, "p1", "inform", "Eerst intern overleggen")
    counts = commitment_rules.matrix(session)
    assert counts.per_partner["p0"].yes == 5
    assert (counts.per_partner["p1"].yes, counts.per_partner["p1"].no,
            counts.per_partner["p1"].open) == (1, 1, 3)
    assert (counts.per_attitude["open"].yes, counts.per_attitude["inform"].no) == (2, 1)
    assert commitment_rules.entry(session, "p1", "inform").at == at
    assert commitment_rules.progress(session) == "in_progress"
    assert not commitment_rules.stap1_open(session)

    commitment_rules.record_override(session, "  Tiel beslist volgende week  ", at)
    assert session.commitment.override_reason == "Tiel beslist volgende week"
    assert session.commitment.override_at == at
    assert commitment_rules.stap1_open(session)
    assert commitment_rules.progress(session) == "done"

    for attitude in ATTITUDES:
        commitment_rules.set_answer(session, "p1", attitude, True, at)
    assert commitment_rules.is_complete(session)
    assert commitment_rules.entry(session, "p1", "inform").note == "Eerst intern overleggen"
    commitment_rules.set_answer(session, "p1", "open", None)
    assert commitment_rules.entry(session, "p1", "open").at is None


def test_refused_commitment_changes_change_nothing() -> None:
    session = new_session()
    before = session.model_dump()
    with pytest.raises(FormError):
        commitment_rules.set_answer(session, "nobody", "open", True)
    with pytest.raises(ValidationError):
        commitment_rules.set_note(session, "p0", "open", "x" * 5001)
    with pytest.raises(ValidationError):
        commitment_rules.record_override(session, "x" * 5001)
    assert session.model_dump() == before
