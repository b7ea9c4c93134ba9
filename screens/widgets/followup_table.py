"""The Follow-up plaat as a table: what, who, when, status, and the STAP 5 link."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from regionet_tui.core.reflection import in_step, is_late, milestone_of
from regionet_tui.forms import format_date
from regionet_tui.i18n import t
from regionet_tui.models import Session
from regionet_tui.models.reflection import FollowUp

from .line_table import Cell, LineTable, Row

# Fixed widths for the long columns, so the table fits 80 columns; the detail
# line under the table shows the selected follow-up in full.
COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("what", 26), ("who", 18), ("when", None), ("status", None), ("stap5", None),
)


def milestone_text(session: Session, followup: FollowUp) -> str:
    """The STAP 5 milestone the follow-up became, by its status."""
    milestone = milestone_of(session, followup)
    if milestone is not None:
        key = "milestone_link" if in_step(followup, milestone) else "milestone_differs"
        return t(f"reflection.{key}", status=t(f"reflection.milestone.{milestone.status}"))
    return t("reflection.milestone_gone") if followup.milestone else ""


class FollowUpTable(LineTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids: list[str] = []

    def on_mount(self) -> None:
        for column, width in COLUMNS:
            self.add_column(Text(t(f"reflection.col_{column}")), key=column, width=width)

    def show_followups(self, session: Session, today: date, select: str | None = None) -> None:
        keep = select or self.selected_id()
        self._ids = [f.id for f in session.reflection.followups]
        self.show([Row(followup.id, self._cells(session, followup, today))
                   for followup in session.reflection.followups])
        if keep in self._ids:
            self.move_cursor(row=self._ids.index(keep))

    @staticmethod
    def _cells(session: Session, followup: FollowUp, today: date) -> tuple[Cell, ...]:
        partner = session.partner(followup.partner) if followup.partner else None
        who = followup.person or (partner.name if partner else t("reflection.no_one"))
        when = format_date(followup.when)
        if is_late(followup, today):
            when = f"{t('reflection.late_symbol')} {when}"
        # Long texts are cut with "…" by the table.
        return (followup.what, who, when, t(f"reflection.status.{followup.status}"),
                milestone_text(session, followup))

    def selected_id(self) -> str | None:
        if not self._ids or self.cursor_row < 0:
            return None
        return self._ids[min(self.cursor_row, len(self._ids) - 1)]
