"""Small texts that read right: the gate's error is a sentence, the import
dialog's button imports, STAP 3 without partners says so once, one quote style."""

from __future__ import annotations

import re
from pathlib import Path

from regionet_tui.screens.dialogs.import_file import ImportFileDialog
from regionet_tui.screens.dialogs.text_prompt import TextPromptDialog
from support.app import make_app, make_session, screen_text
from test_commitment import prepared_session
from textual.widgets import Button

from regionet_tui import i18n
from regionet_tui.storage import SessionLibrary


async def test_the_gate_asks_for_the_reason_in_a_sentence(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library, committed=False)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "1")  # STAP 1 without full commitment: the gate
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.press("ctrl+s")  # no reason
        await pilot.pause()
        error = str(app.screen.query_one("#form-error").content)
        assert error.startswith("Schrijf op waarom jullie toch verdergaan")
        assert "? is verplicht" not in screen_text(app)


async def test_the_import_dialog_imports_rather_than_saves(folder: Path) -> None:
    for language, label in (("nl", "Importeren"), ("en", "Import")):
        app = make_app(folder, language=language)
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("i")
            await pilot.pause()
            assert isinstance(app.screen, ImportFileDialog)
            assert str(app.screen.query_one("#save", Button).label) == label
            keys = {active.binding.key: active.binding.description
                    for active in app.screen.active_bindings.values()}
            assert keys["ctrl+s"] == ("Importeer" if language == "nl" else "Import")
            await pilot.press("escape")
            await pilot.pause()


async def test_stap3_without_partners_says_so_once(library: SessionLibrary, folder: Path) -> None:
    make_session(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter", "3")
        await pilot.pause()
        shown = [widget for widget in app.screen.query("PartnerBar, Static")
                 if widget.display and "Nog geen partners" in str(widget.render())]
        assert len(shown) == 1


def test_one_quote_style_per_catalogue() -> None:
    """Straight double quotes around a name, in both languages (no „…” beside "…")."""
    for language in i18n.LANGUAGES:
        curly = {key: text for key, text in i18n.catalogue(language).items()
                 if re.search(r"[„“”‘’]", text)}
        assert curly == {}, language
