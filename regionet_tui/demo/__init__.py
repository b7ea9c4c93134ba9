"""The demo workshop: a realistic example so a facilitator can look around at once.

Fake data lives only here (and in tests). Each stage fills its own part.
"""

from __future__ import annotations

from datetime import date

from ..models import Session
from . import (
    commitment,
    partners,
    reflection,
    rounds,
    stap1,
    stap2,
    stap3,
    stap4,
    stap5,
    stap6,
    workshop,
)

# Order matters: rounds and reflection add to the plan, workshop adds follow-ups.
FILLERS = (partners.fill, commitment.fill, stap1.fill, stap2.fill, stap3.fill, stap4.fill,
           stap5.fill, stap6.fill, rounds.fill, reflection.fill, workshop.fill)


def build_demo(session_id: str) -> Session:
    """The demo network is a Dutch one and all its content is written in Dutch, so
    it is a Dutch session whatever language the app speaks: what the app makes for
    it (flowchart words, the report) is Dutch too."""
    session = Session(
        id=session_id,
        title="Leernetwerk Rivierenland – najaarsronde",
        region="Rivierenland (Tiel, Culemborg, Geldermalsen)",
        date=date(2026, 11, 12),
        facilitator="Marieke de Vries",
        language="nl",
    )
    for fill in FILLERS:
        fill(session)
    return session
