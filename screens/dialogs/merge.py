"""Merging a file into the open session: how (three-way from a known export, or
two-way), what it takes, and per conflict which value stays. Nothing changes
until the facilitator confirms."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, DataTable, Static

from regionet_tui.i18n import t
from regionet_tui.report.labels import Labels
from regionet_tui.share.describe import (
    conflict_lines,
    orders_taken,
    summary,
    taken_summary,
    unit_label,
)
from regionet_tui.share.merge import MergePlan, Side

from ..base import RegionetModal

Choices = dict[int, Side]


class MergeDialog(RegionetModal[Choices | None]):
    BINDINGS = [
        Binding("escape", "cancel", "form.key_cancel"),
        Binding("ctrl+s", "confirm", "share.key_confirm_merge"),
        Binding("left", "choose('local')", "share.key_keep_local", priority=True),
        Binding("right", "choose('incoming')", "share.key_take_incoming", priority=True),
        Binding("space", "switch_side", "share.key_toggle", show=False, priority=True),
        Binding("a", "choose_all('incoming')", "share.key_all_incoming", show=False),
        Binding("l", "choose_all('local')", "share.key_all_local", show=False),
    ]

    CHANGES_SESSION = True
    AUTO_FOCUS = ""  # without conflicts: ctrl+s merges, or Tab to a button and Enter

    def __init__(self, plan: MergePlan, labels: Labels, file_name: str, how: str,
                 answered: Choices | None = None) -> None:
        """`answered`: the conflicts answered for an earlier file, with that answer."""
        super().__init__()
        self.plan = plan
        self._labels = labels
        self._file_name = file_name
        self._how = how
        self._answered = dict(answered or {})
        self.choices: Choices = {index: self._answered.get(index, "local")
                                 for index in range(len(plan.conflicts))}

    def compose(self) -> ComposeResult:
        plan = self.plan
        with VerticalScroll(classes="dialog merge-dialog"):
            yield Static(Content(t("share.merge.title", file=self._file_name)),
                         classes="dialog-title")
            if not plan.same_session:
                yield Static(Content(t("share.merge.other_session", title=plan.incoming_title)),
                             classes="merge-warning")
            yield Static(Content(self._how), id="merge-how", classes="dialog-text")
            yield Static(Content(summary(plan)), classes="dialog-text")
            if plan.taken:
                key = "share.merge.taken" if plan.three_way else "share.merge.added"
                yield Static(Content(t(key, parts=taken_summary(plan))), classes="dialog-text")
            if plan.orders:
                yield Static(Content(orders_taken(plan)), classes="dialog-text")
            if self._answered:
                yield Static(Content(t("share.merge.answered", count=len(self._answered))),
                             id="merge-answered", classes="dialog-text")
            if plan.conflicts:
                yield Static(Content(t("share.merge.choose_hint")), classes="dialog-text edit-hint")
                yield DataTable(id="merge-conflicts", cursor_type="row")
                yield Static("", id="merge-detail")
            yield Static(Content(t("share.merge.backup_note")), classes="merge-note")
            if self.session_readonly:
                yield Static(Content(t("app.readonly_refused")), classes="form-readonly")
            with Horizontal(classes="dialog-buttons"):
                if not self.session_readonly:
                    yield Button(t("share.merge.confirm"), id="merge-confirm",
                                 variant="primary")
                yield Button(t("form.cancel"), id="merge-cancel")

    def on_mount(self) -> None:
        if not self.plan.conflicts:
            return
        table = self.query_one("#merge-conflicts", DataTable)
        table.add_column(Text(t("share.merge.col_part")), key="part")
        table.add_column(Text(t("share.merge.col_keep")), key="keep")
        for index, difference in enumerate(self.plan.conflicts):
            table.add_row(Text(unit_label(difference, self._labels)), self._choice_cell(index),
                          key=str(index))
        table.focus()
        self._show_detail()

    def _choice_cell(self, index: int) -> Text:
        side = self.choices[index]
        text = t(f"share.merge.keep_{side}")
        if self._answered.get(index) == side:
            text = f"{text} ✓"
        return Text(text)

    def _current(self) -> int | None:
        if not self.plan.conflicts:
            return None
        return self.query_one("#merge-conflicts", DataTable).cursor_row

    def _show_detail(self) -> None:
        index = self._current()
        if index is None:
            return
        lines = conflict_lines(self.plan.conflicts[index], self.plan.three_way)
        self.query_one("#merge-detail", Static).update(Content("\n".join(lines)))

    @on(DataTable.RowHighlighted, "#merge-conflicts")
    def _highlighted(self) -> None:
        self._show_detail()

    def _set(self, index: int, side: Side) -> None:
        self.choices[index] = side
        table = self.query_one("#merge-conflicts", DataTable)
        table.update_cell(str(index), "keep", self._choice_cell(index))

    def action_choose(self, side: Side) -> None:
        index = self._current()
        if index is not None:
            self._set(index, side)

    def action_switch_side(self) -> None:
        index = self._current()
        if index is not None:
            self._set(index, "incoming" if self.choices[index] == "local" else "local")

    def action_choose_all(self, side: Side) -> None:
        for index in self.choices:
            self._set(index, side)

    @on(Button.Pressed, "#merge-confirm")
    def action_confirm(self) -> None:
        if self.session_readonly:
            self.notify(t("app.readonly_refused"), severity="warning", markup=False)
            return
        self.dismiss(dict(self.choices))

    @on(Button.Pressed, "#merge-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
