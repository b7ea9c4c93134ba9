"""Stage 8 of a session titled like a Windows device or with characters Windows
refuses: the export and the reports still get names a Windows laptop takes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from regionet_tui.screens.start import StartScreen
from support.app import make_app, screen_text
from support.share import demo_export
from support.toasts import Toasts
from support.windows_names import why_windows_refuses
from textual.widgets import Input

from regionet_tui.share import importer
from regionet_tui.storage import SessionLibrary


@pytest.mark.parametrize(("title", "stem"), [
    ("CON", "con-2026-11-22"),
    ("Vergadering: 3/4?", "vergadering-3-4-2026-11-22"),
    ("x" * 200, "x" * 60 + "-2026-11-22"),
])
async def test_the_files_of_stage_8_have_names_windows_takes(
    library: SessionLibrary, folder: Path, title: str, stem: str
) -> None:
    store = library.create(title, "Rivierenland", date(2026, 11, 22))
    session_id = store.session.id
    store.close()
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_session(library.path_for(session_id))
        await pilot.pause()
        await pilot.press("8")
        await pilot.pause()
        assert f"{stem}.json, .md en .html" in screen_text(app)
        for key in ("e", "r", "h"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("l")  # the report in English too
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
    exports = folder.parent / "exports"
    made = sorted(p.name for p in exports.iterdir() if not p.name.startswith("."))
    assert made == [f"{stem}.en.md", f"{stem}.html", f"{stem}.json", f"{stem}.md"]
    assert [why_windows_refuses(name) for name in made] == [None] * 4
    assert importer.read(exports / f"{stem}.json").title == title


async def test_an_imported_session_whose_id_is_a_device_name_gets_a_new_id_and_says_so(
    folder: Path, tmp_path: Path
) -> None:
    raw = json.loads(demo_export())
    raw["session"]["id"] = "CON"
    source = tmp_path / "van-partner.json"
    source.write_text(json.dumps(raw), encoding="utf-8")
    app = make_app(folder)
    toasts = Toasts()
    async with app.run_test(size=(80, 24), message_hook=toasts) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(source)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Leernetwerk Rivierenland" in screen_text(app)
    said = [text for _, text in toasts.shown if text.startswith("Geïmporteerd")]
    assert len(said) == 1 and "kan niet op elke computer een bestandsnaam zijn" in said[0]
    made = [p.name for p in folder.glob("*.json") if not p.name.startswith(".")]
    assert len(made) == 1 and made[0].lower() != "con.json"
    assert why_windows_refuses(made[0]) is None
    assert f"nieuwe id: {made[0][:-5]}" in said[0]
