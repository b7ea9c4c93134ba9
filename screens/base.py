"""Base screens: key hints in the footer and the palette come from the catalogue."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import ModalScreen, Screen

from regionet_tui.i18n import has, t

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

ResultType = TypeVar("ResultType")

# Descriptions that Textual itself gives its bindings, for the keys worth naming.
_TEXTUAL_DESCRIPTIONS = {
    "palette": "app.key_palette",
    "Quit": "app.key_quit",
    "Focus Next": "app.key_focus_next",
    "Focus Previous": "app.key_focus_previous",
    "Copy selected text": "app.key_copy",
    "Cut selected text": "app.key_cut",
    "Paste text from the clipboard": "app.key_paste",
    "Select all": "app.key_select_all",
    "Submit": "app.key_submit",
    "Select": "app.key_select",
}


def translated(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Bindings with their descriptions in the current language.

    A description that is no catalogue key is one of Textual's own, in English
    (moving the cursor, scrolling, deleting a word): it is dropped, so help and
    the command palette leave such keys out; they still work as ever.
    """
    result = {}
    for key, active in bindings.items():
        description = active.binding.description
        description = _TEXTUAL_DESCRIPTIONS.get(description, description)
        if description and description not in _SHOWN:  # not translated before
            text = t(description) if has(description) else ""
            _SHOWN.add(text)
            active = active._replace(binding=replace(active.binding, description=text))
        result[key] = active
    return result


# Descriptions `translated` gave: help and the palette translate what a screen
# already translated once more, and must keep it as it is.
_SHOWN: set[str] = set()


class RegionetScreen(Screen[None]):
    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)


class RegionetModal(ModalScreen[ResultType], Generic[ResultType]):
    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)
