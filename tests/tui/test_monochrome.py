"""Colour never alone: on a terminal without colour (or a washed-out projector),
every ticked or unticked, done, late or warning state still reads.

Seen: the ▐X▌ boxes of "Komt uit de eigen agenda's", "Gesteund door", "Hangt
af van" and "verdient (extra) aandacht" showed an X ticked or not; only its
colour differed. The screen is read here as characters only (support.monochrome).
"""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.dialogs.form import FormDialog
from regionet_tui.screens.widgets.line_table import LineTable
from support.monochrome import line_with, screen_lines
from support.stages import demo_app, open_demo_at, saved
from textual.widgets import Checkbox, SelectionList

TICKED, UNTICKED = "▐X▌", "▐ ▌"


async def tab_to(pilot: object, app: object, field_id: str) -> None:
    for _ in range(20):
        if app.screen.focused is not None and app.screen.focused.id == field_id:  # type: ignore[attr-defined]
            return
        await pilot.press("tab")  # type: ignore[attr-defined]
    raise AssertionError(f"Tab never reached {field_id}")


def lines_of(app: object, field_id: str) -> list[str]:
    """The lines of the screen where the field shows."""
    region = app.screen.query_one(f"#{field_id}").region  # type: ignore[attr-defined]
    return [line[region.x:region.right] for line in screen_lines(app)[region.y:region.bottom]]


def assert_boxes_read(app: object, field_id: str, labels: dict[str, str]) -> None:
    """Each choice in view shows a box that says whether it is ticked."""
    choices = app.screen.query_one(f"#{field_id}", SelectionList)  # type: ignore[attr-defined]
    lines = lines_of(app, field_id)
    seen = {True: 0, False: 0}
    for value, label in labels.items():
        shown = [line for line in lines if label[:30] in line]
        if not shown:
            continue  # scrolled out of the list
        ticked = value in choices.selected
        assert (TICKED if ticked else UNTICKED) in shown[0], shown[0]
        seen[ticked] += 1
    assert seen[True] and seen[False], "both states must be on screen to compare"


async def test_the_shared_agenda_form_shows_which_sources_and_supporters_are_ticked(
        folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "3")
        await pilot.press("v", "e")  # the first item of the shared agenda
        await pilot.pause()
        session = saved(folder)
        names = {p.id: p.name for p in session.partners}
        sources = {item.id: f"{names[pid]} – {item.title}"
                   for pid, items in session.goal.own.items() for item in items}
        await tab_to(pilot, app, "sources")
        assert_boxes_read(app, "sources", sources)
        await tab_to(pilot, app, "supporters")
        assert_boxes_read(app, "supporters", names)
        # Ticking one more shows at once.
        supporters = app.screen.query_one("#supporters", SelectionList)
        unticked = next(pid for pid in names if pid not in supporters.selected)
        supporters.select(unticked)
        await pilot.pause()
        (line,) = [line for line in lines_of(app, "supporters") if names[unticked] in line]
        assert TICKED in line


async def test_the_milestone_form_shows_which_milestones_it_depends_on(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "5")
        milestones = saved(folder).plan.milestones
        dependent = next(m for m in milestones if m.depends_on)
        table = app.screen.query_one("#milestones", LineTable)
        row = next(r for r in range(table.row_count)
                   if str(table.get_row_at(r)[1]).startswith(dependent.title[:20]))
        table.move_cursor(row=row)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await tab_to(pilot, app, "depends")
        others = {m.id: m.title for m in milestones if m.id != dependent.id}
        assert_boxes_read(app, "depends", others)


async def test_the_attention_box_of_a_rating_reads_ticked_or_not(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "7")
        await pilot.press("e")  # the first theme: no attention asked
        await pilot.pause()
        await tab_to(pilot, app, "attention")
        box = app.screen.query_one("#attention", Checkbox)
        assert not box.value
        assert UNTICKED in line_with(app, "verdient (extra) aandacht")
        await pilot.press("space")
        await pilot.pause()
        assert box.value
        assert TICKED in line_with(app, "verdient (extra) aandacht")


async def test_done_late_and_warning_states_carry_a_sign_or_a_word(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "0")
        text = "\n".join(screen_lines(app))
        assert "✓ ja" in text and "✗ nee" in text  # commitments
        assert "⚠" in text  # going on without full commitment
        assert "○" in text and "◐" in text and "●" in text  # the stages' status
        await pilot.press("5")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        for state in ("✓ klaar", "▶ bezig", "! te laat", "· gepland"):
            assert state in text
        await pilot.press("7")
        await pilot.pause()
        assert "⚑ ja" in "\n".join(screen_lines(app))  # attention asked
