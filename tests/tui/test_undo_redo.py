"""Undo and redo from the facilitator's keys: ctrl+z takes back the last change
of the whole session, ctrl+y does it again; the toast says what and where; the
screen and the saved file show it, also after the app is started again."""

from __future__ import annotations

from pathlib import Path

from support.app import make_app, screen_text
from support.monochrome import screen_lines
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


async def test_the_history_lists_changes_and_goes_back_to_one_as_a_change(
        folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "i")  # the session's details
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        before = saved(folder)
        await pilot.press("e", "j", "escape")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert app.store is not None
        app.store.change(lambda s: setattr(s, "region", "Betuwe"))  # a second change
        await pilot.press("f7")
        await pilot.pause()
        text = screen_text(app)
        assert "Geschiedenis van de sessie" in text
        assert "“Betuwe”" in text and "STAP 1" in text and "begeleider" in text
        await pilot.press("s")  # only the first stage with changes: session details
        await pilot.pause()
        assert "Onderdeel: Sessie" in screen_text(app)
        assert "STAP 1 |" not in screen_text(app)
        await pilot.press("s", "s")  # STAP 1, then all again
        await pilot.pause()
        assert "Onderdeel: alle" in screen_text(app)
        await pilot.press("down")  # the older change: the score
        await pilot.pause()
        lines = screen_lines(app)  # cut short in its row, in full below the table
        row = next(line for line in lines if "Arbeidspool" in line and "STAP 1" in line)
        assert row.endswith("…") and all(len(line) <= 80 for line in lines)
        detail = "\n".join(lines[lines.index(row) + 1:])
        assert "Het Baken College" in detail and "aanbod" in detail
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j")  # yes, back to right after it
        await pilot.pause()
        after = saved(folder)
        assert after.region == before.region
        assert after.portfolio.scores != before.portfolio.scores  # the score stays
        assert notifications(app)[-1].startswith("Teruggezet: ")
        await pilot.press("ctrl+z")  # going back is a change: taken back again
        await pilot.pause()
        assert saved(folder).region == "Betuwe"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "Stap3Screen" or "STAP 3" in screen_text(app)
