"""The flowchart drawn in the terminal; scrolls both ways when it is larger."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.widgets import Static

from regionet_tui.flowchart import Drawing

# Text styles only (no colours): the kind is also named in the node list.
KIND_STYLES = {"broker": "bold", "service": "italic"}


class FlowView(ScrollableContainer):
    DEFAULT_CSS = """
    FlowView { height: 1fr; border: round $primary-background; }
    FlowView:focus { border: round $primary; }
    FlowView > Static { width: auto; height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Drawing, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="flow-drawing")

    def show(self, drawing: Drawing, empty_message: str) -> None:
        if self._shown == (drawing, empty_message):
            return  # the same chart again: drawing it costs a full render
        self._shown = (drawing, empty_message)
        target = self.query_one("#flow-drawing", Static)
        if not drawing.lines:
            target.update(Content(empty_message))
            return
        target.update(drawing.to_rich(KIND_STYLES))
