"""Demo agenda and parking lot: the morning is under way, STAP 1 ran over.

The agenda shows time already spent on the first stages; no timer runs, so
the demo never opens with a timebox that ran out long ago. One parked item
has become a follow-up action of the reflection.
"""

from __future__ import annotations

from datetime import UTC, datetime

from ..core.workshop import default_agenda
from ..models import Session
from ..models.reflection import FollowUp
from ..models.workshop import AgendaSlot, ParkingItem

SPENT_SECONDS = {"partners": 11 * 60 + 40, "commitment": 14 * 60 + 10, "stap1": 52 * 60 + 30}
ADDED_MINUTES = {"stap1": 5}


def _at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 12, hour, minute, tzinfo=UTC)


def fill(session: Session) -> None:
    session.workshop.agenda = [
        AgendaSlot(stage=slot.stage, minutes=slot.minutes,
                   added_minutes=ADDED_MINUTES.get(slot.stage, 0),
                   actual_seconds=SPENT_SECONDS.get(slot.stage, 0))
        for slot in default_agenda()
    ]
    followup = FollowUp(
        id="fu-zij-instroom",
        what="Navragen wie de begeleiding van zij-instromers in het eerste jaar betaalt",
        status="open",
        created=_at(10, 5),
    )
    session.reflection.followups = [*session.reflection.followups, followup]
    session.workshop.parking = [
        ParkingItem(id="park-vervoer", created=_at(9, 52),
                    text="Vervoer van leerlingen naar stageplekken buiten Tiel (bus Geldermalsen)"),
        ParkingItem(id="park-zij-instroom", created=_at(10, 5), status="followup",
                    followup=followup.id,
                    text="Wie betaalt de begeleiding van zij-instromers in het eerste jaar?"),
        ParkingItem(id="park-cao", created=_at(10, 21),
                    text="Mag een docent via de cao gedetacheerd worden bij Van der Linden?"),
        ParkingItem(id="park-naam", created=_at(10, 34), status="closed",
                    text="Andere naam voor het loket: 'Leerwerkpunt'? (besproken, blijft zo)"),
    ]
