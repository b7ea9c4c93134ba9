"""Set the timebox of one stage, in whole minutes."""

from __future__ import annotations

from textual.app import ComposeResult

from regionet_tui.core.workshop import MAX_MINUTES
from regionet_tui.forms import FormError
from regionet_tui.i18n import t

from .form import FormDialog


class MinutesDialog(FormDialog[int | None]):
    def __init__(self, heading: str, minutes: int) -> None:
        super().__init__(heading)
        self._minutes = minutes

    def compose_fields(self) -> ComposeResult:
        yield from self.labelled_input("workshop.minutes", "minutes", str(self._minutes),
                                       max_length=4)

    def build_result(self) -> int:
        text = self.value("minutes").strip()
        if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_MINUTES:
            raise FormError(t("form.error.number_range", field=t("workshop.minutes"), min=1,
                              max=MAX_MINUTES))
        return int(text)
