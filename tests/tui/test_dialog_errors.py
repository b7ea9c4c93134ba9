"""A form's problem shows at once, even in an 80x24 terminal, and the field in error gets
the cursor."""

from __future__ import annotations

from pathlib import Path

from support.app import make_app
from support.stages import demo_app, open_demo_at, saved, set_input
from textual.widget import Widget
from textual.widgets import Input

from regionet_tui.app import RegionetApp
from regionet_tui.storage import SessionLibrary


def shown(app: RegionetApp, widget: Widget) -> bool:
    """Whether the widget is actually painted on the terminal (not scrolled away)."""
    return widget in app.screen._compositor.visible_widgets  # noqa: SLF001 (no public API gives the drawn cells)


def error_text(app: RegionetApp) -> str:
    return str(app.screen.query_one("#form-error").content)


async def test_an_empty_title_for_a_new_session_shows_the_error_at_once(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        set_input(app, "title", "")
        await pilot.press("enter")
        await pilot.pause()
        assert error_text(app) == "Titel is verplicht."
        assert shown(app, app.screen.query_one("#form-error"))
        assert app.screen.focused is app.screen.query_one("#title", Input)
    assert list(SessionLibrary(folder).folder.glob("*.json")) == []


async def test_a_too_long_title_in_the_milestone_form_shows_the_error_at_once(
        folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "5")
        before = saved(folder).plan.milestones
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("tab")  # the cursor leaves the title ...
        set_input(app, "title", "x" * 640)
        await pilot.press("ctrl+s")  # ... and the form is saved from the phase
        await pilot.pause()
        assert "te lang" in error_text(app)
        assert shown(app, app.screen.query_one("#form-error"))
        assert app.screen.focused is app.screen.query_one("#title", Input)
        assert shown(app, app.screen.query_one("#title"))
    assert saved(folder).plan.milestones == before


async def test_an_empty_milestone_title_shows_the_error_at_once(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "5")
        before = saved(folder).plan.milestones
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert error_text(app) == "Mijlpaal is verplicht."
        assert shown(app, app.screen.query_one("#form-error"))
    assert saved(folder).plan.milestones == before


async def test_a_partner_name_taken_shows_the_error_at_once(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        before = saved(folder).partners
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "name", "Het Baken College")
        await pilot.press("tab", "tab")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Het Baken College" in error_text(app)
        assert shown(app, app.screen.query_one("#form-error"))
        assert app.screen.focused is app.screen.query_one("#name", Input)
    assert saved(folder).partners == before


async def test_what_a_partner_brings_without_a_partner_shows_the_error_at_once(
        folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "4")
        before = saved(folder).deal
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(app)
        assert shown(app, app.screen.query_one("#form-error"))
    assert saved(folder).deal == before
