"""Add or edit a follow-up agreement: what, who (partner and person), when, status, theme."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Select

from regionet_tui.core.reflection import theme_name
from regionet_tui.forms import format_date, parse_optional_date
from regionet_tui.i18n import t
from regionet_tui.models import Session, new_id
from regionet_tui.models.reflection import FOLLOWUP_STATUSES, FollowUp

from ..widgets.search_select import SearchSelect
from .form import FormDialog

NONE = ""


class FollowUpDialog(FormDialog[FollowUp | None]):
    LABELS = {"what": "reflection.field_what", "person": "reflection.field_person"}

    def __init__(self, heading: str, session: Session, followup: FollowUp | None = None,
                 *, theme: str | None = None, what: str = "") -> None:
        """Edit `followup`, or make a new one, optionally for `theme` and starting from `what`."""
        super().__init__(heading)
        self._session = session
        self._followup = followup or FollowUp.model_construct(
            id=new_id(), what=what, partner=None, person="", when=None, status="open",
            theme=theme, milestone=None, created=None,
        )

    def compose_fields(self) -> ComposeResult:
        f = self._followup
        none = (Text(t("reflection.none_option")), NONE)
        yield from self.labelled_input("reflection.field_what", "what", f.what)
        yield Label(t("reflection.field_partner"), classes="field-label")
        partners = [(Text(p.name), p.id) for p in self._session.partners]
        yield SearchSelect([none, *partners], id="partner", value=f.partner or NONE,
                     allow_blank=False)
        yield from self.labelled_input("reflection.field_person", "person", f.person)
        yield from self.labelled_input("reflection.field_when", "when", format_date(f.when),
                                       placeholder=t("form.date_hint"))
        yield Label(t("reflection.field_status"), classes="field-label")
        yield SearchSelect([(t(f"reflection.status.{s}"), s) for s in FOLLOWUP_STATUSES],
                     id="status", value=f.status, allow_blank=False)
        yield Label(t("reflection.field_theme"), classes="field-label")
        themes = [(Text(theme_name(th)), th.id) for th in self._session.reflection.themes]
        yield SearchSelect([none, *themes], id="theme", value=f.theme or NONE, allow_blank=False)

    def _choice(self, field_id: str) -> str | None:
        value = self.query_one(f"#{field_id}", Select).value
        return value if isinstance(value, str) and value != NONE else None

    def build_result(self) -> FollowUp:
        when = parse_optional_date(self.value("when"), t("reflection.field_when"))
        return FollowUp(
            id=self._followup.id, what=self.value("what"), partner=self._choice("partner"),
            person=self.value("person"), when=when,
            status=self._choice("status") or "open",
            theme=self._choice("theme"), milestone=self._followup.milestone,
            created=self._followup.created,
        )
