"""Which screen shows which stage: `screens/stages/<stage id>.py`, imported when
the stage is first shown."""

from __future__ import annotations

import importlib

from regionet_tui.storage import SessionStore

from .stage import StageScreen


def stage_screen(stage_id: str, store: SessionStore) -> StageScreen:
    module = importlib.import_module(f"{__package__}.stages.{stage_id}")
    screen: StageScreen = module.SCREEN(store)
    return screen
