"""The start screen with files that are not plain `<id>.json` sessions: a session
restored beside an imported copy of itself, special files named like sessions,
a session with an id twice. The facilitator's keys act on the row selected,
and nothing hangs or crashes."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from regionet_tui.screens.dialogs.choice import ChoiceDialog
from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.start import StartScreen
from support.app import make_app, make_session, screen_text, start_screen
from support.share import demo_export, restored_beside_its_copy
from textual.widgets import Input

from regionet_tui.demo.rounds import PREVIOUS_ID
from regionet_tui.share import importer
from regionet_tui.storage import SessionLibrary, sessionfile

NO_HANG = 60  # seconds: a read of a FIFO would wait for ever


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail, rather than wait for ever, when something blocks the whole process."""

    def hung(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("the app hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(NO_HANG)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


async def select(app: object, pilot: object, name: str) -> None:
    """Move the cursor to the row of the file `name`, with the arrow keys, from the
    top (the list is in the order of the sessions' dates and times, so a row made
    meanwhile may come above or below the cursor)."""
    screen = start_screen(app)  # type: ignore[arg-type]
    await pilot.press("home")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    for _ in range(len(screen.entries) + 1):
        if screen.selected_name() == name:
            return
        await pilot.press("down")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
    raise AssertionError(f"{name} is not listed")


async def test_rename_next_round_and_delete_act_on_the_row_selected(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    restored, copy = restored_beside_its_copy(library, tmp_path)
    copy_before = copy.read_bytes()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await select(app, pilot, restored.name)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "Teruggezet"
        await pilot.press("enter")
        await pilot.pause()
        assert sessionfile.read(restored).title == "Teruggezet"
        assert copy.read_bytes() == copy_before

        await pilot.press("u")  # the next round
        await pilot.pause()
        await pilot.press("enter")  # with the suggested title
        await pilot.pause()
        rounds = [e for e in library.entries() if e.title.startswith("Teruggezet –")]
        assert [sessionfile.read(e.path).predecessor_title for e in rounds] == ["Teruggezet"]

        await select(app, pilot, restored.name)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert not restored.exists() and copy.read_bytes() == copy_before
        assert [e.title for e in library.trashed()] == ["Teruggezet"]
        assert "Teruggezet" not in screen_text(app).replace("Teruggezet –", "")


async def test_special_files_and_an_id_twice_are_listed_with_the_reason(
    library: SessionLibrary, folder: Path, no_hang: None
) -> None:
    make_session(library, "Gewoon")
    os.mkfifo(folder / "pijp.json")
    (folder / "nul.json").symlink_to("/dev/zero")
    (folder / "map.json").mkdir()
    twice = library.path_for(make_session(library, "Twee keer"))
    data = json.loads(twice.read_bytes())
    data["session"]["1"]["partners"] = [{"id": "p", "name": "A"}, {"id": "p", "name": "B"}]
    twice.write_text(json.dumps(data))
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "pijp.json | dit is een named pipe (FIFO), geen sessiebestand" in text
        assert "nul.json | dit is een apparaat, geen sessiebestand" in text
        assert "map.json | dit is een map, geen sessiebestand" in text
        assert f"{twice.name} | twee delen van de sessie hebben hetzelfde id" in text

        await select(app, pilot, twice.name)
        await pilot.press("enter")  # opening it offers the repair, and does not crash
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()

        await select(app, pilot, "pijp.json")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("tab", "enter")  # the first choice: move aside (there is no backup)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert not (folder / "pijp.json").exists()
        assert (folder / "damaged" / "pijp.json").exists()


async def test_the_demos_previous_round_is_written_once_it_can_be(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_add = SessionLibrary.add
    refusals = [OSError(28, "No space left on device")]

    def full_once(self: SessionLibrary, session: object) -> object:
        if getattr(session, "id", None) == PREVIOUS_ID and refusals:
            raise refusals.pop()
        return real_add(self, session)  # type: ignore[arg-type]

    monkeypatch.setattr(SessionLibrary, "add", full_once)
    library = SessionLibrary(folder)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)  # the demo opens all the same
        assert not library.path_for(PREVIOUS_ID).exists()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert library.path_for(PREVIOUS_ID).exists()


async def test_importing_or_merging_a_fifo_is_refused_without_freezing(
    library: SessionLibrary, folder: Path, tmp_path: Path, no_hang: None
) -> None:
    from regionet_tui.screens.dialogs.import_file import ImportFileDialog

    pipe = tmp_path / "pijp.json"
    os.mkfifo(pipe)
    importer.add_as_new(library, importer.parse(demo_export()))
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(pipe)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportFileDialog)
        assert "named pipe (FIFO), geen exportbestand" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")  # throw the typed path away
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)

        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("8")
        await pilot.pause()
        app.screen.query_one("#share-merge-path", Input).value = str(pipe)
        await pilot.press("m")
        await pilot.pause()
        assert "named pipe (FIFO), geen exportbestand" in screen_text(app)


async def test_a_fifo_where_the_exports_remember_their_owners_is_no_hang(
    library: SessionLibrary, folder: Path, no_hang: None
) -> None:
    from regionet_tui.share.export import file_stem
    from regionet_tui.share.targets import LEDGER_NAME

    session = importer.parse(demo_export())
    importer.add_as_new(library, session)
    exports = folder.parent / "exports"
    exports.mkdir()
    stem = file_stem(session)
    (exports / f"{stem}.json").write_bytes(b"van een partner")  # the usual name is taken
    os.mkfifo(exports / LEDGER_NAME)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("8")
        await pilot.pause()
        assert f"{stem}-{session.id[:8].lower()}.json" in screen_text(app)
