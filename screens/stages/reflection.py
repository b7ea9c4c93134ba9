"""Reflection: the Praatplaat (how is the collaboration going, per theme) and the
Follow-up plaat (concrete agreements: what, who, when), and the way to the
comparison with the previous round.

The dialogs and the comparison are imported when first opened: the rating
dialog alone (a text area) costs about 35 ms to import on the first visit. The
plates sit under a one-line tab bar of our own (PlateTabs) and are shown and
hidden by the screen: Textual's TabbedContent (its import, a dozen widgets with
styles of their own, more layout passes) took about 35 of the 80 ms of CPU
time the first visit took with a region-sized session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from regionet_tui.core import reflection as core
from regionet_tui.core.rounds import Predecessor, load_predecessor
from regionet_tui.i18n import t
from regionet_tui.models import Session, new_id
from regionet_tui.models.reflection import FOLLOWUP_STATUSES, FollowUp, Theme, ThemeRating

if TYPE_CHECKING:
    from ..dialogs.theme_form import ThemeDetails

from ..stage import StageScreen
from ..widgets.followup_detail import FollowUpDetail
from ..widgets.followup_table import FollowUpTable
from ..widgets.line_table import LineTable
from ..widgets.plate_tabs import PlateTabs
from ..widgets.text import show_text
from ..widgets.theme_detail import ThemeDetail
from ..widgets.theme_table import ThemeTable

TALK, FOLLOWUPS = "talk", "followups"
TALK_ACTIONS = {"score", "clear_score", "attention", "followup_from_theme", "rename_theme"}
FOLLOWUP_ACTIONS = {"cycle_status", "promote"}


class ReflectionScreen(StageScreen):
    STAGE_ID = "reflection"
    previous_of: str | None = None  # the predecessor id `previous` was loaded for
    plate = TALK  # the plate on view
    AUTO_FOCUS = "#themes"  # the Praatplaat's table, not the tab bar above it
    BINDINGS = [
        Binding("w", "switch_plate", "reflection.key_switch"),
        Binding("e", "edit", "reflection.key_edit"),
        Binding("plus,equals_sign", "score(1)", "reflection.key_up"),
        Binding("minus", "score(-1)", "reflection.key_down"),
        Binding("backspace", "clear_score", "reflection.key_clear", show=False),
        Binding("exclamation_mark", "attention", "reflection.key_attention"),
        Binding("o", "followup_from_theme", "reflection.key_followup"),
        Binding("s", "cycle_status", "reflection.key_status"),
        Binding("m", "promote", "reflection.key_promote"),
        Binding("a", "add", "reflection.key_add"),
        Binding("v", "compare", "reflection.key_compare"),
        Binding("r", "rename_theme", "reflection.key_rename", show=False),
        Binding("delete,x", "remove", "reflection.key_remove", show=False),
    ]

    def compose_stage(self) -> ComposeResult:
        yield Static("", id="previous-note", classes="previous-note")
        yield PlateTabs(((TALK, t("reflection.plate_talk")),
                         (FOLLOWUPS, t("reflection.plate_followup"))), TALK, id="plate-tabs")
        with Vertical(id=f"plate-{TALK}", classes="plate"):
            yield ThemeTable(id="themes")
            yield ThemeDetail("", id="theme-detail", classes="plate-detail")
        followups = Vertical(id=f"plate-{FOLLOWUPS}", classes="plate")
        followups.display = False
        with followups:
            yield FollowUpTable(id="followups")
            yield FollowUpDetail("", id="followup-detail", classes="plate-detail")

    def on_mount(self) -> None:
        super().on_mount()
        self.previous = self._load_previous()
        self.refresh_plates()

    def help_text(self) -> str:
        return f"{super().help_text()}\n\n{t('reflection.help')}"

    def _load_previous(self) -> Predecessor:
        self.previous_of = self.session.predecessor
        previous = load_predecessor(self.regionet_app.library, self.session)
        note = self.query_one("#previous-note", Static)
        if previous.session is not None:
            show_text(note, t("reflection.previous_round", title=previous.session.title))
        elif previous.problem == "missing":
            show_text(note, t("reflection.previous_missing"))
        elif previous.problem == "damaged" and previous.damage is not None:
            reason = t(f"damage.{previous.damage.reason}", detail=previous.damage.detail)
            show_text(note, t("reflection.previous_damaged", reason=reason))
        note.display = previous.problem != "none"
        return previous

    # -- showing ---------------------------------------------------------------
    def refresh_stage(self) -> None:
        if self.previous_of != self.session.predecessor:
            self.previous = self._load_previous()
        self.refresh_plates()

    def refresh_plates(self, select_followup: str | None = None) -> None:
        """Show the plate on view; the other one is filled when it is opened."""
        if self.plate == TALK and select_followup is None:
            self.query_one(ThemeTable).show_themes(self.session, self.previous.session)
        else:
            self.query_one(FollowUpTable).show_followups(self.session, date.today(),
                                                         select_followup)
        self._show_details()

    @on(LineTable.RowHighlighted)
    def _show_details(self) -> None:
        self.query_one(ThemeDetail).show(self.session,
                                         self.query_one(ThemeTable).selected_theme_id())
        self.query_one(FollowUpDetail).show(
            self.session, self.query_one(FollowUpTable).selected_id(), date.today())

    def show_plate(self, plate: str) -> None:
        """Show `plate` filled, with the focus on its table."""
        if plate == self.plate:
            return
        self.plate = plate
        self.query_one(PlateTabs).active = plate
        for shown in (TALK, FOLLOWUPS):
            self.query_one(f"#plate-{shown}").display = shown == plate
        self.refresh_plates()
        self.query_one(ThemeTable if plate == TALK else FollowUpTable).focus()
        self.refresh_bindings()

    @on(PlateTabs.Chosen)
    def _plate_chosen(self, event: PlateTabs.Chosen) -> None:
        self.show_plate(event.plate)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TALK_ACTIONS:
            return self.plate == TALK
        if action in FOLLOWUP_ACTIONS:
            return self.plate == FOLLOWUPS
        return True

    def action_switch_plate(self) -> None:
        self.show_plate(FOLLOWUPS if self.plate == TALK else TALK)

    @on(LineTable.RowSelected)
    def action_edit(self) -> None:
        if self.plate == TALK:
            self._rate()
        else:
            self._edit_followup()

    def action_add(self) -> None:
        if self.plate == TALK:
            self._add_theme()
        else:
            self._open_followup_dialog(None)

    def action_remove(self) -> None:
        if self.plate == TALK:
            self._remove_theme()
        else:
            self._remove_followup()

    def action_compare(self) -> None:
        from ..compare import ComparisonScreen

        self.previous = self._load_previous()
        self.app.push_screen(ComparisonScreen(self.session, self.previous))

    # -- the Praatplaat -----------------------------------------------------------
    def _theme_id(self) -> str | None:
        return self.query_one(ThemeTable).selected_theme_id()

    def _apply(self, change: Callable[[Session], object], message: str = "") -> bool:
        if self.change(change):
            self.refresh_plates()
            if message:
                self.notify(message, markup=False)
            return True
        return False

    def _rate(self) -> None:
        from ..dialogs.rating_form import RatingDialog

        theme = core.find_theme(self.session, self._theme_id())
        if theme is None:
            return

        def rated(rating: ThemeRating | None) -> None:
            if rating is not None:
                self._apply(lambda s: core.set_rating(s, theme.id, rating),
                            t("reflection.rated", theme=core.theme_name(theme)))

        self.app.push_screen(RatingDialog(core.theme_name(theme),
                                          core.rating_of(self.session, theme.id),
                                          list(self.session.partners)), rated)

    def action_score(self, step: int) -> None:
        theme_id = self._theme_id()
        if theme_id is not None:
            self._apply(lambda s: core.step_group(s, theme_id, step))

    def action_clear_score(self) -> None:
        theme_id = self._theme_id()
        if theme_id is not None:
            self._apply(lambda s: core.clear_group(s, theme_id))

    def action_attention(self) -> None:
        theme = core.find_theme(self.session, self._theme_id())
        if theme is None:
            return
        if self._apply(lambda s: core.toggle_attention(s, theme.id)):
            on = core.rating_of(self.session, theme.id).attention
            key = "reflection.attention_on" if on else "reflection.attention_off"
            self.notify(t(key, theme=core.theme_name(theme)), markup=False)

    def _theme_names(self, exclude: str | None = None) -> set[str]:
        return {core.theme_name(th) for th in self.session.reflection.themes if th.id != exclude}

    def _add_theme(self) -> None:
        from ..dialogs.theme_form import ThemeFormDialog

        def added(details: ThemeDetails | None) -> None:
            if details is not None:
                self._apply(lambda s: core.add_theme(s, new_id(), details.name, details.group),
                            t("reflection.theme_added", name=details.name))

        self.app.push_screen(ThemeFormDialog(t("reflection.add_theme_title"),
                                             self._theme_names()), added)

    def _custom_theme(self) -> Theme | None:
        """The custom theme under the cursor; a default theme is explained, not changed."""
        theme = core.find_theme(self.session, self._theme_id())
        if theme is not None and theme.builtin is not None:
            self.notify(t("reflection.error.builtin_theme"), severity="warning", markup=False)
            return None
        return theme

    def action_rename_theme(self) -> None:
        from ..dialogs.theme_form import ThemeDetails, ThemeFormDialog

        theme = self._custom_theme()
        if theme is None:
            return

        def renamed(details: ThemeDetails | None) -> None:
            if details is not None:
                self._apply(lambda s: core.edit_theme(s, theme.id, details.name, details.group))

        current = ThemeDetails(theme.name, theme.group)
        self.app.push_screen(ThemeFormDialog(t("reflection.rename_theme_title"),
                                             self._theme_names(theme.id), current), renamed)

    def _remove_theme(self) -> None:
        from ..dialogs.confirm import ConfirmDialog

        theme = self._custom_theme()
        if theme is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._apply(lambda s: core.remove_theme(s, theme.id),
                            t("reflection.theme_removed", name=theme.name))

        self.app.push_screen(ConfirmDialog(t("reflection.remove_theme_question",
                                             name=theme.name)), confirmed)

    def action_followup_from_theme(self) -> None:
        theme_id = self._theme_id()
        if theme_id is None:
            return
        steps = core.rating_of(self.session, theme_id).next_steps
        self._open_followup_dialog(None, theme=theme_id, what=steps.split("\n")[0][:200])

    # -- the Follow-up plaat ---------------------------------------------------------
    def _followup(self) -> FollowUp | None:
        followup_id = self.query_one(FollowUpTable).selected_id()
        return core.find_followup(self.session, followup_id) if followup_id else None

    def _open_followup_dialog(self, current: FollowUp | None, *, theme: str | None = None,
                              what: str = "") -> None:
        from ..dialogs.followup_form import FollowUpDialog

        def saved(followup: FollowUp | None) -> None:
            if followup is None:
                return
            if current is None:
                apply, key = core.add_followup, "reflection.followup_added"
            else:
                apply, key = core.replace_followup, "reflection.followup_saved"
            if self.change(lambda s: apply(s, followup)):
                self.refresh_plates(select_followup=followup.id)
                self.show_plate(FOLLOWUPS)
                self.notify(t(key, what=followup.what), markup=False)

        heading = "reflection.edit_followup_title" if current else "reflection.add_followup_title"
        self.app.push_screen(FollowUpDialog(t(heading), self.session, current,
                                            theme=theme, what=what), saved)

    def _edit_followup(self) -> None:
        current = self._followup()
        if current is not None:
            self._open_followup_dialog(current)

    def action_cycle_status(self) -> None:
        current = self._followup()
        if current is None:
            return
        index = FOLLOWUP_STATUSES.index(current.status)
        status = FOLLOWUP_STATUSES[(index + 1) % len(FOLLOWUP_STATUSES)]
        changed = current.model_copy(update={"status": status})
        self._apply(lambda s: core.replace_followup(s, changed),
                    t("reflection.status_changed", what=current.what,
                      status=t(f"reflection.status.{status}")))

    def action_promote(self) -> None:
        current = self._followup()
        if current is not None:
            self._apply(lambda s: core.promote_followup(s, current.id, new_id()),
                        t("reflection.promoted", what=current.what))

    def _remove_followup(self) -> None:
        from ..dialogs.confirm import ConfirmDialog

        current = self._followup()
        if current is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._apply(lambda s: core.remove_followup(s, current.id),
                            t("reflection.followup_removed", what=current.what))

        self.app.push_screen(ConfirmDialog(t("reflection.remove_followup_question",
                                             what=current.what)), confirmed)


SCREEN = ReflectionScreen
