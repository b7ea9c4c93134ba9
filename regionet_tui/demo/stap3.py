"""Demo long-term goal: own agendas, the shared agenda built from them, the goal."""

from __future__ import annotations

from ..models import Session
from ..models.stap3 import AgendaItem, SharedItem

OWN: dict[str, list[AgendaItem]] = {
    "p-baken": [
        AgendaItem(id="o-baken-zij", title="Zij-instromers techniek begeleiden",
                   explanation="Een vaste begeleider en een rustig eerste jaar voor nieuwe "
                               "docenten uit het bedrijfsleven."),
        AgendaItem(id="o-baken-lijn", title="Doorlopende leerlijn techniek naar het mbo",
                   explanation="Leerlingen kennen het ROC en de bedrijven al voordat ze "
                               "overstappen."),
    ],
    "p-roc": [
        AgendaItem(id="o-roc-actueel", title="Opleidingen bouw actueel houden",
                   explanation="Nieuwe technieken (BIM, circulair bouwen) samen met "
                               "bedrijven in het lesprogramma."),
        AgendaItem(id="o-roc-stage", title="Genoeg goede stageplaatsen",
                   explanation="Elke student een stage met een opgeleide praktijkbegeleider."),
    ],
    "p-linden": [
        AgendaItem(id="o-linden-stage", title="Minder uitval van stagiairs",
                   explanation="Begeleiders op de bouwplaats die weten hoe ze een stagiair "
                               "coachen."),
        AgendaItem(id="o-linden-gast", title="Vakmensen als gastdocent",
                   explanation="Twee vakmensen geven een paar keer per jaar les op school."),
    ],
    "p-tiel": [
        AgendaItem(id="o-tiel-vsv", title="Minder voortijdig schoolverlaten",
                   explanation="Jongeren zonder startkwalificatie terug naar school of werk."),
    ],
    "p-uwv": [
        AgendaItem(id="o-uwv-omscholing", title="Omscholing naar onderwijs",
                   explanation="Werkzoekenden met technische ervaring naar een baan als "
                               "instructeur of docent."),
    ],
    "p-loket": [
        AgendaItem(id="o-loket-ingang", title="Eén ingang voor scholen en bedrijven",
                   explanation="Vragen over stages, gastlessen en zij-instroom komen op één "
                               "plek binnen."),
    ],
}

SHARED = [
    SharedItem(id="s-zij", title="Regionale route voor zij-instromers in de techniek",
               explanation="Werving via UWV en bedrijven, opleiding bij het ROC, begeleiding "
                           "op school; samen één traject.",
               sources=["o-baken-zij", "o-uwv-omscholing"],
               supporters=["p-baken", "p-roc", "p-uwv", "p-loket"]),
    SharedItem(id="s-stage", title="Stages met opgeleide praktijkbegeleiders",
               explanation="Bedrijven leiden begeleiders op; scholen en bedrijven spreken "
                           "dezelfde eisen af.",
               sources=["o-roc-stage", "o-linden-stage"],
               supporters=["p-roc", "p-linden", "p-baken"]),
    SharedItem(id="s-lijn", title="Doorlopende leerlijn techniek vmbo–mbo–bedrijf",
               explanation="Lesprogramma's sluiten op elkaar aan; vakmensen geven gastlessen.",
               sources=["o-baken-lijn", "o-roc-actueel", "o-linden-gast"],
               supporters=["p-baken", "p-roc", "p-linden", "p-tiel"]),
    SharedItem(id="s-loket", title="Het onderwijsloket als vaste schakel",
               explanation="Het loket verbindt vraag en aanbod en houdt de afspraken bij.",
               sources=["o-loket-ingang", "o-tiel-vsv"],
               supporters=["p-tiel", "p-loket", "p-uwv", "p-baken", "p-roc", "p-linden"]),
]

STATEMENT = (
    "In 2028 heeft Rivierenland genoeg bevoegde docenten techniek en goed begeleide "
    "stagiairs: scholen, bedrijven, gemeente en UWV leiden samen op, via één loket."
)


def fill(session: Session) -> None:
    session.goal.own = {pid: [i.model_copy() for i in items] for pid, items in OWN.items()}
    session.goal.shared = [s.model_copy() for s in SHARED]
    session.goal.statement = STATEMENT
