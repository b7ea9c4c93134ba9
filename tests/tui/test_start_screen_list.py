"""The list of sessions on the start screen, as a facilitator sees and drives it.

These tests read what the list draws (its lines, as they reach the terminal),
not its data, so truncation, the cursor mark and styles are checked too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.start import StartScreen
from regionet_tui.screens.too_small import TooSmallScreen
from regionet_tui.screens.widgets.session_list import SessionList, fit
from rich.color import Color
from support.app import HOSTILE_NAMES, make_app, make_session
from textual.strip import Strip

from regionet_tui.app import RegionetApp
from regionet_tui.safe_text import printable
from regionet_tui.storage import SessionLibrary, sessionfile
from regionet_tui.storage.library import INDEX_NAME

MARK = "▶"


def listing(app: RegionetApp) -> SessionList:
    return app.screen.query_one("#sessions", SessionList)


def strips(app: RegionetApp) -> list[Strip]:
    widget = listing(app)
    return [widget.render_line(y) for y in range(widget.size.height)]


def lines(app: RegionetApp) -> list[str]:
    """The lines of the list as drawn: the header first, then the rows in view."""
    return [strip.text for strip in strips(app)]


def cursor_line(app: RegionetApp) -> str:
    [line] = [line for line in lines(app)[1:] if line.startswith(MARK)]
    return line


def screen_cells(app: RegionetApp) -> str:
    """Every character the whole screen sends to the terminal."""
    return "".join(strip.text for strip in app.screen._compositor.render_strips())  # noqa: SLF001 (no public API gives the drawn cells)


def titles_in_view(app: RegionetApp) -> list[str]:
    """The first word of the title column of each row in view."""
    return [line[2:].split()[0] for line in lines(app)[1:] if line.strip()]


def numbered(library: SessionLibrary, count: int) -> None:
    for n in range(count):
        make_session(library, f"Sessie {n:02d}", "Rivierenland")


async def sorted_by_title(app: RegionetApp, pilot: object) -> None:
    """Sort A to Z by title (the cursor stays on its session), then go to the top."""
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("s", "home")  # type: ignore[attr-defined]  # modified -> title
    await pilot.pause()  # type: ignore[attr-defined]


async def test_keys_move_the_marked_row_and_the_view_follows(
    library: SessionLibrary, folder: Path
) -> None:
    numbered(library, 30)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await sorted_by_title(app, pilot)
        assert "Sessie 00" in cursor_line(app)
        assert sum(line.startswith(MARK) for line in lines(app)) == 1
        await pilot.press("down", "down")
        assert "Sessie 02" in cursor_line(app)
        await pilot.press("up")
        assert "Sessie 01" in cursor_line(app)
        await pilot.press("end")
        await pilot.pause()
        assert "Sessie 29" in cursor_line(app)
        assert "Sessie 00" not in "\n".join(lines(app))  # scrolled down
        assert "Titel" in lines(app)[0]  # the header stays
        await pilot.press("home")
        await pilot.pause()
        assert "Sessie 00" in cursor_line(app)
        page = listing(app).size.height - 2
        await pilot.press("pagedown")
        await pilot.pause()
        assert f"Sessie {page:02d}" in cursor_line(app)
        await pilot.press("pageup")
        await pilot.pause()
        assert "Sessie 00" in cursor_line(app)


async def test_the_cursor_row_is_marked_and_coloured_by_the_theme(
    library: SessionLibrary, folder: Path
) -> None:
    numbered(library, 3)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await sorted_by_title(app, pilot)
        await pilot.press("f9")  # the projector theme
        await pilot.pause()
        cursor_row = strips(app)[1]
        assert cursor_row.text.startswith(MARK)
        expected = Color.parse(app.theme_variables["block-cursor-background"])
        backgrounds = {segment.style.bgcolor for segment in cursor_row if segment.style}
        assert backgrounds == {expected}
        other_row = strips(app)[2]
        assert not other_row.text.startswith(MARK)
        assert expected not in {segment.style.bgcolor for segment in other_row if segment.style}


async def test_a_click_marks_a_row_and_a_second_click_opens_it(
    library: SessionLibrary, folder: Path
) -> None:
    numbered(library, 3)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await sorted_by_title(app, pilot)
        await pilot.click("#sessions", offset=(4, 3))  # the third row under the header
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Sessie 02" in cursor_line(app)
        await pilot.click("#sessions", offset=(4, 3))
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert app.screen.title == "Sessie 02"


async def test_clicking_a_column_header_sorts_and_shows_the_direction(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Bèta ronde", "Achterhoek")
    make_session(library, "Alfa ronde", "Twente")
    app = make_app(folder)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        header = lines(app)[0]
        await pilot.click("#sessions", offset=(header.index("Regio"), 0))
        await pilot.pause()
        assert "Regio ▲" in lines(app)[0] and "▼" not in lines(app)[0]
        assert titles_in_view(app) == ["Bèta", "Alfa"]
        await pilot.click("#sessions", offset=(lines(app)[0].index("Regio"), 0))
        await pilot.pause()
        assert "Regio ▼" in lines(app)[0]
        assert titles_in_view(app) == ["Alfa", "Bèta"]
        await pilot.click("#sessions", offset=(lines(app)[0].index("Titel"), 0))
        await pilot.pause()
        assert "Titel ▲" in lines(app)[0]
        assert titles_in_view(app) == ["Alfa", "Bèta"]


async def test_filter_narrows_the_list_and_enter_opens_the_match(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Voorjaar", "Achterhoek")
    make_session(library, "Najaar", "Twente")
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "t", "w", "e", "n")
        await pilot.pause()
        shown = "\n".join(lines(app))
        assert "Najaar" in shown and "Voorjaar" not in shown
        assert "Najaar" in cursor_line(app)
        await pilot.press("enter")  # back to the list
        await pilot.press("enter")  # open
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert app.screen.title == "Najaar"


async def test_filter_without_match_says_so(library: SessionLibrary, folder: Path) -> None:
    make_session(library, "Voorjaar")
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "x", "y", "z")
        await pilot.pause()
        assert lines(app)[1].strip() == ""
        hint = app.screen.query_one("#sessions-empty")
        assert hint.display and "Geen sessie past bij het filter." in str(hint.content)
        assert "x" not in app.screen.active_bindings  # nothing to delete


async def test_hostile_titles_and_regions_show_literally(
    library: SessionLibrary, folder: Path
) -> None:
    for name in HOSTILE_NAMES:
        make_session(library, name, name)
    titles = {entry.title for entry in library.entries()}
    app = make_app(folder)
    async with app.run_test(size=(160, 30)) as pilot:
        await sorted_by_title(app, pilot)
        shown = "\n".join(lines(app))
        for title in titles:
            assert title in shown
        assert "[bold red]rood" in shown and "[@click=app.quit]klik[/]" in shown
        assert all(unicodedata.category(c) not in {"Cc", "Cf", "Cs"} for c in screen_cells(app))
        # A markup-like title is only text: clicking it opens the session, nothing else.
        await pilot.press("home")
        row = next(i for i, line in enumerate(lines(app)) if "[@click=app.quit]" in line)
        await pilot.click("#sessions", offset=(4, row))
        await pilot.click("#sessions", offset=(4, row))
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert app.is_running


async def test_names_from_a_foreign_index_never_reach_the_terminal_raw(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Gewoon")
    library.entries()  # writes the index
    index_path = folder / INDEX_NAME
    index = json.loads(index_path.read_bytes())
    [record] = index.values()
    record["summary"]["title"] = "\x1b]0;gekaapt\x07titel\x1b[2J\u202e[b]vet\u200b"
    record["summary"]["region"] = "regel\neen\ttwee\u2028drie"
    index_path.write_text(json.dumps(index))
    app = make_app(folder)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        row = cursor_line(app)
        assert "]0;gekaapttitel[2J[b]vet" in row
        assert "regel een twee drie" in row
        assert all(unicodedata.category(c) not in {"Cc", "Cf", "Cs", "Zl", "Zp"}
                   for c in screen_cells(app))


async def test_long_titles_are_cut_with_an_ellipsis_and_every_column_fits_80(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Leernetwerk Rivierenland: werkplekleren in de zorg, ronde 2",
                 "Rivierenland")
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header, row = lines(app)[:2]
        for column in ("Titel", "Regio", "Datum", "Partners", "Voortgang", "Gewijzigd"):
            assert column in header
        assert "Leernetwerk" in row and "…" in row
        assert re.search(r"\d\d-\d\d-\d{4} \d\d:\d\d$", row)  # the last column in full
        assert len(row) == listing(app).scrollable_content_region.width
        assert "Rivierenland " in row and "22-11-2026" in row


async def test_reload_keeps_the_chosen_session_selected(
    library: SessionLibrary, folder: Path
) -> None:
    numbered(library, 25)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await sorted_by_title(app, pilot)
        await pilot.press("end", "up")
        await pilot.pause()
        assert "Sessie 23" in cursor_line(app)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#text").value = "Sessie 23b"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Sessie 23b" in cursor_line(app)
        app.screen.reload()  # e.g. after a dialog: the same session stays marked
        await pilot.pause()
        assert "Sessie 23b" in cursor_line(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        await pilot.press("escape")  # back to the start screen
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Sessie 23b" in cursor_line(app)
    [renamed] = [e for e in library.entries() if e.title == "Sessie 23b"]
    assert sessionfile.read(renamed.path).title == "Sessie 23b"


async def test_a_damaged_file_shows_its_reason_in_the_list(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Gezond")
    (folder / "kapot.json").write_bytes(b'{"session": ')
    app = make_app(folder)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        damaged = lines(app)[2]
        assert "⚠ beschadigd bestand: kapot.json" in damaged
        assert "geen geldige JSON" in damaged
        await pilot.press("down")
        await pilot.pause()
        assert "kapot.json" in cursor_line(app)


async def test_too_small_and_back_keeps_the_list_and_its_cursor(
    library: SessionLibrary, folder: Path
) -> None:
    numbered(library, 30)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await sorted_by_title(app, pilot)
        await pilot.press("end")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Sessie 29" in cursor_line(app)


def test_fit_cuts_by_terminal_cells_with_an_ellipsis_and_pads() -> None:
    assert fit("Rivierenland", 8) == "Riviere…"
    assert fit("📚📚📚", 5) == "📚📚…"  # two cells each
    assert fit("abc", 5) == "abc  "
    assert fit("7", 3, right=True) == "  7"


def test_printable_drops_what_could_drive_the_terminal() -> None:
    assert printable("[b]vet[/b]") == "[b]vet[/b]"
    assert printable("a\x1b[31mb\u202ec\u200bd\ne\x85f") == "a[31mbcd ef"
