"""The flow view keeps its lines' style in step with the theme."""

from __future__ import annotations

from regionet_tui.screens.widgets.flow_view import FlowView
from textual.app import App, ComposeResult

from regionet_tui.flowchart import Edge, Graph, Node, render


class ChartHost(App[None]):
    def compose(self) -> ComposeResult:
        yield FlowView(id="chart")


def plain_styles(view: FlowView) -> set[object]:
    """The styles of the unstyled (not bold or italic) cells on view."""
    return {segment.style for y in range(view.size.height) for segment in view.render_line(y)
            if segment.style is not None and not segment.style.bold}


async def test_a_new_theme_repaints_the_chart_in_its_colours() -> None:
    graph = Graph([Node("loket", "Onderwijsloket", "broker"), Node("roc", "ROC")],
                  [Edge("loket", "roc", "verwijst")])
    app = ChartHost()
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(FlowView)
        view.show(render(graph, direction="TB"), "leeg")
        await pilot.pause()
        before = view.rich_style
        assert plain_styles(view) == {before}
        app.theme = "ansi-light" if app.theme != "ansi-light" else "textual-dark"
        await pilot.pause()
        assert view.rich_style != before
        assert plain_styles(view) == {view.rich_style}
