"""The frame every stage screen shares: header, stage bar, intro, footer.

Stage screens subclass StageScreen, set STAGE_ID and compose their own body in
`compose_stage`. They change the session only through `self.change(...)`,
which saves at once and reports refused or failed changes to the user.

A stage screen is built on its first visit and kept while the session is open
(App.show_stage). Every time it is shown again (after another stage, a
dialog, the agenda) it must show the session as it is now: the frame refreshes
the title, the stage bar and the timer, and the screen's `refresh_stage()`
refreshes the body. Changes may come from anywhere (another stage renamed a
partner, a merge replaced the plan, the agenda promoted a parked item), so
`refresh_stage` compares what the screen would show with what it shows and
touches only what differs: comparing is far cheaper than refilling a long
table. A screen that does not override
`refresh_stage` is not kept: it is built anew on every visit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static

from regionet_tui import progress
from regionet_tui.forms import FormError, describe
from regionet_tui.i18n import t
from regionet_tui.models import Session
from regionet_tui.storage import ReadOnlyError, SaveError, SessionStore
from regionet_tui.storage.journal import Record

from .base import RegionetScreen
from .widgets.room_badge import RoomBadge
from .widgets.stage_footer import StageFooter
from .widgets.stage_nav import StageNav
from .widgets.stage_timer import StageTimer
from .widgets.title_bar import TitleBar

STAGE_BINDINGS = [
    Binding(stage.key, f"goto('{stage.id}')", show=False) for stage in progress.STAGES
]


def apply_change(node: Widget | App[None], store: SessionStore, apply: Callable[[Session], object],
                 labels: dict[str, str] | None = None) -> bool:
    """Apply and save one change; True when done, else `node` tells the user why."""
    try:
        store.change(apply)
    except ReadOnlyError:
        node.notify(t("app.readonly_refused"), severity="warning", markup=False)
        return False
    except FormError as error:
        node.notify(str(error), severity="error", markup=False)
        return False
    except ValidationError as error:
        names = {name: t(key) for name, key in (labels or {}).items()}
        node.notify(describe(error, names), severity="error", markup=False)
        return False
    except SaveError as error:
        node.notify(t("app.save_failed", reason=str(error)), severity="error",
                    timeout=30, markup=False)
        return False
    return True


class StageScreen(RegionetScreen):
    STAGE_ID: str = ""
    SHOW_INTRO: ClassVar[bool] = True
    BINDINGS = [
        Binding("escape", "to_start", "stage.key_start"),
        Binding("i", "details", "stage.key_details", show=False),
        Binding("left_square_bracket", "step(-1)", "stage.key_prev", show=False),
        Binding("right_square_bracket", "step(1)", "stage.key_next", show=False),
        Binding("question_mark,f1", "app.help", "app.key_help"),
        Binding("ctrl+z", "undo", "stage.key_undo", show=False),
        Binding("ctrl+y", "redo", "stage.key_redo", show=False),
        Binding("f7", "history", "stage.key_history", show=False),
        *STAGE_BINDINGS,
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store
        self._stale = False  # covered or left since it last showed the session
        self.was_left = False  # when stale: left for another stage, not only covered
        self._own_change = -1  # the last change this screen made and showed itself

    @property
    def session(self) -> Session:
        return self.store.session

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="stage-bar"):
            yield StageNav(self.STAGE_ID, progress.statuses(self.session), id="stage-nav")
            yield RoomBadge(id="room-badge")
            yield StageTimer(self.STAGE_ID, id="stage-timer")
        with Vertical(id="stage-body"):
            if self.SHOW_INTRO:
                yield Static(Content(t(f"stage.title.{self.STAGE_ID}")), classes="stage-title")
                yield Static(Content(t(f"stage.explain.{self.STAGE_ID}")),
                             classes="stage-explain")
            yield from self.compose_stage()
        yield StageFooter(compact=True)

    def compose_stage(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.show_titles()

    def show_titles(self) -> None:
        title = self.session.title
        if self.store.readonly:  # first: a long title must not cut it off
            title = f"{t('app.readonly_badge')} · {title}"
        if (self.title, self.sub_title) != (title, self.session.region):
            self.title, self.sub_title = title, self.session.region

    # -- shown again ------------------------------------------------------------
    @classmethod
    def kept_between_visits(cls) -> bool:
        return cls.refresh_stage is not StageScreen.refresh_stage

    def on_screen_resume(self) -> None:
        # Subscribed while on view (see on_screen_suspend).
        published = self.regionet_app.session_changed_signal
        published.unsubscribe(self)
        published.subscribe(self, self._session_changed)
        if not self._stale:
            return  # the first showing: on_mount has just filled it
        self._stale = False
        self.show_titles()
        self.refresh_nav()
        for timer in self.query(StageTimer):
            timer.tick()
        self.refresh_stage()

    def refresh_stage(self) -> None:
        """Show the current session in the body, touching only what changed."""

    def _session_changed(self, record: Record | None) -> None:
        """A change of the session was published: shown now when on view (unless
        this screen made it and showed it itself), else when shown again."""
        if self.store is not self.regionet_app.store:
            return
        if not self.is_current:
            self._stale = True
            return
        if record is not None and record.seq == self._own_change:
            return
        self.session_changed()

    def on_screen_suspend(self) -> None:
        # Off view, a change is shown when it comes back (on_screen_resume); the
        # signal must not hold a screen the session has let go of.
        self.regionet_app.session_changed_signal.unsubscribe(self)
        self._stale = True
        self.was_left = self not in self.app.screen_stack
        if not self.was_left:
            return  # under a dialog or the agenda: still on view behind it
        # Kept off the stack until shown again, when Textual refreshes its styles
        # and renders it anew anyway: let go of the rendered lines meanwhile
        # (a full refresh drops a widget's cache of them).
        for widget in self.walk_children(Widget):
            widget.refresh()
            widget.notify_style_update()

    def help_text(self) -> str:
        return t(f"stage.explain.{self.STAGE_ID}")

    def help_title(self) -> str:
        return t(f"stage.title.{self.STAGE_ID}")

    def help_keys(self) -> list[tuple[str, str]]:
        """The keys to the other stages, which the footer leaves out."""
        stap = [stage.key for stage in progress.STAGES if stage.id.startswith("stap")]
        keys = []  # p 0 1–6 7 8
        for stage in progress.STAGES:
            if not stage.id.startswith("stap"):
                keys.append(stage.key)
            elif stage.key == stap[0]:
                keys.append(f"{stap[0]}–{stap[-1]}")
        return [(" ".join(keys), t("stage.key_stages"))]

    # -- changing the session -------------------------------------------------
    def change(self, apply: Callable[[Session], object],
               labels: dict[str, str] | None = None) -> bool:
        """Apply and save one change; True when done, else the user sees why."""
        before = progress.parts(self.session)
        if not apply_change(self, self.store, apply, labels):
            return False
        self._own_change = self.store.last_seq
        self.refresh_nav(progress.touched(self.session, before))
        return True

    # -- undo, redo and the history ---------------------------------------------------
    def action_history(self) -> None:
        from .history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.store))

    def action_undo(self) -> None:
        self.step_history(self.store.undo, "history.undone", "history.nothing_to_undo")

    def action_redo(self) -> None:
        self.step_history(self.store.redo, "history.redone", "history.nothing_to_redo")

    def session_changed(self) -> None:
        """Show the session as a change elsewhere (an undo, say) left it."""
        self.show_titles()
        self.refresh_nav()
        self.refresh_stage()

    def refresh_nav(self, changed: tuple[str, ...] | None = None) -> None:
        """Show each stage's status; after a change, only `changed` are worked out anew."""
        nav = self.query_one(StageNav)
        statuses = progress.refreshed(self.session, nav.statuses, changed)
        if statuses != nav.statuses:
            nav.statuses = statuses

    # -- navigation ------------------------------------------------------------
    def action_goto(self, stage_id: str) -> None:
        if stage_id != self.STAGE_ID:
            self.regionet_app.show_stage(stage_id)

    def action_step(self, offset: int) -> None:
        ids = progress.STAGE_IDS
        index = ids.index(self.STAGE_ID) + offset
        if 0 <= index < len(ids):
            self.action_goto(ids[index])

    def action_to_start(self) -> None:
        if isinstance(self.focused, Input):  # a field of the stage (share): leave it
            self.set_focus(None)
            return
        self.regionet_app.close_session()

    def action_details(self) -> None:
        self.regionet_app.edit_session_details()

    @on(StageNav.Selected)
    def _nav_selected(self, event: StageNav.Selected) -> None:
        self.action_goto(event.stage_id)
