"""The round before the demo: the Rivierenland network's spring session.

`build_previous_round()` gives that earlier session (lower scores, fewer
commitments, its own reflection and follow-ups); `fill(session)` makes the demo
session the next round after it, with the milestone that round left in the plan.
Save both, and the comparison of rounds shows at once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from ..models import Session
from ..models.commitment import ATTITUDES, Attitude, CommitmentEntry
from ..models.reflection import FollowUp, ThemeRating
from ..models.stap1 import Score
from ..models.stap5 import Milestone
from . import partners, stap1

PREVIOUS_ID = "demo-voorjaar"
PREVIOUS_TITLE = "Leernetwerk Rivierenland – voorjaarsronde"
PREVIOUS_DATE = date(2026, 4, 16)
WHEN = datetime(2026, 4, 16, 10, 0, tzinfo=UTC)

# How the spring quality differed from the autumn one, per service and partner.
# A missing service was not scored in spring; None: the partner did not offer it yet.
QUALITY_THEN: dict[str, dict[str, int | None]] = {
    "arbeidspool": {"p-roc": 6, "p-uwv": 7},  # the shortage grew since spring
    "tijdelijke_krachten": {"p-baken": 3, "p-roc": 5, "p-uwv": 4},
    "probleemoplossend": {"p-baken": 4, "p-tiel": 3, "p-loket": 4},
    "nieuwe_kennis": {},
    "lerende_netwerken": {"p-loket": None, "p-baken": 4},  # the loket started in summer
    "bijscholen": {"p-roc": 5, "p-linden": 4},
    "omscholen": {"p-baken": 4},
}

RATINGS_THEN: dict[str, ThemeRating] = {
    "thm-declining_pupils": ThemeRating(group=3),
    "thm-teacher_shortage": ThemeRating(group=2, attention=True,
                                        notes="Elke school zoekt nog voor zichzelf."),
    "thm-vocational": ThemeRating(group=3),
    "thm-give_and_take": ThemeRating(
        per_partner={"p-baken": 3, "p-roc": 4, "p-linden": 2, "p-tiel": 3, "p-uwv": 3,
                     "p-loket": 3}),
    "thm-organisation": ThemeRating(group=2, attention=True,
                                    notes="Niemand voelt zich eigenaar van de agenda."),
    "thm-attitudes": ThemeRating(group=3),
    "thm-content_first": ThemeRating(group=3),
    "thm-equality": ThemeRating(group=2, attention=True),
    "thm-deadlines": ThemeRating(group=3),
    "thm-project_leader": ThemeRating(group=3),
    "thm-committed_boards": ThemeRating(group=2),
    "thm-governance": ThemeRating(group=2),
}

STAGEBANK = Milestone(id="ms-stagebank", title="Stagebank techniek online",
                      phase="Eerste resultaten", owner="p-loket", start=date(2026, 5, 1),
                      deadline=date(2026, 9, 1), status="in_progress")

MILESTONES_THEN = [
    Milestone(id="ms-start", title="Startbijeenkomst met alle partners", owner="p-baken",
              deadline=date(2026, 3, 12), status="done"),
    Milestone(id="ms-inventaris", title="Servicepakket van alle partners in kaart",
              owner="p-loket", deadline=date(2026, 3, 31), status="planned"),
    STAGEBANK.model_copy(update={"followup": "fv-stagebank"}),
]

FOLLOWUPS_THEN = [
    FollowUp(id="fv-stagebank", what="Stagebank voor techniek opzetten", partner="p-loket",
             person="Fatima Ouali", when=date(2026, 9, 1), status="in_progress",
             theme="thm-teacher_shortage", milestone="ms-stagebank", created=WHEN),
    FollowUp(id="fv-contact", what="Per partner één vast aanspreekpunt aanwijzen",
             partner="p-loket", person="Fatima Ouali", when=date(2026, 5, 1), status="done",
             theme="thm-organisation", created=WHEN),
    FollowUp(id="fv-evaluatie", what="Evaluatieafspraak met Van der Linden bespreken",
             partner="p-linden", person="Peter van der Linden", when=date(2026, 6, 1),
             theme="thm-attitudes", created=WHEN),
]


def _scores_then() -> dict[str, dict[str, Score]]:
    scores: dict[str, dict[str, Score]] = {}
    for builtin, changes in QUALITY_THEN.items():
        for partner_id, (offered, quality, wanted, desired, financing) in \
                stap1.SCORES[builtin].items():
            if partner_id in changes:
                quality = changes[partner_id]
                offered = quality is not None
            scores.setdefault(partner_id, {})[f"svc-{builtin}"] = Score(
                offered=offered, quality=quality, wanted=wanted, desired=desired,
                financing=financing)
    return scores


def _commitments_then() -> dict[str, dict[Attitude, CommitmentEntry]]:
    committed = {"p-baken": ATTITUDES, "p-roc": ATTITUDES, "p-loket": ATTITUDES,
                 "p-tiel": ATTITUDES[:3], "p-uwv": ATTITUDES[:2]}
    return {
        partner_id: {a: CommitmentEntry(committed=True, at=WHEN) for a in attitudes}
        for partner_id, attitudes in committed.items()
    }


def build_previous_round() -> Session:
    """A Dutch session, as the demo is."""
    session = Session(
        id=PREVIOUS_ID, title=PREVIOUS_TITLE,
        region="Rivierenland (Tiel, Culemborg, Geldermalsen)", date=PREVIOUS_DATE,
        facilitator="Marieke de Vries", language="nl",
        created=WHEN, modified=WHEN,
    )
    partners.fill(session)
    session.commitment.entries = _commitments_then()
    session.commitment.override_reason = (
        "Van der Linden, de gemeente en het UWV wilden de houdingen eerst intern bespreken.")
    session.commitment.override_at = WHEN
    session.portfolio.scores = _scores_then()
    session.plan.milestones = [m.model_copy() for m in MILESTONES_THEN]
    session.reflection.ratings = {k: v.model_copy() for k, v in RATINGS_THEN.items()}
    session.reflection.followups = [f.model_copy() for f in FOLLOWUPS_THEN]
    return session


def fill(session: Session) -> None:
    """Make the demo the round after spring; runs after the STAP 5 demo."""
    session.predecessor = PREVIOUS_ID
    session.predecessor_title = PREVIOUS_TITLE
    if all(m.id != STAGEBANK.id for m in session.plan.milestones):
        done = STAGEBANK.model_copy(update={"status": "done"})
        session.plan.milestones = [*session.plan.milestones, done]
