"""STAP 4: the deal: agreements, who brings and gets what, and each partner's sign-off."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static

from regionet_tui.core import stap4
from regionet_tui.forms import format_date
from regionet_tui.i18n import t
from regionet_tui.models import Session
from regionet_tui.models.stap4 import Agreement, Benefit, Contribution, SignOff

from ..dialogs.confirm import ConfirmDialog
from ..partner_stage import PartnerStageScreen
from ..widgets.give_take import GiveTakePanel, contribution_text
from ..widgets.line_table import LineTable, Row
from ..widgets.partner_bar import PartnerBar
from ..widgets.text import show_text

PartRow = tuple[Literal["give", "get"], int, Contribution | Benefit]


class Stap4Screen(PartnerStageScreen):
    STAGE_ID = "stap4"
    VIEWS = ("agreements-view", "balance-view")
    VIEW_FOCUS = {"agreements-view": "#agreements", "balance-view": "#give-take"}
    VIEW_ACTIONS = {"agreements-view": frozenset({"add", "add_part", "remove"}),
                    "balance-view": frozenset({"partner"})}
    BINDINGS = [
        Binding("a,plus", "add", "stap4.key_add"),
        Binding("b", "add_part(True)", "stap4.key_gives"),
        Binding("h", "add_part(False)", "stap4.key_gets"),
        Binding("e", "edit", "stap4.key_edit"),
        Binding("delete,x", "remove", "stap4.key_remove"),
        Binding("s", "signoff", "stap4.key_signoff"),
    ]

    def compose_stage(self) -> ComposeResult:
        with ContentSwitcher(id="views", initial=self.VIEWS[0]):
            with Vertical(id="agreements-view"):
                yield LineTable(id="agreements")
                yield LineTable(id="parts")
                yield Static("", id="agreement-detail", classes="detail")
            with Vertical(id="balance-view"):
                yield PartnerBar()
                yield GiveTakePanel(id="balance")

    def on_mount(self) -> None:
        super().on_mount()
        agreements = self.query_one("#agreements", LineTable)
        # Text columns give way (cut with "…") so every column stays on screen.
        for key in ("col_what", "col_gives", "col_gets", "col_review"):
            agreements.add_column(Text(t(f"stap4.{key}")), key=key,
                                  min_width=16 if key == "col_what" else None)
        parts = self.query_one("#parts", LineTable)
        for key in ("col_direction", "col_partner", "col_part"):
            parts.add_column(Text(t(f"stap4.{key}")), key=key,
                             min_width=None if key == "col_direction" else 12)
        self.show_partner_bar()
        self.fill_agreements()
        agreements.focus()

    # -- the agreements view ------------------------------------------------------
    def fill_view(self) -> None:
        if self.view == "balance-view":
            self.fill_balance()
        else:
            self.fill_agreements()

    def fill_agreements(self, select: int | None = None) -> None:
        table = self.query_one("#agreements", LineTable)
        table.show([Row(a.id, (Text(a.what), Text(str(len(a.contributions))),
                               Text(str(len(a.benefits))), Text(format_date(a.review_date))))
                    for a in self.session.deal.agreements])
        if select is not None:
            table.move_cursor(row=select)
        self.fill_parts()

    def _agreement(self) -> Agreement | None:
        items = self.session.deal.agreements
        row = self.query_one("#agreements", LineTable).cursor_row
        return items[row] if items and 0 <= row < len(items) else None

    def _part_rows(self) -> list[PartRow]:
        a = self._agreement()
        if a is None:
            return []
        gives: list[PartRow] = [("give", i, c) for i, c in enumerate(a.contributions)]
        return gives + [("get", i, b) for i, b in enumerate(a.benefits)]

    def fill_parts(self, select: int | None = None) -> None:
        table = self.query_one("#parts", LineTable)
        names = {p.id: p.name for p in self.session.partners}
        rows = []
        for direction, _, part in self._part_rows():
            name = names.get(part.partner, t("stages.unknown_partner"))
            if isinstance(part, Contribution):
                text = contribution_text(part.kind, part.amount, part.description)
            else:
                text = part.description
            rows.append(Row(None, (Text(t(f"stap4.direction.{direction}")), Text(name),
                                   Text(text))))
        table.show(rows)
        if select is not None:
            table.move_cursor(row=select)
        self._show_detail()

    def _show_detail(self) -> None:
        a = self._agreement()
        detail = self.query_one("#agreement-detail", Static)
        if a is None:
            show_text(detail, t("stap4.empty"))
            return
        lines = [t(f"stap4.detail_{name}", text=getattr(a, name) or "–")
                 for name in ("responsibilities", "mandate", "financing")]
        show_text(detail, "\n".join(lines))

    @on(LineTable.RowHighlighted, "#agreements")
    def _agreement_highlighted(self) -> None:
        self.fill_parts(select=0)

    @on(LineTable.RowSelected, "#agreements, #parts")
    def _row_chosen(self) -> None:
        self.action_edit()

    # -- the balance view ----------------------------------------------------------
    def fill_balance(self) -> None:
        self.query_one(GiveTakePanel).show(self.session.partners, stap4.give_take(self.session),
                                           self.session.deal.signoffs, self.partner_index)

    @on(GiveTakePanel.PartnerHighlighted)
    def _partner_highlighted(self, event: GiveTakePanel.PartnerHighlighted) -> None:
        if event.index != self.partner_index:
            self.partner_index = event.index
            self.show_partner_bar()

    def partner_changed(self) -> None:
        self.fill_balance()

    # -- actions -------------------------------------------------------------------
    def _part_focused(self) -> bool:
        return self.view == "agreements-view" and self.focused is self.query_one("#parts")

    def action_add(self) -> None:
        self._edit_agreement(None)

    def action_edit(self) -> None:
        if self.view != "agreements-view":
            self.action_signoff()
        elif self._part_focused():
            rows = self._part_rows()
            row = self.query_one("#parts", LineTable).cursor_row
            if 0 <= row < len(rows):
                self._edit_part(isinstance(rows[row][2], Contribution), rows[row])
        elif (current := self._agreement()) is not None:
            self._edit_agreement(current)

    def _edit_agreement(self, current: Agreement | None) -> None:
        def saved(agreement: Agreement | None) -> None:
            if agreement is None:
                return
            apply = stap4.replace_agreement if current else stap4.add_agreement
            if self.change(lambda s: apply(s, agreement)):
                ids = [a.id for a in self.session.deal.agreements]
                self.fill_agreements(select=ids.index(agreement.id))

        key = "stap4.edit_agreement" if current else "stap4.add_agreement"
        from ..dialogs.agreement_form import AgreementFormDialog  # not on the first visit
        self.app.push_screen(AgreementFormDialog(t(key), current), saved)

    def action_add_part(self, gives: bool) -> None:
        if self.view == "agreements-view":
            self._edit_part(gives, None)

    def _edit_part(self, gives: bool, current: PartRow | None) -> None:
        agreement = self._agreement()
        if agreement is None:
            self.notify(t("stap4.no_agreement"), markup=False)
            return

        def saved(part: Contribution | Benefit | None) -> None:
            if part is None:
                return
            if current is None:
                done = self.change(lambda s: stap4.add_part(s, agreement.id, part))
            else:
                done = self.change(lambda s: stap4.replace_part(s, agreement.id, current[1], part))
            if done:
                self.fill_agreements()

        key = f"stap4.{'edit' if current else 'add'}_{'gives' if gives else 'gets'}"
        partners = [(p.id, p.name) for p in self.session.partners]
        from ..dialogs.part_form import PartFormDialog  # not on the first visit
        dialog = PartFormDialog(t(key, what=agreement.what), partners,
                                current[2] if current else None, gives)
        self.app.push_screen(dialog, saved)

    def action_remove(self) -> None:
        agreement = self._agreement()
        if self.view != "agreements-view" or agreement is None:
            return
        rows, row = self._part_rows(), self.query_one("#parts", LineTable).cursor_row
        if self._part_focused() and 0 <= row < len(rows):
            kind, index, _ = rows[row]
            question = t("stap4.remove_part_question", what=agreement.what)

            def apply(s: Session) -> None:
                stap4.remove_part(s, agreement.id, kind, index)
        elif self._part_focused():
            return
        else:
            question = t("stap4.remove_question", what=agreement.what)

            def apply(s: Session) -> None:
                stap4.remove_agreement(s, agreement.id)

        def confirmed(yes: bool | None) -> None:
            if yes and self.change(apply):
                self.fill_agreements()

        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_signoff(self) -> None:
        """Sign off for the partner shown in the balance view (opened if needed)."""
        partner = self.partner
        if partner is None:
            return
        if self.view != "balance-view":
            self.action_switch_view()

        def saved(signoff: SignOff | None) -> None:
            if signoff is not None and self.change(
                    lambda s: stap4.set_signoff(s, partner.id, signoff)):
                self.fill_balance()

        current = self.session.deal.signoffs.get(partner.id)
        from ..dialogs.signoff_form import SignOffFormDialog  # not on the first visit
        self.app.push_screen(SignOffFormDialog(t("stap4.signoff_title", name=partner.name),
                                               current), saved)


SCREEN = Stap4Screen
