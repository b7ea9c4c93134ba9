"""The footer of a stage screen: key hints, rebuilt only when the keys change.

Textual's Footer rebuilds all its keys whenever the screen's bindings might
have changed, which includes every time the screen is shown again. A kept
stage screen comes back with the same keys, so this footer first compares
what it would show with what it shows.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class StageFooter(Footer):
    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown_keys: Hashable = None

    @staticmethod
    def _keys(screen: Screen[object]) -> Hashable:
        # Textual's own bindings, before RegionetScreen translates their descriptions:
        # the language does not change while a screen lives, and translating costs.
        active = Screen.active_bindings.fget(screen)  # type: ignore[attr-defined]
        return tuple(
            (binding.key, binding.action, binding.description, binding.show, binding.group,
             enabled, tooltip)
            for _node, binding, enabled, tooltip in active.values()
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen and self.is_attached and screen.app.app_focus:
            keys = self._keys(screen)
            if keys == self._shown_keys:
                return
            self._shown_keys = keys
        super().bindings_changed(screen)
