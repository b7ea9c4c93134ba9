"""STAP 5: the transition plan: milestones as a list and as a timeline."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static

from regionet_tui.core import stap5
from regionet_tui.core.stap5_timeline import MARKERS, Scale, is_late, layout
from regionet_tui.forms import format_date
from regionet_tui.i18n import t
from regionet_tui.models.stap5 import MILESTONE_STATUSES, Milestone

from ..dialogs.confirm import ConfirmDialog
from ..partner_stage import TwoViewStageScreen
from ..widgets.line_table import LineTable, Row
from ..widgets.text import show_text
from ..widgets.timeline_view import TimelineView

# When the table is wider than the screen, the title and the owner give way down to
# these widths (cut with "…") so that both stay on screen beside the deadline; the
# columns after them are read by scrolling sideways.
GIVES_WAY = {"col_title": 24, "col_owner": 14}
TITLE_WIDTH = 34  # cells of a milestone's title in the list


def today() -> date:
    return date.today()


class Stap5Screen(TwoViewStageScreen):
    STAGE_ID = "stap5"
    VIEWS = ("list-view", "timeline-view")
    VIEW_FOCUS = {"list-view": "#milestones", "timeline-view": "TimelineView"}
    VIEW_ACTIONS = {"list-view": frozenset({"edit", "remove", "next_status"}),
                    "timeline-view": frozenset({"scale"})}
    BINDINGS = [
        Binding("a,plus", "add", "stap5.key_add"),
        Binding("e", "edit", "stap5.key_edit"),
        Binding("delete,x", "remove", "stap5.key_remove"),
        Binding("s", "next_status", "stap5.key_status"),
        Binding("m", "scale", "stap5.key_scale"),
    ]

    scale: Scale = "month"

    def compose_stage(self) -> ComposeResult:
        with ContentSwitcher(id="views", initial=self.VIEWS[0]):
            with Vertical(id="list-view"):
                yield LineTable(id="milestones")
                yield Static("", id="plan-warnings", classes="warnings")
            with Vertical(id="timeline-view"):
                yield TimelineView(id="timeline")
                yield Static("", id="timeline-legend", classes="legend")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#milestones", LineTable)
        for key in ("col_status", "col_title", "col_deadline", "col_owner", "col_phase",
                    "col_start", "col_depends", "col_serves"):
            # A long title is cut, so that the deadline and owner still show at 80 columns.
            table.add_column(Text(t(f"stap5.{key}")), key=key,
                             max_width=TITLE_WIDTH if key == "col_title" else None,
                             min_width=GIVES_WAY.get(key))
        self.fill_list()
        table.focus()

    # -- filling -------------------------------------------------------------------
    def status_text(self, milestone: Milestone, on: date) -> str:
        status = t(f"stap5.status.{milestone.status}")
        if is_late(milestone, on):
            late = t("stap5.status.late")
            return f"! {late}" if milestone.status == "late" else f"! {late} · {status}"
        return f"{MARKERS.get(milestone.status, '·')} {status}"

    def fill_view(self) -> None:
        if self.view == "timeline-view":
            self.fill_timeline()
        else:
            self.fill_list()

    def fill_list(self, select: int | None = None) -> None:
        table = self.query_one("#milestones", LineTable)
        names = {p.id: p.name for p in self.session.partners}
        titles = {m.id: m.title for m in self.session.plan.milestones}
        targets = dict(stap5.serve_targets(self.session))
        on = today()
        rows = []
        for m in self.session.plan.milestones:
            owner = names.get(m.owner, t("stages.unknown_partner")) if m.owner else "–"
            depends = "; ".join(titles.get(d, "?") for d in m.depends_on)
            rows.append(Row(m.id, (
                self.status_text(m, on), m.title, format_date(m.deadline), owner, m.phase,
                format_date(m.start), depends, targets.get(m.serves, "") if m.serves else "",
            )))
        table.show(rows)
        if select is not None:
            table.move_cursor(row=select)
        warnings = stap5.warnings(self.session)
        hint = self.query_one("#plan-warnings", Static)
        if not self.session.plan.milestones:
            show_text(hint, t("stap5.empty"))
        else:
            show_text(hint, "\n".join(f"⚠ {w}" for w in warnings))
        hint.display = bool(warnings) or not self.session.plan.milestones

    def fill_timeline(self) -> None:
        on = today()
        self.query_one(TimelineView).show(layout(self.session.plan.milestones, on, self.scale))
        show_text(self.query_one("#timeline-legend", Static), t(
            "stap5.legend", today=format_date(on),
            scale=t(f"stap5.scale.{'quarter' if self.scale == 'month' else 'month'}")))

    def _refresh(self, select: int | None = None) -> None:
        self.fill_list(select)
        if self.view == "timeline-view":
            self.fill_timeline()

    # -- views -----------------------------------------------------------------------
    def action_scale(self) -> None:
        self.scale = "quarter" if self.scale == "month" else "month"
        if self.view == "timeline-view":
            self.fill_timeline()

    # -- changes -----------------------------------------------------------------------
    def _selected(self) -> Milestone | None:
        if self.view != "list-view":
            return None
        items = self.session.plan.milestones
        row = self.query_one("#milestones", LineTable).cursor_row
        return items[row] if items and 0 <= row < len(items) else None

    @on(LineTable.RowSelected, "#milestones")
    def _row_chosen(self) -> None:
        self.action_edit()

    def action_add(self) -> None:
        self._edit(None)

    def action_edit(self) -> None:
        current = self._selected()
        if current is not None:
            self._edit(current)

    def _edit(self, current: Milestone | None) -> None:
        from ..dialogs.milestone_form import MilestoneFormDialog  # not on the first visit

        def saved(milestone: Milestone | None) -> None:
            if milestone is None:
                return
            apply = stap5.replace_milestone if current else stap5.add_milestone
            if self.change(lambda s: apply(s, milestone)):
                ids = [m.id for m in self.session.plan.milestones]
                self._refresh(select=ids.index(milestone.id))
                for warning in stap5.warnings(self.session, about=milestone.id):
                    self.notify(warning, severity="warning", markup=False)

        dialog = MilestoneFormDialog(
            t("stap5.edit_title" if current else "stap5.add_title"), current,
            [(p.id, p.name) for p in self.session.partners],
            [(m.id, m.title) for m in self.session.plan.milestones],
            stap5.serve_targets(self.session), lambda m: stap5.check_milestone(self.session, m),
        )
        self.app.push_screen(dialog, saved)

    def action_next_status(self) -> None:
        current = self._selected()
        if current is None:
            return
        following = MILESTONE_STATUSES[(MILESTONE_STATUSES.index(current.status) + 1)
                                       % len(MILESTONE_STATUSES)]
        updated = current.model_copy(update={"status": following})
        if self.change(lambda s: stap5.replace_milestone(s, updated)):
            self._refresh()

    def action_remove(self) -> None:
        current = self._selected()
        if current is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.change(lambda s: stap5.remove_milestone(s, current.id)):
                self._refresh()

        self.app.push_screen(ConfirmDialog(t("stap5.remove_question", title=current.title)),
                             confirmed)


SCREEN = Stap5Screen
