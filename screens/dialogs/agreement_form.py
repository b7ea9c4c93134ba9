"""Add or edit an agreement of the deal: what, responsibilities, mandate, financing."""

from __future__ import annotations

from textual.app import ComposeResult

from regionet_tui.forms import format_date, parse_optional_date
from regionet_tui.i18n import t
from regionet_tui.models import new_id
from regionet_tui.models.stap4 import Agreement

from .form import FormDialog


class AgreementFormDialog(FormDialog[Agreement | None]):
    """Contributions and benefits are kept as they are; the screen edits those."""

    LABELS = {"what": "stap4.field_what", "responsibilities": "stap4.field_responsibilities",
              "mandate": "stap4.field_mandate", "financing": "stap4.field_financing"}

    def __init__(self, heading: str, agreement: Agreement | None) -> None:
        super().__init__(heading)
        self._agreement = agreement

    def compose_fields(self) -> ComposeResult:
        a = self._agreement
        yield from self.labelled_input("stap4.field_what", "what", a.what if a else "",
                                       max_length=200)
        for name in ("responsibilities", "mandate", "financing"):
            yield from self.labelled_input(f"stap4.field_{name}", name,
                                           getattr(a, name) if a else "", max_length=5000)
        yield from self.labelled_input("stap4.field_review", "review",
                                       format_date(a.review_date if a else None),
                                       placeholder=t("form.date_hint"))

    def build_result(self) -> Agreement:
        review = parse_optional_date(self.value("review"), t("stap4.field_review"))
        a = self._agreement
        return Agreement(
            id=a.id if a else new_id(), what=self.value("what"),
            contributions=list(a.contributions) if a else [],
            benefits=list(a.benefits) if a else [],
            responsibilities=self.value("responsibilities"), mandate=self.value("mandate"),
            financing=self.value("financing"), review_date=review,
        )
