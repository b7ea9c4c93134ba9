"""Per-partner views of STAP 2-4: Tab and shift+Tab change partner, as in STAP 1,
before the next key is read, and presenting (F5) hides the bar's key hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from regionet_tui.screens.partner_stage import PartnerStageScreen
from regionet_tui.screens.widgets.partner_bar import PartnerBar
from support.app import screen_text
from support.keys import burst
from support.stages import demo_app, open_demo_at
from textual.widgets import Static


def bar(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, PartnerStageScreen)
    shown = [b for b in screen.query(PartnerBar) if b.display and b.parent.display]
    return str(shown[0].shown())


@pytest.mark.parametrize(("stage", "to_partner_view"), [("2", []), ("3", []), ("4", ["v"])])
async def test_tab_and_shift_tab_change_partner(folder: Path, stage: str,
                                                to_partner_view: list[str]) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, stage)
        await pilot.press(*to_partner_view)
        await pilot.pause()
        assert "1/6" in bar(app)
        await pilot.press("tab")
        await pilot.pause()
        assert "2/6 · ROC Rivierenland" in bar(app)
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        assert "6/6" in bar(app)
        await pilot.press(">")  # the old keys still work
        await pilot.pause()
        assert "1/6" in bar(app)


async def test_tab_in_the_other_view_moves_the_focus_not_the_partner(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "4")  # the agreements: no partner to change
        screen = app.screen
        assert isinstance(screen, PartnerStageScreen)
        before = screen.focused
        await pilot.press("tab")
        await pilot.pause()
        assert screen.partner_index == 0
        assert screen.focused is not before


async def test_presenting_hides_the_partner_bars_key_hint(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "2")
        keys = app.screen.query_one(".partner-bar-keys", Static)
        assert keys.display
        await pilot.press("f5")
        await pilot.pause()
        assert not keys.display
        assert "1/6" in bar(app)  # the partner itself stays
        await pilot.press("f5")
        await pilot.pause()
        assert keys.display


async def test_presenting_hides_the_key_hints_of_dialogs_too(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "2")
        await pilot.press("f5", "question_mark")
        await pilot.pause()
        hints = list(app.screen.query(".edit-hint"))
        assert hints and not any(hint.display for hint in hints)


@pytest.mark.parametrize(("stage", "to_partner_view"), [("2", []), ("3", []), ("4", ["v"])])
async def test_a_key_typed_right_after_tab_acts_for_the_partner_tab_went_to(
        folder: Path, stage: str, to_partner_view: list[str]) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, stage)
        await pilot.press(*to_partner_view)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PartnerStageScreen)
        await burst(pilot, "tab", "tab", "shift+tab", "tab", "e")  # the edit key at once
        assert screen.partner_index == 2
        assert app.screen is not screen  # its dialog is open, for the third partner
        assert screen.session.partners[2].name in screen_text(app)
