"""STAP 6: the flowchart of the collaboration — generate, edit, draw."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from regionet_tui import settings
from regionet_tui.core import stap6
from regionet_tui.flowchart import Drawing, Edge, Graph, Node, render
from regionet_tui.i18n import t

from ..stage import StageScreen
from ..widgets.flow_view import FlowView
from ..widgets.line_table import LineTable, Row
from ..widgets.text import show_text

if TYPE_CHECKING:  # dialogs and lists are imported when first opened, not on the first visit
    from ..dialogs.flow_forms import EdgeFields, NodeFields

DIRECTIONS = ("auto", "TB", "LR")
# Charts up to this size are drawn before the stage is first shown, quickly
# enough not to delay it (BENCHMARKS.md, "Flowchart"); larger ones right after.
DRAW_FIRST_NODES = 100


@lru_cache(maxsize=1)
def _drawing(nodes: tuple[Node, ...], edges: tuple[Edge, ...], direction: str, ascii: bool,
             max_width: int) -> Drawing:
    """The drawing of a chart; coming back to STAP 6 with the chart unchanged
    reuses the last one instead of laying it out again."""
    return render(Graph(list(nodes), list(edges)), direction=direction, ascii=ascii,
                  max_width=max_width)


class FlowchartScreen(StageScreen):
    STAGE_ID = "stap6"
    SHOW_INTRO = False
    BINDINGS = [
        Binding("g", "generate", "stap6.key_generate"),
        Binding("n", "add_node", "stap6.key_add_node"),
        Binding("c", "add_edge", "stap6.key_add_edge"),
        Binding("l", "toggle_list", "stap6.key_list"),
        Binding("e,enter", "edit", "stap6.key_edit", show=False),
        Binding("x,delete", "remove", "stap6.key_remove", show=False),
        Binding("d", "direction", "stap6.key_direction"),
        Binding("a", "ascii", "stap6.key_ascii", show=False),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.ascii = settings.load().ascii
        self.listing = False

    def compose_stage(self) -> ComposeResult:
        yield Static(Content(t("stage.title.stap6")), classes="stage-title")
        yield Static("", id="flow-status", classes="stage-status")
        yield FlowView(id="flow-view")
        # The node and edge lists (l) are mounted when first asked for.

    def on_mount(self) -> None:
        super().on_mount()
        if len(self.session.flowchart.nodes) <= DRAW_FIRST_NODES:
            self.redraw()
        else:
            # A large chart takes a while to lay out: the stage shows first,
            # saying so, and the chart follows right after.
            show_text(self.query_one("#flow-status", Static), t("stap6.drawing"))
            self.call_after_refresh(self.redraw)
        self.query_one(FlowView).focus()

    def help_text(self) -> str:
        return f"{t('stage.explain.stap6')}\n\n{t('stap6.help')}"

    # -- showing ---------------------------------------------------------------------
    def refresh_stage(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        chart = self.session.flowchart
        # Before its first layout (drawn from on_mount) the screen has no size yet.
        width = max((self.size.width or self.app.size.width) - 4, 40)
        graph = stap6.graph_of(self.session)
        drawing = _drawing(tuple(graph.nodes), tuple(graph.edges), chart.direction,
                           self.ascii, width)
        self.query_one(FlowView).show(drawing, t("stap6.empty"))
        status = t("stap6.status", nodes=len(chart.nodes), edges=len(chart.edges),
                   direction=t(f"stap6.direction.{chart.direction}"),
                   crossings=drawing.crossings)
        show_text(self.query_one("#flow-status", Static), status)
        if self.listing:
            self._fill_lists()

    async def _mount_lists(self) -> None:
        nodes = LineTable(id="flow-nodes", zebra_stripes=False)
        nodes.add_column(Text(t("stap6.col_node")), key="label", min_width=16)
        nodes.add_column(Text(t("stap6.col_kind")), key="kind")
        edges = LineTable(id="flow-edges", zebra_stripes=False)
        for key in ("col_from", "col_to", "col_edge_label"):
            edges.add_column(Text(t(f"stap6.{key}")), key=key, min_width=12)
        await self.mount(Vertical(nodes, edges, id="flow-lists"), after=self.query_one(FlowView))

    def _fill_lists(self) -> None:
        """The node and edge lists; filled while they are shown (l), not before."""
        chart = self.session.flowchart
        labels = {n.id: n.label for n in chart.nodes}
        self.query_one("#flow-nodes", LineTable).show([
            Row(node.id, (Text(node.label), Text(t(f"stap6.kind.{node.kind}"))))
            for node in chart.nodes
        ])
        self.query_one("#flow-edges", LineTable).show([
            Row(edge.id, (Text(labels.get(edge.source, "?")), Text(labels.get(edge.target, "?")),
                          Text(edge.label)))
            for edge in chart.edges
        ])

    async def action_toggle_list(self) -> None:
        if not self.listing and not self.query("#flow-lists"):
            await self._mount_lists()
        self.listing = not self.listing
        if self.listing:
            self._fill_lists()
        self.query_one("#flow-lists").display = self.listing
        self.query_one(FlowView).display = not self.listing
        target = "#flow-nodes" if self.listing else "#flow-view"
        self.query_one(target).focus()

    def action_direction(self) -> None:
        current = self.session.flowchart.direction
        following = DIRECTIONS[(DIRECTIONS.index(current) + 1) % len(DIRECTIONS)]
        if self.change(lambda s: setattr(s.flowchart, "direction", following)):
            self.redraw()

    def action_ascii(self) -> None:
        self.ascii = not self.ascii
        settings.save(settings.load().with_changes(ascii=self.ascii))
        self.redraw()

    # -- changing ----------------------------------------------------------------------
    def _changed(self, apply: object) -> None:
        try:
            done = self.change(apply)  # type: ignore[arg-type]
        except stap6.FlowError as error:
            self.notify(t(str(error)), severity="error", markup=False)
            return
        if done:
            self.redraw()

    def action_generate(self) -> None:
        from ..dialogs.confirm import ConfirmDialog

        def generate(yes: bool | None = True) -> None:
            if not yes:
                return
            nodes, edges = stap6.first_chart(self.session)
            self._changed(lambda s: stap6.replace_chart(s, nodes, edges))

        if self.session.flowchart.nodes:
            self.app.push_screen(ConfirmDialog(t("stap6.generate_question")), generate)
        else:
            generate()

    def action_add_node(self) -> None:
        from ..dialogs.flow_forms import NodeFormDialog

        def added(fields: NodeFields | None) -> None:
            if fields is not None:
                self._changed(lambda s: stap6.add_node(s, fields.label, fields.kind))

        self.app.push_screen(NodeFormDialog(t("stap6.add_node_title")), added)

    def action_add_edge(self) -> None:
        from ..dialogs.flow_forms import EdgeFormDialog

        nodes = self.session.flowchart.nodes
        if len(nodes) < 2:
            self.notify(t("stap6.need_two_nodes"), severity="warning")
            return

        def added(fields: EdgeFields | None) -> None:
            if fields is not None:
                self._changed(lambda s: stap6.add_edge(s, fields.source, fields.target,
                                                      fields.label))

        self.app.push_screen(EdgeFormDialog(t("stap6.add_edge_title"), nodes), added)

    def _selected(self) -> tuple[str, str] | None:
        """("node" | "edge", id) of the selected row in the list view."""
        if not self.listing:
            self.notify(t("stap6.select_in_list"), severity="information")
            return None
        table = self.focused if isinstance(self.focused, LineTable) else None
        if table is None or table.row_count == 0:
            return None
        key = table.row_key_at(table.cursor_row)
        return ("node" if table.id == "flow-nodes" else "edge", str(key))

    def action_edit(self) -> None:
        from ..dialogs.flow_forms import EdgeFormDialog, NodeFormDialog

        selected = self._selected()
        if selected is None:
            return
        kind, item_id = selected
        chart = self.session.flowchart
        if kind == "node":
            node = next(n for n in chart.nodes if n.id == item_id)

            def edited_node(fields: NodeFields | None) -> None:
                if fields is not None:
                    self._changed(lambda s: stap6.update_node(s, item_id, fields.label,
                                                             fields.kind))

            self.app.push_screen(NodeFormDialog(t("stap6.edit_node_title"), node), edited_node)
            return
        edge = next(e for e in chart.edges if e.id == item_id)

        def edited_edge(fields: EdgeFields | None) -> None:
            if fields is not None:
                self._changed(lambda s: stap6.update_edge(s, item_id, fields.label))

        self.app.push_screen(EdgeFormDialog(t("stap6.edit_edge_title"), chart.nodes,
                                            edge.source, edge.target, edge.label,
                                            fixed_ends=True), edited_edge)

    def action_remove(self) -> None:
        from ..dialogs.confirm import ConfirmDialog

        selected = self._selected()
        if selected is None:
            return
        kind, item_id = selected

        def confirmed(yes: bool | None) -> None:
            if yes:
                remove = stap6.remove_node if kind == "node" else stap6.remove_edge
                self._changed(lambda s: remove(s, item_id))

        question = "stap6.remove_node_question" if kind == "node" else "stap6.remove_edge_question"
        self.app.push_screen(ConfirmDialog(t(question)), confirmed)

    @on(LineTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_edit()


SCREEN = FlowchartScreen
