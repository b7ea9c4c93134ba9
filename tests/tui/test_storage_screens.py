"""A facilitator on a read-only stick, or with a full disk: the app says why,
changes nothing it cannot finish, and never drops a change on closing."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from regionet_tui.screens.dialogs.confirm import ConfirmDialog
from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.start import StartScreen
from support.app import make_app, make_session, noted, screen_text
from support.disk import full, read_only
from support.share import folder_snapshot
from textual.widgets import Input, Static

from regionet_tui.storage import SessionLibrary, sessionfile


def messages(app: object) -> list[str]:
    return [message for _title, message in noted(app)]


async def add_partner(app: object, pilot: object, name: str) -> None:
    await pilot.press("a")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    app.screen.query_one("#name", Input).value = name  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
async def test_a_read_only_folder_opens_sessions_read_only_and_refuses_changes(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    make_session(library, "Op de stick")
    before = folder_snapshot(folder)
    read_only(monkeypatch, folder, code)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert "ALLEEN LEZEN" in screen_text(app)
        assert any("in deze map kan niets worden opgeslagen" in m for m in messages(app))
        await pilot.press("a")
        await pilot.pause()
        # The form says so at once, and offers no save.
        assert "Alleen lezen: deze sessie kan hier niet worden gewijzigd" in screen_text(app)
        assert not app.screen.query("#save")
        app.screen.query_one("#name", Input).value = "Nieuwe partner"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#form-error", Static).content)
        assert "alleen-lezen: wijzigingen worden niet bewaard" in error
        await pilot.press("escape")  # nothing could be kept: it closes without asking
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)

        noted(app).clear()
        await pilot.press("x")  # delete
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("r")  # rename
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "Andere naam"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("u")  # next round
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        refused = [m for m in messages(app) if "er is niets veranderd" in m]
        assert len(refused) == 3
        assert str(folder) in refused[0]

        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#title", Input).value = "Nieuwe sessie"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert len([m for m in messages(app) if "er is niets veranderd" in m]) == 4
        assert "Op de stick" in screen_text(app)
    assert folder_snapshot(folder) == before


async def test_a_change_that_failed_to_save_is_saved_on_closing(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make_session(library, "Ronde 1")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        disk = full(monkeypatch, folder)
        await add_partner(app, pilot, "ROC Rivierenland")
        failed = [m for m in messages(app) if m.startswith("Opslaan is mislukt")]
        assert failed and "de schijf is vol" in failed[0]
        assert "No space left" in failed[0]  # only as the system's detail

        await pilot.press("escape")  # the disk is still full: close anyway?
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Toch sluiten" in screen_text(app)
        await pilot.press("n")  # no: the session stays open
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert sessionfile.read(library.path_for(session_id)).partners == []

        disk.refusing = False  # room made
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    saved = sessionfile.read(library.path_for(session_id))
    assert [p.name for p in saved.partners] == ["ROC Rivierenland"]


async def test_closing_without_the_unsaved_change_when_the_facilitator_says_so(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make_session(library, "Ronde 1")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        full(monkeypatch, folder)
        await add_partner(app, pilot, "ROC Rivierenland")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.store is None
    assert sessionfile.read(library.path_for(session_id)).partners == []


async def test_quitting_with_an_unsaved_change_asks_first(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make_session(library, "Ronde 1")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        full(monkeypatch, folder)
        await add_partner(app, pilot, "ROC Rivierenland")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Toch stoppen" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert not app.is_running
    assert sessionfile.read(library.path_for(session_id)).partners == []


async def test_quitting_after_room_was_made_saves_the_change(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make_session(library, "Ronde 1")
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        disk = full(monkeypatch, folder)
        await add_partner(app, pilot, "ROC Rivierenland")
        disk.refusing = False
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    saved = sessionfile.read(library.path_for(session_id))
    assert [p.name for p in saved.partners] == ["ROC Rivierenland"]
