"""The partners of the network: add, edit, remove.

At 80 columns the name and the role stay on screen: the kind and the contact
give way (cut with "…"), and the line under the table shows the selected
partner in full."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from regionet_tui.core.partners import add_partner, remove_partner, replace_partner
from regionet_tui.i18n import t
from regionet_tui.models import Partner

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.partner_form import PartnerFormDialog
from ..stage import StageScreen
from ..widgets.line_table import LineTable, Row
from ..widgets.text import show_text


class PartnersScreen(StageScreen):
    STAGE_ID = "partners"
    BINDINGS = [
        Binding("a,plus", "add", "partners.key_add"),
        Binding("e,enter", "edit", "partners.key_edit"),
        Binding("delete,x", "remove", "partners.key_remove"),
    ]

    def compose_stage(self) -> ComposeResult:
        yield LineTable(id="partners")
        yield Static("", id="partners-detail", classes="detail")
        yield Static("", id="partners-empty", classes="empty-hint")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#partners", LineTable)
        # The columns that give way, and how far (the name last); the role never does.
        for key, min_width in (("col_name", 16), ("col_kind", 10), ("col_contact", 10),
                               ("col_role", None)):
            table.add_column(Text(t(f"partners.{key}")), key=key, min_width=min_width)
        self.fill()
        table.focus()

    def refresh_stage(self) -> None:
        self.fill()

    def fill(self, select: str | None = None) -> None:
        table = self.query_one("#partners", LineTable)
        table.show([
            Row(partner.id, (Text(partner.name), Text(t(f"partners.kind.{partner.kind}")),
                             Text(partner.contact), Text(t(f"partners.role.{partner.role}"))))
            for partner in self.session.partners
        ])
        empty = self.query_one("#partners-empty", Static)
        show_text(empty, t("partners.empty") if not self.session.partners else "")
        empty.display = not self.session.partners
        if select is not None:
            ids = [p.id for p in self.session.partners]
            if select in ids:
                table.move_cursor(row=ids.index(select))
        self.show_detail()

    def show_detail(self) -> None:
        """The selected partner in full, whatever the columns had room for."""
        partner = self._selected()
        detail = self.query_one("#partners-detail", Static)
        detail.display = partner is not None
        if partner is not None:
            show_text(detail, t("partners.detail", name=partner.name,
                                kind=t(f"partners.kind.{partner.kind}"),
                                contact=partner.contact or t("partners.no_contact"),
                                role=t(f"partners.role.{partner.role}")))

    @on(LineTable.RowHighlighted, "#partners")
    def _partner_highlighted(self) -> None:
        self.show_detail()

    def _selected(self) -> Partner | None:
        table = self.query_one("#partners", LineTable)
        if not self.session.partners or table.cursor_row < 0:
            return None
        return self.session.partners[min(table.cursor_row, len(self.session.partners) - 1)]

    def _names(self, exclude: Partner | None = None) -> set[str]:
        return {p.name for p in self.session.partners if p is not exclude}

    def action_add(self) -> None:
        def added(partner: Partner | None) -> None:
            if partner is not None and self.change(lambda s: add_partner(s, partner)):
                self.fill(select=partner.id)
                self.notify(t("partners.added", name=partner.name), markup=False)

        self.app.push_screen(PartnerFormDialog(t("partners.add_title"), None, self._names()),
                             added)

    def action_edit(self) -> None:
        current = self._selected()
        if current is None:
            return

        def edited(partner: Partner | None) -> None:
            if partner is not None and self.change(lambda s: replace_partner(s, partner)):
                self.fill(select=partner.id)

        self.app.push_screen(
            PartnerFormDialog(t("partners.edit_title"), current, self._names(current)), edited
        )

    def action_remove(self) -> None:
        current = self._selected()
        if current is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.change(lambda s: remove_partner(s, current.id)):
                self.fill()
                self.notify(t("partners.removed", name=current.name), markup=False)

        self.app.push_screen(ConfirmDialog(t("partners.remove_question", name=current.name)),
                             confirmed)


SCREEN = PartnersScreen
