"""How far a session is: each stage empty, in progress or done.

Each stage's rule lives with the stage (`regionet_tui.core.<stage>.progress`);
this module only knows the order of the stages and collects their answers.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
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


# The parts of the session each stage's status reads.
READS: dict[str, tuple[str, ...]] = {
    "partners": ("partners",),
    "commitment": ("partners", "commitment"),
    "stap1": ("partners", "portfolio"),
    "stap2": ("partners", "start"),
    "stap3": ("goal",),
    "stap4": ("partners", "deal"),
    "stap5": ("plan",),
    "stap6": ("flowchart",),
    "reflection": ("reflection",),
    "share": (),
}
_PARTS = tuple(sorted({part for reads in READS.values() for part in reads}))

Parts = dict[str, tuple[object, ...]]


def parts(session: Session) -> Parts:
    """The parts the statuses read, down to each part's fields, as they are now.

    Held, not copied: the models are changed by assigning new values (they
    validate every assignment), so after a change `touched` finds the stages
    whose parts were given new values by comparing identities.
    """
    from pydantic import BaseModel

    found: Parts = {}
    for name in _PARTS:
        part = getattr(session, name)
        if isinstance(part, BaseModel):
            found[name] = (part, *(getattr(part, field) for field in type(part).model_fields))
        else:
            found[name] = (part,)
    return found


def touched(session: Session, before: Parts) -> tuple[str, ...]:
    """The stages whose status may have changed since `before` (see `parts`)."""
    now = parts(session)
    changed = {name for name in _PARTS
               if any(a is not b for a, b in zip(before[name], now[name], strict=True))}
    return tuple(stage_id for stage_id, reads in READS.items() if changed.intersection(reads))


def refreshed(session: Session, known: Mapping[str, Status],
              changed: Iterable[str] | None) -> dict[str, Status]:
    """`known` with the `changed` stages' statuses worked out anew (every stage
    when `changed` is None). After a change only the stages it touched: a score
    key then costs the same with 6 or 1000 partners in the other stages."""
    if changed is None:
        return statuses(session)
    return {**known, **{stage_id: status(session, stage_id) for stage_id in changed}}


def done_count(session: Session) -> tuple[int, int]:
    done = sum(1 for s in COUNTED if status(session, s.id) == "done")
    return done, len(COUNTED)
