"""Which screen shows which stage: `screens/stages/<stage id>.py` when it exists."""

from __future__ import annotations

import importlib

from regionet_tui.storage import SessionStore

from .placeholder import PlaceholderStage
from .stage import StageScreen


def stage_screen(stage_id: str, store: SessionStore) -> StageScreen:
    try:
        module = importlib.import_module(f"{__package__}.stages.{stage_id}")
    except ModuleNotFoundError as error:
        if error.name != f"{__package__}.stages.{stage_id}":
            raise
        return PlaceholderStage(store, stage_id)
    screen: StageScreen = module.SCREEN(store)
    return screen
