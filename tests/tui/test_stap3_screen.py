"""STAP 3, the long-term goal, driven as a facilitator would."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.stages.stap3 import Stap3Screen
from regionet_tui.screens.widgets.line_table import LineTable
from support.app import screen_text
from support.stages import choose, demo_app, demo_path, open_demo_at, saved, set_input, set_text


async def test_add_an_item_to_a_partners_own_agenda(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "3")
        await pilot.press("full_stop", "full_stop", "full_stop")  # Gemeente Tiel
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "title", "Stagebank voor de hele regio")
        set_text(app, "explanation", "Alle stageplaatsen op één plek.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Stagebank voor de hele regio" in screen_text(app)
    own = saved(folder).goal.own["p-tiel"]
    assert [i.title for i in own] == ["Minder voortijdig schoolverlaten",
                                      "Stagebank voor de hele regio"]
    assert own[1].explanation == "Alle stageplaatsen op één plek."


async def test_own_items_show_which_shared_item_they_feed(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "3")
        assert ("Zij-instromers techniek begeleiden | → Regionale route voor zij-instromers "
                "in de techniek") in screen_text(app)


async def test_compose_a_shared_item_from_own_items(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "3")
        await pilot.press("v")
        await pilot.pause()
        assert "Doel op lange termijn: In 2028 heeft Rivierenland" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "title", "Vakmensen voor de klas")
        choose(app, "sources", "o-linden-gast", "o-uwv-omscholing")
        choose(app, "supporters", "p-linden", "p-uwv", "p-baken")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "Vakmensen voor de klas | 3/6 | Vakmensen als gastdocent; Omscholing" in text
        assert "• uit de agenda van Bouwbedrijf Van der Linden: Vakmensen als gastdocent" in text
        assert ("Gesteund door: Het Baken College, Bouwbedrijf Van der Linden, "
                "UWV Rivierenland") in text
    item = saved(folder).goal.shared[-1]
    assert item.sources == ["o-linden-gast", "o-uwv-omscholing"]
    assert item.supporters == ["p-baken", "p-linden", "p-uwv"]


async def test_statement_and_a_refused_empty_title(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "3")
        before = demo_path(folder).read_bytes()
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "title", "   ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Titel is verplicht." in screen_text(app)
        await pilot.press("escape", "j")  # typed in: it asks first
        await pilot.pause()
        assert demo_path(folder).read_bytes() == before
        await pilot.press("g")
        await pilot.pause()
        set_text(app, "text", "Samen opleiden is in 2028 gewoon.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(folder).goal.statement == "Samen opleiden is in 2028 gewoon."


async def test_removing_an_own_item_unlinks_it_from_the_shared_agenda(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "3")
        assert isinstance(app.screen, Stap3Screen)
        app.screen.query_one("#own", LineTable).move_cursor(row=0)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
    session = saved(folder)
    assert [i.id for i in session.goal.own["p-baken"]] == ["o-baken-lijn"]
    assert session.goal.shared[0].sources == ["o-uwv-omscholing"]
