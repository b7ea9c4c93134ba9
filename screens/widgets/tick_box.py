"""A checkbox that reads ticked or not without colour: ▐X▌ or ▐ ▌."""

from __future__ import annotations

from textual.content import ContentText
from textual.widgets import Checkbox

TICKED, UNTICKED = "X", " "


class TickBox(Checkbox):
    """Textual's checkbox draws its X in both states, only in another colour:
    on a projector, or for the colour-blind, ticked and unticked looked the
    same. Here the X is there only when ticked."""

    def __init__(self, label: ContentText = "", value: bool = False, *,
                 id: str | None = None) -> None:
        super().__init__(label, value, id=id)
        self._show_tick()

    def watch_value(self) -> None:
        super().watch_value()
        self._show_tick()

    def _show_tick(self) -> None:
        self.BUTTON_INNER = TICKED if self.value else UNTICKED
