"""The navigation bar over the stages: key, name and status of each."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from regionet_tui.i18n import t
from regionet_tui.progress import STAGES, Status

SYMBOLS: dict[Status, str] = {"empty": "○", "in_progress": "◐", "done": "●"}


@dataclass(frozen=True)
class _Tab:
    stage_id: str
    start: int
    end: int


class StageNav(Widget):
    """One line of tabs; the current stage is highlighted and always named in full.

    Status is shown by a symbol (○ ◐ ●), never by colour alone.
    """

    DEFAULT_CSS = """
    StageNav { height: 1; width: 1fr; background: $boost; }
    """

    current: reactive[str] = reactive("partners")
    statuses: reactive[dict[str, Status]] = reactive(dict, always_update=True)

    class Selected(Message):
        def __init__(self, stage_id: str) -> None:
            super().__init__()
            self.stage_id = stage_id

    def __init__(self, current: str, statuses: dict[str, Status], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(StageNav.current, current)
        self.set_reactive(StageNav.statuses, statuses)
        self._tabs: list[_Tab] = []

    def _labels(self, compact: bool) -> list[tuple[str, str]]:
        labels = []
        for stage in STAGES:
            symbol = SYMBOLS[self.statuses.get(stage.id, "empty")]
            if compact and stage.id != self.current:
                labels.append((stage.id, f" {stage.key}{symbol} "))
            else:
                labels.append((stage.id, f" {stage.key} {t(f'stage.name.{stage.id}')} {symbol} "))
        return labels

    def render(self) -> RenderResult:
        labels = self._labels(compact=False)
        if sum(cell_len(text) for _, text in labels) > self.size.width:
            labels = self._labels(compact=True)
        parts: list[Content | tuple[str, str]] = []
        self._tabs = []
        position = 0
        for stage_id, text in labels:
            width = cell_len(text)
            self._tabs.append(_Tab(stage_id, position, position + width))
            position += width
            style = "reverse bold" if stage_id == self.current else ""
            parts.append((text, style))
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for tab in self._tabs:
            if tab.start <= event.x < tab.end:
                self.post_message(self.Selected(tab.stage_id))
                return
