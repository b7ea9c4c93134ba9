"""On every stage, one edit made with the facilitator's keys is undone with
ctrl+z and done again with ctrl+y: the screen and the saved file show each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.app import make_app, screen_text
from support.stages import open_demo_at, saved, set_select, set_text


def _shown(app: Any) -> list[str]:
    """The rows of the tables on screen (the data, not where the cursor is)."""
    from regionet_tui.screens.widgets.score_grid import ScoreGrid

    grids = app.screen.query(ScoreGrid)
    if grids:  # drawn line by line: the lines as the terminal shows them
        grid = grids.first()
        return [grid.render_line(y).text for y in range(grid.size.height)]
    text = screen_text(app).splitlines()
    rows = [line for line in text if " | " in line]
    return rows or text


def _state(folder: Path) -> dict[str, Any]:
    state = saved(folder).model_dump()
    state.pop("modified")
    return state


async def _stap2_edit(pilot: Any) -> None:
    await pilot.press("down", "down", "enter")
    await pilot.pause()
    set_select(pilot.app, "assessment", "lacking")
    set_text(pilot.app, "text", "Geen docent vrij te roosteren.")
    await pilot.press("ctrl+s")


EDITS: dict[str, tuple[str, Any]] = {
    "partners": ("p", ("x", "j")),
    "commitment": ("0", ("n",)),
    "stap1": ("1", ("e", "j")),  # the grid opens for viewing: e to enter, then offered, yes
    "stap2": ("2", _stap2_edit),
    "stap3": ("3", ("x", "j")),
    "stap4": ("4", ("x", "j")),
    "stap5": ("5", ("x", "j")),
    "stap6": ("6", ("d",)),  # the flowchart's direction
    "reflection": ("7", ("exclamation_mark",)),  # a theme needs attention
}


@pytest.mark.parametrize("stage", list(EDITS))
async def test_an_edit_on_each_stage_is_undone_and_redone(folder: Path, stage: str) -> None:
    key, edit = EDITS[stage]
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, key)
        before, shown_before = _state(folder), _shown(app)
        if callable(edit):
            await edit(pilot)
        else:
            await pilot.press(*edit)
        await pilot.pause()
        after, shown_after = _state(folder), _shown(app)
        assert after != before, "the edit changed nothing"
        assert shown_after != shown_before
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _state(folder) == before
        assert _shown(app) == shown_before
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert _state(folder) == after
        assert _shown(app) == shown_after
