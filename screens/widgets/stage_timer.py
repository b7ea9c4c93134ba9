"""The countdown of the current agenda item, at the end of the stage bar.

It reads the saved agenda of the App's open session and the App's clock, and
recomputes every second: nothing about the countdown lives in the widget
itself, so a fake clock in a test, a restart or another screen all show the
same time. It holds no session of its own either: a timer of a closed session's
screen, still ticking while Textual takes the screen down, must not keep that
session alive (or frozen with the next one). State is always in
the text and the symbol (⏱ running, ⏸ paused, ⏰ time up), never in colour
alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from regionet_tui.core.workshop import (
    format_clock,
    remaining_seconds,
    running_slot,
    slot_for,
    timebox_seconds,
)
from regionet_tui.i18n import t
from regionet_tui.workshop_mode import WorkshopMode

# Under this many seconds left the countdown stands out (the digits still say it).
WARN_SECONDS = 120


class StageTimer(Widget):
    DEFAULT_CSS = """
    StageTimer { width: auto; height: 1; padding: 0 1; background: $boost; }
    StageTimer.-running { text-style: bold; }
    StageTimer.-warning { background: $warning; color: $background; }
    StageTimer.-overtime { background: $error; color: $background; text-style: bold; }
    """

    class TimeUp(Message):
        """The running timebox has run out (posted on every check while it is over)."""

        def __init__(self, stage: str, timebox_seconds: int) -> None:
            super().__init__()
            self.stage = stage
            self.timebox_seconds = timebox_seconds

    def __init__(self, stage: str | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage = stage
        self._content = Content("")

    def on_mount(self) -> None:
        self.tooltip = t("workshop.timer_tooltip")
        self.tick()
        self.set_interval(1, self.tick)

    @property
    def _workshop(self) -> WorkshopMode:
        app = self.app
        assert isinstance(app, WorkshopMode), "the timer runs in a regionet App"
        return app

    @property
    def _clock(self) -> Callable[[], datetime]:
        return self._workshop.clock

    def tick(self) -> None:
        """Recompute from the saved agenda and the clock, and redraw.

        A kept stage screen that is not on view does not tick: it ticks when
        it is shown again.
        """
        store = self._workshop.store
        if not self.screen.is_current or store is None:
            return
        now = self._clock()
        session = store.session
        running = running_slot(session)
        slot = running or (slot_for(session, self.stage) if self.stage else None)
        if slot is None:
            self._show(Content(""), set())
            return
        left = remaining_seconds(slot, now)
        name = "" if slot.stage == self.stage else f"{t(f'stage.name.{slot.stage}')} "
        if left < 0:
            symbol = "⏰" if running else "⏸"
            text = f"{symbol} {name}{t('workshop.timer_over', time=format_clock(left))}"
            # Only a running timebox calls for attention; a finished one just reports.
            classes = {"-overtime"} if running else set()
        else:
            symbol = "⏱" if running else "⏸"
            text = f"{symbol} {name}{format_clock(left)}"
            classes = {"-warning"} if running and left <= WARN_SECONDS else set()
        if running:
            classes.add("-running")
        self._show(Content(text), classes)
        if running is not None and left < 0:
            self.post_message(self.TimeUp(running.stage, timebox_seconds(running)))

    def _show(self, content: Content, classes: set[str]) -> None:
        shown = {name for name in ("-running", "-warning", "-overtime") if self.has_class(name)}
        if content == self._content and classes == shown and self.display == bool(content.plain):
            return  # every second while paused or idle: nothing to redraw
        self._content = content
        for name in ("-running", "-warning", "-overtime"):
            self.set_class(name in classes, name)
        self.display = bool(content.plain)
        self.refresh(layout=True)

    @property
    def content(self) -> Content:
        """What the timer shows now, as plain content (for tests and screen readers)."""
        return self._content

    def render(self) -> RenderResult:
        return self.content
