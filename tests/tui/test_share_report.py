"""Writing the report from the share stage: in the session's language unless the
facilitator picks another, and compared with the previous round."""

from __future__ import annotations

from pathlib import Path

from support.app import make_app, screen_text
from support.share import demo_session
from textual.widgets import Button

from regionet_tui.demo.rounds import build_previous_round
from regionet_tui.share import importer
from regionet_tui.storage import SessionLibrary

STEM = "leernetwerk-rivierenland-najaarsronde-2026-11-12"


def language_button(app: object) -> str:
    return str(app.screen.query_one("#share-language", Button).label)  # type: ignore[attr-defined]


async def test_the_report_language_is_chosen_in_the_share_stage(
    library: SessionLibrary, folder: Path
) -> None:
    importer.add_as_new(library, demo_session())
    app = make_app(folder, language="en")  # an English interface, a Dutch session
    exports = folder.parent / "exports"
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter", "8")
        await pilot.pause()
        assert language_button(app) == "l  Language of the report: Dutch"
        await pilot.press("r")
        await pilot.pause()
        assert "## De parkeerplaats" in (exports / f"{STEM}.md").read_text()
        await pilot.press("l")
        await pilot.pause()
        assert language_button(app) == "l  Language of the report: English"
        await pilot.press("r", "h")
        await pilot.pause()
        assert "Report written to" in screen_text(app)  # the interface stays English
        button = app.screen.query_one("#share-language", Button)
        assert button.region.bottom <= 23 and button.region.right <= 80
        await pilot.press("l")
        await pilot.pause()
        assert language_button(app) == "l  Language of the report: Dutch"
    # The English report stands beside the Dutch one, with the language in its name.
    assert "## De parkeerplaats" in (exports / f"{STEM}.md").read_text()
    assert "## The parking lot" in (exports / f"{STEM}.en.md").read_text()
    assert '<html lang="en">' in (exports / f"{STEM}.en.html").read_text()
    assert app.config.language == "en"


async def test_the_report_of_a_next_round_compares_it_with_the_previous_one(
    library: SessionLibrary, folder: Path
) -> None:
    importer.add_as_new(library, demo_session())
    library.add(build_previous_round()).close()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter", "8")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
    text = (folder.parent / "exports" / f"{STEM}.md").read_text()
    assert "## Vergelijking met de vorige ronde" in text
    assert "| Stagebank voor techniek opzetten | bezig | ✓ klaar |" in text
