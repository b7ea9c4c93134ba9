"""STAP 1: the service portfolio, scored per partner, and the gap table.

Two views share the screen (g switches): the score grid for one partner at a
time, and the gap table. The grid opens for viewing, where a digit goes to
that stage; `e` or Enter starts the entry mode, in which digits are scores,
and Esc ends it (the key grammar: core/stap1_grid.py). The grid's border
and the hint under it always say which mode is on. Tab and shift+Tab change
partner at once, before the next key is read, and every value the grid
reports carries the partner it was typed for. STAP 1 is gated on the
commitment checklist: while not every partner committed and no reason is
recorded, opening it asks for the reason, or goes back to the checklist.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from regionet_tui.core import commitment as commitment_rules
from regionet_tui.core import stap1 as rules
from regionet_tui.i18n import t
from regionet_tui.models.partners import Partner
from regionet_tui.models.stap1 import FINANCING
from regionet_tui.storage import SessionStore

from ..commitment_reason import ask_reason
from ..dialogs.pick import PickDialog
from ..dialogs.text_prompt import TextPromptDialog
from ..widgets.gap_table import GapTable
from ..widgets.score_grid import GridRow, ScoreGrid
from ..widgets.text import show_text
from .stap1_services import ServiceEditing

ENTRY_ACTIONS = {"add", "rename", "remove", "restore", "move", "partner"}
GAP_ACTIONS = {"sort", "direction", "view"}


class Stap1Screen(ServiceEditing):
    STAGE_ID = "stap1"
    SHOW_INTRO = False
    BINDINGS = [
        Binding("g", "switch_view", "stap1.key_toggle"),
        Binding("e", "entry", "stap1.key_entry", show=False),
        Binding("tab,greater_than_sign,full_stop", "partner(1)", "stap1.key_next_partner"),
        Binding("shift+tab,less_than_sign,comma", "partner(-1)", "stap1.key_prev_partner",
                show=False),
        Binding("s", "sort", "stap1_gaps.key_sort"),
        Binding("d", "direction", "stap1_gaps.key_direction", show=False),
        Binding("v", "view", "stap1_gaps.key_view"),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__(store)
        self.partner_index = 0
        self._shown_partner: str | None = None  # the id of the partner in the grid

    def compose_stage(self) -> ComposeResult:
        yield Static(Content(t("stage.title.stap1")), classes="stap1-title")
        with ContentSwitcher(initial="entry", id="stap1-views"):
            with Vertical(id="entry"):
                yield Static("", id="partner-line")
                yield ScoreGrid(id="grid")
                yield Static("", id="grid-hint")
                yield Static("", id="grid-detail")
            with Vertical(id="gaps"):
                yield GapTable(id="gap-table")
                yield Static("", id="gap-detail")
                yield Static("", id="gap-legend")

    def on_mount(self) -> None:
        super().on_mount()
        self.load_grid(keep_cursor=False)
        self.query_one(ScoreGrid).focus()
        self._check_gate()

    def refresh_stage(self) -> None:
        # The partner on view stays on view when partners were added or removed
        # before it on the partners stage.
        ids = [partner.id for partner in self.session.partners]
        if self._shown_partner in ids:
            self.partner_index = ids.index(self._shown_partner)
        if self._showing_gaps():
            self.show_gaps()
        else:
            self.load_grid()  # redraws only the rows on view
        if self.was_left:  # back from another stage, where the checklist may have changed
            self.query_one(ScoreGrid).action_leave()  # a stage opens for viewing
            self._check_gate()

    def _check_gate(self) -> None:
        if not commitment_rules.stap1_open(self.session) and not self.store.readonly:
            self.call_after_refresh(self._ask_gate)

    def help_text(self) -> str:
        return "\n\n".join((super().help_text(), t("stap1.hint_viewing"), t("stap1.hint"),
                            t("stap1_gaps.legend")))

    def _ask_gate(self) -> None:
        ask_reason(self, on_cancel=lambda: self.regionet_app.show_stage("commitment"),
                   gate=True)

    # -- attributes down ------------------------------------------------------------------
    def selected_service(self) -> str | None:
        return self.query_one(ScoreGrid).current_service_id

    def _partner(self) -> Partner | None:
        partners = self.session.partners
        if not partners:
            return None
        self.partner_index %= len(partners)
        return partners[self.partner_index]

    def load_grid(self, *, keep_cursor: bool = True, select: str | None = None) -> None:
        grid = self.query_one(ScoreGrid)
        partner = self._partner()
        self._shown_partner = partner.id if partner else None
        services = rules.visible_services(self.session.portfolio)
        rows = [] if partner is None else [
            GridRow(s.id, rules.service_name(s), rules.score_of(self.session, partner.id, s.id))
            for s in services
        ]
        grid.load(self._shown_partner, rows, keep_cursor=keep_cursor)
        grid.display = bool(rows)
        # A class, not `display`: set on the widget itself, it would outweigh the
        # style sheet's hiding of key hints while presenting.
        self.query_one("#grid-hint").set_class(not rows, "-no-rows")
        if select is not None and select in [r.service_id for r in rows]:
            grid.move_cursor(row=[r.service_id for r in rows].index(select))
        line = self.query_one("#partner-line", Static)
        if partner is None:
            show_text(line, t("stap1.no_partners"))
        elif not services:
            show_text(line, t("stap1.no_services"))
        else:
            kind = t(f"partners.kind.{partner.kind}")
            show_text(line, t(
                "stap1.partner_line", name=partner.name, kind=kind,
                index=self.partner_index + 1, count=len(self.session.partners),
            ))
        self.show_mode()
        self.show_detail()

    def show_mode(self) -> None:
        """The grid's border and the hint under it say what a digit does now."""
        grid = self.query_one(ScoreGrid)
        grid.set_class(grid.entering, "-entering")
        grid.border_title = Content(t("stap1.mode_entry" if grid.entering
                                      else "stap1.mode_viewing"))
        self.show_hint()

    def show_hint(self, refusal: str | None = None) -> None:
        hint = self.query_one("#grid-hint", Static)
        hint.set_class(refusal is not None, "refused")
        # A key hint, which presenting (F5) hides; a refusal shows whatever the layout.
        hint.set_class(refusal is None, "edit-hint")
        if refusal is not None:
            show_text(hint, refusal)
        else:
            entering = self.query_one(ScoreGrid).entering
            show_text(hint, t("stap1.hint") if entering else t("stap1.hint_viewing"))

    def show_detail(self) -> None:
        grid = self.query_one(ScoreGrid)
        partner, service_id = self._partner(), grid.current_service_id
        text = ""
        if partner is not None and service_id is not None:
            service = next(s for s in self.session.portfolio.services if s.id == service_id)
            score = rules.score_of(self.session, partner.id, service_id)
            financing = (t(f"stap1.financing.{score.financing}") if score.financing
                         else t("stap1.unscored"))
            text = t("stap1.detail", service=rules.service_name(service), financing=financing)
            if score.note:
                text += " · " + t("stap1.detail_note", note=score.note)
        show_text(self.query_one("#grid-detail", Static), text)

    def show_gaps(self) -> None:
        table = self.query_one(GapTable)
        table.show_session(self.session)
        key = "stap1_gaps.legend_group" if table.view == "group" else "stap1_gaps.legend"
        show_text(self.query_one("#gap-legend", Static), t(key))
        self.show_gap_detail()

    def show_gap_detail(self) -> None:
        text = self.query_one(GapTable).current_description()
        show_text(self.query_one("#gap-detail", Static), text)

    @on(GapTable.RowHighlighted, "#gap-table")
    def _gap_row_moved(self) -> None:
        self.show_gap_detail()

    # -- messages up from the grid --------------------------------------------------------
    @on(ScoreGrid.Entered)
    def _entered(self, event: ScoreGrid.Entered) -> None:
        partner_id = event.partner_id  # the partner it was typed for, on view or not
        self.change(lambda s: rules.update_score(s, partner_id, event.service_id,
                                                 **{event.field: event.value}))
        grid = self.query_one(ScoreGrid)
        if grid.partner_id == partner_id:
            grid.update_row(event.service_id,
                            rules.score_of(self.session, partner_id, event.service_id))
        self.show_hint()
        self.show_detail()

    @on(ScoreGrid.Refused)
    def _refused(self, event: ScoreGrid.Refused) -> None:
        self.show_hint(event.hint)

    @on(ScoreGrid.Accepted)
    def _accepted(self) -> None:
        self.show_hint()

    @on(ScoreGrid.ModeChanged)
    def _mode_changed(self) -> None:
        self.show_mode()
        self.refresh_bindings()

    @on(ScoreGrid.Highlighted)
    def _moved(self) -> None:
        self.show_detail()

    @on(ScoreGrid.EditFinancing)
    def _financing(self, event: ScoreGrid.EditFinancing) -> None:
        partner = self._partner()
        if partner is None:
            return
        current = rules.score_of(self.session, partner.id, event.service_id).financing
        choices: list[tuple[str, str]] = [(f, t(f"stap1.financing.{f}")) for f in FINANCING]
        choices.append(("none", t("stap1.financing_none")))

        def chosen(value: str | None) -> None:
            if value is None:
                return
            financing = None if value == "none" else value
            self.change(lambda s: rules.update_score(s, partner.id, event.service_id,
                                                     financing=financing))
            self.load_grid()

        heading = t("stap1.financing_title", partner=partner.name,
                    service=self._service_name(event.service_id))
        self.app.push_screen(PickDialog(heading, choices, current), chosen)

    @on(ScoreGrid.EditNote)
    def _note(self, event: ScoreGrid.EditNote) -> None:
        partner = self._partner()
        if partner is None:
            return
        current = rules.score_of(self.session, partner.id, event.service_id).note

        def save(note: str | None) -> None:
            if note is not None:
                self.change(lambda s: rules.update_score(s, partner.id, event.service_id,
                                                         note=note))
                self.load_grid()

        heading = t("stap1.note_title", partner=partner.name,
                    service=self._service_name(event.service_id))
        self.app.push_screen(TextPromptDialog(heading, "stap1.note_label", current), save)

    # -- screen actions -------------------------------------------------------------------
    def _showing_gaps(self) -> bool:
        return self.query_one(ContentSwitcher).current == "gaps"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in GAP_ACTIONS:
            return self._showing_gaps()
        if action in ENTRY_ACTIONS:
            return not self._showing_gaps()
        return True

    def action_switch_view(self) -> None:
        if self._showing_gaps():
            self._show_grid()
            return
        self.query_one(ScoreGrid).action_leave()
        self.query_one(ContentSwitcher).current = "gaps"
        self.show_gaps()
        self.query_one(GapTable).focus()
        self.refresh_bindings()

    def action_entry(self) -> None:
        """To the grid, in the entry mode (`e` from anywhere on the screen)."""
        self._show_grid()
        self.query_one(ScoreGrid).action_entry()

    def _show_grid(self) -> None:
        self.query_one(ContentSwitcher).current = "entry"
        self.load_grid()
        self.query_one(ScoreGrid).focus()
        self.refresh_bindings()

    def action_partner(self, offset: int) -> None:
        """The next or previous partner, shown before the next key is read: what is
        typed after Tab is for the partner Tab went to."""
        if self.session.partners:
            self.partner_index = (self.partner_index + offset) % len(self.session.partners)
            self.load_grid(keep_cursor=False)

    def action_back_to_grid(self) -> None:
        """Esc in the gap table (its own key, so the footer says where Esc goes)."""
        self._show_grid()

    def action_to_start(self) -> None:
        """Esc in the gap table goes back to the grid, not to the session list."""
        if self._showing_gaps():
            self._show_grid()
            return
        super().action_to_start()

    def action_sort(self) -> None:
        self.query_one(GapTable).next_sort()

    def action_direction(self) -> None:
        self.query_one(GapTable).flip_direction()

    def action_view(self) -> None:
        self.query_one(GapTable).next_view()
        self.show_gaps()


SCREEN = Stap1Screen
