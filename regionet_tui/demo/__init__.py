"""The demo workshop: a realistic example so a facilitator can look around at once.

Fake data lives only here (and in tests). Each stage fills its own part.
"""

from __future__ import annotations

from datetime import date

from ..models import Session
from ..models.session import Language
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


def build_demo(session_id: str, language: str = "nl") -> Session:
    lang: Language = "en" if language == "en" else "nl"
    session = Session(
        id=session_id,
        title="Leernetwerk Rivierenland – najaarsronde",
        region="Rivierenland (Tiel, Culemborg, Geldermalsen)",
        date=date(2026, 11, 12),
        facilitator="Marieke de Vries",
        language=lang,
    )
    for fill in FILLERS:
        fill(session)
    return session
