"""STAP 6: the node and edge lists are built when the facilitator first asks for them."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.widgets.flow_view import FlowView
from regionet_tui.screens.widgets.line_table import LineTable
from support.app import make_app, screen_text
from test_stap6 import drawing, open_stap6, stap6_session

from regionet_tui.storage import SessionLibrary, sessionfile


async def test_lists_appear_on_the_first_l_and_stay_for_the_next(
    library: SessionLibrary, folder: Path
) -> None:
    path = stap6_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_stap6(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        assert not app.screen.query("#flow-lists")  # the chart alone until l is pressed
        assert "Onderwijsloket" in drawing(app)

        await pilot.press("l")
        await pilot.pause()
        nodes = app.screen.query_one("#flow-nodes", LineTable)
        edges = app.screen.query_one("#flow-edges", LineTable)
        assert nodes.has_focus
        chart = sessionfile.read(path).flowchart
        assert (nodes.row_count, edges.row_count) == (len(chart.nodes), len(chart.edges))
        shown = screen_text(app)
        assert "Blok" in shown and "Soort" in shown and "Omschrijving" in shown
        assert "Het Baken College" in shown and not app.screen.query_one(FlowView).display

        await pilot.press("l")  # back to the chart
        await pilot.pause()
        assert app.screen.query_one(FlowView).has_focus
        assert not app.screen.query_one("#flow-lists").display

        await pilot.press("d")  # a change while the lists are hidden...
        await pilot.pause()
        await pilot.press("l")  # ...and the same lists come back, filled again
        await pilot.pause()
        assert len(app.screen.query("#flow-lists")) == 1
        assert app.screen.query_one("#flow-nodes", LineTable).has_focus
        assert app.screen.query_one("#flow-nodes", LineTable).row_count == len(chart.nodes)
        assert "van boven naar onder" in screen_text(app)
