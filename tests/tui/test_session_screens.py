"""Inside a session: partners, the stage bar, details, hostile text."""

from __future__ import annotations

from pathlib import Path

import pytest
from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.widgets.line_table import LineTable
from regionet_tui.screens.widgets.stage_nav import StageNav
from support.app import HOSTILE_NAMES, make_app, make_session, screen_text
from textual.pilot import Pilot
from textual.widgets import Input, Select

from regionet_tui.app import FREEZE_DELAY, FREEZE_WAITS
from regionet_tui.models.text import NAME_MAX
from regionet_tui.progress import STAGES
from regionet_tui.storage import SessionLibrary, sessionfile


async def open_first_session(app: object, pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, StageScreen)  # type: ignore[attr-defined]


async def add_partner(app: object, pilot: object, name: str, kind: str = "mbo",
                      role: str = "deelnemer") -> None:
    await pilot.press("a")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen  # type: ignore[attr-defined]
    screen.query_one("#name", Input).value = name
    screen.query_one("#kind", Select).value = kind
    screen.query_one("#role", Select).value = role
    screen.query_one("#contact", Input).value = "Contact"
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_add_edit_and_remove_partners(library: SessionLibrary, folder: Path) -> None:
    session_id = make_session(library)
    path = library.path_for(session_id)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_first_session(app, pilot)
        await add_partner(app, pilot, "ROC Rivierenland", "mbo")
        await add_partner(app, pilot, "Gemeente Tiel", "government", "makelaar")
        saved = sessionfile.read(path)
        assert [(p.name, p.kind, p.role) for p in saved.partners] == [
            ("ROC Rivierenland", "mbo", "deelnemer"), ("Gemeente Tiel", "government", "makelaar"),
        ]
        assert "makelaar/loket" in screen_text(app)

        table = app.screen.query_one("#partners", LineTable)
        table.move_cursor(row=0)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "ROC Rivierenland Tiel"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert sessionfile.read(path).partners[0].name == "ROC Rivierenland Tiel"

        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")  # no: nothing removed
        await pilot.pause()
        assert len(sessionfile.read(path).partners) == 2
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert [p.name for p in sessionfile.read(path).partners] == ["Gemeente Tiel"]


async def test_a_duplicate_or_empty_partner_name_is_refused(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library)
    path = library.path_for(session_id)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_first_session(app, pilot)
        await add_partner(app, pilot, "UWV")
        before = sessionfile.read(path)  # the file and the changes in its journal
        await add_partner(app, pilot, "uwv")
        assert "Er is al een partner met de naam" in screen_text(app)
        app.screen.query_one("#name", Input).value = "\u200b  "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Naam is verplicht." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert sessionfile.read(path) == before


async def test_stage_bar_reaches_every_stage_by_key(library: SessionLibrary, folder: Path) -> None:
    make_session(library)
    app = make_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_first_session(app, pilot)
        nav = app.screen.query_one(StageNav)
        assert nav.current == "partners"
        for stage in reversed(STAGES):  # stage screens that take digits come last
            app.screen.set_focus(None)
            await pilot.press(stage.key)
            await pilot.pause()
            assert isinstance(app.screen, StageScreen)
            assert app.screen.STAGE_ID == stage.id
        app.show_stage("stap2")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.STAGE_ID == "stap3"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StageScreen)


async def test_session_details_can_be_edited(library: SessionLibrary, folder: Path) -> None:
    session_id = make_session(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_first_session(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#region", Input).value = "Achterhoek"
        app.screen.query_one("#date", Input).value = "2027-01-15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.sub_title == "Achterhoek"
    saved = sessionfile.read(library.path_for(session_id))
    assert (saved.region, saved.date.isoformat()) == ("Achterhoek", "2027-01-15")


@pytest.mark.parametrize("name", HOSTILE_NAMES)
async def test_hostile_names_are_shown_literally_and_safely(
    library: SessionLibrary, folder: Path, name: str
) -> None:
    make_session(library, title=name)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await open_first_session(app, pilot)
        await add_partner(app, pilot, name)
        text = screen_text(app)
        assert "\x1b" not in text and "\u202e" not in text and "\u200b" not in text
        if name.startswith("["):
            assert name in text  # markup shown as the characters typed
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running  # [@click=app.quit] did not quit


async def test_a_ten_thousand_character_name_is_refused_clearly(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_first_session(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "x" * 10_000  # as if pasted
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert f"Naam is te lang: hoogstens {NAME_MAX} tekens." in screen_text(app)
        app.screen.query_one("#name", Input).value = "x" * NAME_MAX
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "x" * NAME_MAX in screen_text(app)
    [partner] = sessionfile.read(library.path_for(session_id)).partners
    assert partner.name == "x" * NAME_MAX


async def until_frozen(pilot: Pilot[None]) -> None:
    """Until the open session's objects are frozen (FREEZE_DELAY after a stage
    screen is built, later while a dropped one is still being taken down)."""
    import gc

    for _ in range(FREEZE_WAITS * 4):
        await pilot.pause(FREEZE_DELAY)
        if gc.get_freeze_count() and gc.isenabled():
            return
    raise AssertionError("the session was never frozen")


async def test_a_closed_session_is_freed_when_the_next_one_opens(
    library: SessionLibrary, folder: Path
) -> None:
    """Opening freezes what lives with the session (gc.freeze); what the session
    closed before left behind must not be frozen along with it."""
    import gc
    import weakref

    first, second = make_session(library, "Ronde A"), make_session(library, "Ronde B")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.open_session(library.path_for(first))
        await pilot.pause()
        for key in ("2", "3", "4"):
            await pilot.press(key)
            await pilot.pause()
        await until_frozen(pilot)  # the collector waits only while a stage is built
        await pilot.press("5")  # closed before this screen's freeze comes due
        await pilot.pause()
        assert app.store is not None
        closed_screen, closed_session = weakref.ref(app.screen), weakref.ref(app.store.session)
        app.close_session()
        await pilot.pause()
        assert gc.get_freeze_count() == 0  # thawed on close
        app.open_session(library.path_for(second))
        await until_frozen(pilot)
        gc.collect()  # frozen with the new session, it would not be collected
        assert closed_screen() is None and closed_session() is None
        app.close_session()


async def test_screens_dropped_for_another_language_are_freed_while_the_session_stays_open(
    library: SessionLibrary, folder: Path
) -> None:
    import gc
    import weakref

    session_id = make_session(library, "Ronde A")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.open_session(library.path_for(session_id))
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await until_frozen(pilot)  # built, shown and frozen with the session
        dutch = weakref.ref(app.screen)
        app.action_toggle_language()
        assert gc.get_freeze_count() == 0  # thawed
        await until_frozen(pilot)
        assert isinstance(app.screen, StageScreen) and app.screen.STAGE_ID == "stap2"
        assert "STEP 2" in screen_text(app)
        gc.collect()
        assert dutch() is None
        app.close_session()


async def test_the_first_session_opens_without_a_full_collection_and_a_closed_one_is_collected(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full collection after the first paint cost 60 ms of settling at 120 partners:
    it is only needed while a closed session's objects may still be about, and
    those are collected on the start screen, once it has shown."""
    import gc

    from regionet_tui.screens.start import StartScreen

    from regionet_tui import app as app_module

    collections: list[int] = []
    collect = gc.collect

    def recorded(generation: int = 2) -> int:
        collections.append(generation)
        return collect(generation)

    first, second = make_session(library, "Ronde A"), make_session(library, "Ronde B")
    app = make_app(folder)
    monkeypatch.setattr(app_module.gc, "collect", recorded)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.open_session(library.path_for(first))
        await until_frozen(pilot)
        assert collections == [1]
        app.close_session()
        for _ in range(FREEZE_WAITS * 4):  # until the dropped screens are taken down
            await pilot.pause(FREEZE_DELAY)
            if 2 in collections:
                break
        assert isinstance(app.screen, StartScreen)
        assert collections == [1, 2]  # on the start screen
        app.open_session(library.path_for(second))
        await until_frozen(pilot)
        assert collections == [1, 2, 1]
        app.close_session()
