"""How far each partner is in what the room answers: for the terminal's room panel."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Session
from .stages import ROOM_STAGES, RoomStage, stage_module


@dataclass(frozen=True)
class StageProgress:
    done: int
    total: int | None  # None: a count with no end (agenda items, parked notes)

    @property
    def symbol(self) -> str:
        """○ nothing, ◐ some, ● all; a count where there is no "all"."""
        if self.total is None:
            return str(self.done) if self.done else "·"
        if self.done == 0:
            return "○"
        return "●" if self.done >= self.total else "◐"


def partner_progress(session: Session, partner_id: str) -> dict[RoomStage, StageProgress]:
    return {stage: StageProgress(*stage_module(stage).progress(session, partner_id))
            for stage in ROOM_STAGES}
