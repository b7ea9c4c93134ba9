"""New session / session details: title, region, date, facilitator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel
from textual.app import ComposeResult

from regionet_tui.forms import format_date, parse_date
from regionet_tui.i18n import t
from regionet_tui.models.text import Name, ShortText

from .form import FormDialog


class _SessionFields(BaseModel):
    title: Name
    region: ShortText
    facilitator: ShortText


@dataclass(frozen=True)
class SessionDetails:
    title: str
    region: str
    date: date
    facilitator: str


class SessionFormDialog(FormDialog[SessionDetails | None]):
    LABELS = {"title": "form.title", "region": "form.region", "facilitator": "form.facilitator"}

    def __init__(self, heading: str, details: SessionDetails | None = None) -> None:
        super().__init__(heading)
        self._details = details

    def compose_fields(self) -> ComposeResult:
        d = self._details
        yield from self.labelled_input("form.title", "title", d.title if d else "")
        yield from self.labelled_input("form.region", "region", d.region if d else "")
        yield from self.labelled_input(
            "form.date", "date", format_date(d.date if d else date.today()),
            placeholder=t("form.date_hint"),
        )
        yield from self.labelled_input("form.facilitator", "facilitator",
                                       d.facilitator if d else "")

    def build_result(self) -> SessionDetails:
        fields = _SessionFields(title=self.value("title"), region=self.value("region"),
                                facilitator=self.value("facilitator"))
        on = self.parsed("date", lambda text: parse_date(text, t("form.date")))
        return SessionDetails(fields.title, fields.region, on, fields.facilitator)
