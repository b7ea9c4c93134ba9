"""A region-sized session for benchmarks: 120 partners, 30 services,
400 milestones, 300 follow-ups, an 80-node flowchart. Fake data, seeded."""

from __future__ import annotations

import random
from datetime import date, timedelta

from regionet_tui.models import ORG_KINDS, Partner, Session
from regionet_tui.models.commitment import ATTITUDES, CommitmentEntry
from regionet_tui.models.flow import FlowEdge, FlowNode
from regionet_tui.models.portfolio import FINANCING, Score, Service, default_services
from regionet_tui.models.reflection import FollowUp
from regionet_tui.models.stages import Milestone

PARTNERS, SERVICES, MILESTONES, FOLLOWUPS, NODES = 120, 30, 400, 300, 80


def region_session(session_id: str = "region", seed: int = 7) -> Session:
    rng = random.Random(seed)
    session = Session(id=session_id, title="Onderwijsregio Oost – alle partners",
                      region="Oost-Nederland", date=date(2026, 11, 22))
    session.partners = [
        Partner(id=f"p{n:03d}", name=f"Partner {n:03d}", kind=rng.choice(ORG_KINDS),
                contact=f"Contact {n}", role="deelnemer")
        for n in range(PARTNERS)
    ]
    services = default_services() + [
        Service(id=f"s{n:02d}", name=f"Dienst {n}") for n in range(SERVICES - 8)
    ]
    session.portfolio.services = services

    def score() -> Score:
        offered, wanted = rng.random() < 0.6, rng.random() < 0.8
        return Score(offered=offered, quality=rng.randint(1, 10) if offered else None,
                     wanted=wanted, desired=rng.randint(1, 10) if wanted else None,
                     financing=rng.choice(FINANCING))

    session.portfolio.scores = {p.id: {s.id: score() for s in services} for p in session.partners}
    session.commitment.entries = {
        p.id: {a: CommitmentEntry(committed=rng.random() < 0.9) for a in ATTITUDES}
        for p in session.partners
    }
    start = date(2026, 9, 1)
    milestones = []
    for n in range(MILESTONES):
        begin = start + timedelta(days=rng.randint(0, 600))
        depends = [f"m{d:03d}" for d in rng.sample(range(n), min(n, rng.randint(0, 2)))]
        milestones.append(Milestone(
            id=f"m{n:03d}", title=f"Mijlpaal {n}", phase=f"Fase {n % 4 + 1}",
            owner=rng.choice(session.partners).id, start=begin,
            deadline=begin + timedelta(days=rng.randint(14, 180)),
            status=rng.choice(["planned", "in_progress", "done", "late"]), depends_on=depends,
        ))
    session.plan.milestones = milestones
    session.reflection.followups = [
        FollowUp(id=f"f{n:03d}", what=f"Vervolgafspraak {n}",
                 partner=rng.choice(session.partners).id, person=f"Persoon {n}",
                 when=start + timedelta(days=rng.randint(0, 400)))
        for n in range(FOLLOWUPS)
    ]
    nodes = [FlowNode(id=f"n{n:02d}", kind="partner", label=f"Knoop {n}") for n in range(NODES)]
    edges = []
    for n in range(1, NODES):
        edges.append(FlowEdge(id=f"e{n:03d}a", source=f"n{rng.randrange(n):02d}",
                              target=f"n{n:02d}", label="levert"))
        if rng.random() < 0.4:
            edges.append(FlowEdge(id=f"e{n:03d}b", source=f"n{n:02d}",
                                  target=f"n{rng.randrange(NODES):02d}", label="vraagt"))
    session.flowchart.nodes, session.flowchart.edges = nodes, edges
    return session
