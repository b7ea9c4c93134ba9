"""The parts of the workshop the facilitator can open for the room."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Literal, get_args

# Stage ids as everywhere else; the parking lot is no stage but is opened the same way.
RoomStage = Literal["commitment", "stap1", "stap2", "stap3", "reflection", "parking"]
ROOM_STAGES: tuple[RoomStage, ...] = get_args(RoomStage)

# Additive answers (own agenda items, parked notes) carry a submission id; the rest are
# "set" operations that a resubmission simply repeats.
ADDITIVE: frozenset[str] = frozenset({"stap3", "parking"})


def is_room_stage(name: str) -> bool:
    return name in ROOM_STAGES


def stage_module(stage: RoomStage) -> ModuleType:
    """The module that builds the stage's page and applies its answers (room/<stage>.py)."""
    return importlib.import_module(f"{__package__}.{stage}")
