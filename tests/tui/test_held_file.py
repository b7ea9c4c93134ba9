"""A facilitator on a Windows laptop whose documents folder OneDrive syncs: the
session's journal, where a change is saved, is held by another program."""

from __future__ import annotations

from pathlib import Path

import pytest
from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.start import StartScreen
from support.app import make_app, make_session, screen_text
from support.held import hold, hold_while_moving
from support.toasts import Toasts
from textual.pilot import Pilot
from textual.widgets import Input

from regionet_tui.app import RegionetApp
from regionet_tui.storage import SessionLibrary, sessionfile
from regionet_tui.storage.journal import journal_path


async def add_partner(pilot: Pilot[None], app: RegionetApp, name: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    app.screen.query_one("#name", Input).value = name
    await pilot.press("enter")
    await pilot.pause()


def saved_partners(path: Path) -> list[str]:
    return [p.name for p in sessionfile.read(path).partners]


async def test_a_held_file_is_reported_and_the_next_change_saves(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make_session(library, "Ronde 1")
    path = library.path_for(session_id)
    app = make_app(folder)
    toasts = Toasts()
    async with app.run_test(size=(80, 24), message_hook=toasts) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        held = hold(monkeypatch, journal_path(path), times=1000)  # where a change goes
        await add_partner(pilot, app, "ROC Rivierenland")
        errors = [text for severity, text in toasts.shown if severity == "error"]
        assert len(errors) == 1
        assert errors[0].startswith(
            "Opslaan is mislukt: een ander programma hield het bestand vast")
        assert "Je wijziging staat nog in het geheugen" in errors[0]
        assert isinstance(app.screen, StageScreen)
        assert "ROC Rivierenland" in screen_text(app)  # kept in memory, shown
        assert saved_partners(path) == []

        held.release()  # OneDrive let go
        await add_partner(pilot, app, "Gemeente Tiel")
        assert len([s for s, _ in toasts.shown if s == "error"]) == 1
        assert saved_partners(path) == ["ROC Rivierenland", "Gemeente Tiel"]

        await pilot.press("escape")  # nothing unsaved: closes without asking
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_a_file_held_for_a_moment_saves_without_a_word(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make_session(library, "Ronde 1")
    path = library.path_for(session_id)
    app = make_app(folder)
    toasts = Toasts()
    async with app.run_test(size=(80, 24), message_hook=toasts) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        held = hold(monkeypatch, journal_path(path), times=3)
        await add_partner(pilot, app, "ROC Rivierenland")
        assert held.tries == 4
        assert not [s for s, _ in toasts.shown if s == "error"]
        assert saved_partners(path) == ["ROC Rivierenland"]


async def test_moving_a_held_session_to_the_trash_says_why_and_works_once_let_go(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make_session(library, "Oude ronde")
    path = library.path_for(session_id)
    app = make_app(folder)
    toasts = Toasts()
    async with app.run_test(size=(80, 24), message_hook=toasts) as pilot:
        await pilot.pause()
        held = hold_while_moving(monkeypatch, path, times=1000)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        errors = [text for severity, text in toasts.shown if severity == "error"]
        assert len(errors) == 1 and "er is niets veranderd" in errors[0]
        assert "een ander programma hield het bestand vast" in errors[0]
        assert path.exists() and "Oude ronde" in screen_text(app)

        held.release()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert not path.exists()
        assert "Oude ronde" not in screen_text(app)
    assert [e.title for e in library.trashed()] == ["Oude ronde"]
