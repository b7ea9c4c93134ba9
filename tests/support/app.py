"""Helpers every Pilot test uses: an app on a folder, a session in it, the screen as text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from regionet_tui.app import RegionetApp
from regionet_tui.config import AppConfig
from regionet_tui.storage import SessionLibrary

if TYPE_CHECKING:
    from regionet_tui.screens.start import StartScreen
    from textual.notifications import SeverityLevel

HOSTILE_NAMES = [
    "[/x]",
    "[@click=app.quit]klik[/]",
    "[bold red]rood",
    "\x1b]0;gekaapt\x07titel",
    "\x1b[2J\x1b[Hwis",
    "a\u202eevil\u202c",
    "zero\u200bwidth\ufeff",
    "Cafe\u0301 (NFD)",
    "emoji 🧑‍🏫📚",
]


class NotingApp(RegionetApp):
    """The App, noting every notification it is asked to show, as (title, message):
    Textual keeps its own list private."""

    def __init__(self, config: AppConfig) -> None:
        super().__init__(config)
        self.noted: list[tuple[str, str]] = []

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        self.noted.append((title, message))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)


def make_app(folder: Path, language: str = "nl", demo: bool = False) -> NotingApp:
    return NotingApp(AppConfig(folder, language, demo))


def noted(app: RegionetApp) -> list[tuple[str, str]]:
    """Every notification shown so far, as (title, message); the app from make_app."""
    assert isinstance(app, NotingApp), "make the app with make_app"
    return app.noted


def make_session(library: SessionLibrary, title: str = "Ronde 1", region: str = "Rivierenland"
                 ) -> str:
    store = library.create(title, region, date(2026, 11, 22), "Marieke")
    session_id = store.session.id
    store.close()
    return session_id


def start_screen(app: RegionetApp) -> StartScreen:
    """The start screen, at the bottom of the stack whatever is shown over it."""
    from regionet_tui.screens.start import StartScreen

    screen = app.screen_stack[0]
    assert isinstance(screen, StartScreen)
    return screen


def screen_text(app: RegionetApp) -> str:
    """Everything the current screen shows, as plain text (like capture-pane)."""
    from regionet_tui.screens.widgets.line_table import LineTable
    from regionet_tui.screens.widgets.session_list import SessionList
    from textual.widgets import DataTable

    parts = []
    screen = app.screen
    for widget in screen.query("*"):
        if isinstance(widget, SessionList):
            parts.extend(" | ".join(row.cells) for row in widget.rows)
            parts.extend(column.label for column in widget.columns)
        elif isinstance(widget, (LineTable, DataTable)):
            for row in range(widget.row_count):
                parts.append(" | ".join(str(c) for c in widget.get_row_at(row)))
            parts.extend(str(c.label) for c in widget.columns.values())
        else:
            render = getattr(widget, "content", None)
            if render is not None:
                parts.append(str(render))
    parts.append(str(screen.title or ""))
    parts.append(str(screen.sub_title or ""))
    return "\n".join(parts)
