"""The title bar at the top of every screen: the session it shows, kept up to
date when the details change, and its mark opening the command palette."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.widgets.title_bar import TitleBar
from support.app import make_app, make_session
from textual.command import CommandPalette
from textual.widgets import Input

from regionet_tui.app import RegionetApp
from regionet_tui.storage import SessionLibrary


def title_line(app: RegionetApp) -> str:
    bar = app.screen.query_one(TitleBar)
    return bar.render().plain  # type: ignore[union-attr]


async def test_the_title_bar_shows_the_session_and_its_new_details_at_once(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Ronde 1", "Achterhoek")
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "regionet" in title_line(app)
        await pilot.press("enter")
        await pilot.pause()
        line = title_line(app)
        assert "Ronde 1 — Achterhoek" in line and len(line) == 80

        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#title", Input).value = "Ronde 2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Ronde 2 — Achterhoek" in title_line(app)
        assert "Ronde&#160;2" in app.export_screenshot()  # painted, not only known


async def test_a_long_title_is_cut_with_an_ellipsis_on_one_line(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Leernetwerk " * 12, "Rivierenland")
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        line = title_line(app)
        assert len(line) == 80 and "…" in line and "\n" not in line


async def test_clicking_the_mark_opens_the_command_palette(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_a_read_only_session_says_so_first_however_long_its_title(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library, "Leernetwerk " * 12, "Rivierenland")
    holder = library.open(session_id)  # open in another window
    try:
        app = make_app(folder)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert title_line(app).startswith(" ⭘ ALLEEN LEZEN · Leernetwerk")
    finally:
        holder.close()
