"""Rules for the commitment checklist, and the gate in front of STAP 1.

A partner is committed when it said yes to all five attitudes. STAP 1 opens
when every partner is committed, or when the facilitator recorded why the
group goes on without that (`override_reason`, shown later in the report).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..forms import FormError
from ..i18n import t
from ..models import Session, utc_now
from ..models.commitment import ATTITUDES, Attitude, Commitment, CommitmentEntry
from ..models.text import clean_block
from ..progress import Status


def progress(session: Session) -> Status:
    entries = session.commitment.entries
    answered = [
        entries.get(p.id, {}).get(a) for p in session.partners for a in ATTITUDES
    ]
    if not any(e is not None and e.committed is not None for e in answered):
        return "empty"
    return "done" if is_complete(session) or session.commitment.override_reason else "in_progress"


def entry(session: Session, partner_id: str, attitude: Attitude) -> CommitmentEntry:
    return session.commitment.entries.get(partner_id, {}).get(attitude) or CommitmentEntry()


def is_complete(session: Session) -> bool:
    """Every partner said yes to every attitude (and there is at least one partner)."""
    return bool(session.partners) and all(
        entry(session, p.id, a).committed is True for p in session.partners for a in ATTITUDES
    )


def stap1_open(session: Session) -> bool:
    """STAP 1 may start: full commitment, a recorded reason, or nobody to commit yet."""
    return not session.partners or is_complete(session) or bool(
        session.commitment.override_reason
    )


# -- the matrix -------------------------------------------------------------------------
@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    open: int

    @property
    def total(self) -> int:
        return self.yes + self.no + self.open


@dataclass(frozen=True)
class Matrix:
    """Counts per attitude (over the partners) and per partner (over the attitudes)."""

    per_attitude: dict[Attitude, Tally]
    per_partner: dict[str, Tally]


def _tally(answers: list[bool | None]) -> Tally:
    return Tally(yes=sum(1 for a in answers if a is True),
                 no=sum(1 for a in answers if a is False),
                 open=sum(1 for a in answers if a is None))


def matrix(session: Session) -> Matrix:
    def answer(partner_id: str, attitude: Attitude) -> bool | None:
        return entry(session, partner_id, attitude).committed

    return Matrix(
        per_attitude={a: _tally([answer(p.id, a) for p in session.partners]) for a in ATTITUDES},
        per_partner={p.id: _tally([answer(p.id, a) for a in ATTITUDES])
                     for p in session.partners},
    )


# -- changes ----------------------------------------------------------------------------
def _set_entries(session: Session, partner_id: str,
                 changed: dict[Attitude, CommitmentEntry]) -> None:
    if session.partner(partner_id) is None:
        raise FormError(t("commitment.unknown_partner"))
    entries = dict(session.commitment.entries)
    row = {**entries.get(partner_id, {}), **changed}
    row = {a: e for a, e in row.items() if e != CommitmentEntry()}
    if row:
        entries[partner_id] = {a: row[a] for a in ATTITUDES if a in row}
    else:
        entries.pop(partner_id, None)
    session.commitment.entries = Commitment(entries=entries).entries


def set_answer(session: Session, partner_id: str, attitude: Attitude, committed: bool | None,
               at: datetime | None = None) -> None:
    """Record yes, no or "not answered" (None); the note is kept."""
    current = entry(session, partner_id, attitude)
    when = None if committed is None else (at or utc_now())
    _set_entries(session, partner_id, {
        attitude: CommitmentEntry(committed=committed, note=current.note, at=when),
    })


def commit_all(session: Session, partner_id: str, at: datetime | None = None) -> None:
    """The partner commits to all five attitudes at once; notes are kept."""
    when = at or utc_now()
    _set_entries(session, partner_id, {
        a: CommitmentEntry(committed=True, note=entry(session, partner_id, a).note, at=when)
        for a in ATTITUDES
    })


def set_note(session: Session, partner_id: str, attitude: Attitude, note: str) -> None:
    current = entry(session, partner_id, attitude)
    _set_entries(session, partner_id, {
        attitude: CommitmentEntry(committed=current.committed, note=note, at=current.at),
    })


def record_override(session: Session, reason: str, at: datetime | None = None) -> None:
    """Why the group goes on to STAP 1 without full commitment; empty clears it."""
    cleaned = clean_block(reason)
    updated = session.commitment.model_copy(update={
        "override_reason": cleaned, "override_at": (at or utc_now()) if cleaned else None,
    })
    session.commitment = Commitment.model_validate(updated.model_dump())
