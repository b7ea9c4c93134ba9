"""Workshop mode on the App: keeping time, the parking lot, and what the room sees.

These keys work from every screen of an open session, including dialogs
(they are priority bindings on function keys, which no text field uses):

- F2 / ctrl+n  park a side issue, and return to where you were
- F3           start or pause the timer of the current stage
- F4           five more minutes for the running (or current) stage
- F5           presentation layout: the App gets the class `-presenting`,
               and styles/workshop.tcss hides explanations, notes panes,
               editing hints and the footer on every screen
- F9           switch between the normal and the projector theme (remembered)
- F8           the agenda and the parking lot (Esc returns to where you were)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import Theme

from . import settings, themes
from .i18n import t
from .ids import utc_now

if TYPE_CHECKING:
    from .config import AppConfig
    from .models import Session
    from .storage import SessionStore

PRESENTING = "-presenting"

WORKSHOP_BINDINGS: list[BindingType] = [
    Binding("f2,ctrl+n", "park", "workshop.key_park", show=False, priority=True),
    Binding("f3", "timer_toggle", "workshop.key_timer", show=False, priority=True),
    Binding("f4", "timer_extend", "workshop.key_extend", show=False, priority=True),
    Binding("f5", "toggle_presenting", "workshop.key_presenting", show=False, priority=True),
    Binding("f8", "agenda", "workshop.key_agenda", show=False, priority=True),
    Binding("f9", "toggle_projector", "workshop.key_projector", show=False, priority=True),
]
# Actions that need an open session.
_SESSION_ACTIONS = {"park", "timer_toggle", "timer_extend", "agenda"}


class WorkshopMode(App[None]):
    """The part of RegionetApp that runs the workshop in the room.

    `clock` gives the current time to the timer; tests replace it with a fake.
    """

    BINDINGS = WORKSHOP_BINDINGS

    config: AppConfig
    store: SessionStore | None

    def __init__(self) -> None:
        super().__init__()
        self.clock: Callable[[], datetime] = utc_now
        # Each stage's time is up once per timebox: again only after more time was given.
        self._told_time_up: set[tuple[str, int]] = set()
        for theme in themes.THEMES:
            self.register_theme(theme)
        remembered = settings.load().theme
        self.theme = remembered if remembered in self.available_themes else themes.NORMAL

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def set_app_class(self, name: str, on: bool) -> None:
        """Set a class of the App that the style sheets follow on every screen."""
        if self.has_class(name) == on:
            return
        self.set_class(on, name)
        # Textual restyles only the screen on top for a class of the App: the
        # screens under it and the kept stages would come back as they were.
        for screen in {*self.screen_stack, *self.kept_screens()}:
            if screen is not self.screen:
                self.stylesheet.update(screen)

    def kept_screens(self) -> list[Screen[Any]]:
        """Screens kept off the stack to be shown again."""
        return []

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _SESSION_ACTIONS and self.store is None:
            return False
        return super().check_action(action, parameters)

    # -- changing the session from anywhere -------------------------------------
    def _change(self, apply: Callable[[Session], object]) -> bool:
        from .screens.stage import apply_change

        if self.store is None:
            return False
        if not apply_change(self, self.store, apply):
            return False
        self._show_workshop_changes()
        return True

    def _show_workshop_changes(self) -> None:
        """Every screen in the stack shows the changed agenda, timer and progress."""
        from .screens.agenda import AgendaScreen
        from .screens.stage import StageScreen
        from .screens.widgets.stage_timer import StageTimer

        for screen in self.screen_stack:
            if isinstance(screen, StageScreen):
                screen.refresh_nav()
            if isinstance(screen, AgendaScreen):
                screen.fill()
            for timer in screen.query(StageTimer):
                timer.tick()

    def _timer_stage(self) -> str | None:
        """The stage the timer keys are about: the agenda row or the stage on screen."""
        from .screens.agenda import AgendaScreen
        from .screens.stage import StageScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, AgendaScreen):
                return screen.selected_stage()
            if isinstance(screen, StageScreen):
                return screen.STAGE_ID
        return None

    # -- parking lot ---------------------------------------------------------------
    def action_park(self) -> None:
        from .core import workshop as core
        from .screens.dialogs.prompt import NamePromptDialog

        if isinstance(self.screen, (NamePromptDialog, CommandPalette)):
            return

        def park(text: str | None) -> None:
            if text is None:
                return
            if self._change(lambda s: core.add_parking(s, text, self.clock())):
                assert self.store is not None
                count = len(core.open_parking(self.store.session))
                self.notify(t("workshop.parked", count=count), markup=False)

        self.push_screen(NamePromptDialog(t("workshop.park_title"), "workshop.park_label"), park)

    # -- timer -----------------------------------------------------------------------
    def _stage_name(self, stage: str) -> str:
        return t(f"stage.name.{stage}")

    def action_timer_toggle(self) -> None:
        from .core import workshop as core

        stage = self._timer_stage()
        if stage is None or self.store is None:
            return
        before = core.running_slot(self.store.session)
        if not self._change(lambda s: core.toggle_timer(s, stage, self.clock())):
            return
        if core.running_slot(self.store.session) is None:
            self.notify(t("workshop.timer_paused", stage=self._stage_name(stage)), markup=False)
        elif before is not None and before.stage != stage:
            self.notify(t("workshop.timer_switched", stage=self._stage_name(stage),
                          previous=self._stage_name(before.stage)), markup=False)
        else:
            self.notify(t("workshop.timer_started", stage=self._stage_name(stage)), markup=False)

    def action_timer_extend(self) -> None:
        from .core import workshop as core

        if self.store is None:
            return
        running = core.running_slot(self.store.session)
        stage = running.stage if running else self._timer_stage()
        if stage is None:
            return
        if self._change(lambda s: core.extend(s, stage)):
            self.notify(t("workshop.extended", stage=self._stage_name(stage),
                          minutes=core.EXTENSION_MINUTES), markup=False)

    def on_stage_timer_time_up(self, message: object) -> None:
        from .screens.widgets.stage_timer import StageTimer

        assert isinstance(message, StageTimer.TimeUp)
        key = (message.stage, message.timebox_seconds)
        if key in self._told_time_up:
            return
        self._told_time_up.add(key)
        self.bell()
        self.notify(t("workshop.time_up", stage=self._stage_name(message.stage)),
                    severity="warning", timeout=10, markup=False)

    # -- agenda ----------------------------------------------------------------------
    def action_agenda(self) -> None:
        from .screens.agenda import AgendaScreen

        if self.store is None or any(isinstance(s, AgendaScreen) for s in self.screen_stack):
            return  # already open, perhaps under a dialog of its own
        self.push_screen(AgendaScreen(self.store))

    # -- what the room sees ------------------------------------------------------------
    @property
    def presenting(self) -> bool:
        return self.has_class(PRESENTING)

    def action_toggle_presenting(self) -> None:
        self.set_app_class(PRESENTING, not self.presenting)
        self.notify(t("workshop.presenting_on" if self.presenting else "workshop.presenting_off"),
                    markup=False)

    def action_toggle_projector(self) -> None:
        self.theme = themes.other(self.theme)

    def _remember_theme(self, theme: Theme) -> None:
        if not self.config.remember:
            return
        current = settings.load()
        if current.theme == theme.name:
            return
        if not settings.save(current.with_changes(theme=theme.name)):
            self.notify(t("app.settings_not_saved"), severity="warning", markup=False)
