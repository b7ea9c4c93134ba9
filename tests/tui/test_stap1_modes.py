"""STAP 1's grid has two modes, and the screen always says which: viewing, where
a digit goes to that stage, and entry (e or Enter, left with Esc), where digits
are scores. A key meant to move or switch never changes a score, and every
value lands on the partner it was typed for, however fast the keys come."""

from __future__ import annotations

import asyncio
from pathlib import Path

from regionet_tui.screens.dialogs.pick import PickDialog
from regionet_tui.screens.stages.stap1 import Stap1Screen
from regionet_tui.screens.stages.stap3 import Stap3Screen
from regionet_tui.screens.stages.stap4 import Stap4Screen
from regionet_tui.screens.widgets.gap_table import GapTable
from regionet_tui.screens.widgets.score_grid import ScoreGrid
from support.app import make_app, screen_text
from support.keys import burst, key_event
from support.stap1 import prepared_session
from textual.widgets import Static

from regionet_tui import i18n
from regionet_tui.core import stap1 as rules
from regionet_tui.storage import SessionLibrary, sessionfile


def scored_session(library: SessionLibrary) -> Path:
    """The prepared session where the school gave Arbeidspool a 6 now and wants an 8."""
    path = prepared_session(library)
    store = library.open(path.stem)
    store.change(lambda s: rules.update_score(s, "p-school", "svc-arbeidspool", offered=True,
                                              quality=6, wanted=True, desired=8))
    store.close()
    return path


async def open_stap1(pilot: object) -> Stap1Screen:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter", "1")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, Stap1Screen)
    return screen


def grid_of(app: object) -> ScoreGrid:
    return app.screen.query_one(ScoreGrid)  # type: ignore[attr-defined]


def footer_keys(app: object) -> dict[str, str]:
    """The keys the footer shows now, with their description."""
    return {key: active.binding.description
            for key, active in app.screen.active_bindings.items()  # type: ignore[attr-defined]
            if active.binding.show and active.enabled}


def arbeidspool(path: Path, partner: str) -> tuple[object, ...]:
    score = sessionfile.read(path).portfolio.scores.get(partner, {}).get("svc-arbeidspool")
    if score is None:
        return (None, None, None, None)
    return (score.offered, score.quality, score.wanted, score.desired)


async def test_stap1_opens_for_viewing_and_a_digit_goes_to_that_stage(
    library: SessionLibrary, folder: Path
) -> None:
    path = scored_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        grid = grid_of(app)
        assert app.screen.focused is grid and not grid.entering
        assert "bekijken · cijfers kiezen een stap" in str(grid.border_title)
        assert "Bekijken: cijfers kiezen een stap" in screen_text(app)
        assert footer_keys(app)["e"] == "Scores invoeren"
        await pilot.press("3")  # meant: go to STAP 3
        await pilot.pause()
        assert isinstance(app.screen, Stap3Screen)
        assert "past hier niet" not in screen_text(app)
    assert arbeidspool(path, "p-school") == (True, 6, True, 8)


async def test_e_or_enter_starts_the_entry_mode_and_esc_ends_it_as_the_screen_says(
    library: SessionLibrary, folder: Path
) -> None:
    path = scored_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        grid = grid_of(app)
        await pilot.press("enter")
        await pilot.pause()
        assert grid.entering
        assert "✎ INVOER · cijfers zijn scores" in str(grid.border_title)
        assert "✎ Invoer: j/n = ja/nee" in screen_text(app)
        assert footer_keys(app)["escape"] == "Klaar met invoer"
        assert "e" not in footer_keys(app)
        await pilot.press("n", "j", "9")  # digits are scores now
        await pilot.press("escape")
        await pilot.pause()
        assert not grid.entering and isinstance(app.screen, Stap1Screen)
        assert "Bekijken: cijfers kiezen een stap" in screen_text(app)
        assert footer_keys(app)["e"] == "Scores invoeren"
        await pilot.press("e")
        await pilot.pause()
        assert grid.entering
    assert arbeidspool(path, "p-school") == (False, None, True, 9)


async def test_keys_that_move_or_switch_never_change_a_score(
    library: SessionLibrary, folder: Path
) -> None:
    path = scored_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        before = path.read_bytes()
        # viewing: 1 (this stage), → and 4 (STAP 4): the 6 stays a 6
        await pilot.press("right", "1", "right", "4")
        await pilot.pause()
        assert isinstance(app.screen, Stap4Screen)
        await pilot.press("1")
        await pilot.pause()
        # entry: every key that moves, changes partner or leaves
        await pilot.press("e", "right", "down", "up", "end", "home", "pagedown", "pageup",
                          "ctrl+end", "ctrl+home", "tab", "shift+tab", "greater_than_sign",
                          "less_than_sign", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Stap1Screen)
        assert grid_of(app).row_text(0)[1:5] == ["ja", "6", "ja", "8"]
        assert path.read_bytes() == before
        await pilot.press("e", "backspace")  # ⌫ on "offered" clears it: a typed change
        await pilot.pause()
    assert arbeidspool(path, "p-school") == (None, None, True, 8)


async def test_viewing_says_how_to_score_when_a_score_key_is_typed(
    library: SessionLibrary, folder: Path
) -> None:
    path = scored_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        before = path.read_bytes()
        await pilot.press("n", "9", "backspace")
        await pilot.pause()
        assert "verandert hier geen score: druk eerst op e" in screen_text(app)
        assert path.read_bytes() == before


async def test_the_hint_tells_the_truth_right_after_switching_language(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        await pilot.press("e", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"English")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert i18n.language() == "en"
        grid = grid_of(app)
        text = screen_text(app)
        assert not grid.entering
        assert "Viewing: digits pick a stage" in text and "Entry:" not in text
        assert "viewing · digits pick a stage" in str(grid.border_title)
        assert footer_keys(app)["e"] == "Enter scores"
        await pilot.press("e")
        await pilot.pause()
        assert "✎ Entry: y/n = yes/no" in screen_text(app)
        assert "✎ ENTRY · digits are scores" in str(grid.border_title)
        assert footer_keys(app)["escape"] == "Done entering"
        await pilot.press("y", "7")
        await pilot.press("escape", "3")  # viewing again: 3 goes to STAP 3, as it says
        await pilot.pause()
        assert isinstance(app.screen, Stap3Screen)
    assert arbeidspool(path, "p-school")[:2] == (True, 7)


async def test_esc_in_the_gap_table_goes_back_to_the_grid(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stap1(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert screen.focused is screen.query_one(GapTable)
        assert footer_keys(app)["escape"] == "Terug naar invoer"  # and says so
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.focused is grid_of(app) and grid_of(app).display
        await pilot.press("escape")  # and from the grid, to the sessions
        await pilot.pause()
        assert app.screen is not screen


async def test_a_burst_with_tab_puts_each_score_on_the_partner_it_was_typed_for(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        await burst(pilot, "e", "y", "5", "y", "6", "tab", "y", "7", "y", "8")
        assert "Bouwbedrijf Van der Linden" in screen_text(app)
        assert grid_of(app).row_text(0)[1:5] == ["ja", "7", "ja", "8"]
    assert arbeidspool(path, "p-school") == (True, 5, True, 6)
    assert arbeidspool(path, "p-bedrijf") == (True, 7, True, 8)


async def test_a_key_5_ms_after_tab_lands_on_the_next_partner(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        await pilot.press("e")
        for _ in range(10):  # round the three partners, each time "not offered" on Tab
            app.post_message(key_event("tab"))
            await asyncio.sleep(0.005)
            app.post_message(key_event("n"))
            await burst(pilot)
        assert grid_of(app).row_text(0)[1] == "nee"
        assert grid_of(app).row_text(1)[1] == "—"  # never on another row
    for partner in ("p-school", "p-bedrijf", "p-gemeente"):
        assert arbeidspool(path, partner) == (False, None, None, None)
    assert "svc-tijdelijke_krachten" not in str(sessionfile.read(path).portfolio.scores)


async def test_a_value_reported_after_tab_still_lands_on_its_own_partner(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stap1(pilot)
        grid = grid_of(app)
        # a value typed for the school, handled only once the grid shows the company
        typed = ScoreGrid.Entered("p-school", "svc-arbeidspool", "quality", 4)
        screen.action_partner(1)
        screen.post_message(typed)
        await pilot.pause()
        assert grid.partner_id == "p-bedrijf"
        assert grid.row_text(0)[2] == "—"
    assert arbeidspool(path, "p-school") == (True, 4, None, None)
    assert arbeidspool(path, "p-bedrijf") == (None, None, None, None)


async def test_keys_typed_before_a_grid_dialog_opens_go_into_it(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        # on the quality cell: f then 3 picks the third financing, it is no score
        await burst(pilot, "e", "j", "f", "3")
        assert not isinstance(app.screen, PickDialog)
        await burst(pilot, "o", *"5 uur per week", "enter")
        assert isinstance(app.screen, Stap1Screen)
        await burst(pilot, "a", *"Stage 2 jn", "enter")  # a new service, named with digits
        assert isinstance(app.screen, Stap1Screen)
    saved = sessionfile.read(path)
    score = saved.portfolio.scores["p-school"]["svc-arbeidspool"]
    assert (score.offered, score.quality, score.financing, score.note) == (
        True, None, "subsidy", "5 uur per week")
    assert [s.name for s in saved.portfolio.services][-1] == "Stage 2 jn"
    assert len(saved.portfolio.scores["p-school"]) == 1  # nothing typed into the grid


async def test_presenting_hides_the_grids_key_hint_but_not_its_mode_or_a_refusal(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stap1(pilot)
        hint = app.screen.query_one("#grid-hint", Static)
        await pilot.press("e", "f5")
        await pilot.pause()
        assert not hint.display
        assert "✎ INVOER" in str(grid_of(app).border_title)
        await pilot.press("q")  # refused: that message shows while presenting too
        await pilot.pause()
        assert hint.display and "\"q\" past hier niet" in screen_text(app)
