"""What each partner brings and gets ("halen en brengen"), with its sign-off.

A table with one row per partner (counts, balance symbol and word, sign-off)
and, below it, the details of the highlighted partner. Imbalances show as
"⚠" plus text, never by colour alone.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from regionet_tui.core.stap4 import BALANCE_SYMBOLS, SIGNOFF_SYMBOLS, GiveTake, format_amount
from regionet_tui.i18n import t
from regionet_tui.models.partners import Partner
from regionet_tui.models.stap4 import SignOff

from .line_table import LineTable, Row
from .text import show_text


def short(name: str, width: int = 22) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def contribution_text(kind: str, amount: float | None, description: str) -> str:
    parts = [t(f"stap4.kind.{kind}")]
    if amount is not None:
        parts.append(format_amount(amount))
    if description:
        parts.append(description)
    return " – ".join(parts)


class GiveTakePanel(Vertical):
    DEFAULT_CSS = """
    GiveTakePanel { height: 1fr; }
    GiveTakePanel LineTable { height: auto; max-height: 9; }
    GiveTakePanel #give-take-detail { height: 1fr; }
    """

    class PartnerHighlighted(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._partners: list[Partner] = []
        self._rows: list[GiveTake] = []
        self._signoffs: dict[str, SignOff] = {}

    def compose(self) -> ComposeResult:
        yield LineTable(id="give-take")
        yield Static("", id="give-take-detail", classes="detail")

    def on_mount(self) -> None:
        table = self.query_one(LineTable)
        for key in ("col_partner", "col_gives", "col_gets", "col_balance", "col_signoff"):
            table.add_column(Text(t(f"stap4.{key}")), key=key,
                             min_width=12 if key == "col_partner" else None)

    def show(self, partners: list[Partner], rows: list[GiveTake],
             signoffs: dict[str, SignOff], index: int) -> None:
        self._partners, self._rows, self._signoffs = partners, rows, signoffs
        table = self.query_one(LineTable)
        shown = []
        for partner, row in zip(partners, rows, strict=True):
            gives = str(len(row.gives)) + (f" ({format_amount(row.money)})" if row.money else "")
            signoff = signoffs.get(partner.id) or SignOff()
            shown.append(Row(partner.id, (
                Text(short(partner.name)), Text(gives), Text(str(len(row.gets))),
                Text(f"{BALANCE_SYMBOLS[row.balance]} {t(f'stap4.balance.{row.balance}')}"),
                Text(f"{SIGNOFF_SYMBOLS[signoff.status]} {t(f'stap4.signoff.{signoff.status}')}"),
            )))
        table.show(shown)
        if rows:
            table.move_cursor(row=index)
        self._detail(index)

    def _detail(self, index: int) -> None:
        detail = self.query_one("#give-take-detail", Static)
        if not self._rows:
            show_text(detail, t("stages.no_partners"))
            return
        row, partner = self._rows[index], self._partners[index]
        lines = [t("stap4.detail_gives")]
        lines += [f"  + {g.agreement}: " + contribution_text(
            g.contribution.kind, g.contribution.amount, g.contribution.description)
            for g in row.gives] or [f"  {t('stap4.nothing')}"]
        lines.append(t("stap4.detail_gets"))
        lines += [f"  − {g.agreement}: {g.description}" for g in row.gets] or [
            f"  {t('stap4.nothing')}"]
        signoff = self._signoffs.get(partner.id)
        if signoff is not None and signoff.note:
            lines.append(t("stap4.detail_note", note=signoff.note))
        show_text(detail, "\n".join(lines))

    @on(LineTable.RowHighlighted)
    def _highlighted(self, event: LineTable.RowHighlighted) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self._rows):
            self._detail(event.cursor_row)
            self.post_message(self.PartnerHighlighted(event.cursor_row))
