"""Sessions ready for STAP 1, shared by the STAP 1 tests and the keystroke benchmark."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from regionet_tui.core import commitment as commitment_rules
from regionet_tui.models import Partner
from regionet_tui.storage import SessionLibrary

PARTNERS = [
    Partner(id="p-school", name="Het Baken College", kind="vo"),
    Partner(id="p-bedrijf", name="Bouwbedrijf Van der Linden", kind="company"),
    Partner(id="p-gemeente", name="Gemeente Tiel", kind="government"),
]


def prepared_session(library: SessionLibrary, *, committed: bool = True) -> Path:
    """A session with three partners, committed to everything unless told otherwise."""
    store = library.create("Ronde 1", "Rivierenland", date(2026, 11, 22), "Marieke")
    store.change(lambda s: setattr(s, "partners", [p.model_copy() for p in PARTNERS]))
    if committed:
        for partner in PARTNERS:
            store.change(lambda s, pid=partner.id: commitment_rules.commit_all(s, pid))
    path = store.path
    store.close()
    return path
