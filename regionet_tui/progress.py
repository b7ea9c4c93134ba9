"""How far a session is: each stage empty, in progress or done.

Each stage's rule lives with the stage (`regionet_tui.core.<stage>.progress`);
this module only knows the order of the stages and collects their answers.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .models import Session

Status = Literal["empty", "in_progress", "done"]


@dataclass(frozen=True)
class Stage:
    id: str
    key: str  # the key that opens it inside a session
    rule: str  # module holding `progress(session) -> Status`


STAGES: tuple[Stage, ...] = (
    Stage("partners", "p", "regionet_tui.core.partners"),
    Stage("commitment", "0", "regionet_tui.core.commitment"),
    Stage("stap1", "1", "regionet_tui.core.stap1"),
    Stage("stap2", "2", "regionet_tui.core.stap2"),
    Stage("stap3", "3", "regionet_tui.core.stap3"),
    Stage("stap4", "4", "regionet_tui.core.stap4"),
    Stage("stap5", "5", "regionet_tui.core.stap5"),
    Stage("stap6", "6", "regionet_tui.core.stap6"),
    Stage("reflection", "7", "regionet_tui.core.reflection"),
    Stage("share", "8", "regionet_tui.core.share"),
)
STAGE_IDS = tuple(stage.id for stage in STAGES)
# The share stage produces files rather than workshop content: not counted.
COUNTED = tuple(stage for stage in STAGES if stage.id != "share")


def stage(stage_id: str) -> Stage:
    return next(s for s in STAGES if s.id == stage_id)


def status(session: Session, stage_id: str) -> Status:
    module = importlib.import_module(stage(stage_id).rule)
    result: Status = module.progress(session)
    return result


def statuses(session: Session) -> dict[str, Status]:
    return {s.id: status(session, s.id) for s in STAGES}


def done_count(session: Session) -> tuple[int, int]:
    done = sum(1 for s in COUNTED if status(session, s.id) == "done")
    return done, len(COUNTED)
