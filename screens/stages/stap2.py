"""STAP 2: the starting situation, per partner, and an overview across partners.

The explanation column takes the room the area and the assessment leave (cut
with "…"), and the line under the table shows the selected row's explanation
in full."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from regionet_tui.core.stap2 import SYMBOLS, overview, partner_start, set_capacity, set_goals
from regionet_tui.i18n import t
from regionet_tui.models.stap2 import CAPACITY_AREAS, Assessment, CapacityItem

from ..partner_stage import PartnerStageScreen, first_line
from ..widgets.line_table import LineTable, Row
from ..widgets.partner_bar import PartnerBar
from ..widgets.text import show_text

GOALS_ROW = "goals"
TEXT_WIDTH = 200  # the first line of an explanation in the table; the detail shows it all


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
                yield LineTable(id="capacity")
                yield Static("", id="capacity-detail", classes="detail")
            with Vertical(id="overview-view"):
                yield LineTable(id="overview")
                yield Static(Content(t("stap2.legend")), classes="legend")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#capacity", LineTable)
        # The assessment is never cut; the explanation gives way first, the area last.
        for key, min_width in (("col_area", 16), ("col_assessment", None), ("col_text", 10)):
            table.add_column(Text(t(f"stap2.{key}")), key=key, min_width=min_width)
        self.show_partner_bar()
        self.fill_partner()
        table.focus()

    def fill_view(self) -> None:
        if self.view == "overview-view":
            self.fill_overview()
        else:
            self.fill_partner()

    def fill_partner(self) -> None:
        table = self.query_one("#capacity", LineTable)
        partner = self.partner
        if partner is None:
            table.show([])
            self.show_detail()
            return
        start = partner_start(self.session, partner.id)
        rows = []
        for area in CAPACITY_AREAS:
            item = start.capacity.get(area) or CapacityItem()
            rows.append(Row(area, (Text(t(f"stages.area.{area}")),
                                   assessment_text(item.assessment),
                                   Text(first_line(item.text, TEXT_WIDTH)))))
        rows.append(Row(GOALS_ROW, (Text(t("stap2.goals")), Text(""),
                                    Text(first_line(start.goals, TEXT_WIDTH)))))
        table.show(rows)
        self.show_detail()

    def show_detail(self) -> None:
        """The selected row's explanation in full, under the table."""
        detail = self.query_one("#capacity-detail", Static)
        partner = self.partner
        row = self.query_one("#capacity", LineTable).cursor_row
        text = ""
        if partner is not None:
            start = partner_start(self.session, partner.id)
            if row >= len(CAPACITY_AREAS):
                text = start.goals
                name = t("stap2.goals")
            else:
                area = CAPACITY_AREAS[row]
                text = (start.capacity.get(area) or CapacityItem()).text
                name = t(f"stages.area.{area}")
            text = t("stap2.detail", area=name, text=text) if text.strip() else ""
        detail.display = bool(text)
        show_text(detail, text)

    @on(LineTable.RowHighlighted, "#capacity")
    def _row_moved(self) -> None:
        self.show_detail()

    def fill_overview(self) -> None:
        """Partners down, capacity areas across; the last row counts the thin spots."""
        table = self.query_one("#overview", LineTable)
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

    @on(LineTable.RowSelected, "#capacity")
    def _row_chosen(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        partner = self.partner
        if partner is None or self.view != "partner-view":
            return
        row = self.query_one("#capacity", LineTable).cursor_row
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
