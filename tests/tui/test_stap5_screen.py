"""STAP 5, the transition plan, driven as a facilitator would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from regionet_tui.screens.stages import stap5
from regionet_tui.screens.widgets.line_table import LineTable
from regionet_tui.screens.widgets.timeline_view import TimelineView
from support.app import HOSTILE_NAMES, make_app, make_session, screen_text
from support.stages import (
    choose,
    demo_app,
    demo_path,
    notifications,
    open_demo_at,
    saved,
    set_input,
    set_select,
)

from regionet_tui.core.partners import add_partner
from regionet_tui.demo import build_demo
from regionet_tui.models import Partner
from regionet_tui.storage import SessionLibrary, sessionfile


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stap5, "today", lambda: date(2026, 11, 22))


async def test_the_demo_plan_lists_milestones_with_late_ones_marked(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "5")
        text = screen_text(app)
        assert "! te laat | Werving eerste zij-instromers | 01-11-2026" in text
        assert "✓ klaar | Startbijeenkomst netwerk" in text
        assert "Afspraak: Traject zij-instromers techniek" in text


async def test_add_a_milestone_and_see_it_saved(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "5")
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "title", "Gastlessen vakmensen")
        set_input(app, "phase", "Leerlijn")
        set_select(app, "owner", "p-linden")
        set_input(app, "start", "1-9-2027")
        set_input(app, "deadline", "15-12-2027")
        set_select(app, "serves", "s-lijn")
        choose(app, "depends", "m-stages")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Gastlessen vakmensen | 15-12-2027 | Bouwbedrijf Van der Linden" in screen_text(app)
    added = saved(folder).plan.milestones[-1]
    assert (added.title, added.owner, added.serves) == ("Gastlessen vakmensen", "p-linden",
                                                        "s-lijn")
    assert (added.start, added.deadline) == (date(2027, 9, 1), date(2027, 12, 15))
    assert added.depends_on == ["m-stages"]


async def test_a_long_title_leaves_room_for_deadline_and_owner_at_80_columns(
    folder: Path,
) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "5")
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "title", "Navragen wie de begeleiding " * 6)
        set_input(app, "deadline", "15-12-2027")
        set_select(app, "owner", "p-linden")
        await pilot.press("ctrl+s")
        await pilot.pause()
        table = app.screen.query_one("#milestones", LineTable)
        heading = table.render_line(0).text
        assert "Deadline" in heading and "Eigenaar" in heading
        shown = [table.render_line(y).text for y in range(1, table.size.height)]
        added = next(line for line in shown if "Navragen" in line)
        assert "…" in added and "15-12-2027" in added and "Bouwbedrijf" in added
    assert saved(folder).plan.milestones[-1].title.startswith("Navragen")  # kept whole


async def test_an_impossible_date_is_refused_in_dutch_and_nothing_changes(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "5")
        before = demo_path(folder).read_bytes()
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "title", "Nieuwe mijlpaal")
        set_input(app, "deadline", "31-02-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Deadline: geen geldige datum. Schrijf bijvoorbeeld 22-11-2026." in screen_text(app)
        await pilot.press("escape", "j")  # typed in: it asks first
        await pilot.pause()
        assert isinstance(app.screen, stap5.Stap5Screen)
    assert demo_path(folder).read_bytes() == before


async def test_a_dependency_cycle_is_refused_and_nothing_changes(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "5")
        before = demo_path(folder).read_bytes()
        await pilot.press("enter")  # the first row: Startbijeenkomst netwerk
        await pilot.pause()
        choose(app, "depends", "m-deal")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ("cirkel in de afhankelijkheden: Startbijeenkomst netwerk → Deal getekend door "
                "alle partners → Startbijeenkomst netwerk") in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert demo_path(folder).read_bytes() == before


async def test_ending_before_a_dependency_warns(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "5")
        table = app.screen.query_one("#milestones", LineTable)
        table.move_cursor(row=3)  # Module vakdidactiek klaar, depends on the deal
        await pilot.press("e")
        await pilot.pause()
        set_input(app, "deadline", "30-11-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        warning = ("\"Module vakdidactiek klaar\" eindigt vóór \"Deal getekend door alle "
                   "partners\", waar de mijlpaal van afhangt.")
        assert warning in notifications(app)
        assert f"⚠ {warning}" in screen_text(app)
    assert saved(folder).plan.milestones[3].deadline == date(2026, 11, 30)


async def test_status_cycles_and_remove_drops_dependencies(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "5")
        await pilot.press("s")  # done -> late
        await pilot.pause()
        assert saved(folder).plan.milestones[0].status == "late"
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert "Startbijeenkomst netwerk" not in screen_text(app)
    plan = saved(folder).plan.milestones
    assert all("m-kick" not in m.depends_on for m in plan)
    assert len(plan) == len(build_demo("demo").plan.milestones) - 1


async def test_timeline_shows_today_late_items_and_scrolls(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:  # 80x24
        await open_demo_at(pilot, "5")
        await pilot.press("v")
        await pilot.pause()
        view = app.screen.query_one(TimelineView)
        assert app.screen.focused is view
        await pilot.press("x")  # removing works from the list only
        await pilot.pause()
        assert isinstance(app.screen, stap5.Stap5Screen)
        lines = view.visible_text()
        assert lines[1].strip().startswith("mei jun jul aug sep okt nov")  # from May 2026
        assert "▼" in lines[0]
        werving = next(line for line in lines if "Werving" in line)
        assert werving.startswith("! Werving")
        assert "!│" in werving
        assert "vandaag (22-11-2026)" in screen_text(app)
        assert view.max_scroll_x > 0
        await pilot.press("right", "right", "right")
        await pilot.pause()
        assert view.scroll_x > 0
        assert view.visible_text()[2].startswith("✓ Stagebank")  # labels stay
        await pilot.press("m")
        await pilot.pause()
        assert "K3'26 K4'26 K1'27 K2'27" in view.visible_text()[1]  # every quarter with its year
        await pilot.resize_terminal(80, 16)
        await pilot.pause()
        assert view.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert any("Werkwijze vastgelegd" in line for line in view.visible_text())


async def test_hostile_names_in_choices_and_the_timeline_stay_text(
    library: SessionLibrary, folder: Path
) -> None:
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
        await pilot.press("5")
        await pilot.pause()
        assert "Nog geen mijlpalen" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "title", "[bold]vet[/bold] [/x]")
        set_select(app, "owner", "p1")
        set_input(app, "deadline", "1-3-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "[bold]vet[/bold] [/x] | 01-03-2027 | [@click=app.quit]klik[/]" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert any("[bold]vet" in line for line in app.screen.query_one(TimelineView)
                   .visible_text())
    milestone = sessionfile.read(library.path_for(session_id)).plan.milestones[0]
    assert (milestone.title, milestone.owner) == ("[bold]vet[/bold] [/x]", "p1")


async def test_english_timeline_and_statuses(folder: Path) -> None:
    app = demo_app(folder, language="en")
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "5")
        assert "! late | Werving eerste zij-instromers" in screen_text(app)
        assert "▶ in progress | Deal getekend" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one(TimelineView).visible_text()[1].strip().startswith(
            "May Jun Jul Aug Sep Oct Nov")
        assert "today (22-11-2026)" in screen_text(app)
