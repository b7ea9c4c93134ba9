"""Typed text in a form is never thrown away without asking."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.dialogs.confirm import ConfirmDialog
from regionet_tui.screens.dialogs.partner_form import PartnerFormDialog
from regionet_tui.screens.stage import StageScreen
from support.app import make_app
from support.stages import demo_app, open_demo_at, saved
from textual.command import CommandList, CommandPalette


async def open_partner_form_with_a_name(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await open_demo_at(pilot, "p")
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*"Gemeente")


async def test_esc_in_a_changed_form_asks_and_no_keeps_the_input(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_partner_form_with_a_name(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Wijzigingen weggooien?" in str(app.screen.query_one(".dialog-text").content)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PartnerFormDialog)
        assert app.screen.value("name") == "Gemeente"


async def test_esc_in_a_changed_form_and_yes_discards(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_partner_form_with_a_name(pilot, app)
        before = saved(folder).partners
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
    assert saved(folder).partners == before


async def test_esc_in_an_unchanged_form_closes_at_once(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.is_modal


async def test_ctrl_q_in_a_changed_form_asks_before_quitting(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_partner_form_with_a_name(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.value("name") == "Gemeente"  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_in_an_unchanged_form_quits_at_once(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


def palette_entries(app) -> list[str]:  # type: ignore[no-untyped-def]
    options = app.screen.query_one(CommandList).options
    return [str(option.prompt) for option in options]


async def test_the_palette_in_a_form_does_not_start_with_cancel(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_partner_form_with_a_name(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        entries = palette_entries(app)
        assert entries
        assert not any("Annuleren" in entry for entry in entries)
        assert not any("Cut selected text" in entry or "Delete all" in entry for entry in entries)
        await pilot.press("enter")
        await pilot.pause()
        form = next(s for s in app.screen_stack if isinstance(s, PartnerFormDialog))
        assert form.value("name") == "Gemeente"
