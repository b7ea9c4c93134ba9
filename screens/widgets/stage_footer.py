"""The footer of a stage screen: the keys of the screen drawn as one line.

Textual's Footer is a row of widgets, one per key, rebuilt whenever the
screen's bindings might have changed, which includes every time a screen is
shown again. On a stage screen with ten keys that is a good part of building
the screen and of every return to it. This footer is a single widget that
draws the same line (key, then description; a disabled key dimmed; the
command palette key on the right) and redraws it only when the keys change.
A click on a key presses it, as in Textual's footer.

Where not every key fits the width, the first keys (the screen lists its most
used first) stay, the help key (`?`, which lists them all) always stays, and a
key that does not fit whole is left out: no label is ever cut to a bare key.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult, RenderResult
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Footer


class _Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    action: str = ""

    @property
    def width(self) -> int:
        """Cells this key takes: ` key ` then `description `."""
        return cell_len(f" {self.display} ") + (cell_len(f"{self.description} ")
                                                 if self.description else 0)


HELP_ACTION = "app.help"


class _Spot(NamedTuple):
    key: str
    start: int
    end: int


class StageFooter(Footer):
    COMPONENT_CLASSES = {"stage-footer--key", "stage-footer--description"}
    DEFAULT_CSS = """
    StageFooter {
        .stage-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .stage-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._keys: tuple[_Key, ...] = ()
        self._palette: _Key | None = None
        self._spots: list[_Spot] = []

    def compose(self) -> ComposeResult:
        yield from ()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen or not self.is_attached:
            return
        keys, palette = self._active_keys(screen)
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    def _active_keys(self, screen: Screen[object]) -> tuple[tuple[_Key, ...], _Key | None]:
        active = screen.active_bindings
        keys: list[_Key] = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append(_Key(binding.key, self.app.get_key_display(binding),
                                 binding.description, enabled, binding.action))
        palette = None
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and found is not None:
            binding = found.binding
            palette = _Key(binding.key, self.app.get_key_display(binding), binding.description,
                           found.enabled)
        return tuple(keys), palette

    def render(self) -> RenderResult:
        key_style = self.get_visual_style("stage-footer--key")
        text_style = self.get_visual_style("stage-footer--description")
        dimmed = Style(dim=True)
        gap = 1 if self.compact else 2
        parts: list[tuple[str, Style] | str] = []
        self._spots = []
        position = 0

        def add(key: _Key) -> None:
            nonlocal position
            label = f" {key.display} "
            description = f"{key.description} " if key.description else ""
            parts.append((label, key_style if key.enabled else key_style + dimmed))
            parts.append((description, text_style if key.enabled else text_style + dimmed))
            width = cell_len(label) + cell_len(description)
            self._spots.append(_Spot(key.key, position, position + width))
            position += width

        keys, palette = self._fitting(gap)
        for key in keys:
            add(key)
            parts.append(" " * (gap - 1))
            position += gap - 1
        if palette is not None:
            room = self.size.width - position - palette.width
            if room > 0:
                parts.append(" " * room)
                position += room
            add(palette)
        return Content.assemble(*parts)

    def _fitting(self, gap: int) -> tuple[list[_Key], _Key | None]:
        """The keys that fit whole: the help key always, then the others in the
        screen's order until one does not fit; the palette key if room is left."""
        room = self.size.width
        if not room:  # not laid out yet: everything, as before the first layout
            return list(self._keys), self._palette
        helps = [key for key in self._keys if key.action == HELP_ACTION]
        used = sum(key.width + gap - 1 for key in helps)
        kept: set[_Key] = set(helps)
        for key in self._keys:
            if key in kept:
                continue
            if used + key.width + gap - 1 > room:
                break
            kept.add(key)
            used += key.width + gap - 1
        palette = self._palette
        if palette is not None and used + palette.width > room:
            palette = None
        return [key for key in self._keys if key in kept], palette

    def on_click(self, event: events.Click) -> None:
        for spot in self._spots:
            if spot.start <= event.x < spot.end:
                self.app.simulate_key(spot.key)
                return
