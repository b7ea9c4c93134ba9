"""The line at the top of a screen: the screen's title and subtitle, centred.

It takes the place of Textual's Header, which is four widgets that set their
title a second time once mounted (a layout pass and a paint more on every
screen built). This one draws a single line from the screen's `title` and
`sub_title` when it paints, and repaints when either changes. The mark on
the left opens the command palette when clicked, as the Header's icon did.
"""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from regionet_tui.i18n import t

ICON = "⭘"
ICON_CELLS = 3  # " ⭘ ", the clickable part


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar { dock: top; width: 100%; height: 1; background: $panel; color: $foreground; }
    """

    def on_mount(self) -> None:
        # The screen's titles only: a watcher on the App would keep this bar, and
        # its screen and session, alive until the App's title changed (never).
        for name in ("title", "sub_title"):
            self.watch(self.screen, name, self._title_changed, init=False)
        if self.app.ENABLE_COMMAND_PALETTE:
            self.tooltip = t("app.title_bar_tooltip")

    def _title_changed(self) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        width = self.size.width
        middle = max(width - 2 * ICON_CELLS, 0)
        return Content.assemble(
            f" {ICON} ",
            app.format_title(title, sub_title).center(middle, ellipsis=True),
            " " * ICON_CELLS,
        ).truncate(width)

    def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            self.app.action_command_palette()
