"""One line naming the partner a per-partner view shows, and how to switch."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from regionet_tui.i18n import t


class PartnerBar(Horizontal):
    """"◀ 2/6 · ROC Rivierenland ▶" plus the keys; the name is user text, never markup.

    The keys are an edit hint (class `edit-hint`): presenting (F5) hides them,
    as every other key hint.
    """

    DEFAULT_CSS = """
    PartnerBar { height: 1; width: 1fr; background: $boost; padding: 0 1; }
    PartnerBar > .partner-bar-name { width: auto; height: 1; }
    PartnerBar > .partner-bar-keys { width: 1fr; height: 1; padding: 0 0 0 3; }
    """

    names: reactive[tuple[str, ...]] = reactive(tuple, init=False)
    index: reactive[int] = reactive(0, init=False)

    def compose(self) -> ComposeResult:
        yield Static(self.shown(), classes="partner-bar-name")
        yield Static(Content(t("stages.switch_hint")), classes="partner-bar-keys edit-hint")

    def shown(self) -> Content:
        """What the bar says about the partner on view."""
        if not self.names:
            return Content(t("stages.no_partners"))
        index = min(self.index, len(self.names) - 1)
        return Content.assemble(
            ("◀ ", "bold"),
            f"{index + 1}/{len(self.names)} · ",
            (self.names[index], "bold"),
            (" ▶", "bold"),
        )

    def _show(self) -> None:
        for name in self.query(".partner-bar-name").results(Static):
            name.update(self.shown())

    def watch_names(self) -> None:
        self._show()

    def watch_index(self) -> None:
        self._show()
