"""Add or edit a milestone: title, phase, owner, dates, status, dependencies, purpose."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Label, Select, SelectionList

from regionet_tui.forms import format_date, parse_optional_date
from regionet_tui.i18n import t
from regionet_tui.models import new_id
from regionet_tui.models.stap5 import MILESTONE_STATUSES, Milestone

from ..widgets.search_select import SearchSelect
from ..widgets.tick_list import TickList
from .form import FormDialog


class MilestoneFormDialog(FormDialog[Milestone | None]):
    LABELS = {"title": "stap5.field_title", "phase": "stap5.field_phase"}

    def __init__(self, heading: str, milestone: Milestone | None,
                 partners: list[tuple[str, str]], others: list[tuple[str, str]],
                 targets: list[tuple[str, str]], check: Callable[[Milestone], None]) -> None:
        super().__init__(heading)
        self._milestone = milestone
        self._partners = partners  # (partner id, name)
        self._others = [(mid, title) for mid, title in others
                        if milestone is None or mid != milestone.id]
        self._targets = targets  # (agreement or shared item id, label)
        self._check = check

    def compose_fields(self) -> ComposeResult:
        m = self._milestone
        yield from self.labelled_input("stap5.field_title", "title", m.title if m else "",
                                       max_length=200)
        yield from self.labelled_input("stap5.field_phase", "phase", m.phase if m else "",
                                       max_length=200)
        yield Label(t("stap5.field_owner"), classes="field-label")
        yield SearchSelect([(Text(name), pid) for pid, name in self._partners], id="owner",
                     value=m.owner if m and m.owner else Select.NULL,
                     prompt=t("stap5.no_owner"))
        yield from self.labelled_input("stap5.field_start", "start",
                                       format_date(m.start if m else None),
                                       placeholder=t("form.date_hint"))
        yield from self.labelled_input("stap5.field_deadline", "deadline",
                                       format_date(m.deadline if m else None),
                                       placeholder=t("form.date_hint"))
        yield Label(t("stap5.field_status"), classes="field-label")
        yield SearchSelect([(t(f"stap5.status.{s}"), s) for s in MILESTONE_STATUSES], id="status",
                     value=m.status if m else "planned", allow_blank=False)
        depends = set(m.depends_on) if m else set()
        yield Label(t("stap5.field_depends"), classes="field-label")
        yield TickList[str](
            *[(Content(title), mid, mid in depends) for mid, title in self._others],
            id="depends", classes="form-choices",
        )
        yield Label(t("stap5.field_serves"), classes="field-label")
        yield SearchSelect([(Text(label), tid) for tid, label in self._targets], id="serves",
                     value=m.serves if m and m.serves else Select.NULL,
                     prompt=t("stap5.serves_nothing"))

    def build_result(self) -> Milestone:
        m = self._milestone
        owner = self.query_one("#owner", Select).value
        serves = self.query_one("#serves", Select).value
        chosen = self.query_one("#depends", SelectionList).selected
        milestone = Milestone(
            id=m.id if m else new_id(), title=self.value("title"), phase=self.value("phase"),
            owner=None if owner is Select.NULL else owner,
            start=self.parsed("start",
                              lambda text: parse_optional_date(text, t("stap5.field_start"))),
            deadline=self.parsed("deadline",
                                 lambda text: parse_optional_date(text, t("stap5.field_deadline"))),
            status=self.query_one("#status", Select).value,
            depends_on=[mid for mid, _ in self._others if mid in chosen],
            serves=None if serves is Select.NULL else serves,
            followup=m.followup if m else None, note=m.note if m else "",
        )
        self._check(milestone)
        return milestone
