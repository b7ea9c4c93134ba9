"""The key grammar of the STAP 1 score grid, without a terminal: which key
changes which cell, and which keys never change anything."""

from __future__ import annotations

import pytest

from regionet_tui.core.stap1_grid import (
    DESIRED,
    FINANCING,
    NOTE,
    OFFERED,
    QUALITY,
    SERVICE,
    WANTED,
    Cell,
    Entry,
    GridKeys,
    Row,
)
from regionet_tui.i18n import set_language
from regionet_tui.models.stap1 import Score


@pytest.fixture(autouse=True)
def dutch() -> None:
    set_language("nl")


def grid(*scores: Score, entering: bool = True) -> GridKeys:
    keys = GridKeys()
    keys.load([Row(f"svc-{n}", score) for n, score in enumerate(scores or (Score(), Score()))])
    if entering:
        keys.enter()
    return keys


def typed(keys: GridKeys, text: str) -> list[Entry]:
    entries: list[Entry] = []
    for char in text:
        outcome = keys.type(char)
        assert outcome.refusal is None, (char, outcome.refusal)
        entries.extend(outcome.entries)
    return entries


def test_a_service_takes_four_keys_and_the_cursor_goes_on_to_the_next() -> None:
    keys = grid()
    assert typed(keys, "j5j8") == [Entry("svc-0", "offered", True),
                                   Entry("svc-0", "quality", 5),
                                   Entry("svc-0", "wanted", True),
                                   Entry("svc-0", "desired", 8)]
    assert keys.cursor == Cell(1, OFFERED)
    assert keys.rows[0].score == Score(offered=True, quality=5, wanted=True, desired=8)


def test_no_skips_the_quality_that_means_nothing_and_0_is_a_10() -> None:
    keys = grid()
    typed(keys, "n")
    assert keys.cursor == Cell(0, WANTED)
    typed(keys, "y0")
    assert keys.cursor == Cell(1, OFFERED)
    typed(keys, "j4n")  # not wanted: on to the next service (here the last stays put)
    assert keys.cursor == Cell(1, WANTED)
    assert keys.rows[0].score == Score(offered=False, wanted=True, desired=10)
    assert keys.rows[1].score == Score(offered=True, quality=4, wanted=False)


def test_a_1_is_stored_at_once_and_a_0_after_it_makes_10() -> None:
    keys = grid()
    typed(keys, "j")
    assert typed(keys, "1") == [Entry("svc-0", "quality", 1)]
    assert keys.pending == Cell(0, QUALITY) and keys.cursor == Cell(0, QUALITY)
    assert typed(keys, "0") == [Entry("svc-0", "quality", 10)]
    assert keys.pending is None and keys.cursor == Cell(0, WANTED)


def test_a_1_followed_by_a_letter_stands_and_the_letter_answers_the_next_cell() -> None:
    keys = grid()
    assert typed(keys, "j1j") == [Entry("svc-0", "offered", True),
                                  Entry("svc-0", "quality", 1),
                                  Entry("svc-0", "wanted", True)]
    assert keys.cursor == Cell(0, DESIRED)


def test_11_to_19_is_refused_and_the_cell_is_as_it_was_before_the_1() -> None:
    keys = grid(Score(offered=True, quality=6), Score())
    keys.move_to(0, QUALITY)
    typed(keys, "1")
    outcome = keys.type("5")
    assert outcome.refusal is not None and '"15"' in outcome.refusal
    assert outcome.entries == [Entry("svc-0", "quality", 6)]
    assert keys.rows[0].score == Score(offered=True, quality=6)
    assert keys.cursor == Cell(0, QUALITY) and keys.pending is None


def test_backspace_after_a_1_takes_it_back_with_the_offered_it_implied() -> None:
    keys = grid()
    keys.move_to(0, QUALITY)
    typed(keys, "1")
    assert keys.rows[0].score == Score(offered=True, quality=1)
    outcome = keys.clear()
    assert outcome.entries == [Entry("svc-0", "quality", None), Entry("svc-0", "offered", None)]
    assert keys.rows[0].score == Score()


def test_moving_switching_and_leaving_never_change_a_score() -> None:
    keys = grid(Score(offered=True, quality=6, wanted=True, desired=8), Score())
    keys.move_to(0, QUALITY)
    typed(keys, "1")  # typed: the 1 is stored...
    before = [row.score for row in keys.rows]
    keys.move(0, 1)  # ...and the arrow only moves: nothing more, nothing less
    keys.move(1, 0)
    keys.move_to(0, SERVICE)
    keys.end_pending()
    keys.leave()
    keys.enter()
    assert [row.score for row in keys.rows] == before
    assert keys.pending is None


def test_viewing_takes_no_key_that_a_binding_answers_and_refuses_score_keys() -> None:
    keys = grid(Score(offered=True, quality=6), entering=False)
    for char in "3p]":
        outcome = keys.type(char, screen_takes=True)
        assert not outcome.taken and not outcome.entries
    for char in "jn9":
        outcome = keys.type(char)
        assert outcome.taken and not outcome.entries
        assert outcome.refusal is not None and "druk eerst op e" in outcome.refusal
    cleared = keys.clear()
    assert not cleared.entries and cleared.refusal is not None
    assert keys.rows[0].score == Score(offered=True, quality=6)


def test_in_the_entry_mode_a_key_that_does_not_fit_is_refused_and_stores_nothing() -> None:
    keys = grid()
    wrong_flag = keys.type("5")
    assert wrong_flag.refusal is not None and "typ j (ja) of n (nee)" in wrong_flag.refusal
    typed(keys, "j")
    wrong_quality = keys.type("k")
    assert wrong_quality.refusal is not None and "typ een cijfer" in wrong_quality.refusal
    keys.move_to(0, FINANCING)
    assert keys.type("j").refusal is not None
    assert keys.rows[0].score == Score(offered=True)


def test_a_letter_some_binding_answers_goes_on_to_the_screen_in_the_entry_mode() -> None:
    keys = grid()
    outcome = keys.type("f", screen_takes=True)
    assert not outcome.taken and not outcome.entries
    assert keys.type("3", screen_takes=True).taken  # a digit is a score here, never a stage


def test_entering_puts_the_cursor_on_a_score_cell_and_enter_goes_on() -> None:
    keys = grid(entering=False)
    keys.move_to(0, NOTE)
    keys.enter()
    assert keys.cursor == Cell(0, OFFERED)
    keys.confirm()
    assert keys.cursor == Cell(0, QUALITY)
    typed(keys, "1")
    keys.confirm()  # the waiting 1 stands; on to the next cell
    assert keys.cursor == Cell(0, WANTED) and keys.rows[0].score.quality == 1


def test_loading_another_partner_keeps_no_waiting_1_and_clamps_the_cursor() -> None:
    keys = grid(Score(), Score(), Score())
    keys.move_to(2, QUALITY)
    typed(keys, "1")
    keys.load([Row("svc-a", Score())])
    assert keys.pending is None and keys.cursor == Cell(0, QUALITY)
    keys.load([Row("svc-a", Score())], keep_cursor=False)
    assert keys.cursor == Cell(0, OFFERED)
