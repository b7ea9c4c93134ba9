"""Demo scores for the service portfolio: every partner, every default service."""

from __future__ import annotations

from ..models import Session
from ..models.stap1 import Financing, Score

# service -> partner -> (offered, quality, wanted, desired, financing)
Row = tuple[bool, int | None, bool, int | None, Financing | None]
SCORES: dict[str, dict[str, Row]] = {
    "arbeidspool": {
        "p-baken": (False, None, True, 8, "partner_contribution"),
        "p-roc": (True, 5, True, 8, "own_budget"),
        "p-linden": (False, None, True, 9, "in_kind"),
        "p-tiel": (False, None, True, 7, "subsidy"),
        "p-uwv": (True, 6, True, 8, "own_budget"),
        "p-loket": (True, 4, True, 7, "subsidy"),
    },
    "tijdelijke_krachten": {
        "p-baken": (True, 4, True, 7, "own_budget"),
        "p-roc": (True, 6, True, 7, "own_budget"),
        "p-linden": (True, 7, True, 7, "in_kind"),
        "p-tiel": (False, None, False, None, None),
        "p-uwv": (True, 5, True, 6, "own_budget"),
        "p-loket": (False, None, True, 6, "subsidy"),
    },
    "probleemoplossend": {
        "p-baken": (True, 6, True, 8, "in_kind"),
        "p-roc": (True, 7, True, 8, "in_kind"),
        "p-linden": (True, 8, True, 8, "in_kind"),
        "p-tiel": (True, 5, True, 7, "own_budget"),
        "p-uwv": (True, 5, True, 6, "own_budget"),
        "p-loket": (True, 6, True, 8, "subsidy"),
    },
    "nieuwe_kennis": {
        "p-baken": (True, 5, True, 8, "project"),
        "p-roc": (True, 6, True, 9, "project"),
        "p-linden": (True, 7, True, 8, "in_kind"),
        "p-tiel": (False, None, True, 6, "subsidy"),
        "p-uwv": (False, None, False, None, None),
        "p-loket": (True, 5, True, 7, "project"),
    },
    "lerende_netwerken": {
        "p-baken": (True, 5, True, 8, "subsidy"),
        "p-roc": (True, 6, True, 8, "subsidy"),
        "p-linden": (False, None, True, 6, "in_kind"),
        "p-tiel": (True, 6, True, 8, "own_budget"),
        "p-uwv": (False, None, True, 6, "own_budget"),
        "p-loket": (True, 7, True, 9, "subsidy"),
    },
    "bijscholen": {
        "p-baken": (True, 6, True, 7, "own_budget"),
        "p-roc": (True, 7, True, 8, "own_budget"),
        "p-linden": (True, 5, True, 8, "partner_contribution"),
        "p-tiel": (False, None, False, None, None),
        "p-uwv": (True, 6, True, 7, "own_budget"),
        "p-loket": (False, None, True, 6, "subsidy"),
    },
    "opscholen": {
        "p-baken": (False, None, True, 7, "subsidy"),
        "p-roc": (True, 5, True, 8, "project"),
        "p-linden": (False, None, True, 8, "partner_contribution"),
        "p-tiel": (False, None, True, 6, "subsidy"),
        "p-uwv": (True, 4, True, 7, "own_budget"),
        "p-loket": (False, None, True, 7, "subsidy"),
    },
    "omscholen": {
        "p-baken": (True, 3, True, 8, "subsidy"),
        "p-roc": (True, 6, True, 8, "project"),
        "p-linden": (False, None, True, 7, "partner_contribution"),
        "p-tiel": (False, None, True, 7, "subsidy"),
        "p-uwv": (True, 5, True, 8, "own_budget"),
        "p-loket": (True, 4, True, 7, "subsidy"),
    },
}

NOTES = {
    ("omscholen", "p-baken"): "Zij-instromers lopen vast op begeleiding in het eerste jaar.",
    ("arbeidspool", "p-linden"): "Tekort aan timmerlieden en werkvoorbereiders; stages lastig.",
    ("opscholen", "p-uwv"): "Vooral voor werkzoekenden met een mbo-2-diploma die door willen.",
    ("lerende_netwerken", "p-loket"): "Het loket organiseert nu twee bijeenkomsten per jaar; "
                                      "partners vragen om vaker en kleiner.",
    ("tijdelijke_krachten", "p-baken"): "Invallers bij ziekte zijn in de bovenbouw bijna "
                                        "niet te vinden.",
    ("nieuwe_kennis", "p-roc"): "Wil gastlessen uit de bouw en de zorg, liefst structureel.",
}


def fill(session: Session) -> None:
    scores: dict[str, dict[str, Score]] = {}
    for builtin, per_partner in SCORES.items():
        service_id = f"svc-{builtin}"
        for partner_id, (offered, quality, wanted, desired, financing) in per_partner.items():
            scores.setdefault(partner_id, {})[service_id] = Score(
                offered=offered, quality=quality, wanted=wanted, desired=desired,
                financing=financing, note=NOTES.get((builtin, partner_id), ""),
            )
    session.portfolio.scores = scores
