"""STAP 2: the starting situation, per partner, and an overview across partners."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, DataTable, Static

from regionet_tui.core.stap2 import SYMBOLS, overview, partner_start, set_capacity, set_goals
from regionet_tui.i18n import t
from regionet_tui.models.stap2 import CAPACITY_AREAS, Assessment, CapacityItem

from ..partner_stage import PartnerStageScreen, first_line
from ..widgets.partner_bar import PartnerBar
from ..widgets.rows_table import Row, RowsTable

GOALS_ROW = "goals"


def assessment_text(assessment: Assessment | None) -> Text:
    name = t(f"stages.assessment.{assessment or 'none'}")
    return Text(f"{SYMBOLS[assessment]} {name}")


class Stap2Screen(PartnerStageScreen):
    STAGE_ID = "stap2"
    VIEWS = ("partner-view", "overview-view")
    VIEW_FOCUS = {"partner-view": "#capacity", "overview-view": "#overview"}
    VIEW_ACTIONS = {"partner-view": frozenset({"edit", "partner"})}
    BINDINGS = [Binding("e", "edit", "stap2.key_edit")]

    def compose_stage(self) -> ComposeResult:
        with ContentSwitcher(id="views", initial=self.VIEWS[0]):
            with Vertical(id="partner-view"):
                yield PartnerBar()
                yield RowsTable(id="capacity")
            with Vertical(id="overview-view"):
                yield RowsTable(id="overview")
                yield Static(Content(t("stap2.legend")), classes="legend")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#capacity", DataTable)
        for key in ("col_area", "col_assessment", "col_text"):
            table.add_column(Text(t(f"stap2.{key}")), key=key)
        self.show_partner_bar()
        self.fill_partner()
        table.focus()

    def fill_view(self) -> None:
        if self.view == "overview-view":
            self.fill_overview()
        else:
            self.fill_partner()

    def fill_partner(self) -> None:
        table = self.query_one("#capacity", RowsTable)
        partner = self.partner
        if partner is None:
            table.show([])
            return
        start = partner_start(self.session, partner.id)
        rows = []
        for area in CAPACITY_AREAS:
            item = start.capacity.get(area) or CapacityItem()
            rows.append(Row(area, (Text(t(f"stages.area.{area}")),
                                   assessment_text(item.assessment), Text(first_line(item.text)))))
        rows.append(Row(GOALS_ROW, (Text(t("stap2.goals")), Text(""),
                                    Text(first_line(start.goals)))))
        table.show(rows)

    def fill_overview(self) -> None:
        """Partners down, capacity areas across; the last row counts the thin spots."""
        table = self.query_one("#overview", RowsTable)
        areas = overview(self.session)
        if not table.columns:
            table.add_column(Text(t("stap2.col_partner")), key="partner")
            for area in areas:
                table.add_column(Text(t(f"stages.area_short.{area.area}")), key=area.area)
        rows = [Row(None, (Text(first_line(partner.name, 24)),
                           *[Text(SYMBOLS[area.assessments[partner.id]]) for area in areas]))
                for partner in self.session.partners]
        rows.append(Row(None, (Text(t("stap2.thin_row")),
                               *[Text(f"{area.lacking} / {area.limited}") for area in areas])))
        table.show(rows)

    def partner_changed(self) -> None:
        self.fill_partner()

    @on(DataTable.RowSelected, "#capacity")
    def _row_chosen(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        partner = self.partner
        if partner is None or self.view != "partner-view":
            return
        row = self.query_one("#capacity", DataTable).cursor_row
        start = partner_start(self.session, partner.id)
        if row >= len(CAPACITY_AREAS):
            def goals_saved(text: str | None) -> None:
                if text is not None and self.change(lambda s: set_goals(s, partner.id, text)):
                    self.fill_partner()

            from ..dialogs.text_form import TextFormDialog  # not on the first visit
            self.app.push_screen(TextFormDialog(t("stap2.goals_title", name=partner.name),
                                                "stap2.goals", start.goals), goals_saved)
            return
        area = CAPACITY_AREAS[row]

        def saved(item: CapacityItem | None) -> None:
            if item is not None and self.change(lambda s: set_capacity(s, partner.id, area, item)):
                self.fill_partner()

        heading = t("stap2.edit_title", area=t(f"stages.area.{area}"), name=partner.name)
        from ..dialogs.capacity_form import CapacityFormDialog  # not on the first visit
        self.app.push_screen(CapacityFormDialog(heading, start.capacity.get(area)), saved)


SCREEN = Stap2Screen
