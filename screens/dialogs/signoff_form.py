"""One partner's sign-off of the deal: agreed, with reservations or not yet."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from regionet_tui.i18n import t
from regionet_tui.models import utc_now
from regionet_tui.models.stap4 import SIGNOFF_STATUSES, SignOff

from ..widgets.search_select import SearchSelect
from .form import FormDialog


class SignOffFormDialog(FormDialog[SignOff | None]):
    LABELS = {"note": "stap4.field_note"}

    def __init__(self, heading: str, signoff: SignOff | None) -> None:
        super().__init__(heading)
        self._signoff = signoff or SignOff()

    def compose_fields(self) -> ComposeResult:
        yield Label(t("stap4.field_signoff"), classes="field-label")
        yield SearchSelect([(t(f"stap4.signoff.{s}"), s) for s in SIGNOFF_STATUSES], id="status",
                     value=self._signoff.status, allow_blank=False)
        yield Label(t("stap4.field_note"), classes="field-label")
        yield TextArea(self._signoff.note, id="note", classes="form-text")

    def build_result(self) -> SignOff:
        status = self.chosen("status", SIGNOFF_STATUSES)
        assert status is not None, "the dropdown has no blank"
        return SignOff(status=status,
                       note=self.query_one("#note", TextArea).text, at=utc_now())
