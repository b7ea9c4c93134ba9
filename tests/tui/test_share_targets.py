"""Exports and reports never overwrite a file that is not this session's own:
another session's export of the same name, or a partner's returned file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from regionet_tui.screens.stage import StageScreen
from support.app import make_app, screen_text
from support.share import press_export

from regionet_tui.share import importer
from regionet_tui.share.targets import LEDGER_NAME, choose_stem, write_own_file
from regionet_tui.storage import SessionLibrary

STEM = "zelfde-naam-2026-11-22"


def write(folder: Path, session_id: str, data: bytes) -> Path:
    return write_own_file(folder, STEM, ".json", session_id, data)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != LEDGER_NAME)


def test_a_session_rewrites_its_own_file_and_leaves_others_alone(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    first = write(exports, "aaaa1111bbbb", b"A1")
    assert first.name == f"{STEM}.json"
    second = write(exports, "cccc2222dddd", b"C1")
    assert second.name == f"{STEM}-cccc2222.json"
    assert first.read_bytes() == b"A1"
    assert write(exports, "aaaa1111bbbb", b"A2") == first  # its own: rewritten
    assert write(exports, "cccc2222dddd", b"C2") == second
    assert (first.read_bytes(), second.read_bytes()) == (b"A2", b"C2")
    assert names(exports) == [f"{STEM}-cccc2222.json", f"{STEM}.json"]


def test_a_sessions_reports_keep_the_name_of_its_export(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    write(exports, "aaaa1111", b"A")
    own = write(exports, "cccc2222", b"C")
    report = write_own_file(exports, STEM, ".md", "cccc2222", b"# C")
    assert report.name == f"{own.stem}.md"  # though the plain name was still free
    assert write_own_file(exports, STEM, ".md", "aaaa1111", b"# A").name == f"{STEM}.md"


def test_a_file_changed_since_is_not_overwritten(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    own = write(exports, "aaaa1111", b"mijn export")
    own.write_bytes(b"teruggestuurd door een partner")  # saved over it by hand
    again = write(exports, "aaaa1111", b"nieuwe export")
    assert again.name == f"{STEM}-aaaa1111.json"
    assert own.read_bytes() == b"teruggestuurd door een partner"
    blocked = exports / f"{STEM}-aaaa1111.json"
    blocked.write_bytes(b"nog een partner")
    assert write(exports, "aaaa1111", b"derde").name == f"{STEM}-aaaa1111-2.json"
    assert blocked.read_bytes() == b"nog een partner"


def test_without_a_ledger_nothing_existing_is_overwritten(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / f"{STEM}.json").write_bytes(b"ouder bestand")  # from before the ledger
    assert choose_stem(exports, STEM, "demo") == f"{STEM}-demo"
    write(exports, "demo", b"export")
    (exports / LEDGER_NAME).write_bytes(b"\x00 kapot")  # a damaged ledger only forgets
    assert choose_stem(exports, STEM, "demo") == f"{STEM}-demo-2"


async def test_two_sessions_with_the_same_title_keep_both_exports(
    library: SessionLibrary, folder: Path
) -> None:
    first = library.create("Zelfde naam", "Rivierenland", date(2026, 11, 22))
    second = library.create("Zelfde naam", "Achterhoek", date(2026, 11, 22))
    ids = [first.session.id, second.session.id]
    first.close()
    second.close()
    exports = folder.parent / "exports"
    app = make_app(folder)
    async with app.run_test() as pilot:
        second_stem = f"{STEM}-{ids[1][:8].lower()}"
        for session_id in ids:
            app.open_session(library.path_for(session_id))
            await pilot.pause()
            await pilot.press("8")
            await pilot.pause()
            shown = STEM if session_id == ids[0] else second_stem
            assert f"Bestanden: {shown}.json, .md en .html" in screen_text(app)
            await press_export(app, pilot)
            assert isinstance(app.screen, StageScreen)
        text = screen_text(app)
        assert f"{second_stem}.json" in text
        assert ("Niet overschreven, omdat er al een ander bestand met die naam stond (van een "
                f"andere sessie, of sindsdien gewijzigd): {STEM}.json.") in text
        await pilot.press("escape")
        await pilot.pause()
    regions = {path.name: importer.read(path).region for path in exports.glob("*.json")}
    assert regions == {f"{STEM}.json": "Rivierenland", f"{second_stem}.json": "Achterhoek"}


async def test_a_partners_returned_file_in_exports_is_left_alone(
    library: SessionLibrary, folder: Path
) -> None:
    store = library.create("Zelfde naam", "Rivierenland", date(2026, 11, 22))
    session_id = store.session.id
    store.close()
    exports = folder.parent / "exports"
    app = make_app(folder)
    async with app.run_test() as pilot:
        app.open_session(library.path_for(session_id))
        await pilot.pause()
        await pilot.press("8")
        await press_export(app, pilot)
        plain = exports / f"{STEM}.json"
        returned = json.loads(plain.read_bytes())
        returned["session"]["region"] = "Bijgewerkt door ROC"
        plain.write_text(json.dumps(returned), encoding="utf-8")
        await press_export(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        # Only the export's name was taken: the report's was this session's own.
        assert f"gewijzigd): {STEM}.json." in screen_text(app)
        assert f"{STEM}.md" not in screen_text(app).split("gewijzigd):")[-1]
    assert importer.read(plain).region == "Bijgewerkt door ROC"
    own = f"{STEM}-{session_id[:8].lower()}"
    assert names(exports) == sorted([f"{STEM}.json", f"{own}.json", f"{own}.md"])
