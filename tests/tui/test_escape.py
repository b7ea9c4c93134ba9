"""Esc in a field of a stage leaves the field, not the session."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.start import StartScreen
from support.app import make_app
from support.stages import open_demo_at
from textual.widgets import Input


async def test_esc_in_the_share_folder_field_leaves_the_field_then_the_session(
    folder: Path,
) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_demo_at(pilot, "8")
        field = app.screen.query_one("#share-folder", Input)
        field.focus()
        await pilot.pause()
        typed = field.value
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen) and app.focused is None
        await pilot.press("x")  # a key, not a letter in the field
        await pilot.pause()
        assert field.value == typed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
