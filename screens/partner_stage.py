"""Stage screens with two views (v switches), and with a per-partner view.

The same keys on every such screen: v switches between the two views; on a
per-partner screen < and > (or , and ., or shift+Tab and Tab) go to the
previous or next partner.
Keys that only work in one view are hidden from the footer in the other.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.widgets import ContentSwitcher

from regionet_tui.models import Partner

from .stage import StageScreen
from .widgets.partner_bar import PartnerBar


def first_line(text: str, width: int = 60) -> str:
    """The first line of a block of text, cut to fit a table column."""
    line = text.split("\n", 1)[0]
    return line if len(line) <= width else line[: width - 1] + "…"


class TwoViewStageScreen(StageScreen):
    VIEWS: ClassVar[tuple[str, str]] = ("", "")  # ids of the two views in #views
    # view id -> actions that only work in that view
    VIEW_ACTIONS: ClassVar[dict[str, frozenset[str]]] = {}
    # view id -> the widget (a selector) that has the focus when the view is shown
    VIEW_FOCUS: ClassVar[dict[str, str]] = {}
    BINDINGS = [Binding("v", "switch_view", "stages.key_view")]

    _views: ContentSwitcher | None = None

    @property
    def view(self) -> str:
        # Asked for every key binding on each footer update: no DOM query each time.
        if self._views is None:
            self._views = next(self.query("#views").results(ContentSwitcher), None)
        return (self._views.current if self._views else None) or self.VIEWS[0]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        views = [view for view, actions in self.VIEW_ACTIONS.items() if action in actions]
        return not views or self.view in views

    def action_switch_view(self) -> None:
        switcher = self.query_one("#views", ContentSwitcher)
        switcher.current = self.VIEWS[1] if self.view == self.VIEWS[0] else self.VIEWS[0]
        self.refresh_bindings()
        self.view_changed()

    def view_changed(self) -> None:
        """Fill and focus the view just shown."""
        self.fill_view()
        self.query_one(self.VIEW_FOCUS[self.view]).focus()

    def refresh_stage(self) -> None:
        self.fill_view()

    def fill_view(self) -> None:
        """Show the session in the view on show."""


class PartnerStageScreen(TwoViewStageScreen):
    BINDINGS = [
        Binding("greater_than_sign,full_stop", "partner(1)", "stages.key_next_partner"),
        Binding("less_than_sign,comma", "partner(-1)", "stages.key_prev_partner", show=False),
        # As in STAP 1's grid: Tab goes to the next partner where there is one to go to.
        Binding("tab", "tab_partner(1)", "stages.key_next_partner", show=False),
        Binding("shift+tab", "tab_partner(-1)", "stages.key_prev_partner", show=False),
    ]

    partner_index = 0

    @property
    def partner(self) -> Partner | None:
        partners = self.session.partners
        if not partners:
            return None
        self.partner_index = min(self.partner_index, len(partners) - 1)
        return partners[self.partner_index]

    def show_partner_bar(self) -> None:
        for bar in self.query(PartnerBar):
            bar.names = tuple(p.name for p in self.session.partners)
            bar.index = self.partner_index

    def refresh_stage(self) -> None:
        self.show_partner_bar()
        super().refresh_stage()

    def action_partner(self, step: int) -> None:
        count = len(self.session.partners)
        if count:
            self.partner_index = (self.partner_index + step) % count
            self.show_partner_bar()
            self.partner_changed()

    def action_tab_partner(self, step: int) -> None:
        """Tab changes partner in the per-partner view; in the other view it
        moves the focus, as everywhere."""
        if self.check_action("partner", (step,)):
            self.action_partner(step)
        elif step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def partner_changed(self) -> None:
        """Show the newly chosen partner."""
