"""A score is a slotted pydantic dataclass, not a Record: it checks, saves and
behaves as the model did, with the few model methods the app calls."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from pydantic import ValidationError

from regionet_tui.models import Session
from regionet_tui.models.stap1 import Portfolio, Score


def test_a_score_checks_its_fields_like_a_record() -> None:
    for bad in ({"quality": 0}, {"desired": 11}, {"financing": "loterij"}, {"offered": "ja"},
                {"stars": 3}, {"note": "x" * 5001}):
        with pytest.raises(ValidationError):
            Score.model_validate(bad)
    assert Score(note="  Let\u200bop\x1b[2J \n").note == "Letop[2J"


def test_an_assignment_is_checked_and_a_refused_one_changes_nothing() -> None:
    score = Score(offered=True, quality=6)
    with pytest.raises(ValidationError):
        score.quality = 11
    assert score.quality == 6
    score.note = " nieuw\u202e "
    assert score.note == "nieuw"


def test_dump_validate_and_copy_as_the_app_uses_them() -> None:
    score = Score(offered=True, quality=6, financing="subsidy")
    values = score.model_dump()
    assert values == {"offered": True, "quality": 6, "wanted": None, "desired": None,
                      "financing": "subsidy", "note": ""}
    assert Score.model_validate(values) == score
    changed = score.model_copy(update={"quality": 8, "wanted": True})
    assert (changed.quality, changed.wanted, score.quality, score.wanted) == (8, True, 6, None)
    assert score.model_copy() == score and score.model_copy() is not score
    with pytest.raises(ValidationError):
        score.model_copy(update={"quality": 0})
    assert Score().is_empty() and not score.is_empty()


def test_scores_save_and_load_with_every_field_as_before() -> None:
    session = Session.create("Ronde", "Rivierenland", date(2026, 11, 22))
    session.portfolio.scores = {"p-roc": {"svc-bijscholen": Score(offered=True, quality=5)}}
    saved = session.model_dump(mode="json")
    assert saved["portfolio"]["scores"] == {"p-roc": {"svc-bijscholen": {
        "offered": True, "quality": 5, "wanted": None, "desired": None, "financing": None,
        "note": ""}}}
    assert Session.model_validate(saved) == session
    assert copy.deepcopy(session) == session
    with pytest.raises(ValidationError):
        Portfolio.model_validate({"scores": {"p-roc": {"svc-bijscholen": {"stars": 1}}}})


def test_a_score_carries_no_dict_of_its_own() -> None:
    assert not hasattr(Score(), "__dict__")
