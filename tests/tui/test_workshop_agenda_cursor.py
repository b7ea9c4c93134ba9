"""The agenda opens on the stage that matters now, and its difference counts the
minutes given in the room, as the stage bar does."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from regionet_tui.screens.agenda import AgendaScreen
from regionet_tui.screens.widgets.agenda_table import AgendaTable
from regionet_tui.screens.widgets.stage_timer import StageTimer
from support.app import make_app
from support.share import demo_session

from regionet_tui.share import importer
from regionet_tui.storage import SessionLibrary

NOW = datetime(2026, 11, 12, 11, 0, tzinfo=UTC)


async def test_the_agenda_starts_on_the_running_stage(
    library: SessionLibrary, folder: Path
) -> None:
    importer.add_as_new(library, demo_session())
    app = make_app(folder)
    app.clock = lambda: NOW
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter", "2")  # STAP 2
        await pilot.pause()
        await pilot.press("f3")  # its timer runs
        await pilot.pause()
        await pilot.press("5")  # then the group looks at STAP 5
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.query_one(AgendaTable).selected_stage() == "stap2"
        await pilot.press("escape", "f3")  # paused: nothing runs any more
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        # Without a running timer, on the stage below the agenda.
        assert app.screen.query_one(AgendaTable).selected_stage() == "stap5"


async def test_the_difference_counts_the_extra_minutes_like_the_stage_bar(
    library: SessionLibrary, folder: Path
) -> None:
    importer.add_as_new(library, demo_session())  # STAP 1: 45 min +5, 52:30 spent
    app = make_app(folder)
    app.clock = lambda: NOW
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter", "1")
        await pilot.pause()
        timer = app.screen.query_one(StageTimer)
        timer.tick()
        assert timer.content.plain.endswith("TIJD OM +02:30")
        await pilot.press("f8")
        await pilot.pause()
        table = app.screen.query_one(AgendaTable)
        assert table.selected_stage() == "stap1"
        cells = [str(cell) for cell in table.get_row("stap1")]
        assert cells[2:5] == ["+5", "52:30", "+02:30"]
