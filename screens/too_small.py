"""Shown instead of a screen that cannot fit: a clear message, nothing half-drawn."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from regionet_tui.i18n import t

from .base import RegionetModal

MIN_WIDTH, MIN_HEIGHT = 50, 14


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmallScreen(RegionetModal[None]):
    # Opaque, unlike the dialogs' backdrop: app.tcss (.too-small), since the
    # app's style sheets take precedence over a DEFAULT_CSS.
    DEFAULT_CLASSES = "too-small"
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen Static { width: 100%; text-align: center; text-style: bold; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content(t("app.too_small", width=MIN_WIDTH, height=MIN_HEIGHT)))

    def on_screen_resume(self) -> None:
        # Left below another screen while the terminal grew: nothing to say now.
        if not too_small(self.app.size):
            self.dismiss()
