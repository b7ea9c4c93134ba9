"""STAP 2, the starting situation, driven as a facilitator would."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.widgets.line_table import LineTable
from regionet_tui.screens.widgets.partner_bar import PartnerBar
from support.app import HOSTILE_NAMES, make_app, make_session, screen_text
from support.stages import demo_app, open_demo_at, saved, set_select, set_text

from regionet_tui.core.partners import add_partner
from regionet_tui.models import Partner
from regionet_tui.storage import SessionLibrary, sessionfile


def bar_text(app: object) -> str:
    return str(app.screen.query_one(PartnerBar).shown())  # type: ignore[attr-defined]


async def test_assess_a_capacity_area_and_see_it_saved(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "2")
        assert "1/6 · Het Baken College" in bar_text(app)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert "2/6 · ROC Rivierenland" in bar_text(app)
        await pilot.press("down", "down")  # time available
        await pilot.press("enter")
        await pilot.pause()
        set_select(app, "assessment", "lacking")
        set_text(app, "text", "Geen docent vrij te roosteren dit schooljaar.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Beschikbare tijd | ✘ ontbreekt | Geen docent vrij" in screen_text(app)
    item = saved(folder).start.partners["p-roc"].capacity["time"]
    assert (item.assessment, item.text) == ("lacking",
                                            "Geen docent vrij te roosteren dit schooljaar.")


async def test_educational_goals_are_edited_in_the_last_row(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "2")
        await pilot.press("less_than_sign")  # wraps round to the last partner
        await pilot.pause()
        assert "6/6 · Onderwijsloket Rivierenland" in bar_text(app)
        app.screen.query_one("#capacity", LineTable).move_cursor(row=5)
        await pilot.press("e")
        await pilot.pause()
        set_text(app, "text", "Vragen binnen een week beantwoord.\nOok in de vakanties.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(folder).start.partners["p-loket"].goals == (
        "Vragen binnen een week beantwoord.\nOok in de vakanties.")


async def test_overview_shows_where_capacity_is_thin(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "2")
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "Het Baken College | ~ | ✔ | ✘ | ~ | ✔" in text
        assert "Gemeente Tiel | ✔ | ✔ | ~ | ✔ | ~" in text
        assert "Knelpunten (✘ / ~) | 0 / 2 | 0 / 2 | 2 / 3 | 1 / 3 | 0 / 2" in text
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#capacity")


async def test_hostile_partner_names_are_shown_as_text(library: SessionLibrary,
                                                       folder: Path) -> None:
    session_id = make_session(library)
    store = library.open(session_id)
    for index, name in enumerate(HOSTILE_NAMES):
        store.change(lambda s, n=name, i=index: add_partner(s, Partner(id=f"p{i}", name=n)))
    store.close()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert "[/x]" in bar_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "[bold red]rood" in screen_text(app)
    assert sessionfile.read(library.path_for(session_id)).start.partners == {}
