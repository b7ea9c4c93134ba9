"""Editing the list of services of STAP 1: add, rename, reorder, hide or remove, restore.

A base for the STAP 1 screen, kept apart so that screen stays about entering
scores and reading gaps. A default service is hidden, never lost; a custom one
is removed with its scores after a question.
"""

from __future__ import annotations

from textual.binding import Binding

from regionet_tui.core import stap1 as rules
from regionet_tui.i18n import t

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.pick import PickDialog
from ..dialogs.prompt import NamePromptDialog
from ..stage import StageScreen


class ServiceEditing(StageScreen):
    BINDINGS = [
        Binding("a", "add", "stap1.key_add"),
        Binding("r", "rename", "stap1.key_rename", show=False),
        Binding("x", "remove", "stap1.key_remove", show=False),
        Binding("u", "restore", "stap1.key_restore", show=False),
        Binding("ctrl+up", "move(-1)", "stap1.key_up", show=False),
        Binding("ctrl+down", "move(1)", "stap1.key_down", show=False),
    ]

    def selected_service(self) -> str | None:
        """The id of the service the facilitator is on."""
        raise NotImplementedError

    def load_grid(self, *, keep_cursor: bool = True, select: str | None = None) -> None:
        raise NotImplementedError

    def _service_name(self, service_id: str) -> str:
        service = next(s for s in self.session.portfolio.services if s.id == service_id)
        return rules.service_name(service)

    def action_add(self) -> None:
        def add(name: str | None) -> None:
            if name is None:
                return
            added: list[str] = []
            if self.change(lambda s: added.append(rules.add_service(s, name).id)):
                self.load_grid(select=added[0])
                self.notify(t("stap1.added", name=name), markup=False)

        self.app.push_screen(NamePromptDialog(t("stap1.add_title"), "stap1.name_label"),
                             add)

    def action_rename(self) -> None:
        service_id = self.selected_service()
        if service_id is None:
            return

        def rename(name: str | None) -> None:
            if name is not None and self.change(
                lambda s: rules.rename_service(s, service_id, name)
            ):
                self.load_grid()

        self.app.push_screen(NamePromptDialog(t("stap1.rename_title"), "stap1.name_label",
                                              self._service_name(service_id)), rename)

    def action_remove(self) -> None:
        service_id = self.selected_service()
        if service_id is None:
            return
        service = next(s for s in self.session.portfolio.services if s.id == service_id)
        name = rules.service_name(service)
        key = "remove_builtin_question" if service.builtin else "remove_custom_question"

        def confirmed(yes: bool | None) -> None:
            if yes and self.change(lambda s: rules.remove_service(s, service_id)):
                self.load_grid()
                done = "stap1.hidden" if service.builtin else "stap1.removed"
                self.notify(t(done, name=name), markup=False)

        self.app.push_screen(ConfirmDialog(t(f"stap1.{key}", name=name)), confirmed)

    def action_restore(self) -> None:
        hidden = rules.hidden_services(self.session.portfolio)
        if not hidden:
            self.notify(t("stap1.restore_none"), markup=False)
            return

        def restore(service_id: str | None) -> None:
            if service_id is not None and self.change(
                lambda s: rules.show_service(s, service_id)
            ):
                self.load_grid(select=service_id)
                self.notify(t("stap1.restored", name=self._service_name(service_id)),
                            markup=False)

        choices = [(s.id, rules.service_name(s)) for s in hidden]
        self.app.push_screen(PickDialog(t("stap1.restore_title"), choices), restore)

    def action_move(self, offset: int) -> None:
        service_id = self.selected_service()
        if service_id is not None and self.change(
            lambda s: rules.move_service(s, service_id, offset)
        ):
            self.load_grid(select=service_id)
