"""What one partner brings to an agreement, or what it gets out of it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Select

from regionet_tui.core.stap4 import format_amount, parse_amount
from regionet_tui.i18n import t
from regionet_tui.models.stap4 import CONTRIBUTION_KINDS, Benefit, Contribution

from ..widgets.search_select import SearchSelect
from .form import FieldError, FormDialog

Part = Contribution | Benefit


class PartFormDialog(FormDialog[Part | None]):
    """`gives` chooses between a contribution (kind, amount) and a benefit."""

    LABELS = {"description": "stap4.field_description", "amount": "stap4.field_amount"}

    def __init__(self, heading: str, partners: list[tuple[str, str]], part: Part | None,
                 gives: bool) -> None:
        super().__init__(heading)
        self._partners = partners  # (partner id, name)
        self._part = part
        self._gives = gives

    def compose_fields(self) -> ComposeResult:
        part = self._part
        yield Label(t("stap4.field_partner"), classes="field-label")
        yield SearchSelect([(Text(name), pid) for pid, name in self._partners], id="partner",
                     value=part.partner if part else Select.NULL,
                     prompt=t("stap4.choose_partner"))
        if self._gives:
            contribution = part if isinstance(part, Contribution) else None
            yield Label(t("stap4.field_kind"), classes="field-label")
            yield SearchSelect([(t(f"stap4.kind.{k}"), k) for k in CONTRIBUTION_KINDS], id="kind",
                         value=contribution.kind if contribution else "in_kind",
                         allow_blank=False)
            yield from self.labelled_input(
                "stap4.field_amount", "amount",
                format_amount(contribution.amount if contribution else None).removeprefix("€ "),
                placeholder=t("stap4.amount_hint"),
            )
        yield from self.labelled_input("stap4.field_description", "description",
                                       part.description if part else "", max_length=200)

    def build_result(self) -> Part:
        partner = self.query_one("#partner", Select).value
        if partner is Select.NULL:
            raise FieldError(t("form.error.required", field=t("stap4.field_partner")), "partner")
        if not self._gives:
            return Benefit(partner=str(partner), description=self.value("description"))
        amount = self.parsed("amount", lambda text: parse_amount(text, t("stap4.field_amount")))
        return Contribution(partner=str(partner),
                            kind=self.query_one("#kind", Select).value,
                            amount=amount, description=self.value("description"))
