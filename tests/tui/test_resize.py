"""Every screen survives being squeezed to 40x12 and back."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.too_small import TooSmallScreen
from support.app import make_app, screen_text

from regionet_tui.progress import STAGES


async def squeeze(app: object, pilot: object) -> None:
    await pilot.resize_terminal(40, 12)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, TooSmallScreen)  # type: ignore[attr-defined]
    assert "te klein" in screen_text(app)  # type: ignore[arg-type]
    # Opaque: nothing of the screen it covers shows through (each has a title bar).
    assert "⭘" not in app.export_screenshot()  # type: ignore[attr-defined]
    await pilot.resize_terminal(80, 24)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert not isinstance(app.screen, TooSmallScreen)  # type: ignore[attr-defined]


async def test_every_screen_survives_40x12(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await squeeze(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        for stage in STAGES:
            app.show_stage(stage.id)
            await pilot.pause()
            assert isinstance(app.screen, StageScreen)
            assert app.screen.STAGE_ID == stage.id
            await squeeze(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        await squeeze(app, pilot)


async def test_a_stage_opened_in_a_small_terminal_says_so_and_grows_back(folder: Path) -> None:
    from regionet_tui.screens.start import StartScreen

    app = make_app(folder, demo=True)  # opens the demo workshop right after start
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.store is not None  # the demo is open, under the message
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        await pilot.press("escape")  # back to the sessions, full size: no message left
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)


async def test_in_a_short_terminal_explanations_give_way_to_the_tables(folder: Path) -> None:
    app = make_app(folder, demo=True)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        await pilot.pause()
        app.show_stage("commitment")
        await pilot.pause()
        stage = app.screen
        explain = stage.query_one(".stage-explain")
        checklist = stage.query_one("#commitment")
        assert not explain.display and checklist.region.height >= 3
        app.show_stage("stap2")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)  # full height: on every screen again
        await pilot.pause()
        app.show_stage("commitment")
        await pilot.pause()
        assert app.screen is stage and explain.display


async def test_in_a_short_terminal_the_flowchart_keeps_its_status_line(folder: Path) -> None:
    app = make_app(folder, demo=True)
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        await pilot.pause()
        app.show_stage("stap6")
        await pilot.pause()
        status = app.screen.query_one("#flow-status")
        assert status.display and "blokken" in str(status.content)
