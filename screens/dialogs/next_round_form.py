"""Start the next round: its title and the date the group meets again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import TypeAdapter
from textual.app import ComposeResult

from regionet_tui.forms import format_date, parse_date
from regionet_tui.i18n import t
from regionet_tui.models.text import Name

from .form import FieldError, FormDialog

_NAME = TypeAdapter(Name)


@dataclass(frozen=True)
class NextRound:
    title: str
    date: date


class NextRoundDialog(FormDialog[NextRound | None]):
    """The new round falls on or after the round it follows; the date proposed
    is today, or that round's date when it still lies ahead."""

    LABELS = {"": "start.duplicate_label"}

    def __init__(self, title: str, previous_date: date, today: date) -> None:
        super().__init__(t("start.duplicate_title"))
        self._title = title
        self._previous_date = previous_date
        self._proposed = max(today, previous_date)

    def compose_fields(self) -> ComposeResult:
        yield from self.labelled_input("start.duplicate_label", "title", self._title)
        yield from self.labelled_input("start.next_round_date", "date",
                                       format_date(self._proposed),
                                       placeholder=t("form.date_hint"))

    def build_result(self) -> NextRound:
        title = _NAME.validate_python(self.value("title"))
        on = self.parsed("date", lambda text: parse_date(text, t("start.next_round_date")))
        if on < self._previous_date:
            raise FieldError(t("start.next_round_too_early",
                               date=format_date(self._previous_date)), "date")
        return NextRound(title, on)
