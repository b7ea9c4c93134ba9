"""The App is the hub: it owns the library and the open session, and the
screens ask it to open, close and switch. Screens stay thin: what the start
screen does with the sessions folder lives with it (screens/start_actions.py)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal

from . import i18n, settings
from .config import AppConfig
from .i18n import t
from .key_order import KeysInOrder
from .progress import STAGES
from .room_mode import RoomMode
from .safe_text import remove_unsafe
from .storage.library import SessionLibrary
from .storage.problems import os_reason
from .storage.sessionfile import DamagedSessionFile
from .workshop_mode import WorkshopMode

if TYPE_CHECKING:
    from .screens.stage import StageScreen
    from .storage.journal import Record
    from .storage.store import SessionStore


# The start screen is painted with these alone; the other sheets are read
# before the first other screen (a dialog, a stage, the palette) is shown.
START_STYLES = ("app.tcss", "start.tcss")
# Fewer lines than this, and the App has class SHORT (see on_resize).
SHORT, FULL_HEIGHT = "-short", 24
# While a dropped stage screen is still held (Textual takes it down a moment
# later), the freeze of the session waits this long, at most this many times.
FREEZE_DELAY = 0.25
FREEZE_WAITS = 8


def _style_paths(names: Iterable[str] | None = None) -> list[str | PurePath]:
    """The style sheets in styles/ (only `names` if given), app.tcss (the shared base) first."""
    from . import styles

    folder = Path(styles.__file__).parent
    found = sorted(item.name for item in folder.iterdir() if item.name.endswith(".tcss"))
    if names is not None:
        found = [name for name in found if name in names]
    found.sort(key=lambda name: name != "app.tcss")
    return [folder / name for name in found]


def pasted_text(text: str, target: object) -> str:
    """A paste with its line breaks as the field takes them. Terminals send a
    line break as CR (a bare one would be dropped as a control character); a
    one-line field keeps only the first line of a paste, so there the lines
    go side by side instead."""
    from textual.widgets import Input

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > 1 and isinstance(target, Input):
        return " ".join(line.strip() for line in lines if line.strip())
    return "\n".join(lines)


# Seconds without a change after which the session is written whole.
PAUSE_SECONDS = 2.0


class RegionetApp(KeysInOrder, RoomMode, WorkshopMode):
    CSS_PATH = _style_paths(START_STYLES)
    TITLE = "regionet"
    # Shown in the footer of the start screen only: stage screens need the room.
    BINDINGS = [Binding("ctrl+q", "quit", "app.key_quit", priority=True, show=False)]

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config
        i18n.set_language(config.language)
        self.library = SessionLibrary(config.sessions_folder)
        self.store: SessionStore | None = None
        # Every change of the open session (an edit, an undo, a room answer), published
        # once: screens subscribe and show it (Record, or None for a batch of answers).
        self.session_changed_signal: Signal[Record | None] = Signal(self, "session-changed")
        self._all_styles_read = False
        self._stage_screens: dict[str, StageScreen] = {}  # kept for the open session
        self._full_collection_due = False
        # A session closed since the last full collection: its objects, thawed,
        # are garbage that a freeze must not keep (see _collect_closed).
        self._closed_garbage = False
        self._dropped: weakref.WeakSet[Screen[Any]] = weakref.WeakSet()  # still going

    def get_default_screen(self) -> Screen[None]:
        """The start screen is the bottom of the stack: no empty screen under it."""
        from .screens.start import StartScreen

        self.library.prepare()
        return StartScreen()

    def read_all_styles(self) -> None:
        """Read the style sheets the start screen did without (START_STYLES).

        Every screen but the start screen asks for them as it is mounted, before
        its first paint (screens/base.py): CSS_PATH on each screen class would
        have every screen name the sheets it needs.
        """
        if self._all_styles_read:
            return
        self._all_styles_read = True
        later = [Path(path) for path in _style_paths() if path not in self.css_path]
        for path in later:
            self.stylesheet.read(path)
        if self.css_monitor is not None:
            self.css_monitor.add_paths(later)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._keep_too_small_on_top)
        # A pause in the changes writes the whole session (the snapshot), so the
        # journal after it stays short.
        self.set_interval(PAUSE_SECONDS, self._checkpoint_after_pause)
        if self.config.open_path is not None:
            self.call_after_refresh(self._open_from_command_line, self.config.open_path)

    def _session_changed(self, record: Record) -> None:
        # A room answer is shown with the others of its batch (room_mode).
        if record.who.kind != "device":
            self.session_changed_signal.publish(record)

    def _checkpoint_after_pause(self) -> None:
        store = self.store
        if store is not None and store.paused_for(PAUSE_SECONDS):
            store.checkpoint()

    def on_unmount(self) -> None:
        self._close_store()

    def on_resize(self, event: events.Resize) -> None:
        from .screens.too_small import TooSmallScreen, too_small

        # Fewer lines than the 24 every screen is laid out for: the stages'
        # explanations give way to their tables (app.tcss, -short).
        self.set_app_class(SHORT, event.size.height < FULL_HEIGHT)
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(event.size) and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small(event.size):
            self.pop_screen()

    def _keep_too_small_on_top(self, screen: Screen[object]) -> None:
        """A screen shown while the terminal is too small (a stage opened from the
        command line, a dialog) gets the message on top of it at once. One left
        below it goes when it is shown again in a large enough terminal."""
        from .screens.too_small import TooSmallScreen, too_small

        if too_small(self.size) and not isinstance(screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())

    # -- helpers for screens ---------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        # Pasted text is cleaned before any field sees it: an input shows what it
        # holds as it is, so ESC or a bidi override would reach the terminal raw.
        if isinstance(event, events.Paste) and not event.is_forwarded:
            cleaned = remove_unsafe(pasted_text(event.text, self.focused), keep="\n\t")
            if cleaned != event.text:
                event = events.Paste(cleaned)
        await super().on_event(event)

    def warn(self, message: str) -> None:
        self.notify(message, severity="warning", markup=False)

    def fail(self, message: str) -> None:
        self.notify(message, severity="error", timeout=15, markup=False)

    def folder_refused(self, error: OSError) -> None:
        """The sessions folder refused a change (read-only, no rights, full): nothing changed."""
        self.fail(t("start.folder_refused", path=str(self.library.folder),
                    reason=os_reason(error)))

    # -- opening and closing a session ----------------------------------------------
    def open_session(self, path: Path) -> bool:
        """Open the session in this file and show it; False (and say why) when it
        cannot be opened."""
        from .storage.store import SessionStore

        if not self._saved_before_closing():
            return False
        try:
            store = SessionStore.open(path)
        except DamagedSessionFile as error:
            damage = error.damage
            self.fail(t("start.cannot_open",
                        reason=t(f"damage.{damage.reason}", detail=damage.detail)))
            return False
        self._close_store()
        self.store = store
        # The session's models and the app live until the session closes: tens of
        # thousands of objects that every full collection of the cyclic GC would
        # scan again (60-160 ms, on a key now and then). Frozen, they are skipped:
        # once the partners screen has shown (show_stage). A full collection
        # first only while a session closed before may still be lying about
        # (unfreeze on close thaws every frozen object of the process; the
        # start screen collects them once it has shown): the first session
        # opened settles without one (60 ms at 120 partners).
        self._full_collection_due = self._closed_garbage
        store.on_background_error = self._background_save_failed
        store.on_change = self._session_changed
        notice = store.journal_notice
        if notice is not None:
            self.notify(t(f"history.journal_{notice.reason}", aside=str(notice.aside or "")),
                        severity="warning", timeout=30, markup=False)
        if store.lock_error is not None:
            self.notify(t("app.readonly_folder", reason=os_reason(store.lock_error)),
                        severity="warning", timeout=15, markup=False)
        elif store.readonly:
            self.notify(t("app.readonly"), severity="warning", timeout=10, markup=False)
        self.show_stage("partners")
        return True

    async def _open_from_command_line(self, path: Path) -> None:
        """`regionet room SESSION`: the session, then its room and the room's screen."""
        self.open_session(path)
        if self.store is None or self.config.open_room is None:
            return
        await self.open_room(network=self.config.open_room == "network",
                             port=self.config.room_port)
        if self.room is not None:
            await self.action_room()

    def _freeze_long_lived(self, waited: int = 0) -> None:
        """Collect the young generations (every one when due) and freeze what is
        left: the open session and the screens built for it."""
        gc.enable()
        if self.store is None:  # closed meanwhile: nothing to keep
            self._full_collection_due = False
            return
        full = self._full_collection_due or bool(self._dropped)
        gc.collect(2 if full else 1)
        if full:
            self._closed_garbage = False
        if self._dropped and waited < FREEZE_WAITS:
            # A dropped screen is still held while Textual takes it down: frozen
            # now, it would stay until the session closes. Collecting as usual
            # meanwhile, and trying again in a moment.
            self.set_timer(FREEZE_DELAY, lambda: self._freeze_long_lived(waited + 1))
            return
        gc.freeze()
        self._dropped.clear()  # any still held are frozen now: thawed on close
        self._full_collection_due = False

    class SaveFailed(Message):
        """A save in the background failed (posted from the writer's thread)."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def _background_save_failed(self, error: Exception) -> None:
        # Posted, not called: the writer's thread must never wait for the interface.
        self.post_message(self.SaveFailed(str(error)))

    def on_regionet_app_save_failed(self, message: SaveFailed) -> None:
        self.fail(t("app.save_failed", reason=message.reason))

    def show_stage(self, stage_id: str, *, forms_left: bool = False) -> None:
        """Show a stage of the open session.

        Its screen is built on the first visit and kept (installed) until the
        session closes or the language changes; shown again, it refreshes what
        changed meanwhile (StageScreen.refresh_stage). A screen that cannot
        refresh itself is built anew on every visit.

        Asked for from over a form with changed fields (the agenda, F8, over a
        form), it first asks whether to throw the changes away, as Esc does;
        `forms_left` once the facilitator said yes.
        """
        from .screens.dialogs.form import FormDialog
        from .screens.registry import stage_screen
        from .screens.stage import StageScreen

        if self.store is None:
            return
        changed = next((screen for screen in reversed(self.screen_stack)
                        if isinstance(screen, FormDialog) and screen.changed()), None)
        if changed is not None and not forms_left:
            # From the App: the screen that asked (the agenda) is gone by the answer.
            self.call_later(changed.leave, lambda: self.show_stage(stage_id, forms_left=True))
            return
        if any(kept.store is not self.store for kept in self._stage_screens.values()):
            self._drop_stage_screens()
        screen = self._stage_screens.get(stage_id)
        if screen is None:
            screen = stage_screen(stage_id, self.store)
            if screen.kept_between_visits():
                self.install_screen(screen, f"stage-{stage_id}")
                self._stage_screens[stage_id] = screen
                # A kept screen lives as long as the session: frozen with it once
                # shown, so that full collections (100-300 ms) do not scan it again.
                # While it is built the collector waits (a full collection landing
                # in the build cost 35-55 ms, young ones ~10 ms in all); once it
                # has shown, the young generations are collected (5-10 ms) and what
                # is left is frozen. Older garbage frozen along waits for the
                # session to close.
                gc.disable()
                screen.call_after_refresh(self._freeze_long_lived)
        # Asked for from over a stage (the agenda, say): back down to that stage first.
        below = [s for s in self.screen_stack if isinstance(s, StageScreen)]
        while below and self.screen is not below[-1]:
            self.pop_screen()
        if screen is self.screen:
            return
        if below:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def kept_screens(self) -> list[Screen[Any]]:
        return list(self._stage_screens.values())

    def _drop_stage_screens(self) -> None:
        """Take every stage screen off the stack and forget the kept ones."""
        from .screens.stage import StageScreen

        stack = self.screen_stack
        on_stack = set(stack)
        first = next((i for i, s in enumerate(stack) if isinstance(s, StageScreen)), len(stack))
        for _ in range(len(stack) - first):
            self.pop_screen()  # an uninstalled screen is removed once popped
        self._dropped.update(self._stage_screens.values())
        for screen in self._stage_screens.values():
            self.uninstall_screen(screen)
            if screen not in on_stack:
                screen.remove()
        self._stage_screens.clear()

    def _saved_before_closing(self) -> bool:
        """Save a change a failed save left in memory; False (and say why) if it still fails."""
        from .storage.store import SaveError

        if self.store is None:
            return True
        try:
            self.store.save_unsaved()
        except SaveError as error:
            self.fail(t("app.close_unsaved", reason=str(error)))
            return False
        return True

    def close_session(self) -> None:
        """Back to the sessions: see _after_saving for a change not saved yet."""
        self._after_saving("app.close_unsaved_question", self._close_now)

    def _after_saving(self, question_key: str, then: Callable[[], object]) -> None:
        """Run `then` (close, quit) once a change a failed save left in memory is
        saved; if that still fails, only when the facilitator agrees to go on
        without it (no: stay, make room and try again)."""
        from .screens.dialogs.confirm import ConfirmDialog
        from .storage.store import SaveError

        if self.store is not None:
            try:
                self.store.save_unsaved()
            except SaveError as error:
                self.clear_notifications()  # the question says it all; toasts would cover it

                def answered(go_on: bool | None) -> None:
                    if go_on:
                        then()

                self.push_screen(ConfirmDialog(t(question_key, reason=str(error))), answered)
                return
        then()

    def _close_now(self) -> None:
        # The start screen, shown again, lists the folder anew (StartScreen.on_screen_resume).
        self._drop_stage_screens()
        self._close_store()
        self._closed_garbage = True
        self.call_after_refresh(self._collect_closed)

    def _collect_closed(self, waited: int = 0) -> None:
        """The closed session's objects, thawed, collected while the start screen is
        read, rather than when the next session opens (which does it otherwise)."""
        if not self._closed_garbage or self.store is not None:
            return
        if self._dropped and waited < FREEZE_WAITS:  # its screens are still being taken down
            self.set_timer(FREEZE_DELAY, lambda: self._collect_closed(waited + 1))
            return
        gc.collect()
        self._closed_garbage = False

    def _close_store(self) -> None:
        if self.store is not None:
            self.room_session_closing()
            self.store.close()
            self.store = None
            gc.unfreeze()  # what was frozen with the session can be collected again
            gc.enable()

    # -- the open session's details ----------------------------------------------------
    def edit_session_details(self) -> None:
        from .screens.dialogs.session_form import SessionDetails, SessionFormDialog
        from .screens.stage import StageScreen

        if self.store is None or not isinstance(self.screen, StageScreen):
            return
        stage = self.screen
        s = self.store.session

        def save(details: SessionDetails | None) -> None:
            if details is None:
                return

            def apply(session: object) -> None:
                s.title, s.region = details.title, details.region
                s.date, s.facilitator = details.date, details.facilitator

            if stage.change(apply):
                stage.show_titles()
                self.notify(t("stage.details_saved"))

        current = SessionDetails(s.title, s.region, s.date, s.facilitator)
        self.push_screen(SessionFormDialog(t("stage.details_title"), current), save)

    # -- help, language, palette ----------------------------------------------------------
    def action_help(self) -> None:
        from .screens.base import translated
        from .screens.dialogs.help import HelpDialog

        screen = self.screen
        # Keys that do the same share a line: "?, f1  Help".
        keys: dict[str, list[str]] = {}
        for active in translated(screen.active_bindings).values():
            if active.binding.description:
                shown = keys.setdefault(active.binding.description, [])
                display = self.get_key_display(active.binding)
                if display not in shown:
                    shown.append(display)
        lines = [(", ".join(displays), description) for description, displays in keys.items()]
        lines += getattr(screen, "help_keys", list)()  # a stage's keys to the other stages
        about = getattr(screen, "help_text", lambda: "")()
        heading = getattr(screen, "help_title", lambda: screen.title or t("help.title"))()
        self.push_screen(HelpDialog(heading, about, lines))

    def choose_language(self, language: str) -> None:
        if language == i18n.language():
            self.notify(t("app.language_changed"))
        else:
            self.action_toggle_language()

    def action_toggle_language(self) -> None:
        language = "en" if i18n.language() == "nl" else "nl"
        i18n.set_language(language)
        if self.config.remember:
            chosen = settings.load().with_changes(language=language)
            if not settings.save(chosen):
                self.warn(t("app.settings_not_saved"))
        self.config.language = language
        self._rebuild_screens()
        self.notify(t("app.language_changed"))

    def _rebuild_screens(self) -> None:
        """Build the visible screens anew, so every string is in the new language."""
        from .screens.stage import StageScreen
        from .screens.start import StartScreen

        stage_id = next((s.STAGE_ID for s in reversed(self.screen_stack)
                         if isinstance(s, StageScreen)), None)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._drop_stage_screens()
        if self.store is not None:  # the dropped screens were frozen with the session
            gc.unfreeze()
            self._full_collection_due = True  # then frozen again once a stage shows
        start = self.screen  # the bottom of the stack, now on top
        assert isinstance(start, StartScreen)
        self.call_later(start.relabel)
        if stage_id is not None:
            self.show_stage(stage_id)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from .screens.palette import RegionetPalette

        if not isinstance(self.screen, CommandPalette):
            self.push_screen(RegionetPalette(id="--command-palette",
                                             placeholder=t("app.palette_placeholder")))

    def action_change_theme(self) -> None:
        from textual.theme import ThemeProvider

        from .screens.palette import RegionetPalette

        self.push_screen(RegionetPalette(providers=[ThemeProvider],
                                         placeholder=t("app.theme_placeholder")))

    async def action_quit(self) -> None:
        """Quit at once, unless a form holds changes or the last change could not
        be saved: then it asks first."""
        from .screens.dialogs.form import FormDialog

        changed = next((screen for screen in reversed(self.screen_stack)
                        if isinstance(screen, FormDialog) and screen.changed()), None)

        def quit_when_saved() -> None:
            self._after_saving("app.quit_unsaved", self.exit)

        if changed is None:
            quit_when_saved()
        else:
            changed.leave(quit_when_saved)

    def action_help_quit(self) -> None:
        """ctrl+c (which copies in a field) says how to quit, in the user's language."""
        self.notify(t("app.help_quit"), title=t("app.help_quit_title"), markup=False)

    def take_screenshot(self) -> None:
        """An SVG of the screen in Downloads, or where regionet was started when
        there is no such folder; the toast says where."""
        downloads = Path.home() / "Downloads"
        folder = downloads if downloads.is_dir() else Path.cwd()
        try:
            path = self.save_screenshot(path=str(folder))
        except OSError as error:
            self.fail(t("app.screenshot_failed", path=str(folder),
                        reason=error.strerror or str(error)))
            return
        self.notify(t("app.screenshot_saved", path=path), timeout=10, markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from textual.screen import ModalScreen

        from .screens.base import translated
        from .screens.stage import StageScreen

        if isinstance(screen, StageScreen):
            for stage in STAGES:
                name = t(f"stage.title.{stage.id}")
                yield SystemCommand(t("stage.goto", stage=name), t("stage.goto_help"),
                                    lambda stage_id=stage.id: self.show_stage(stage_id))
        # In a dialog, Esc cancels: as a command it would head the list (and
        # "Annuleren" sorts first), where ctrl+p, enter would throw the input away.
        in_dialog = isinstance(screen, ModalScreen)
        seen = set()
        for active in translated(screen.active_bindings).values():
            binding = active.binding
            if in_dialog and binding.key == "escape":
                continue
            if binding.description and binding.action not in seen and active.enabled:
                seen.add(binding.action)
                yield SystemCommand(binding.description, self.get_key_display(binding),
                                    lambda action=binding.action, node=active.node:
                                    self.call_later(self.run_action, action, node))
        if not in_dialog:  # switching builds the screens anew: a dialog would close
            # One command per language, named in both ("Nederlands (Dutch)"), so
            # "Dutch", "Engels" and "English" find it as well as "Nederlands".
            for language in i18n.LANGUAGES:
                help_key = ("app.cmd_language_current" if language == i18n.language()
                            else f"app.cmd_language_help_{language}")
                yield SystemCommand(
                    t("app.cmd_language", language=t(f"app.language_name.{language}")),
                    t(help_key), lambda chosen=language: self.choose_language(chosen))
        yield SystemCommand(t("app.cmd_theme"), t("app.cmd_theme_help"), self.action_change_theme)
        yield SystemCommand(t("app.cmd_screenshot"), t("app.cmd_screenshot_help"),
                            lambda: self.set_timer(0.1, self.take_screenshot))
        yield SystemCommand(t("app.cmd_quit"), t("app.cmd_quit_help"), self.action_quit)
