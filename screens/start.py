"""The start screen: the sessions in the folder, and what to do with them
(the actions themselves are in start_actions.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Input, Static

from regionet_tui.i18n import t
from regionet_tui.storage import SessionEntry

from . import start_actions
from .base import RegionetScreen
from .widgets.session_list import Column, Row, SessionList
from .widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

COLUMNS = ("title", "region", "date", "partners", "progress", "modified")
# Title and region share the room the other columns leave, the title more of it.
_SHARES = {"title": 3, "region": 2}
_NUMBERS = {"partners", "progress"}


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return ""


def _day(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d-%m-%Y")
    except ValueError:
        return ""


def _sort_value(entry: SessionEntry, column: str) -> str | int:
    values: dict[str, str | int] = {
        "title": entry.title.casefold(), "region": entry.region.casefold(), "date": entry.date,
        "partners": entry.partners, "progress": entry.done, "modified": entry.modified,
    }
    return values[column]


class StartScreen(RegionetScreen):
    NEEDS_ALL_STYLES = False  # painted with START_STYLES alone (app.py)
    # At 80 columns the footer holds about seven keys; the rest are in help (?)
    # and the command palette.
    BINDINGS = [
        Binding("n", "new_session", "start.key_new"),
        Binding("enter", "open", "start.key_open", show=False),
        Binding("r", "rename", "start.key_rename", show=False),
        Binding("u", "duplicate", "start.key_duplicate"),
        Binding("x,delete", "delete", "start.key_delete"),
        Binding("t", "show_trash", "start.key_trash", show=False),
        Binding("d", "open_demo", "start.key_demo", show=False),
        Binding("i", "import_session", "share.key_import", show=False),
        Binding("s", "sort", "start.key_sort", show=False),
        Binding("slash", "filter", "start.key_filter", show=False),
        Binding("question_mark,f1", "app.help", "app.key_help"),
    ]

    AUTO_FOCUS = "#sessions"

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[SessionEntry] = []
        self.sort_column = "modified"
        self.sort_reverse = True
        self._shown_before = False  # the first showing comes with the mount, which lists

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="folder")
        yield Input(placeholder=t("start.filter_placeholder"), id="filter")
        yield Static("", id="sessions-empty", classes="empty-hint")
        yield SessionList(self._columns(), id="sessions")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._prepare()
        if self.regionet_app.config.open_demo:  # regionet --demo
            self.call_after_refresh(self.action_open_demo)

    def on_screen_resume(self) -> None:
        """Shown again (a session closed, a dialog gone): the folder may have
        changed meanwhile, here or in another window."""
        if self._shown_before:
            self.reload()
        self._shown_before = True

    def _prepare(self) -> None:
        self.title = t("app.name")
        self.sub_title = t("start.title")
        self.reload()
        self.query_one("#sessions", SessionList).focus()

    @staticmethod
    def _columns() -> list[Column]:
        return [Column(key, t(f"start.col_{key}"), _SHARES.get(key, 0), key in _NUMBERS,
                       tell_apart=key == "title")
                for key in COLUMNS]

    async def relabel(self) -> None:
        """Build the screen anew in the current language, keeping filter and sort."""
        typed = self.query_one("#filter", Input).value
        await self.recompose()
        self.query_one("#filter", Input).value = typed
        self._prepare()

    def help_text(self) -> str:
        return t("help.start")

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The App's quit key, hidden on stage screens for room, is shown here."""
        bindings = super().active_bindings
        quit_key = bindings.get("ctrl+q")
        if quit_key is not None:
            bindings["ctrl+q"] = quit_key._replace(binding=replace(quit_key.binding, show=True))
        return bindings

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Actions on "the selected session" disappear from the footer when there is
        # none; a damaged file can only be opened (to repair it).
        if action in {"open", "rename", "duplicate", "delete"}:
            entry = self.selected() if self.is_mounted else None
            return entry is not None and (action == "open" or not entry.damaged)
        return True

    # -- the list -------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """List the folder again; the cursor goes to the file named `select` if given."""
        library = self.regionet_app.library
        self.query_one("#folder", Static).update(
            Content(t("start.folder", path=str(library.folder)))
        )
        self.entries = library.entries()
        self.show(select)

    def shown_entries(self) -> list[SessionEntry]:
        words = self.query_one("#filter", Input).value.casefold().split()
        shown = [
            e for e in self.entries
            if all(w in f"{e.title} {e.region} {e.path.name}".casefold() for w in words)
        ]
        shown.sort(key=lambda e: _sort_value(e, self.sort_column), reverse=self.sort_reverse)
        shown.sort(key=lambda e: e.damaged)  # damaged files last, whatever the column
        return shown

    def show(self, select: str | None = None) -> None:
        shown = self.shown_entries()
        listing = self.query_one("#sessions", SessionList)
        listing.set_sort(self.sort_column, self.sort_reverse)
        listing.set_rows([self._row(entry) for entry in shown], select)
        hint = ""
        if not self.entries:
            hint = t("start.empty")
        elif not shown:
            hint = t("start.no_match")
        empty = self.query_one("#sessions-empty", Static)
        empty.update(Content(hint))
        empty.display = bool(hint)
        self.refresh_bindings()

    @staticmethod
    def _row(entry: SessionEntry) -> Row:
        name = entry.path.name
        if entry.damage is not None:
            reason = t(f"damage.{entry.damage.reason}", detail=entry.damage.detail)
            return Row(name, (t("start.damaged_title", name=name), reason), damaged=True)
        return Row(name, (
            entry.title, entry.region, _day(entry.date), str(entry.partners),
            f"{entry.done}/{entry.total}", _local_time(entry.modified),
        ))

    def selected_name(self) -> str | None:
        return self.query_one("#sessions", SessionList).selected_key

    def selected(self) -> SessionEntry | None:
        name = self.selected_name()
        return next((e for e in self.entries if e.path.name == name), None)

    # -- filtering and sorting --------------------------------------------------
    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.show()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#sessions", SessionList).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def key_escape(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus or field.value:
            field.value = ""
            self.query_one("#sessions", SessionList).focus()

    def action_sort(self) -> None:
        index = (COLUMNS.index(self.sort_column) + 1) % len(COLUMNS)
        self.set_sort(COLUMNS[index])

    def set_sort(self, column: str) -> None:
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column = column
            self.sort_reverse = column in {"date", "modified", "partners", "progress"}
        self.show()
        self.notify(t("start.sorted_by", column=t(f"start.col_{column}")), timeout=2)

    @on(SessionList.Highlighted, "#sessions")
    def _row_highlighted(self) -> None:
        self.refresh_bindings()

    @on(SessionList.HeaderClicked, "#sessions")
    def _header_clicked(self, event: SessionList.HeaderClicked) -> None:
        self.set_sort(event.column)

    # -- actions on the folder and the selected session ------------------------------
    def action_new_session(self) -> None:
        start_actions.new_session(self)

    def action_show_trash(self) -> None:
        start_actions.show_trash(self)

    def action_open_demo(self) -> None:
        start_actions.open_demo(self)

    def action_import_session(self) -> None:
        start_actions.import_session(self)

    @on(SessionList.Chosen, "#sessions")
    def action_open(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if entry.damaged:
            start_actions.repair(self, entry)
        elif not self.regionet_app.open_session(entry.path):
            self.reload()  # listed now with the reason it cannot be opened

    def action_rename(self) -> None:
        entry = self.selected()
        if entry is not None and not entry.damaged:
            start_actions.rename(self, entry)

    def action_duplicate(self) -> None:
        entry = self.selected()
        if entry is not None and not entry.damaged:
            start_actions.next_round(self, entry)

    def action_delete(self) -> None:
        entry = self.selected()
        if entry is not None and not entry.damaged:
            start_actions.delete(self, entry)
