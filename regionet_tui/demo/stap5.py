"""Demo transition plan: September 2026 to June 2028, some done, some late."""

from __future__ import annotations

from datetime import date

from ..models import Session
from ..models.stap5 import Milestone

MILESTONES = [
    Milestone(id="m-kick", title="Startbijeenkomst netwerk", phase="Voorbereiding",
              owner="p-loket", start=date(2026, 9, 1), deadline=date(2026, 9, 30),
              status="done", serves="s-loket"),
    Milestone(id="m-deal", title="Deal getekend door alle partners", phase="Voorbereiding",
              owner="p-baken", start=date(2026, 10, 1), deadline=date(2026, 12, 15),
              status="in_progress", depends_on=["m-kick"], serves="a-zij"),
    Milestone(id="m-werving", title="Werving eerste zij-instromers", phase="Zij-instroom",
              owner="p-uwv", start=date(2026, 10, 1), deadline=date(2026, 11, 1),
              status="late", depends_on=["m-kick"], serves="a-zij"),
    Milestone(id="m-module", title="Module vakdidactiek klaar", phase="Zij-instroom",
              owner="p-roc", start=date(2026, 11, 1), deadline=date(2027, 1, 31),
              status="in_progress", depends_on=["m-deal"], serves="a-zij"),
    Milestone(id="m-training", title="Training praktijkbegeleiders", phase="Stages",
              owner="p-roc", start=date(2027, 1, 15), deadline=date(2027, 3, 31),
              status="planned", depends_on=["m-deal"], serves="a-stage"),
    Milestone(id="m-start-zij", title="Eerste groep zij-instromers begint",
              phase="Zij-instroom", owner="p-baken", start=date(2027, 2, 1),
              deadline=date(2027, 8, 31), status="planned",
              depends_on=["m-werving", "m-module"], serves="s-zij"),
    Milestone(id="m-stages", title="Stages met opgeleide begeleiders", phase="Stages",
              owner="p-linden", start=date(2027, 4, 1), deadline=date(2027, 7, 15),
              status="planned", depends_on=["m-training"], serves="s-stage"),
    Milestone(id="m-leerlijn", title="Leerlijn techniek vmbo–mbo vastgesteld", phase="Leerlijn",
              owner="p-roc", start=date(2027, 3, 1), deadline=date(2027, 12, 20),
              status="planned", serves="s-lijn"),
    Milestone(id="m-evaluatie", title="Evaluatie eerste jaar", phase="Evalueren",
              owner="p-loket", start=date(2027, 9, 1), deadline=date(2027, 10, 31),
              status="planned", depends_on=["m-start-zij", "m-stages"], serves="a-loket"),
    Milestone(id="m-loket", title="Besluit vervolg onderwijsloket", phase="Borging",
              owner="p-tiel", start=date(2027, 11, 1), deadline=date(2028, 3, 31),
              status="planned", depends_on=["m-evaluatie"], serves="a-loket"),
    Milestone(id="m-borging", title="Werkwijze vastgelegd in regioplan", phase="Borging",
              owner="p-loket", start=date(2028, 1, 15), deadline=date(2028, 6, 30),
              status="planned", depends_on=["m-loket", "m-leerlijn"], serves="s-loket"),
]


def fill(session: Session) -> None:
    session.plan.milestones = [m.model_copy(deep=True) for m in MILESTONES]
