"""The command palette, with the words Textual writes itself in the user's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult
from textual.command import CommandList, CommandPalette
from textual.visual import VisualType
from textual.widgets.option_list import Option

from regionet_tui.i18n import t

from .base import read_all_styles

# The id Textual gives the option that says nothing matched the search.
NO_MATCHES_ID = "--no-matches"


class CommandListInLanguage(CommandList):
    """The palette's list of commands, saying "No matches found" from the catalogue
    (Textual adds that option with its English text)."""

    def add_options(self, new_options: Iterable[Option | VisualType | None]) -> Self:
        return super().add_options(
            Option(Align.center(Text(t("app.palette_no_matches"), style="not bold")),
                   disabled=True, id=NO_MATCHES_ID)
            if isinstance(option, Option) and option.id == NO_MATCHES_ID else option
            for option in new_options)


class RegionetPalette(CommandPalette):
    def on_mount(self) -> None:
        read_all_styles(self)

    def compose(self) -> ComposeResult:
        # Textual's own layout, with the list of commands in the user's language.
        for widget in super().compose():
            yield CommandListInLanguage() if type(widget) is CommandList else widget
