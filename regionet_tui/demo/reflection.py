"""Demo reflection for the autumn round: how the collaboration in Rivierenland is
going per theme, and the follow-up agreements made at the end of the workshop."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ..core.reflection import promote_followup
from ..models import Session
from ..models.reflection import FollowUp, ThemeRating

WHEN = datetime(2026, 11, 12, 15, 30, tzinfo=UTC)

RATINGS: dict[str, ThemeRating] = {
    "thm-declining_pupils": ThemeRating(
        group=3,
        notes="De krimp raakt vooral de vmbo-afdelingen rond Geldermalsen. De scholen "
              "praten nu samen over het aanbod in plaats van ieder voor zich.",
        next_steps="Leerlingprognoses per school bundelen in één overzicht.",
    ),
    "thm-teacher_shortage": ThemeRating(
        group=2, attention=True,
        per_partner={"p-baken": 2, "p-roc": 2, "p-linden": 3, "p-tiel": 3, "p-uwv": 3,
                     "p-loket": 2},
        notes="Vacatures voor techniek en wiskunde blijven maanden open. Zij-instromers "
              "haken vaak af in hun eerste jaar.",
        next_steps="Begeleiding van zij-instromers samen met het ROC opzetten.",
    ),
    "thm-passend_onderwijs": ThemeRating(
        group=3,
        notes="Nog weinig besproken; het samenwerkingsverband zit niet aan tafel.",
    ),
    "thm-vocational": ThemeRating(
        per_partner={"p-baken": 4, "p-roc": 5, "p-linden": 4, "p-uwv": 3},
        notes="Het praktijklokaal bij Van der Linden werkt goed voor vmbo- en mbo-leerlingen.",
    ),
    "thm-give_and_take": ThemeRating(
        attention=True,
        per_partner={"p-baken": 4, "p-roc": 4, "p-linden": 2, "p-tiel": 3, "p-uwv": 3,
                     "p-loket": 4},
        notes="Van der Linden levert veel stageplekken en begeleiding, maar krijgt er "
              "weinig voor terug.",
        next_steps="Vastleggen wat stagebedrijven terugkrijgen: voorrang bij stagiairs en "
                   "een bijscholingsmiddag.",
    ),
    "thm-organisation": ThemeRating(
        group=3,
        notes="Overleggen lopen uit en verslagen komen laat.",
        next_steps="Vaste agenda; het verslag gaat binnen een week rond.",
    ),
    "thm-attitudes": ThemeRating(group=4),
    "thm-content_first": ThemeRating(
        group=4, notes="We begonnen bij de vraag van de bouw, niet bij een structuur.",
    ),
    "thm-equality": ThemeRating(
        group=3, per_partner={"p-baken": 4, "p-roc": 3, "p-linden": 2, "p-tiel": 3,
                              "p-uwv": 3, "p-loket": 4},
    ),
    "thm-deadlines": ThemeRating(
        group=2, attention=True,
        notes="Mijlpalen schuiven steeds een overleg door.",
    ),
    "thm-project_leader": ThemeRating(
        group=4, notes="Fatima van het loket verbindt goed, maar ze is de enige.",
    ),
    "thm-committed_boards": ThemeRating(
        group=2, attention=True,
        notes="De bestuurders van Het Baken en het ROC zijn nog weinig zichtbaar.",
        next_steps="Bestuurdersoverleg in januari.",
    ),
    "thm-governance": ThemeRating(
        group=3,
        notes="Het mandaat van de werkgroep is niet duidelijk; de financiering na 2027 is open.",
    ),
}

FOLLOWUPS = [
    FollowUp(id="f-zij-instroom", what="Begeleiding zij-instromers uitwerken",
             partner="p-roc", person="Youssef El Amrani", when=date(2027, 2, 1),
             status="in_progress", theme="thm-teacher_shortage", created=WHEN),
    FollowUp(id="f-tegenprestatie", what="Tegenprestatie voor stagebedrijven vastleggen",
             partner="p-loket", person="Fatima Ouali", when=date(2026, 12, 15),
             theme="thm-give_and_take", created=WHEN),
    FollowUp(id="f-bestuurders", what="Bestuurdersoverleg in januari plannen",
             partner="p-baken", person="Anouk Jansen", when=date(2027, 1, 20),
             theme="thm-committed_boards", created=WHEN),
    FollowUp(id="f-verslag", what="Verslag van deze bijeenkomst rondsturen",
             partner="p-loket", person="Fatima Ouali", when=date(2026, 11, 19),
             status="done", theme="thm-organisation", created=WHEN),
    FollowUp(id="f-prognoses", what="Leerlingprognoses per school bundelen",
             partner="p-tiel", person="Sanne Bakker", when=date(2027, 3, 1),
             theme="thm-declining_pupils", created=WHEN),
]


def fill(session: Session) -> None:
    """Runs after the STAP 5 demo: one follow-up becomes a milestone of its plan."""
    session.reflection.ratings = {k: v.model_copy() for k, v in RATINGS.items()}
    session.reflection.followups = [f.model_copy() for f in FOLLOWUPS]
    promote_followup(session, "f-zij-instroom", "ms-zij-instroom")
