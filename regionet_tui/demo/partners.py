"""Demo partners: six organisations of different kinds in one region."""

from __future__ import annotations

from ..models import Partner, Session

PARTNERS = [
    Partner(id="p-baken", name="Het Baken College", kind="vo",
            contact="Anouk Jansen (teamleider bovenbouw)", role="trekker"),
    Partner(id="p-roc", name="ROC Rivierenland", kind="mbo",
            contact="Youssef El Amrani (opleidingsmanager techniek)", role="deelnemer"),
    Partner(id="p-linden", name="Bouwbedrijf Van der Linden", kind="company",
            contact="Peter van der Linden (directeur)", role="deelnemer"),
    Partner(id="p-tiel", name="Gemeente Tiel", kind="government",
            contact="Sanne Bakker (beleidsadviseur onderwijs en arbeidsmarkt)",
            role="deelnemer"),
    Partner(id="p-uwv", name="UWV Rivierenland", kind="uwv",
            contact="Henk Visser (adviseur werkgeversdienstverlening)", role="deelnemer"),
    Partner(id="p-loket", name="Onderwijsloket Rivierenland", kind="social",
            contact="Fatima Ouali (coördinator)", role="makelaar"),
]


def fill(session: Session) -> None:
    session.partners = [p.model_copy() for p in PARTNERS]
