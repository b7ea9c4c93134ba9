"""Rate one theme of the Praatplaat: the group's score, each partner's score,
whether it needs attention, notes and next steps."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from regionet_tui.forms import FormError
from regionet_tui.i18n import t
from regionet_tui.models import Partner
from regionet_tui.models.reflection import ThemeRating

from ..widgets.tick_box import TickBox
from .form import FormDialog

SCORE = r"[1-5]?"


def _score(text: str, field: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if text not in {"1", "2", "3", "4", "5"}:
        raise FormError(t("reflection.error.score", field=field))
    return int(text)


class RatingDialog(FormDialog[ThemeRating | None]):
    LABELS = {"notes": "reflection.field_notes", "next_steps": "reflection.field_next"}

    def __init__(self, theme_name: str, rating: ThemeRating, partners: list[Partner]) -> None:
        super().__init__(t("reflection.rating_title", theme=theme_name))
        self._rating = rating
        self._partners = partners

    def compose_fields(self) -> ComposeResult:
        rating = self._rating
        yield Static(Content(t("reflection.scale_hint")), classes="dialog-text")
        with Horizontal(classes="score-row group-row"):
            yield Label(t("reflection.field_group"), classes="score-label")
            yield Input(str(rating.group or ""), placeholder="–", id="group", restrict=SCORE,
                        max_length=1, compact=True, classes="score-input")
        if self._partners:
            yield Label(t("reflection.field_partners"), classes="field-label")
        for index, partner in enumerate(self._partners):
            with Horizontal(classes="score-row"):
                yield Label(Text(partner.name, overflow="ellipsis", no_wrap=True),
                            classes="score-label")
                value = rating.per_partner.get(partner.id)
                yield Input(str(value or ""), placeholder="–", id=f"partner-{index}",
                            restrict=SCORE, max_length=1, compact=True, classes="score-input")
        yield TickBox(Content(t("reflection.field_attention")), rating.attention,
                       id="attention")
        yield Label(t("reflection.field_notes"), classes="field-label")
        yield TextArea(rating.notes, id="notes", classes="note-area")
        yield Label(t("reflection.field_next"), classes="field-label")
        yield TextArea(rating.next_steps, id="next_steps", classes="note-area")

    def build_result(self) -> ThemeRating:
        group = _score(self.value("group"), t("reflection.field_group"))
        per_partner = {}
        for index, partner in enumerate(self._partners):
            score = _score(self.value(f"partner-{index}"), partner.name)
            if score is not None:
                per_partner[partner.id] = score
        return ThemeRating(
            group=group, per_partner=per_partner,
            attention=self.query_one("#attention", Checkbox).value,
            notes=self.query_one("#notes", TextArea).text,
            next_steps=self.query_one("#next_steps", TextArea).text,
        )
