"""Stage screens are kept between visits and show the current session when they
come back: changes made on other stages, in the agenda or in dialogs show;
another session or another language never shows a stale screen."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from regionet_tui.screens.agenda import AgendaScreen
from regionet_tui.screens.registry import stage_screen
from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.stages.partners import PartnersScreen
from regionet_tui.screens.stages.stap1 import Stap1Screen
from regionet_tui.screens.stages.stap5 import Stap5Screen
from regionet_tui.screens.widgets.line_table import LineTable
from regionet_tui.screens.widgets.stage_nav import StageNav
from regionet_tui.screens.widgets.stage_timer import StageTimer
from support.app import make_app, make_session, screen_text
from support.stages import demo_app, open_demo_at, saved, set_input
from textual.widgets import DataTable, Input

from regionet_tui import progress
from regionet_tui.app import RegionetApp
from regionet_tui.storage import SessionLibrary, sessionfile


def table_rows(app: RegionetApp, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}")
    assert isinstance(table, DataTable | LineTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def stage_screens(app: RegionetApp) -> list[StageScreen]:
    return [screen for screen in app.screen_stack if isinstance(screen, StageScreen)]


async def go(app: RegionetApp, pilot: object, key: str) -> StageScreen:
    app.screen.set_focus(None)  # digits go to the stage bar, not to a table
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, StageScreen)
    return app.screen


async def test_a_stage_shown_again_is_kept_and_shows_a_partner_renamed_elsewhere(
    folder: Path,
) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_demo_at(pilot, "5")
        plan = app.screen
        assert isinstance(plan, Stap5Screen)
        owners = [row[3] for row in table_rows(app, "milestones")]
        assert "Het Baken College" in owners

        await go(app, pilot, "p")
        app.screen.query_one("#partners", LineTable).move_cursor(row=0)
        await pilot.press("e")
        await pilot.pause()
        set_input(app, "name", "Baken Scholengroep")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert await go(app, pilot, "5") is plan
        owners = [row[3] for row in table_rows(app, "milestones")]
        assert "Baken Scholengroep" in owners and "Het Baken College" not in owners
        assert stage_screens(app) == [plan]
    assert saved(folder).partners[0].name == "Baken Scholengroep"


async def test_a_milestone_added_from_the_reflection_shows_in_the_plan(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_demo_at(pilot, "5")
        plan = app.screen
        before = len(table_rows(app, "milestones"))

        await go(app, pilot, "7")
        await pilot.press("w")  # the follow-up plate
        await pilot.pause()
        await pilot.press("down", "m")  # the second follow-up becomes a milestone in STAP 5
        await pilot.pause()

        assert await go(app, pilot, "5") is plan
        titles = [row[1] for row in table_rows(app, "milestones")]
        assert len(titles) == before + 1
        assert titles[-1] == "Tegenprestatie voor stagebedrijven vastleggen"
    assert saved(folder).plan.milestones[-1].title == titles[-1]


async def test_the_stage_bar_shows_progress_made_on_another_stage(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library)
    app = make_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        plan = await go(app, pilot, "5")
        assert plan.query_one(StageNav).statuses["partners"] == "empty"

        await go(app, pilot, "p")
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "name", "ROC Rivierenland")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert await go(app, pilot, "5") is plan
        assert app.store is not None
        assert plan.query_one(StageNav).statuses == progress.statuses(app.store.session)
        assert plan.query_one(StageNav).statuses["partners"] != "empty"
    assert [p.name for p in sessionfile.read(library.path_for(session_id)).partners] == [
        "ROC Rivierenland"]


async def test_details_and_the_timer_changed_elsewhere_show_when_coming_back(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Ronde 1")
    app = make_app(folder)
    now = datetime(2026, 11, 12, 9, 0, tzinfo=UTC)
    app.clock = lambda: now
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        plan = await go(app, pilot, "5")
        assert plan.query_one(StageTimer).content.plain == "⏸ 25:00"

        await go(app, pilot, "2")
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#title", Input).value = "Ronde 2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f3")  # the STAP 2 timebox starts
        await pilot.pause()

        assert await go(app, pilot, "5") is plan
        assert plan.title == "Ronde 2"
        assert plan.query_one(StageTimer).content.plain.startswith("⏱ STAP 2")


async def test_an_item_parked_on_any_stage_shows_in_the_agenda_and_going_back_from_it(
    folder: Path,
) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_demo_at(pilot, "3")
        goal = app.screen
        for text in ("Vervoer naar stages", "Rooster van de pabo"):
            await pilot.press("f2")
            await pilot.pause()
            app.screen.query_one(Input).value = text
            await pilot.press("enter")
            await pilot.pause()
            await go(app, pilot, "4")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        text = screen_text(app)
        assert "Vervoer naar stages" in text and "Rooster van de pabo" in text

        app.show_stage("stap3")  # from over the agenda: back to the kept screen
        await pilot.pause()
        assert app.screen is goal
        assert stage_screens(app) == [goal]
        assert not any(isinstance(s, AgendaScreen) for s in app.screen_stack)
    parked = [item.text for item in saved(folder).workshop.parking]
    assert parked[-2:] == ["Vervoer naar stages", "Rooster van de pabo"]


async def test_closing_and_opening_another_session_never_shows_the_first_one(
    library: SessionLibrary, folder: Path
) -> None:
    first = make_session(library, "Eerste sessie", "Achterhoek")
    second = make_session(library, "Tweede sessie", "Rivierenland")
    app = make_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.open_session(library.path_for(first))
        await pilot.pause()
        await go(app, pilot, "p")
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "name", "Alleen in de eerste")
        await pilot.press("ctrl+s")
        await pilot.pause()
        old_plan = await go(app, pilot, "5")
        old_partners = await go(app, pilot, "p")

        await pilot.press("escape")
        await pilot.pause()
        assert not stage_screens(app)
        app.open_session(library.path_for(second))
        await pilot.pause()
        assert app.screen is not old_partners
        assert "Alleen in de eerste" not in screen_text(app)
        plan = await go(app, pilot, "5")
        assert plan is not old_plan
        assert (plan.title, plan.store.path) == ("Tweede sessie", library.path_for(second))
        assert app.store is plan.store
        assert not old_plan.is_attached and not old_partners.is_attached


async def test_a_language_switch_builds_every_stage_anew(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_demo_at(pilot, "5")
        dutch_plan = app.screen
        dutch_partners = await go(app, pilot, "p")
        app.action_toggle_language()
        await pilot.pause()
        assert isinstance(app.screen, PartnersScreen) and app.screen is not dutch_partners
        plan = await go(app, pilot, "5")
        assert plan is not dutch_plan
        columns = [str(c.label) for c in plan.query_one("#milestones", LineTable).columns.values()]
        assert "Deadline" in columns and "Owner" in columns
        assert not dutch_plan.is_attached


async def test_a_read_only_session_is_kept_too_and_refuses_changes(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library, "Gedeeld")
    holder = library.open(session_id)
    try:
        app = make_app(folder)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            partners = app.screen
            await go(app, pilot, "5")
            assert await go(app, pilot, "p") is partners
            assert str(partners.title).startswith("ALLEEN LEZEN")  # never cut off
            await pilot.press("a")
            await pilot.pause()
            set_input(app, "name", "Nieuwe partner")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("escape")  # the read-only form offered no save
            await pilot.pause()
            await go(app, pilot, "5")
            assert await go(app, pilot, "p") is partners
            assert table_rows(app, "partners") == []
    finally:
        holder.close()
    assert sessionfile.read(library.path_for(session_id)).partners == []


def test_every_stage_screen_is_kept(library: SessionLibrary) -> None:
    store = library.open(make_session(library))
    try:
        kept = {stage: stage_screen(stage, store).kept_between_visits()
                for stage in progress.STAGE_IDS}
    finally:
        store.close()
    assert kept == dict.fromkeys(progress.STAGE_IDS, True)


async def test_stap1_shown_again_shows_changes_and_asks_the_gate_only_when_needed(
    library: SessionLibrary, folder: Path
) -> None:
    from regionet_tui.screens.dialogs.text_prompt import TextPromptDialog
    from regionet_tui.screens.widgets.score_grid import ScoreGrid
    from support.stap1 import prepared_session
    from textual.widgets import Static

    prepared_session(library)  # every partner committed: no gate
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        portfolio = await go(app, pilot, "1")
        assert isinstance(portfolio, Stap1Screen)
        first = app.store.session.partners[0]  # type: ignore[union-attr]

        await go(app, pilot, "p")  # rename the partner shown in the grid
        app.screen.query_one("#partners", LineTable).move_cursor(row=0)
        await pilot.press("e")
        await pilot.pause()
        set_input(app, "name", "Nieuwe naam")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await go(app, pilot, "0")  # take back a commitment: the gate closes
        await pilot.press("n")
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.press("1")
        await pilot.pause()
        assert app.screen_stack[-2] is portfolio
        line = str(portfolio.query_one("#partner-line", Static).content)
        assert "Nieuwe naam" in line and first.name not in line
        assert isinstance(app.screen, TextPromptDialog)  # asked why, on coming back
        await pilot.press(*"Later beslist")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is portfolio
        await pilot.press("f2")  # a dialog over STAP 1 and back: no second question
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is portfolio and portfolio.query_one(ScoreGrid).row_count > 0


async def test_the_theme_and_the_presentation_layout_reach_kept_screens(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_demo_at(pilot, "3")
        goal = app.screen
        before = goal.styles.background
        await go(app, pilot, "p")
        await pilot.press("f9", "f5")  # projector theme, presentation layout
        await pilot.pause()
        now = app.screen.styles.background
        assert now != before

        assert await go(app, pilot, "3") is goal
        assert goal.styles.background == now
        assert not goal.query_one(".stage-explain").display
        await pilot.press("f5")
        await pilot.pause()
        assert goal.query_one(".stage-explain").display


async def test_a_table_shown_again_touches_only_what_differs() -> None:
    from regionet_tui.screens.widgets.line_table import LineTable, Row
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.coordinate import Coordinate

    def rows(*names: str) -> list[Row]:
        return [Row(f"k{i}", (Text(name), Text("deelnemer"))) for i, name in enumerate(names)]

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield LineTable(id="table")

    app = Host()
    async with app.run_test() as pilot:
        table = app.query_one(LineTable)
        table.add_columns("naam", "rol")
        assert table.show(rows("Baken", "ROC", "Tiel"))
        table.move_cursor(row=2)
        assert not table.show(rows("Baken", "ROC", "Tiel"))
        assert table.show(rows("Baken", "ROC Rivierenland", "Tiel"))
        await pilot.pause()
        assert [str(table.get_cell_at(Coordinate(r, 0))) for r in range(3)] == [
            "Baken", "ROC Rivierenland", "Tiel"]
        assert table.cursor_row == 2
        assert not table.show([Row("k0", (Text("Baken"), Text("deelnemer"))),
                               *rows("Baken", "ROC Rivierenland", "Tiel")[1:]])
        assert table.show([Row("k0", (Text("Baken", style="bold"), Text("deelnemer")))])
        cell = table.get_cell_at(Coordinate(0, 0))
        assert table.row_count == 1 and isinstance(cell, Text) and cell.style == "bold"


async def test_a_long_table_has_every_row_at_once() -> None:
    from regionet_tui.screens.widgets.line_table import LineTable, Row
    from rich.text import Text
    from textual.app import App, ComposeResult

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield LineTable(id="table")

    app = Host()
    async with app.run_test() as pilot:
        table = app.query_one(LineTable)
        table.add_columns("mijlpaal")
        table.show([Row(f"m{i}", (Text(f"Mijlpaal {i}"),)) for i in range(400)])
        assert table.row_count == 400
        await pilot.pause()
        table.show([Row(f"n{i}", (Text(f"Nieuw {i}"),)) for i in range(300)])
        table.move_cursor(row=250)
        assert table.row_count == 300 and table.cursor_row == 250


async def test_stap1_keeps_its_partner_when_one_before_it_is_removed(
    library: SessionLibrary, folder: Path
) -> None:
    from support.stap1 import prepared_session
    from textual.widgets import Static

    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        portfolio = await go(app, pilot, "1")
        await pilot.press("tab")  # the second partner
        await pilot.pause()
        second = app.store.session.partners[1]  # type: ignore[union-attr]
        await go(app, pilot, "p")
        app.screen.query_one("#partners", LineTable).move_cursor(row=0)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")  # yes, remove the first partner
        await pilot.pause()
        assert await go(app, pilot, "1") is portfolio
        line = str(portfolio.query_one("#partner-line", Static).content)
        assert second.name in line and "1 van" in line
