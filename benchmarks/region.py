"""A region-sized session for benchmarks: 120 partners, 30 services,
400 milestones, 300 follow-ups, an 80-node flowchart, and every other stage
filled in the shape the demo has. Fake data, seeded: the same seed gives the
same session.

`region_session()` builds it; `save_region(folder)` writes it as a session
file and returns its path.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from regionet_tui.core.workshop import default_agenda
from regionet_tui.models import ORG_KINDS, Partner, Session
from regionet_tui.models.commitment import ATTITUDES, CommitmentEntry
from regionet_tui.models.reflection import (
    FOLLOWUP_STATUSES,
    FollowUp,
    ThemeRating,
    default_themes,
)
from regionet_tui.models.stap1 import FINANCING, Score, Service, default_services
from regionet_tui.models.stap2 import ASSESSMENTS, CAPACITY_AREAS, CapacityItem, PartnerStart
from regionet_tui.models.stap3 import AgendaItem, SharedItem
from regionet_tui.models.stap4 import (
    CONTRIBUTION_KINDS,
    SIGNOFF_STATUSES,
    Agreement,
    Benefit,
    Contribution,
    SignOff,
)
from regionet_tui.models.stap5 import Milestone
from regionet_tui.models.stap6 import NODE_KINDS, FlowEdge, FlowNode
from regionet_tui.models.workshop import AgendaSlot, ParkingItem

PARTNERS, SERVICES, MILESTONES, FOLLOWUPS, NODES = 120, 30, 400, 300, 80
SHARED, AGREEMENTS, PARKED = 20, 25, 15
WHEN = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
KIND_NAMES = {"po": "Basisschool", "vo": "Scholengemeenschap", "mbo": "ROC", "hbo": "Hogeschool",
              "wo": "Universiteit", "company": "Bouwbedrijf", "government": "Gemeente",
              "uwv": "UWV", "social": "Stichting", "knowledge": "Kenniscentrum",
              "other": "Organisatie"}


def region_session(session_id: str = "region", seed: int = 7, partners: int = PARTNERS
                   ) -> Session:
    """The region session; `partners` other than 120 for the other scales (6, 1000, 2000)."""
    rng = random.Random(seed)
    session = Session(id=session_id, title="Onderwijsregio Oost – alle partners",
                      region="Oost-Nederland", date=date(2026, 11, 22),
                      facilitator="Marieke de Vries", created=WHEN, modified=WHEN)
    _partners(session, rng, partners)
    _commitment(session, rng)
    _portfolio(session, rng)
    _start(session, rng)
    _goal(session, rng)
    _deal(session, rng)
    _plan(session, rng)
    _flowchart(session, rng)
    _reflection(session, rng)
    _workshop(session, rng)
    return session


def save_region(folder: Path, session_id: str = "region", partners: int = PARTNERS) -> Path:
    from regionet_tui.storage import SessionLibrary

    library = SessionLibrary(folder)
    library.prepare()
    store = library.add(region_session(session_id, partners=partners))
    path = store.path
    store.close()
    return path


def _some(rng: random.Random, partners: list[Partner], count: int) -> list[Partner]:
    """`count` partners drawn at random, or all of them in a smaller network."""
    return rng.sample(partners, min(count, len(partners)))


def _partners(session: Session, rng: random.Random, count: int) -> None:
    partners = []
    for n in range(count):
        kind = rng.choice(ORG_KINDS)
        partners.append(Partner(id=f"p{n:03d}", name=f"{KIND_NAMES[kind]} {n:03d}", kind=kind,
                                contact=f"Contactpersoon {n}",
                                role="makelaar" if n == 0 else rng.choice(["trekker", "deelnemer",
                                                                           "deelnemer"])))
    session.partners = partners


def _commitment(session: Session, rng: random.Random) -> None:
    session.commitment.entries = {
        p.id: {a: CommitmentEntry(committed=rng.random() < 0.95, at=WHEN) for a in ATTITUDES}
        for p in session.partners
    }
    # Not everyone committed: the facilitator recorded why STAP 1 went ahead.
    session.commitment.override_reason = "Enkele partners bespreken de houdingen eerst intern."
    session.commitment.override_at = WHEN


def _portfolio(session: Session, rng: random.Random) -> None:
    services = default_services() + [
        Service(id=f"s{n:02d}", name=f"Dienst {n}") for n in range(SERVICES - 8)
    ]
    session.portfolio.services = services

    def score() -> Score:
        offered, wanted = rng.random() < 0.6, rng.random() < 0.8
        return Score(offered=offered, quality=rng.randint(1, 10) if offered else None,
                     wanted=wanted, desired=rng.randint(1, 10) if wanted else None,
                     financing=rng.choice(FINANCING),
                     note="Alleen in het eerste halfjaar" if rng.random() < 0.05 else "")

    session.portfolio.scores = {p.id: {s.id: score() for s in services} for p in session.partners}


def _start(session: Session, rng: random.Random) -> None:
    session.start.partners = {
        p.id: PartnerStart(
            capacity={area: CapacityItem(assessment=rng.choice(ASSESSMENTS),
                                         text=f"Toelichting {area} van {p.name}.")
                      for area in CAPACITY_AREAS},
            goals=f"Wat {p.name} met het netwerk wil bereiken, in een paar zinnen.",
        )
        for p in session.partners
    }


def _goal(session: Session, rng: random.Random) -> None:
    own = {
        p.id: [AgendaItem(id=f"o{n:03d}-{k}", title=f"Agendapunt {k + 1} van {p.name}",
                          explanation="Waarom dit voor ons telt.")
               for k in range(rng.randint(1, 2))]
        for n, p in enumerate(session.partners)
    }
    session.goal.own = own
    item_ids = [item.id for items in own.values() for item in items]
    session.goal.shared = [
        SharedItem(id=f"sh{n:02d}", title=f"Gedeeld agendapunt {n}",
                   explanation="Wat de partners hier samen aan doen.",
                   sources=rng.sample(item_ids, 3),
                   supporters=[p.id for p in _some(rng, session.partners, 8)])
        for n in range(SHARED)
    ]
    session.goal.statement = "In 2030 vindt elke leerling in de regio een passende stage."


def _deal(session: Session, rng: random.Random) -> None:
    agreements = []
    for n in range(AGREEMENTS):
        givers = _some(rng, session.partners, 4)
        takers = _some(rng, session.partners, 3)
        agreements.append(Agreement(
            id=f"a{n:02d}", what=f"Afspraak {n}",
            contributions=[
                Contribution(partner=p.id, kind=(kind := rng.choice(CONTRIBUTION_KINDS)),
                             amount=float(rng.randint(1, 50) * 1000) if kind == "money" else None,
                             description=f"Bijdrage van {p.name}")
                for p in givers
            ],
            benefits=[Benefit(partner=p.id, description=f"Wat {p.name} terugkrijgt")
                      for p in takers],
            responsibilities="De trekker houdt de voortgang bij.",
            mandate="De bestuurders beslissen.", financing="Deels in natura.",
            review_date=date(2027, 6, 30),
        ))
    session.deal.agreements = agreements
    session.deal.signoffs = {p.id: SignOff(status=rng.choice(SIGNOFF_STATUSES), at=WHEN)
                             for p in session.partners}


def _plan(session: Session, rng: random.Random) -> None:
    start = date(2026, 9, 1)
    targets = [a.id for a in session.deal.agreements] + [s.id for s in session.goal.shared]
    milestones: list[Milestone] = []
    for n in range(MILESTONES):
        depends = rng.sample(milestones, min(n, rng.randint(0, 2)))
        begin = max([start + timedelta(days=rng.randint(0, 400)),
                     *(d.deadline + timedelta(days=1) for d in depends if d.deadline)])
        milestones.append(Milestone(
            id=f"m{n:03d}", title=f"Mijlpaal {n}", phase=f"Fase {n % 4 + 1}",
            owner=rng.choice(session.partners).id, start=begin,
            deadline=begin + timedelta(days=rng.randint(14, 180)),
            status=rng.choice(["planned", "in_progress", "done", "late"]),
            depends_on=[d.id for d in depends],
            serves=rng.choice(targets) if rng.random() < 0.5 else None,
        ))
    session.plan.milestones = milestones


def _flowchart(session: Session, rng: random.Random) -> None:
    services = session.portfolio.services
    nodes = []
    for n in range(NODES):
        if n < min(60, len(session.partners)):
            partner = session.partners[n]
            nodes.append(FlowNode(id=f"n{n:02d}", kind="broker" if n == 0 else "partner",
                                  label=partner.name, ref=partner.id))
        elif 60 <= n < 70:
            service = services[n - 60]
            nodes.append(FlowNode(id=f"n{n:02d}", kind="service",
                                  label=service.name or f"Dienst {n}", ref=service.id))
        else:
            nodes.append(FlowNode(id=f"n{n:02d}", kind=rng.choice(NODE_KINDS[3:]),
                                  label=f"Stap {n}"))
    edges = []
    for n in range(1, NODES):
        edges.append(FlowEdge(id=f"e{n:03d}a", source=f"n{rng.randrange(n):02d}",
                              target=f"n{n:02d}", label="levert"))
        if rng.random() < 0.4:
            edges.append(FlowEdge(id=f"e{n:03d}b", source=f"n{n:02d}",
                                  target=f"n{rng.randrange(NODES):02d}", label="vraagt"))
    session.flowchart.nodes, session.flowchart.edges = nodes, edges


def _reflection(session: Session, rng: random.Random) -> None:
    themes = default_themes()
    session.reflection.ratings = {
        theme.id: ThemeRating(
            group=rng.randint(1, 5),
            per_partner={p.id: rng.randint(1, 5) for p in _some(rng, session.partners, 40)},
            attention=rng.random() < 0.3, notes="Wat de groep hierover zei.",
            next_steps="Wat de groep als volgende stap ziet.",
        )
        for theme in themes
    }
    start = date(2026, 9, 1)
    followups = [
        FollowUp(id=f"f{n:03d}", what=f"Vervolgafspraak {n}",
                 partner=rng.choice(session.partners).id, person=f"Persoon {n}",
                 when=start + timedelta(days=rng.randint(0, 400)),
                 status=rng.choice(FOLLOWUP_STATUSES), theme=rng.choice(themes).id,
                 created=WHEN)
        for n in range(FOLLOWUPS)
    ]
    # Every tenth follow-up became a milestone of the plan; each points to the other.
    milestones = list(session.plan.milestones)
    for n in range(0, FOLLOWUPS, 10):
        index = rng.randrange(len(milestones))
        if milestones[index].followup is None:
            milestones[index] = milestones[index].model_copy(update={"followup": f"f{n:03d}"})
            followups[n] = followups[n].model_copy(update={"milestone": milestones[index].id})
    session.plan.milestones = milestones
    session.reflection.followups = followups


def _workshop(session: Session, rng: random.Random) -> None:
    session.workshop.agenda = [
        AgendaSlot(stage=slot.stage, minutes=slot.minutes,
                   actual_seconds=rng.randint(0, slot.minutes * 60))
        for slot in default_agenda()
    ]
    session.workshop.parking = [
        ParkingItem(id=f"park{n:02d}", text=f"Geparkeerde vraag {n}", created=WHEN,
                    status=rng.choice(["open", "closed"]))
        for n in range(PARKED)
    ]
