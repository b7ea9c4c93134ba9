"""Base screens: key hints in the footer and the palette come from the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar, cast, runtime_checkable

from textual import events, on
from textual.actions import SkipAction
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from regionet_tui.i18n import has, t
from regionet_tui.workshop_mode import WorkshopMode

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

    from regionet_tui.app import RegionetApp
    from regionet_tui.storage.journal import Record

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


@runtime_checkable
class StylesOnDemand(Protocol):
    """An App that reads most style sheets only once a screen needs them."""

    def read_all_styles(self) -> None: ...


def read_all_styles(screen: Screen[Any]) -> None:
    """Have the App read every style sheet, if it has not yet, before `screen`
    is first painted (the start screen is painted with fewer)."""
    if isinstance(screen.app, StylesOnDemand):
        screen.app.read_all_styles()


class RegionetScreen(Screen[None]):
    # Only the start screen does with the sheets read at start-up (app.py).
    NEEDS_ALL_STYLES: ClassVar[bool] = True

    @on(events.Mount)
    def _read_all_styles(self) -> None:
        if self.NEEDS_ALL_STYLES:
            read_all_styles(self)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)

    @property
    def regionet_app(self) -> RegionetApp:
        """The App, typed: every regionet screen runs in a RegionetApp."""
        return cast("RegionetApp", self.app)

    def step_history(self, step: Callable[[], Record | None], done_key: str,
                     none_key: str) -> None:
        """Undo, redo or go back one change of the whole session, and say what and
        where (a stage's keys and the history screen alike)."""
        from regionet_tui.forms import FormError
        from regionet_tui.i18n import language
        from regionet_tui.storage import ReadOnlyError, SaveError
        from regionet_tui.storage.changes import EditDoesNotApply

        try:
            record = step()
        except ReadOnlyError:
            self.notify(t("app.readonly_refused"), severity="warning", markup=False)
            return
        except SaveError as error:  # done in memory: shown, and saved on the next try
            self.notify(t("app.save_failed", reason=str(error)), severity="error",
                        timeout=30, markup=False)
            return
        except (ValueError, EditDoesNotApply, FormError):  # ValidationError is a ValueError
            self.notify(t("history.cannot"), severity="warning", markup=False)
            return
        if record is None:
            self.notify(t(none_key), markup=False)
            return
        what = record.what.get(language()) or next(iter(record.what.values()), "")
        self.notify(t(done_key, what=what, seq=record.back_to or 0), markup=False)


class RegionetModal(ModalScreen[ResultType], Generic[ResultType]):
    """A dialog: no key typed into it reaches the screen behind it, and a button
    takes Enter only once the facilitator has moved to it.

    The focus reaches a button by Tab, shift+Tab or a click: then Enter presses
    it. A button that has the focus for another reason (the dialog put it there
    on opening, a field before it went away) does not take Enter, and neither
    does a button the facilitator typed letters at, thinking to be in a field:
    the letters and that Enter are refused with a bell and a word on what to do,
    and a Tab or click makes the button ready again. A dialog that changes the
    open session (CHANGES_SESSION) says at once when that session is read-only.
    """

    BINDINGS = [
        Binding("tab", "move_focus(1)", "app.key_focus_next", show=False),
        Binding("shift+tab", "move_focus(-1)", "app.key_focus_previous", show=False),
        Binding("enter", "press_focused", show=False, priority=True),
    ]
    CHANGES_SESSION = False

    _ready_button: Button | None = None  # the button the facilitator moved to

    @on(events.Mount)
    def _read_all_styles(self) -> None:
        read_all_styles(self)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)

    @property
    def regionet_app(self) -> RegionetApp:
        """The App, typed: every regionet screen runs in a RegionetApp."""
        return cast("RegionetApp", self.app)

    @property
    def session_readonly(self) -> bool:
        """Whether this dialog would change an open session that cannot be changed."""
        app = self.app
        store = app.store if isinstance(app, WorkshopMode) else None
        return self.CHANGES_SESSION and store is not None and store.readonly

    def action_move_focus(self, step: int) -> None:
        chain = self.focus_chain
        if not chain:
            return
        current = self.focused
        if current in chain:
            moved = chain[(chain.index(current) + step) % len(chain)]
        else:
            moved = chain[0] if step > 0 else chain[-1]
        # Scrolled at once, not glided to the middle: the room sees the field jump
        # into view, and a test sees it there.
        self.set_focus(moved, scroll_visible=False)
        moved.scroll_visible(animate=False)
        self._ready_button = moved if isinstance(moved, Button) else None

    def on_click(self, event: events.Click) -> None:
        focused = self.focused
        if isinstance(focused, Button) and event.widget is focused:
            self._ready_button = focused

    def action_press_focused(self) -> None:
        focused = self.focused
        if not isinstance(focused, Button) or focused is self._ready_button:
            raise SkipAction()  # a field's Enter, or a button the facilitator chose
        self.refuse_key()

    def on_key(self, event: events.Key) -> None:
        """A character that reached the dialog itself: no field took it, and no
        key of the dialog is bound to it. It goes no further."""
        if not event.is_printable or event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        if self.focused is None or isinstance(self.focused, Button):
            self._ready_button = None
            self.refuse_key()

    def refuse_key(self) -> None:
        """Tell the facilitator that typing goes into a field, not onto a button."""
        self.app.bell()
        self.notify(t(self.refused_key_hint()), severity="warning", timeout=4, markup=False)

    def refused_key_hint(self) -> str:
        """The catalogue key of what to do instead."""
        return "form.typing_on_button"
