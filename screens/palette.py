"""The command palette, with the words Textual writes itself in the user's language."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from regionet_tui.i18n import t


class RegionetPalette(CommandPalette):
    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's own, with "No matches found" from the catalogue.

        A private hook of Textual 8: the message is written inline there.
        """
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            # Nothing found while discovering (no search text) is not worth saying.
            self._list_visible = bool(search_value)
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(t("app.palette_no_matches"), style="not bold")),
                           disabled=True, id=self._NO_MATCHES)
                )

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
