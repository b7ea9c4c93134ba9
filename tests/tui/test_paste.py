"""Pasting text of several lines, as a terminal sends it (line breaks as CR)."""

from __future__ import annotations

from pathlib import Path

from support.stages import demo_app, open_demo_at, saved
from textual import events
from textual.widgets import Input, TextArea

from regionet_tui.app import pasted_text

PASTED = "Eerste regel\r\nTweede regel\rDerde  \r"


async def test_a_paste_of_several_lines_in_a_name_keeps_every_line_side_by_side(
    folder: Path,
) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_demo_at(pilot, "p")
        await pilot.press("a")
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        assert app.focused is name
        app.post_message(events.Paste(PASTED))
        await pilot.pause()
        assert name.value == "Eerste regel Tweede regel Derde"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "Eerste regel Tweede regel Derde" in [p.name for p in saved(folder).partners]


async def test_a_paste_of_several_lines_in_a_text_keeps_its_lines(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_demo_at(pilot, "2")
        await pilot.press("e")
        await pilot.pause()
        text = app.screen.query_one("#text", TextArea)
        text.text = ""
        text.focus()
        await pilot.pause()
        app.post_message(events.Paste(PASTED))
        await pilot.pause()
        assert text.text == "Eerste regel\nTweede regel\nDerde  \n"


def test_a_paste_of_one_line_is_left_as_it_is() -> None:
    field = Input()
    assert pasted_text("  twee spaties  ", field) == "  twee spaties  "
    assert pasted_text("a\r\nb", field) == "a b"
    assert pasted_text("a\r\nb", None) == "a\nb"
