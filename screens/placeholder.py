"""A stage that this version does not have yet: its title, what it is for, and
plainly that it is not available. Nothing pretends to work."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from regionet_tui.i18n import t
from regionet_tui.storage import SessionStore

from .stage import StageScreen


class PlaceholderStage(StageScreen):
    def __init__(self, store: SessionStore, stage_id: str) -> None:
        self.STAGE_ID = stage_id
        super().__init__(store)

    def compose_stage(self) -> ComposeResult:
        yield Static(Content(t("stage.not_available")), classes="stage-unavailable")
