"""STAP 3: each partner's own agenda, the shared agenda built from it, the goal."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from regionet_tui.core import stap3
from regionet_tui.i18n import t
from regionet_tui.models.stap3 import AgendaItem, SharedItem

from ..dialogs.confirm import ConfirmDialog
from ..partner_stage import PartnerStageScreen, first_line
from ..widgets.line_table import LineTable, Row
from ..widgets.partner_bar import PartnerBar
from ..widgets.text import show_text


class Stap3Screen(PartnerStageScreen):
    STAGE_ID = "stap3"
    VIEWS = ("own-view", "shared-view")
    VIEW_FOCUS = {"own-view": "#own", "shared-view": "#shared"}
    VIEW_ACTIONS = {"own-view": frozenset({"partner"})}
    BINDINGS = [
        Binding("a,plus", "add", "stap3.key_add"),
        Binding("e", "edit", "stap3.key_edit"),
        Binding("delete,x", "remove", "stap3.key_remove"),
        Binding("g", "statement", "stap3.key_statement"),
    ]

    def compose_stage(self) -> ComposeResult:
        with ContentSwitcher(id="views", initial=self.VIEWS[0]):
            with Vertical(id="own-view"):
                yield PartnerBar()
                yield LineTable(id="own")
                yield Static("", id="own-empty", classes="empty-hint")
                yield Static("", id="own-detail", classes="detail")
            with Vertical(id="shared-view"):
                yield Static("", id="statement", classes="statement")
                yield LineTable(id="shared")
                yield Static("", id="shared-detail", classes="detail")

    def on_mount(self) -> None:
        super().on_mount()
        own = self.query_one("#own", LineTable)
        # Text columns give way (cut with "…") so every column stays on screen.
        for key in ("col_title", "col_in_shared", "col_explanation"):
            own.add_column(Text(t(f"stap3.{key}")), key=key, min_width=12)
        shared = self.query_one("#shared", LineTable)
        for key in ("col_title", "col_supporters", "col_sources"):
            shared.add_column(Text(t(f"stap3.{key}")), key=key, min_width=12)
        self.show_partner_bar()
        self.fill_own()
        own.focus()

    # -- filling ---------------------------------------------------------------
    def _own(self) -> list[AgendaItem]:
        partner = self.partner
        return self.session.goal.own.get(partner.id, []) if partner else []

    def fill_view(self) -> None:
        if self.view == "shared-view":
            self.fill_shared()
        else:
            self.fill_own()

    def fill_own(self, select: int | None = None) -> None:
        table = self.query_one("#own", LineTable)
        shared = self.session.goal.shared
        rows = []
        for item in self._own():
            used = [s.title for s in shared if item.id in s.sources]
            rows.append(Row(item.id, (Text(item.title),
                                      Text("→ " + "; ".join(used) if used else ""),
                                      Text(first_line(item.explanation)))))
        table.show(rows)
        if select is not None:
            table.move_cursor(row=select)
        hint = self.query_one("#own-empty", Static)
        # Without partners the partner bar already says so: once is enough.
        hint.display = self.partner is not None and not self._own()
        show_text(hint, t("stap3.own_empty"))
        self.show_own_detail()

    def show_own_detail(self) -> None:
        """The selected item of the partner's own agenda in full, under the table:
        its title, its explanation and where it went in the shared agenda."""
        item = self._selected_own()
        detail = self.query_one("#own-detail", Static)
        detail.display = item is not None
        if item is None:
            return
        used = [s.title for s in self.session.goal.shared if item.id in s.sources]
        lines = [item.title]
        if item.explanation:
            lines.append(item.explanation)
        if used:
            lines.append("→ " + "; ".join(used))
        show_text(detail, "\n".join(lines))

    @on(LineTable.RowHighlighted, "#own")
    def _own_highlighted(self) -> None:
        self.show_own_detail()

    def fill_shared(self, select: int | None = None) -> None:
        statement = self.session.goal.statement or t("stap3.statement_empty")
        show_text(self.query_one("#statement", Static),
                  Content.assemble((t("stap3.statement_label") + " ", "bold"), statement))
        table = self.query_one("#shared", LineTable)
        count = len(self.session.partners)
        rows = []
        for item in self.session.goal.shared:
            found = [stap3.source_of(self.session, source) for source in item.sources]
            sources = [source[1].title for source in found if source is not None]
            rows.append(Row(item.id, (Text(item.title), Text(f"{len(item.supporters)}/{count}"),
                                      Text(first_line("; ".join(sources), 40)))))
        table.show(rows)
        if select is not None:
            table.move_cursor(row=select)
        self.show_shared_detail()

    def show_shared_detail(self) -> None:
        item = self._selected_shared()
        detail = self.query_one("#shared-detail", Static)
        if item is None:
            show_text(detail, t("stap3.shared_empty"))
            return
        names = {p.id: p.name for p in self.session.partners}
        lines = [item.explanation] if item.explanation else []
        for source_id in item.sources:
            found = stap3.source_of(self.session, source_id)
            if found:
                lines.append(t("stap3.detail_source", partner=names.get(found[0], "?"),
                               title=found[1].title))
        supporters = ", ".join(names[p] for p in item.supporters if p in names)
        lines.append(t("stap3.detail_supporters", names=supporters or "–"))
        show_text(detail, "\n".join(lines))

    @on(LineTable.RowHighlighted, "#shared")
    def _shared_highlighted(self) -> None:
        self.show_shared_detail()

    def partner_changed(self) -> None:
        self.fill_own(select=0)

    # -- selection -------------------------------------------------------------
    def _selected_own(self) -> AgendaItem | None:
        items = self._own()
        row = self.query_one("#own", LineTable).cursor_row
        return items[row] if items and 0 <= row < len(items) else None

    def _selected_shared(self) -> SharedItem | None:
        items = self.session.goal.shared
        row = self.query_one("#shared", LineTable).cursor_row
        return items[row] if items and 0 <= row < len(items) else None

    @on(LineTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_edit()

    # -- actions -----------------------------------------------------------------
    def action_add(self) -> None:
        self._edit(None)

    def action_edit(self) -> None:
        current = self._selected_own() if self.view == "own-view" else self._selected_shared()
        if current is not None:
            self._edit(current)

    def _edit(self, current: AgendaItem | SharedItem | None) -> None:
        if self.view == "own-view":
            self._edit_own(current if isinstance(current, AgendaItem) else None)
        else:
            self._edit_shared(current if isinstance(current, SharedItem) else None)

    def _edit_own(self, current: AgendaItem | None) -> None:
        partner = self.partner
        if partner is None:
            return

        def saved(item: AgendaItem | None) -> None:
            if item is None:
                return
            apply = stap3.replace_own_item if current else stap3.add_own_item
            if self.change(lambda s: apply(s, partner.id, item)):
                ids = [i.id for i in self._own()]
                self.fill_own(select=ids.index(item.id))

        key = "stap3.edit_own" if current else "stap3.add_own"
        from ..dialogs.agenda_form import AgendaFormDialog  # not on the first visit
        self.app.push_screen(AgendaFormDialog(t(key, name=partner.name), current), saved)

    def _edit_shared(self, current: SharedItem | None) -> None:
        names = {p.id: p.name for p in self.session.partners}
        sources = [(item.id, f"{names[pid]} – {item.title}")
                   for pid, item in stap3.own_items(self.session)]

        def saved(item: SharedItem | None) -> None:
            if item is None:
                return
            apply = stap3.replace_shared if current else stap3.add_shared
            if self.change(lambda s: apply(s, item)):
                ids = [s.id for s in self.session.goal.shared]
                self.fill_shared(select=ids.index(item.id))

        from ..dialogs.shared_form import SharedFormDialog  # not on the first visit
        dialog = SharedFormDialog(
            t("stap3.edit_shared" if current else "stap3.add_shared"), current, sources,
            list(names.items()), lambda item: stap3.check_shared(self.session, item),
        )
        self.app.push_screen(dialog, saved)

    def action_remove(self) -> None:
        if self.view == "own-view":
            own, partner = self._selected_own(), self.partner
            if own is None or partner is None:
                return
            title, apply = own.title, lambda s: stap3.remove_own_item(s, partner.id, own.id)
        else:
            shared = self._selected_shared()
            if shared is None:
                return
            title, apply = shared.title, lambda s: stap3.remove_shared(s, shared.id)

        def confirmed(yes: bool | None) -> None:
            if yes and self.change(apply):
                self.view_changed()

        self.app.push_screen(ConfirmDialog(t("stap3.remove_question", title=title)), confirmed)

    def action_statement(self) -> None:
        def saved(text: str | None) -> None:
            if text is not None and self.change(lambda s: stap3.set_statement(s, text)):
                self.fill_shared()

        from ..dialogs.text_form import TextFormDialog  # not on the first visit
        self.app.push_screen(TextFormDialog(t("stap3.statement_title"), "stap3.statement_label",
                                            self.session.goal.statement), saved)


SCREEN = Stap3Screen
