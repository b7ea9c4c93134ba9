"""The two plates of the reflection under their tab bar, used as a facilitator
does: w, the arrow keys on the bar, a click on a plate's name; in Dutch and
English, at 80x24. What is checked is what the terminal is sent."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.widgets.plate_tabs import PlateTabs
from support.app import make_app
from test_reflection_screen import make_network, open_reflection
from textual.widgets import Input

from regionet_tui.app import RegionetApp
from regionet_tui.storage import SessionLibrary


def drawn(app: RegionetApp) -> list[str]:
    """The lines of the screen as drawn."""
    return [strip.text for strip in app.screen._compositor.render_strips()]  # noqa: SLF001 (no public API gives the drawn cells)


def tab_line(app: RegionetApp, first: str = "Praatplaat") -> str:
    [line] = [line for line in drawn(app) if first in line and "Follow-up" in line]
    return line


def shows(app: RegionetApp, text: str) -> bool:
    return any(text in line for line in drawn(app))


def focused_id(app: RegionetApp) -> str | None:
    return app.screen.focused.id if app.screen.focused is not None else None


def palette_titles(app: RegionetApp) -> set[str]:
    return {str(command.title) for command in app.get_system_commands(app.screen)}


async def test_w_switches_plate_and_the_bar_marks_the_plate_on_view(
    library: SessionLibrary, folder: Path
) -> None:
    make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:  # 80x24
        await open_reflection(app, pilot)
        assert "▸ Praatplaat" in tab_line(app) and "▸ Follow-up" not in tab_line(app)
        assert shows(app, "Dalende leerlingaantallen") and shows(app, "Score hoger")
        assert not shows(app, "Nog geen vervolgafspraken") and not shows(app, "Status wijzigen")
        assert focused_id(app) == "themes"

        await pilot.press("w")
        await pilot.pause()
        assert "▸ Follow-up plaat" in tab_line(app) and "▸ Praatplaat" not in tab_line(app)
        assert shows(app, "Nog geen vervolgafspraken") and shows(app, "Status wijzigen")
        assert not shows(app, "Dalende leerlingaantallen") and not shows(app, "Score hoger")
        assert focused_id(app) == "followups"

        await pilot.press("w")
        await pilot.pause()
        assert "▸ Praatplaat" in tab_line(app)
        assert shows(app, "Dalende leerlingaantallen")
        assert focused_id(app) == "themes"


async def test_the_arrow_keys_on_the_bar_choose_a_plate(
    library: SessionLibrary, folder: Path
) -> None:
    make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        assert "Andere plaat" in palette_titles(app)
        assert "Volgende plaat" not in palette_titles(app)  # only while the bar has the focus
        await pilot.press("shift+tab")
        await pilot.pause()
        assert isinstance(app.screen.focused, PlateTabs)
        assert {"Vorige plaat", "Volgende plaat"} <= palette_titles(app)

        await pilot.press("right")
        await pilot.pause()
        assert "▸ Follow-up plaat" in tab_line(app)
        assert shows(app, "Nog geen vervolgafspraken")
        assert focused_id(app) == "followups"  # on to the plate, as before

        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.screen.focused, PlateTabs)
        await pilot.press("left")
        await pilot.pause()
        assert "▸ Praatplaat" in tab_line(app)
        assert shows(app, "Dalende leerlingaantallen")
        assert focused_id(app) == "themes"


async def test_a_click_on_a_name_shows_that_plate(
    library: SessionLibrary, folder: Path
) -> None:
    make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        screen = await open_reflection(app, pilot)
        bar = screen.query_one(PlateTabs)
        line = tab_line(app)

        await pilot.click(PlateTabs, offset=(line.index("Follow-up") - bar.region.x, 0))
        await pilot.pause()
        assert "▸ Follow-up plaat" in tab_line(app)
        assert shows(app, "Nog geen vervolgafspraken")
        assert focused_id(app) == "followups"

        await pilot.click(PlateTabs, offset=(bar.region.width - 2, 0))  # after the names
        await pilot.pause()
        assert "▸ Follow-up plaat" in tab_line(app)

        await pilot.click(PlateTabs, offset=(line.index("Praatplaat") - bar.region.x, 0))
        await pilot.pause()
        assert "▸ Praatplaat" in tab_line(app)
        assert shows(app, "Dalende leerlingaantallen")
        assert focused_id(app) == "themes"


async def test_the_plates_in_english(library: SessionLibrary, folder: Path) -> None:
    make_network(library)
    app = make_app(folder, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reflection(app, pilot)
        assert "▸ Talking plate" in tab_line(app, "Talking plate")
        assert shows(app, "Declining pupil numbers") and shows(app, "Other plate")
        await pilot.press("w")
        await pilot.pause()
        assert "▸ Follow-up plate" in tab_line(app, "Talking plate")
        assert shows(app, "No follow-ups yet")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert {"Previous plate", "Next plate"} <= palette_titles(app)


async def test_a_followup_made_on_the_praatplaat_shows_on_the_followup_plate(
    library: SessionLibrary, folder: Path
) -> None:
    make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("o")  # a follow-up for the theme under the cursor
        await pilot.pause()
        app.screen.query_one("#what", Input).value = "Gastlessen in de bouw regelen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "▸ Follow-up plaat" in tab_line(app)
        assert shows(app, "Gastlessen in de bouw regelen")
        assert not shows(app, "Spreiding") and shows(app, "Thema: Dalende leerlingaantallen")
        assert focused_id(app) == "followups"
