"""Demo deal: mostly in-kind contributions; schools free teachers' time."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ..models import Session
from ..models.stap4 import Agreement, Benefit, Contribution, SignOff

WHEN = datetime(2026, 11, 12, 15, 30, tzinfo=UTC)

AGREEMENTS = [
    Agreement(
        id="a-zij", what="Traject zij-instromers techniek",
        contributions=[
            Contribution(partner="p-baken", kind="people",
                         description="Vier uur per week een begeleider, vrij geroosterd"),
            Contribution(partner="p-roc", kind="in_kind",
                         description="Module vakdidactiek techniek voor zij-instromers"),
            Contribution(partner="p-uwv", kind="money", amount=24000,
                         description="Scholingsbudget voor zes kandidaten"),
            Contribution(partner="p-loket", kind="people",
                         description="Werving en intake van kandidaten"),
        ],
        benefits=[
            Benefit(partner="p-baken", description="Drie bevoegde docenten techniek per jaar"),
            Benefit(partner="p-roc", description="Instroom in de eigen lerarenopleiding"),
        ],
        responsibilities="Het Baken is trekker; het loket houdt de voortgang bij.",
        mandate="Teamleider bovenbouw beslist over inzet van begeleiders.",
        financing="UWV-scholingsbudget en subsidie Samen Opleiden; de rest in natura.",
        review_date=date(2027, 6, 30),
    ),
    Agreement(
        id="a-stage", what="Opleiding praktijkbegeleiders in de bouw",
        contributions=[
            Contribution(partner="p-roc", kind="in_kind",
                         description="Training van vier dagdelen door praktijkdocenten"),
            Contribution(partner="p-linden", kind="people",
                         description="Drie vakmensen volgen de training (samen 40 uur)"),
            Contribution(partner="p-linden", kind="facilities",
                         description="Bouwplaats voor de praktijkopdrachten"),
        ],
        benefits=[
            Benefit(partner="p-linden", description="Minder uitval van stagiairs"),
            Benefit(partner="p-roc", description="Meer erkende leerbedrijven"),
        ],
        responsibilities="ROC organiseert de training; Van der Linden levert deelnemers.",
        mandate="Directeur Van der Linden beslist over vrijstelling van vakmensen.",
        financing="Geheel in natura.",
        review_date=date(2027, 3, 31),
    ),
    Agreement(
        id="a-loket", what="Onderwijsloket tot eind 2028",
        contributions=[
            Contribution(partner="p-tiel", kind="money", amount=45000,
                         description="Bijdrage per jaar uit de regiodeal"),
            Contribution(partner="p-tiel", kind="facilities",
                         description="Werkplek en vergaderruimte in het stadhuis"),
        ],
        benefits=[
            Benefit(partner="p-tiel", description="Overzicht van vraag en aanbod in de regio"),
            Benefit(partner="p-linden", description="Eén aanspreekpunt voor stages"),
            Benefit(partner="p-loket", description="Financiering tot eind 2028"),
        ],
        responsibilities="Gemeente Tiel is opdrachtgever; het loket rapporteert elk kwartaal.",
        mandate="De coördinator mag namens het netwerk bedrijven en scholen benaderen.",
        financing="Regiodeal Rivierenland, besluit college november 2026.",
        review_date=date(2027, 12, 1),
    ),
]

SIGNOFFS = {
    "p-baken": SignOff(status="agreed", at=WHEN),
    "p-roc": SignOff(status="agreed", at=WHEN),
    "p-linden": SignOff(status="reservations", at=WHEN,
                        note="Akkoord als de training buiten het bouwseizoen valt."),
    "p-tiel": SignOff(status="not_yet", at=WHEN,
                      note="Bijdrage moet nog door het college worden vastgesteld."),
    "p-uwv": SignOff(status="agreed", at=WHEN),
    "p-loket": SignOff(status="agreed", at=WHEN),
}


def fill(session: Session) -> None:
    session.deal.agreements = [a.model_copy(deep=True) for a in AGREEMENTS]
    session.deal.signoffs = {pid: s.model_copy() for pid, s in SIGNOFFS.items()}
