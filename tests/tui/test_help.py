"""Help for a stage (? or F1): titled with the stage, and listing the keys to the
other stages as well as the stage's own keys, in the chosen language."""

from __future__ import annotations

from pathlib import Path

import pytest
from regionet_tui.screens.dialogs.help import HelpDialog
from support.stages import demo_app, open_demo_at
from textual.widgets import Static


def help_parts(app: object) -> tuple[str, str]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HelpDialog)
    title = str(screen.query_one(".dialog-title", Static).content)
    keys = "\n".join(str(s.content) for s in screen.query(".help-keys").results(Static))
    return title, keys


@pytest.mark.parametrize(("language", "stage", "title", "to_stages", "own_key"), [
    ("nl", "2", "STAP 2 · De beginsituatie", "Naar een stap", "e  Bewerken"),
    ("en", "5", "STEP 5 · The transition plan", "To a stage", "a, +  Add milestone"),
    ("nl", "p", "Partners van het netwerk", "Naar een stap", "a, +  Toevoegen"),
])
async def test_the_help_of_a_stage_names_it_and_lists_every_stage_key(
        folder: Path, language: str, stage: str, title: str, to_stages: str,
        own_key: str) -> None:
    app = demo_app(folder, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, stage)
        await pilot.press("question_mark")
        await pilot.pause()
        heading, keys = help_parts(app)
        assert heading == title
        assert f"p 0 1–6 7 8  {to_stages}" in keys
        assert own_key in keys
        for key in ("[", "]", "esc"):
            assert any(line.strip().startswith(key) for line in keys.splitlines()), key
        assert "?, f1" in keys  # one line for the keys that do the same
