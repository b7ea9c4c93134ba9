"""Sharing from the app, as a facilitator does it: export, report, merge a
partner's file (choosing per conflict), and import from the start screen."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from regionet_tui.screens.dialogs.import_file import ImportFileDialog
from regionet_tui.screens.dialogs.merge import MergeDialog
from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.start import StartScreen
from regionet_tui.screens.widgets.session_list import SessionList
from support.app import make_app, screen_text
from support.share import demo_export, demo_session, folder_snapshot, press_export
from textual.widgets import Button, Input

from regionet_tui.share import importer
from regionet_tui.storage import SessionLibrary, sessionfile

STEM = "leernetwerk-rivierenland-najaarsronde-2026-11-12"


def add_demo(library: SessionLibrary) -> Path:
    importer.add_as_new(library, demo_session())
    return library.path_for("demo")


def partner_file(tmp_path: Path) -> Path:
    """A partner's copy: one new partner, one changed contact, one changed score."""
    data = json.loads(demo_export())
    session = data["session"]
    session["partners"].append({"id": "p-han", "name": "HAN Pabo", "kind": "hbo",
                                "contact": "", "role": "deelnemer"})
    session["partners"][3]["contact"] = "Wethouder Jansen"
    session["portfolio"]["scores"]["p-roc"]["svc-bijscholen"]["quality"] = 9
    path = tmp_path / "van-roc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


async def open_share(app: object, pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter", "8")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert app.screen.STAGE_ID == "share"  # type: ignore[attr-defined]


async def test_export_and_both_reports_land_in_the_exports_folder(
    library: SessionLibrary, folder: Path
) -> None:
    add_demo(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_share(app, pilot)
        exports = folder.parent / "exports"
        assert app.screen.query_one("#share-folder", Input).value == str(exports)
        await press_export(app, pilot)
        assert f"{STEM}.json" in screen_text(app)
        await pilot.press("r", "h")
        await pilot.pause()
        assert "Verslag geschreven naar" in screen_text(app)
    assert importer.read(exports / f"{STEM}.json") == sessionfile.read(library.path_for("demo"))
    assert (exports / f"{STEM}.md").read_text().startswith("# Leernetwerk Rivierenland")
    assert "<!DOCTYPE html>" in (exports / f"{STEM}.html").read_text()


async def test_the_export_is_encoded_and_written_off_the_interface_thread(
    library: SessionLibrary, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from regionet_tui.screens.stages import share

    add_demo(library)
    encoded_on: list[threading.Thread] = []
    encode = share.with_revision

    def recorded(data: dict[str, object]) -> tuple[bytes, str]:
        encoded_on.append(threading.current_thread())
        return encode(data)

    monkeypatch.setattr(share, "with_revision", recorded)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_share(app, pilot)
        before = sessionfile.read(library.path_for("demo"))
        await press_export(app, pilot)
        assert f"{STEM}.json" in screen_text(app)
    assert encoded_on and encoded_on[0] is not threading.main_thread()
    exported = folder.parent / "exports" / f"{STEM}.json"
    assert importer.read(exported) == before


async def test_the_export_folder_can_be_changed(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    add_demo(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_share(app, pilot)
        app.screen.query_one("#share-folder", Input).value = str(tmp_path / "usb")
        await press_export(app, pilot)
        blocker = tmp_path / "geen-map"
        blocker.write_text("")
        app.screen.query_one("#share-folder", Input).value = str(blocker)
        await press_export(app, pilot)
        assert "Kan niet schrijven naar" in screen_text(app)
    assert (tmp_path / "usb" / f"{STEM}.json").exists()


async def test_merge_shows_conflicts_and_applies_the_choices(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    path = add_demo(library)
    source = partner_file(tmp_path)
    before = path.read_bytes()
    app = make_app(folder)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_share(app, pilot)
        app.screen.query_one("#share-merge-path", Input).value = str(source)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MergeDialog)
        text = screen_text(app)
        assert "2 nieuw" not in text and "1 nieuw" in text and "2 verschillend" in text
        assert "Partner · Gemeente Tiel" in text
        assert "Score · ROC Rivierenland · Bijscholen" in text
        assert "Wethouder Jansen" in text  # the detail of the first conflict
        assert path.read_bytes() == before  # nothing changes before confirming
        await pilot.press("right")  # Gemeente Tiel: take the file's contact
        await pilot.press("down")
        await pilot.pause()
        assert "Kwaliteit: deze sessie 7  |  bestand 9" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "Score · ROC Rivierenland · Bijscholen | ▶ bestand" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "Score · ROC Rivierenland · Bijscholen | ◀ deze sessie" in screen_text(app)
        await pilot.press("ctrl+s")  # the score stays as it is here
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert "Samengevoegd" in screen_text(app)
    saved = sessionfile.read(path)
    assert saved.partners[-1].name == "HAN Pabo"
    assert saved.partner("p-tiel").contact == "Wethouder Jansen"  # type: ignore[union-attr]
    assert saved.portfolio.scores["p-roc"]["svc-bijscholen"].quality == 7
    [backup] = folder.glob("demo.before-merge-*.json.bak")
    assert backup.read_bytes() == before
    assert [e.id for e in library.entries()] == ["demo"]


async def test_cancelling_a_merge_changes_nothing(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    add_demo(library)
    source = partner_file(tmp_path)
    before = folder_snapshot(folder)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_share(app, pilot)
        app.screen.query_one("#share-merge-path", Input).value = str(source)
        await pilot.press("m")
        await pilot.pause()
        confirm = app.screen.query_one("#merge-confirm", Button)
        assert confirm.region.bottom <= 24 and confirm.region.height > 0
        await pilot.press("a", "escape")
        await pilot.pause()
        assert app.screen.STAGE_ID == "share"  # type: ignore[attr-defined]
    assert folder_snapshot(folder) == before


async def test_a_hostile_file_is_refused_for_merging_and_nothing_changes(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    add_demo(library)
    hostile = tmp_path / "kapot.json"
    hostile.write_bytes(demo_export().replace(b'"name": "ROC Rivierenland"',
                                              b'"name": "ROC", "name": "[/x]"'))
    before = folder_snapshot(folder)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_share(app, pilot)
        app.screen.query_one("#share-merge-path", Input).value = str(hostile)
        await pilot.press("m")
        await pilot.pause()
        text = screen_text(app)
        assert "niet samengevoegd" in text and "twee keer" in text
        assert "session.partners[1]" in text
        assert not isinstance(app.screen, MergeDialog)
    assert folder_snapshot(folder) == before


async def test_merging_the_same_file_twice_says_there_is_nothing_new(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    add_demo(library)
    same = tmp_path / "zelfde.json"
    same.write_bytes(demo_export())
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_share(app, pilot)
        app.screen.query_one("#share-merge-path", Input).value = str(same)
        await pilot.press("m")
        await pilot.pause()
        assert "niets wat deze sessie nog niet heeft" in screen_text(app)
    assert list(folder.glob("*.bak")) == []


async def test_import_from_the_start_screen(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "van-partner.json"
    source.write_bytes(demo_export())
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportFileDialog)
        app.screen.query_one("#path", Input).value = str(source)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Leernetwerk Rivierenland" in screen_text(app)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(source)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#sessions", SessionList).row_count == 2
    assert len([p for p in folder.glob("*.json") if not p.name.startswith(".")]) == 2
    # Each copy remembers the export it was made from, which is kept as its base.
    revision = json.loads(source.read_bytes())["revision"]
    for entry in SessionLibrary(folder).entries():
        assert sessionfile.read(entry.path).origin_revision == revision
        assert (folder / "bases" / f"{revision}.{entry.id}.json").read_bytes() == \
            source.read_bytes()


async def test_a_refused_import_is_explained_in_the_dialog(
    folder: Path, tmp_path: Path
) -> None:
    hostile = tmp_path / "nieuwer.json"
    hostile.write_bytes(demo_export().replace(b'"schema_version": 1,\n  "session"',
                                              b'"schema_version": 4,\n  "session"'))
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(hostile)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportFileDialog)
        assert "nieuwere versie van regionet" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert folder_snapshot(folder) == {}


async def test_the_share_screen_fits_80_by_24(library: SessionLibrary, folder: Path) -> None:
    add_demo(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_share(app, pilot)
        for button_id in ("share-export", "share-md", "share-html", "share-merge"):
            button = app.screen.query_one(f"#{button_id}", Button)
            assert button.region.bottom <= 23 and button.region.right <= 80, button_id


async def test_hostile_names_in_the_merge_dialog_are_shown_as_text(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    session = demo_session()
    session.partners = [p.model_copy(update={"name": "[/x]"}) if p.id == "p-roc" else p
                        for p in session.partners]
    importer.add_as_new(library, session)
    data = json.loads(demo_export())
    data["session"]["partners"][1]["name"] = "[@click=app.quit]klik[/]"
    source = tmp_path / "vijandig.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_share(app, pilot)
        app.screen.query_one("#share-merge-path", Input).value = str(source)
        await pilot.press("m")
        await pilot.pause()
        text = screen_text(app)
        assert "Partner · [@click=app.quit]klik[/]" in text
        assert "Naam: deze sessie [/x]  |  bestand [@click=app.quit]klik[/]" in text
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
    assert sessionfile.read(library.path_for("demo")).partners[1].name == (
        "[@click=app.quit]klik[/]")
