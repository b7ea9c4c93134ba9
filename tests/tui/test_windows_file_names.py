"""Stage 8 of a session titled like a Windows device or with characters Windows
refuses: the export and the reports still get names a Windows laptop takes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support.app import make_app, screen_text
from support.windows_names import why_windows_refuses

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
