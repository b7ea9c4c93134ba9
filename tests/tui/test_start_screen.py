"""The start screen, driven as a facilitator would."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.start import StartScreen
from regionet_tui.screens.widgets.session_list import SessionList
from support.app import make_app, make_session, screen_text
from support.keys import type_text
from textual.widgets import Input, Static

from regionet_tui.storage import SessionLibrary, sessionfile


def session_files(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*.json") if not p.name.startswith(".")]


async def fill_field(app: object, field_id: str, text: str) -> None:
    field = app.screen.query_one(f"#{field_id}", Input)  # type: ignore[attr-defined]
    field.value = text


async def test_empty_folder_offers_the_demo(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "voorbeeldworkshop" in screen_text(app)
        assert str(folder) in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert "Het Baken College" in screen_text(app)
    assert (folder / "demo.json").exists()


async def test_create_quit_and_reopen_shows_the_same_data(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.press("n")
        await pilot.pause()
        await fill_field(app, "title", "")
        await pilot.click("#title")
        await type_text(pilot, "Ronde 1")
        await fill_field(app, "region", "Achterhoek")
        await fill_field(app, "date", "3-2-2027")
        await fill_field(app, "facilitator", "Jan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        await pilot.press("a")
        await pilot.pause()
        await fill_field(app, "name", "Graafschap College")
        await pilot.press("enter")
        await pilot.pause()
        assert "Graafschap College" in screen_text(app)
    [path] = session_files(folder)
    saved = sessionfile.read(path)
    assert (saved.title, saved.region, saved.date.isoformat()) == ("Ronde 1", "Achterhoek",
                                                                    "2027-02-03")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Ronde 1" in screen_text(app) and "Achterhoek" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Graafschap College" in screen_text(app)


async def test_new_session_refuses_bad_input_with_a_dutch_message(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.press("n")
        await pilot.pause()
        await fill_field(app, "title", "   ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Titel is verplicht." in screen_text(app)
        await fill_field(app, "title", "Ronde 1")
        await fill_field(app, "date", "31-02-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "geen geldige datum" in screen_text(app)
        await pilot.press("escape")  # the fields were changed: it asks first
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    assert session_files(folder) == []


async def test_rename_duplicate_delete_and_restore(library: SessionLibrary, folder: Path) -> None:
    make_session(library, "Voorjaar 2026")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await fill_field(app, "text", "Voorjaarsronde")
        await pilot.press("enter")
        await pilot.pause()
        assert "Voorjaarsronde" in screen_text(app)

        await pilot.press("u")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        titles = sorted(e.title for e in library.entries())
        assert titles == ["Voorjaarsronde", "Voorjaarsronde – volgende ronde"]

        assert app.screen.query_one("#sessions", SessionList).row_count == 2
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert len(library.entries()) == 1
        assert len(library.trashed()) == 1

        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert len(library.entries()) == 2
        assert library.trashed() == []


async def test_filter_and_sort(library: SessionLibrary, folder: Path) -> None:
    make_session(library, "Achterhoek ronde", "Achterhoek")
    make_session(library, "Twente ronde", "Twente")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#sessions", SessionList)
        assert listing.row_count == 2
        await pilot.press("slash")
        await type_text(pilot, "twen")
        await pilot.pause()
        assert [row.cells[0] for row in listing.rows] == ["Twente ronde"]
        await pilot.press("escape")
        await pilot.pause()
        assert listing.row_count == 2
        screen = app.screen
        assert isinstance(screen, StartScreen)
        await pilot.press("s")  # modified -> title
        await pilot.pause()
        assert screen.sort_column == "title"
        assert [row.cells[0] for row in listing.rows] == ["Achterhoek ronde", "Twente ronde"]


async def test_damaged_file_is_shown_with_its_reason_and_left_alone(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Gezond")
    broken = folder / "kapot.json"
    broken.write_bytes(b'{"session": ')
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "beschadigd bestand: kapot.json" in text
        assert "geen geldige JSON" in text
        assert app.screen.active_bindings["x"].enabled  # the healthy session
        await pilot.press("down")
        await pilot.pause()
        assert "x" not in app.screen.active_bindings  # a damaged file: repair only
        assert app.screen.active_bindings["enter"].enabled
        await pilot.press("enter")
        await pilot.pause()
        assert "nooit overschreven" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert broken.read_bytes() == b'{"session": '


async def test_second_instance_opens_read_only(library: SessionLibrary, folder: Path) -> None:
    session_id = make_session(library, "Gedeeld")
    holder = library.open(session_id)
    try:
        app = make_app(folder)
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert "ALLEEN LEZEN" in screen_text(app)
            await pilot.press("a")
            await pilot.pause()
            assert "Alleen lezen: deze sessie kan hier niet worden gewijzigd" in screen_text(app)
            await fill_field(app, "name", "Nieuwe partner")
            await pilot.press("ctrl+s")
            await pilot.pause()
            error = str(app.screen.query_one("#form-error", Static).content)
            assert "alleen-lezen: wijzigingen worden niet bewaard" in error
    finally:
        holder.close()
    assert sessionfile.read(library.path_for(session_id)).partners == []


async def test_language_switch_from_the_command_line_and_the_palette(folder: Path) -> None:
    app = make_app(folder, language="en")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "No sessions in this folder yet" in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Nederlands")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert "Nog geen sessies" in screen_text(app)
    from regionet_tui import settings

    assert settings.load().language == "nl"


async def test_help_opens_and_closes(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Toetsen op dit scherm" in text and "Nieuw" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
