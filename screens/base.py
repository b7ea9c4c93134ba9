"""Base screens: key hints in the footer and the palette come from the catalogue."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import ModalScreen, Screen

from regionet_tui.i18n import has, t

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

ResultType = TypeVar("ResultType")

# Descriptions that Textual itself gives its bindings.
_TEXTUAL_DESCRIPTIONS = {"palette": "app.key_palette", "Quit": "app.key_quit"}


def translated(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Bindings whose descriptions are catalogue keys, shown in the current language."""
    result = {}
    for key, active in bindings.items():
        description = active.binding.description
        description = _TEXTUAL_DESCRIPTIONS.get(description, description)
        if description and has(description):
            active = active._replace(binding=replace(active.binding, description=t(description)))
        result[key] = active
    return result


class RegionetScreen(Screen[None]):
    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)


class RegionetModal(ModalScreen[ResultType], Generic[ResultType]):
    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)
