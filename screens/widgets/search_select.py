"""A dropdown that finds an option as its name is typed, open or closed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from rich.console import RenderableType
from textual import events
from textual.widgets import OptionList, Select
from textual.widgets.select import NoSelection

T = TypeVar("T")


class SearchSelect(Select[T]):
    """A Select that searches by typing (`type_to_search`), also while closed:
    the first letter typed on it opens the list at the first option that
    matches, and the next letters narrow it down. Choosing one box of twenty
    takes its first letters and Enter, not ten presses of the down arrow.

    Options are best given as plain strings or rich `Text` (user text): the
    search reads those.
    """

    def __init__(self, options: Iterable[tuple[RenderableType, T]], *, prompt: str = "Select",
                 allow_blank: bool = True, value: T | NoSelection = Select.NULL,
                 id: str | None = None, disabled: bool = False) -> None:
        super().__init__(options, prompt=prompt, allow_blank=allow_blank, value=value,
                         type_to_search=True, id=id, disabled=disabled)

    def on_key(self, event: events.Key) -> None:
        if self.expanded or not event.is_printable or event.key == "space":
            return  # open, the list searches itself; space opens it as ever
        event.stop()
        event.prevent_default()
        self.action_show_overlay()
        # The list gets the focus once shown: it handles this first letter as it
        # will the next ones.
        self.query_one(OptionList).post_message(events.Key(event.key, event.character))
