"""What Textual writes itself (key descriptions, placeholders, toasts) shows in the chosen
language."""

from __future__ import annotations

from pathlib import Path

import pytest
from regionet_tui.screens.dialogs.help import HelpDialog
from support.app import noted
from support.stages import demo_app, notifications, open_demo_at
from textual.command import CommandInput, CommandList, CommandPalette

TEXTUAL_ENGLISH = ["Cursor up", "Home", "Page Left", "Select", "Top", "Bottom", "Focus Next",
                   "Copy selected text", "Scroll Left", "Cut selected text",
                   "Delete all to the left", "Search for", "No matches found", "Screenshot"]


def english_in(text: str) -> list[str]:
    return [words for words in TEXTUAL_ENGLISH if words in text]


def help_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(s.content) for s in app.screen.query(".help-keys"))


def palette_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(option.prompt) for option in app.screen.query_one(CommandList).options)


@pytest.mark.parametrize("stage", ["1", "5", "p"])
async def test_help_and_palette_of_a_stage_are_all_dutch(folder: Path, stage: str) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, stage)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert english_in(help_text(app)) == []
        assert ("Volgende partner" if stage == "1" else "Volgend veld") in help_text(app)  # tab
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert english_in(palette_text(app)) == []


async def test_the_palette_in_a_form_lists_no_english_field_keys(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        text = palette_text(app)
        assert english_in(text) == []
        assert "Knippen" in text


async def test_no_matches_and_the_theme_search_are_dutch(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zzzqqq")
        await pilot.pause(0.8)  # Textual waits half a second before saying nothing matched
        assert "Geen opdracht gevonden" in palette_text(app)
        app.screen.query_one(CommandInput).value = ""
        await pilot.press("escape")
        await pilot.pause()
        app.action_change_theme()
        await pilot.pause()
        assert CommandPalette.is_open(app)
        assert app.screen.query_one(CommandInput).placeholder == "Zoek een kleurenthema…"


async def test_a_screenshot_goes_to_an_existing_folder_and_says_where(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"  # without a Downloads folder
    home.mkdir()
    started_in = tmp_path / "work"
    started_in.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(started_in)
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        app.take_screenshot()
        await pilot.pause()
        shots = list(started_in.glob("*.svg"))
        assert len(shots) == 1
        assert any(message.startswith("Schermafdruk bewaard in ") and str(started_in) in message
                   for message in notifications(app))


async def test_ctrl_c_says_how_to_quit_in_dutch(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "6")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        shown = noted(app)
        assert ("Stoppen?", "Druk op ctrl+q om regionet te sluiten; alles is al opgeslagen.") \
            in shown
