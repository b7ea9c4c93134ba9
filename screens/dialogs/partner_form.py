"""Add or edit a partner: name, kind of organisation, contact person, role."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Select

from regionet_tui.i18n import t
from regionet_tui.models import ORG_KINDS, ROLES, Partner, new_id

from ..widgets.search_select import SearchSelect
from .form import FieldError, FormDialog


class PartnerFormDialog(FormDialog[Partner | None]):
    LABELS = {"name": "form.name", "contact": "form.contact"}

    def __init__(self, heading: str, partner: Partner | None, taken_names: set[str]) -> None:
        super().__init__(heading)
        self._partner = partner
        self._taken = {name.casefold() for name in taken_names}

    def compose_fields(self) -> ComposeResult:
        p = self._partner
        yield from self.labelled_input("form.name", "name", p.name if p else "")
        yield Label(t("form.kind"), classes="field-label")
        yield SearchSelect([(t(f"partners.kind.{k}"), k) for k in ORG_KINDS], id="kind",
                     value=p.kind if p else "other", allow_blank=False)
        yield from self.labelled_input("form.contact", "contact", p.contact if p else "")
        yield Label(t("form.role"), classes="field-label")
        yield SearchSelect([(t(f"partners.role.{r}"), r) for r in ROLES], id="role",
                     value=p.role if p else "deelnemer", allow_blank=False)

    def build_result(self) -> Partner:
        partner = Partner(
            id=self._partner.id if self._partner else new_id(),
            name=self.value("name"),
            kind=self.query_one("#kind", Select).value,
            contact=self.value("contact"),
            role=self.query_one("#role", Select).value,
        )
        if partner.name.casefold() in self._taken:
            raise FieldError(t("partners.duplicate_name", name=partner.name), "name")
        return partner
