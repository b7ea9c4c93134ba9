"""Rounds: the network evaluates regularly, each round a session of its own.

- `next_round(previous, new_id, title, on)`: a new session that starts from
  an earlier one. What the network built up is carried over (partners,
  services, the starting situation, the long-term goal, the agreements, the
  plan, the flowchart, the themes and the workshop agenda); what each round
  asks anew starts fresh (commitments, portfolio scores, sign-offs, reflection
  ratings and follow-ups, time spent). The new session points to the previous
  one, where the earlier values stay readable for reference.
- `add_next_round(library, path, title, on)`: the next round of the session
  in the file `path`, added to the sessions folder.
- `load_predecessor(library, session)`: that previous session read from the
  sessions folder, or why it cannot be shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from ..models import Session, new_id, utc_now
from ..models.commitment import Commitment
from ..models.reflection import Reflection
from ..models.stap1 import Portfolio
from ..models.stap4 import Deal
from ..models.workshop import Workshop
from ..storage import SessionLibrary, sessionfile
from ..storage.sessionfile import Damage


def next_round(previous: Session, new_id: str, title: str, on: date) -> Session:
    source = previous.model_copy(deep=True)
    now = utc_now()
    workshop = Workshop(
        # The plan of the day carries over; the time spent, the minutes given in
        # the room and a timer still running stay with their round.
        agenda=[slot.model_copy(update={"actual_seconds": 0, "added_minutes": 0,
                                        "started_at": None})
                for slot in source.workshop.agenda],
        # Open parking-lot items are still open; settled ones stay with their round.
        parking=[item for item in source.workshop.parking if item.status == "open"],
    )
    # Milestones stay in the plan; their link to a follow-up of the earlier
    # round is kept there (that follow-up's `milestone` still points here).
    milestones = [m.model_copy(update={"followup": None}) for m in source.plan.milestones]
    data = source.model_dump()
    data.update(
        id=new_id, title=title, date=on, created=now, modified=now,
        predecessor=previous.id, predecessor_title=previous.title,
        commitment=Commitment().model_dump(),
        portfolio=Portfolio(services=source.portfolio.services).model_dump(),
        deal=Deal(agreements=source.deal.agreements).model_dump(),
        plan=source.plan.model_copy(update={"milestones": milestones}).model_dump(),
        reflection=Reflection(themes=source.reflection.themes).model_dump(),
        workshop=workshop.model_dump(),
    )
    return Session.model_validate(data)


def add_next_round(library: SessionLibrary, path: Path, title: str, on: date) -> Session:
    """Start the next round from the session in the file `path` (the one the
    facilitator chose, whatever other file holds a session of its id), saved
    as a new session. DamagedSessionFile when that file cannot be read;
    OSError when the folder refuses the new file."""
    copy = next_round(sessionfile.read(path), new_id(), title, on)
    library.add(copy).close()
    return copy


Problem = Literal["none", "missing", "damaged"]


@dataclass(frozen=True)
class Predecessor:
    """The previous round, or `problem` saying why there is none to show."""

    session: Session | None
    problem: Problem | None = None
    damage: Damage | None = None


def load_predecessor(library: SessionLibrary, session: Session) -> Predecessor:
    if session.predecessor is None:
        return Predecessor(None, "none")
    path = library.path_for(session.predecessor)
    if not path.exists():
        return Predecessor(None, "missing")
    try:
        return Predecessor(sessionfile.read(path))
    except sessionfile.DamagedSessionFile as error:
        return Predecessor(None, "damaged", error.damage)
