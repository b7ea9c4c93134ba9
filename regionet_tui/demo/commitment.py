"""Demo commitments: almost everyone committed; one attitude still open."""

from __future__ import annotations

from datetime import UTC, datetime

from ..models import Session
from ..models.commitment import ATTITUDES, CommitmentEntry

WHEN = datetime(2026, 11, 12, 9, 40, tzinfo=UTC)


def fill(session: Session) -> None:
    entries = {}
    for partner in session.partners:
        entries[partner.id] = {a: CommitmentEntry(committed=True, at=WHEN) for a in ATTITUDES}
    entries["p-linden"]["evaluate"] = CommitmentEntry(
        committed=False, at=WHEN,
        note="Wil eerst zien hoeveel tijd de evaluaties kosten voor een klein bedrijf.",
    )
    session.commitment.entries = entries
    session.commitment.override_reason = (
        "Van der Linden bespreekt de evaluatie-afspraak met het eigen team; "
        "we starten toch, en komen er in de volgende bijeenkomst op terug."
    )
    session.commitment.override_at = WHEN
