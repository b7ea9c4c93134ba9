"""The line-API table of the long stage lists, and the line-API flowchart view,
driven by keys and clicks in a small host app."""

from __future__ import annotations

import unicodedata

from regionet_tui.screens.widgets.flow_view import FlowView
from regionet_tui.screens.widgets.line_table import LineTable, Row
from rich.text import Text
from support.app import HOSTILE_NAMES
from textual import on
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate

from regionet_tui.flowchart import Edge, Graph, Node, render
from regionet_tui.safe_text import UNSAFE_CATEGORIES


def milestones(count: int) -> list[Row]:
    return [Row(f"m{i}", (f"Mijlpaal {i}", "gepland")) for i in range(count)]


class Host(App[None]):
    def __init__(self, cursor_type: str = "row", width: int | None = None) -> None:
        super().__init__()
        self.cursor_type = cursor_type
        self.width = width
        self.events: list[tuple[str, int, int, str | None]] = []

    def compose(self) -> ComposeResult:
        yield LineTable(id="table", cursor_type=self.cursor_type)

    def on_mount(self) -> None:
        table = self.query_one(LineTable)
        table.add_column("Mijlpaal", key="title", width=self.width)
        table.add_column("Status", key="status")
        table.focus()

    @on(LineTable.RowHighlighted)
    @on(LineTable.RowSelected)
    @on(LineTable.CellHighlighted)
    @on(LineTable.CellSelected)
    def _record(self, event: LineTable.RowSelected) -> None:
        self.events.append((type(event).__name__, event.coordinate.row,
                            event.coordinate.column, event.row_key))


def lines(table: LineTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_keys_move_the_row_cursor_and_enter_chooses_the_row() -> None:
    app = Host()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(LineTable)
        table.show(milestones(100))
        await pilot.pause()
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("pagedown")
        assert table.cursor_row > 2 + 5
        await pilot.press("ctrl+end")
        assert table.cursor_row == 99
        await pilot.pause()
        assert "Mijlpaal 99" in lines(table)[-1]  # scrolled into view
        assert "Mijlpaal" in lines(table)[0]  # the header stays on top
        await pilot.press("ctrl+home", "up")
        assert table.cursor_row == 0
        await pilot.press("down", "enter")
        await pilot.pause()
        assert ("RowSelected", 1, 0, "m1") in app.events
        assert ("RowHighlighted", 99, 0, "m99") in app.events


async def test_a_click_moves_the_cursor_and_a_second_click_chooses() -> None:
    app = Host()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(LineTable)
        table.show(milestones(5))
        await pilot.pause()
        await pilot.click(LineTable, offset=(3, 3))  # the header, then rows 0, 1, 2
        assert table.cursor_row == 2
        assert not [e for e in app.events if e[0] == "RowSelected"]
        await pilot.click(LineTable, offset=(3, 3))
        await pilot.pause()
        assert ("RowSelected", 2, 0, "m2") in app.events


async def test_the_cell_cursor_moves_across_columns() -> None:
    app = Host(cursor_type="cell")
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(LineTable)
        table.show(milestones(3))
        await pilot.pause()
        await pilot.press("right", "down")
        assert table.cursor_coordinate == Coordinate(1, 1)
        await pilot.press("home")
        assert table.cursor_coordinate == Coordinate(1, 0)
        await pilot.press("end", "enter")
        await pilot.pause()
        assert ("CellHighlighted", 0, 1, "m0") in app.events
        assert ("CellSelected", 1, 1, "m1") in app.events


async def test_user_text_is_drawn_literally_and_cut_with_an_ellipsis() -> None:
    app = Host(width=14)
    async with app.run_test(size=(60, 16)) as pilot:
        table = app.query_one(LineTable)
        table.show([Row(f"h{i}", (name, Text(name)))  # plain and rich cells alike
                    for i, name in enumerate([*HOSTILE_NAMES, "x" * 10_000])])
        await pilot.pause()
        shown = lines(table)
        for line in shown:
            assert not any(unicodedata.category(char) in UNSAFE_CATEGORIES for char in line)
        assert any("[bold red]rood" in line for line in shown)
        assert any("[/x]" in line for line in shown)
        assert any("x" * 13 + "… " in line for line in shown)  # 14 cells: 13 and "…"
        assert max(table.virtual_size.width, 0) > 10_000  # the free column keeps it all


async def test_only_changed_rows_are_shown_anew_and_styles_stay() -> None:
    app = Host()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(LineTable)
        assert table.show(milestones(4))
        assert not table.show(milestones(4))
        changed = milestones(4)
        changed[2] = Row("m2", (Text("Mijlpaal 2", style="bold"), "! te laat"))
        assert table.show(changed)
        await pilot.pause()
        line = table.render_line(3)  # the header, then rows 0, 1, 2
        assert "! te laat" in line.text
        assert any(segment.style and segment.style.bold for segment in line
                   if "Mijlpaal 2" in segment.text)
        cursor, plain, zebra = (table.render_line(y) for y in (1, 2, 3))
        backgrounds = [next(iter(s.style.bgcolor for s in strip if s.text.strip()))
                       for strip in (cursor, plain, zebra)]
        assert len(set(backgrounds)) == 3  # the cursor and the zebra rows stand out


async def test_a_tiny_terminal_still_draws_the_table() -> None:
    app = Host()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(LineTable)
        table.show(milestones(30))
        await pilot.pause()
        await pilot.press("pagedown", "right")
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert lines(table)[0].lstrip().startswith("Mijlpaal")


class ChartHost(App[None]):
    def compose(self) -> ComposeResult:
        yield FlowView(id="chart")


async def test_the_flow_view_draws_the_visible_part_with_box_styles() -> None:
    graph = Graph([Node("loket", "Onderwijsloket", "broker"), Node("roc", "[b]ROC[/b]")],
                  [Edge("loket", "roc", "verwijst")])
    drawing = render(graph, direction="TB")
    app = ChartHost()
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(FlowView)
        view.show(drawing, "leeg")
        await pilot.pause()
        assert view.text == drawing.text
        shown = [view.render_line(y) for y in range(view.size.height)]
        assert any("[b]ROC[/b]" in strip.text for strip in shown)
        label = next(strip for strip in shown if "Onderwijsloket" in strip.text)
        assert all(segment.style.bold for segment in label if "Onderwijsloket" in segment.text)
        view.show(render(Graph([], []), direction="TB"), "Nog geen stroomschema " * 5)
        await pilot.pause()
        assert view.text.startswith("Nog geen stroomschema")
        assert all(strip.cell_length <= view.size.width
                   for strip in (view.render_line(y) for y in range(3)))


async def test_a_click_on_a_cell_moves_the_cell_cursor_there() -> None:
    app = Host(cursor_type="cell", width=12)
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(LineTable)
        table.show([Row("r0", (Text("Baken ", style="bold") + Text("ja", style="reverse"),
                               "gepland"))])
        await pilot.pause()
        await pilot.click(LineTable, offset=(16, 1))  # the second column (14 cells + 2)
        assert table.cursor_coordinate == Coordinate(0, 1)
        pieces = [(s.text, bool(s.style and s.style.reverse)) for s in table.render_line(1)]
        assert ("ja", True) in pieces and ("Baken ", False) in pieces  # spans keep their style
