"""Undo and redo from the facilitator's keys: ctrl+z takes back the last change
of the whole session, ctrl+y does it again; the toast says what and where; the
screen and the saved file show it, also after the app is started again."""

from __future__ import annotations

from pathlib import Path

from support.app import make_app
from support.stages import demo_path, notifications, open_demo_at, saved

from regionet_tui.storage import SessionStore


async def test_a_score_typed_goes_with_ctrl_z_and_comes_back_with_ctrl_y(
        folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "1")
        before = saved(folder).portfolio.scores
        await pilot.press("e", "j")  # the first cell: offered, yes
        await pilot.pause()
        wiped = saved(folder).portfolio.scores
        assert wiped != before
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert saved(folder).portfolio.scores == before
        toast = notifications(app)[-1]
        assert toast.startswith("Ongedaan gemaakt: ") and "→" in toast
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert saved(folder).portfolio.scores == wiped
        assert notifications(app)[-1].startswith("Opnieuw gedaan: ")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert saved(folder).portfolio.scores == before
    # Started again: the undone change can still be redone.
    store = SessionStore.open(demo_path(folder))
    try:
        assert store.can_redo
        store.redo()
        assert store.session.portfolio.scores == wiped
    finally:
        store.close()
    assert saved(folder).portfolio.scores == wiped


async def test_undo_follows_the_whole_session_across_stages(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "1")
        before = saved(folder).portfolio.scores
        await pilot.press("e", "j", "escape")
        await pilot.pause()
        assert saved(folder).portfolio.scores != before
        await pilot.press("5")  # another stage: the change is still the last one
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert saved(folder).portfolio.scores == before
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notifications(app)[-1] == "Er is niets meer om ongedaan te maken."
