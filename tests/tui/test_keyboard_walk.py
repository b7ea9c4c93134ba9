"""The whole demo workshop by keyboard alone, at 80x24 in Dutch and English, and
at 60x20; and the start screen's dialogs.

The route through the workshop in order: each stage key, the agenda, the room
and Esc show the screen they are meant for, no dialog is left open and the
session file does not change.

Every dialog of every stage is opened with its key, followed at once by more
keys (as a fast typist sends them): they reach the dialog, and the opening key
does not land in its first field. Tab goes once round its fields and
buttons, and each one that gets the focus must show whole: in a form, inside
the scrolling fields and not under the buttons. Then text is typed into it
and the dialog is left with Esc (throwing the text away): the screen behind
must show what it showed before, and the session file must not have changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from regionet_tui.screens.base import RegionetModal
from regionet_tui.screens.dialogs.confirm import ConfirmDialog
from regionet_tui.screens.dialogs.form import FormDialog
from support.app import screen_text
from support.keys import burst
from support.stages import demo_app, demo_path, open_demo_at
from textual.widget import Widget
from textual.widgets import Button, Input, Select, TextArea

# Per stage (its key; "f8" is the agenda, opened from STAP 2): the keys that open
# each of its dialogs; keys before the last one only prepare (another view, a list).
WALK: dict[str, list[tuple[str, ...]]] = {
    "p": [("a",), ("e",), ("x",), ("i",)],
    "0": [("o",), ("r",)],
    "1": [("a",), ("r",), ("x",)],
    "2": [("e",), ("f2",)],
    "3": [("a",), ("e",), ("g",), ("x",), ("v", "a"), ("e",)],
    "4": [("a",), ("b",), ("h",), ("e",), ("x",), ("v", "s")],  # s shows the balance view
    "5": [("a",), ("e",), ("x",)],
    "6": [("n",), ("c",), ("g",), ("l", "e"), ("x",)],
    "7": [("e",), ("a",), ("o",), ("w", "a"), ("e",), ("x",)],
    "f8": [("e",), ("a",), ("x",), ("tab", "a"), ("e",)],
}
TYPED = "Zaltbommel 42"
NOT_BOUND = "qwz"  # letters no question, list or choice binds


def whole_in_view(dialog: RegionetModal[Any], widget: Widget) -> bool:
    """Whether all of `widget` shows where the dialog shows its content."""
    if isinstance(dialog, FormDialog) and not isinstance(widget, Button):
        area = dialog.query_one(".form-fields").region
        if widget.region.height > area.height:  # a long list: its top, filling the view
            return area.y <= widget.region.y < area.bottom and widget.region.bottom >= area.bottom
    else:
        area = dialog.query_one(".dialog").region
    return area.contains_region(widget.region)


async def walk_dialog(pilot: Any, app: Any, folder: Path, keys: tuple[str, ...]) -> None:
    *prepare, opening = keys
    await burst(pilot, *prepare)
    await pilot.pause()  # a view just shown fills after its first refresh
    behind = app.screen
    shown_behind = screen_text(app)
    saved = demo_path(folder).read_bytes()

    # Letters typed on at once reach the dialog (a field, a dropdown's search),
    # never the screen behind.
    await burst(pilot, opening, *NOT_BOUND)
    dialog = app.screen
    assert isinstance(dialog, RegionetModal), f"{keys} opened no dialog over {behind}"
    assert app.screen_stack[-2] is behind
    if any(select.expanded for select in dialog.query(Select)):
        await burst(pilot, "escape")  # the letters opened the first field's dropdown
    # The key that opened the dialog is not typed into its first field.
    first = dialog.focused
    if isinstance(first, Input) and len(opening) == 1:
        assert opening + NOT_BOUND not in first.value, (
            f"{type(dialog).__name__}: {opening!r} landed in {first.value!r}")

    chain = dialog.focus_chain
    if dialog.focused is None:
        await burst(pilot, "tab")
    seen = []
    for _ in chain:  # once round, back to where it started
        focused = dialog.focused
        assert focused is not None
        assert whole_in_view(dialog, focused), (
            f"{type(dialog).__name__}: {focused} is not in view at {focused.region}")
        seen.append(focused)
        await burst(pilot, "tab")
    assert set(seen) == set(chain), f"{type(dialog).__name__}: Tab missed a field"

    if isinstance(dialog.focused, (Input, TextArea)):
        await burst(pilot, *TYPED)
    assert app.screen is dialog
    assert app.screen_stack[-2] is behind

    for _ in range(4):  # Esc; a changed form asks first
        if app.screen is behind:
            break
        if isinstance(app.screen, ConfirmDialog) and app.screen is not dialog:
            await burst(pilot, "j")  # yes, throw what was typed away
        else:
            await burst(pilot, "escape")
    assert app.screen is behind, f"{type(dialog).__name__} did not close with Esc"
    assert screen_text(app) == shown_behind
    assert demo_path(folder).read_bytes() == saved


@pytest.mark.parametrize(("language", "size"), [("nl", (80, 24)), ("en", (80, 24)),
                                               ("nl", (60, 20))])
@pytest.mark.parametrize("stage", list(WALK))
async def test_every_dialog_of_a_stage_by_keyboard_alone(
        folder: Path, language: str, size: tuple[int, int], stage: str) -> None:
    app = demo_app(folder, language=language)
    async with app.run_test(size=size) as pilot:
        await open_demo_at(pilot, "2" if stage == "f8" else stage)
        if stage == "f8":
            await burst(pilot, "f8")
        for keys in WALK[stage]:
            await walk_dialog(pilot, app, folder, keys)


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_merge_dialog_by_keyboard_alone(folder: Path, language: str) -> None:
    app = demo_app(folder, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "8")
        await burst(pilot, "e")  # this session's own export, with one change: a conflict
        (export,) = (folder.parent / "exports").glob("*.json")
        exported = json.loads(export.read_text(encoding="utf-8"))
        exported["session"]["partners"][0]["contact"] = "Iemand anders"
        partner_file = export.with_name("partner.json")
        partner_file.write_text(json.dumps(exported), encoding="utf-8")
        await walk_dialog(pilot, app, folder, ("m", *str(partner_file), "enter"))


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_every_dialog_of_the_start_screen_by_keyboard_alone(
        folder: Path, language: str) -> None:
    app = demo_app(folder, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        await burst(pilot, "escape")  # back to the sessions, the demo selected
        for keys in [("n",), ("r",), ("u",), ("x",), ("t",), ("i",)]:
            await walk_dialog(pilot, app, folder, keys)


# The whole workshop in order, as a facilitator moves through it: each key and the
# screen it must show (a stage's id, or the screen's class).
ROUTE: list[tuple[str, str]] = [
    ("0", "commitment"), ("1", "stap1"), ("]", "stap2"), ("3", "stap3"), ("4", "stap4"),
    ("5", "stap5"), ("6", "stap6"), ("7", "reflection"), ("8", "share"),
    ("[", "reflection"), ("f8", "AgendaScreen"), ("escape", "reflection"),
    ("f6", "RoomScreen"), ("escape", "reflection"), ("p", "partners"),
    ("escape", "StartScreen"),
]


def shown(app: Any) -> str:
    screen = app.screen
    return getattr(screen, "STAGE_ID", "") or type(screen).__name__


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_whole_workshop_in_order_by_keyboard_alone(folder: Path, language: str) -> None:
    app = demo_app(folder, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        saved = demo_path(folder).read_bytes()
        for key, expected in ROUTE:
            before = len(app.screen_stack)
            await burst(pilot, key)
            await pilot.pause()
            assert shown(app) == expected, f"{key} showed {shown(app)}, not {expected}"
            # A stage replaces the stage before it; the agenda and the room go over it.
            assert len(app.screen_stack) <= before + 1
            assert not any(isinstance(screen, RegionetModal) for screen in app.screen_stack)
        assert demo_path(folder).read_bytes() == saved  # moving around changes nothing
