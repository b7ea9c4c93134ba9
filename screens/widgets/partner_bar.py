"""One line naming the partner a per-partner view shows, and how to switch."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from regionet_tui.i18n import t


class PartnerBar(Widget):
    """"◀ 2/6 · ROC Rivierenland ▶" plus the keys; the name is user text, never markup."""

    DEFAULT_CSS = """
    PartnerBar { height: 1; width: 1fr; background: $boost; padding: 0 1; }
    """

    names: reactive[tuple[str, ...]] = reactive(tuple)
    index: reactive[int] = reactive(0)

    def render(self) -> RenderResult:
        if not self.names:
            return Content(t("stages.no_partners"))
        index = min(self.index, len(self.names) - 1)
        return Content.assemble(
            ("◀ ", "bold"),
            f"{index + 1}/{len(self.names)} · ",
            (self.names[index], "bold"),
            (" ▶", "bold"),
            (f"   {t('stages.switch_hint')}", "dim"),
        )
