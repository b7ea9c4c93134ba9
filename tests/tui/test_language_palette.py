"""The palette finds the language switch by the name of either language, in
either language: "Nederlands", "Dutch", "Engels", "English"."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.app import make_app, screen_text
from textual.command import CommandList

from regionet_tui import i18n


def first_hit(app: object) -> str:
    options = app.screen.query_one(CommandList).options  # type: ignore[attr-defined]
    return str(options[0].prompt) if options else ""


@pytest.mark.parametrize(("interface", "typed", "becomes"), [
    ("nl", "English", "en"), ("nl", "Engels", "en"),
    ("en", "Dutch", "nl"), ("en", "Nederlands", "nl"),
    ("nl", "Dutch", "nl"), ("en", "Engels", "en"),  # the language it is: it stays
])
async def test_the_language_switch_is_found_by_either_name(
    folder: Path, interface: str, typed: str, becomes: str
) -> None:
    app = make_app(folder, language=interface)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*typed)
        await pilot.pause(0.3)
        assert typed.casefold()[:4] in first_hit(app).casefold()
        await pilot.press("enter")
        await pilot.pause()
        assert i18n.language() == becomes
        welcome = "Nog geen sessies" if becomes == "nl" else "No sessions in this folder yet"
        assert welcome in screen_text(app)
