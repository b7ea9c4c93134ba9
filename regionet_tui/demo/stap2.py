"""Demo starting situation: capacity and educational goals of every partner."""

from __future__ import annotations

from ..models import Session
from ..models.stap2 import Assessment, CapacityArea, CapacityItem, PartnerStart

# partner -> area -> (assessment, explanation)
CAPACITY: dict[str, dict[CapacityArea, tuple[Assessment, str]]] = {
    "p-baken": {
        "teacher_skills": ("limited", ("Sterk in de theorievakken; weinig docenten met recente "
                           "ervaring in de bouw en de techniek.")),
        "student_skills": ("sufficient", ("Leerlingen in de bovenbouw techniek zijn gemotiveerd; "
                           "taal blijft voor een deel van hen lastig.")),
        "time": ("lacking", ("Door het lerarentekort is er geen ruimte in het rooster om docenten "
                 "vrij te maken voor ontwikkelwerk.")),
        "finances": ("limited", ("Middelen uit de subsidie Samen Opleiden lopen tot de zomer "
                     "van 2027.")),
        "facilities": ("sufficient", "Nieuw techniekpraktijklokaal sinds 2025."),
    },
    "p-roc": {
        "teacher_skills": ("sufficient", ("Praktijkdocenten met een achtergrond in de bouw en "
                           "installatietechniek.")),
        "student_skills": ("limited", ("Eerstejaars missen vaak basisvaardigheden in rekenen en "
                           "het lezen van tekeningen.")),
        "time": ("limited", ("Twee docenten kunnen elk vier uur per week vrij worden geroosterd, "
                 "niet meer.")),
        "finances": ("sufficient", ("Budget voor praktijkleren en een regionaal "
                     "investeringsfonds.")),
        "facilities": ("sufficient", "Praktijkhal en BIM-lab, ook 's avonds te gebruiken."),
    },
    "p-linden": {
        "teacher_skills": ("limited", ("Vakmensen willen wel begeleiden, maar hebben nooit "
                           "geleerd hoe je een leerling of stagiair coacht.")),
        "student_skills": ("sufficient", ("Stagiairs van het ROC zijn in het tweede jaar goed "
                           "inzetbaar.")),
        "time": ("lacking", "Elk uur begeleiding gaat van de productie af; een klein team."),
        "finances": ("limited", "Wel bereid bij te dragen in natura, niet in geld."),
        "facilities": ("sufficient", ("Bouwplaatsen en de werkplaats in Geldermalsen zijn "
                       "beschikbaar voor stages en gastlessen.")),
    },
    "p-tiel": {
        "teacher_skills": ("sufficient", ("Niet van toepassing: de gemeente geeft geen les, maar "
                           "heeft een beleidsadviseur met onderwijservaring.")),
        "student_skills": ("sufficient", "Niet van toepassing."),
        "time": ("limited", "Eén beleidsadviseur, twee dagen per maand voor het netwerk."),
        "finances": ("sufficient", "Budget uit de regiodeal voor arbeidsmarkt en onderwijs."),
        "facilities": ("limited", "Vergaderruimte in het stadhuis; geen praktijkruimte."),
    },
    "p-uwv": {
        "teacher_skills": ("sufficient", ("Loopbaanadviseurs die kandidaten voor omscholing "
                           "kunnen selecteren.")),
        "student_skills": ("limited", ("Zij-instromers uit andere sectoren hebben vaak geen "
                           "pedagogische ervaring.")),
        "time": ("sufficient", "Werkgeversdienstverlening heeft vaste uren voor de regio."),
        "finances": ("limited", "Scholingsbudget alleen voor mensen met een uitkering."),
        "facilities": ("limited", "Spreekkamers; geen leslokalen."),
    },
    "p-loket": {
        "teacher_skills": ("sufficient", "Coördinator met ervaring in onderwijs en bedrijfsleven."),
        "student_skills": ("sufficient", "Niet van toepassing."),
        "time": ("limited", "Coördinator voor 0,6 fte; meer taken passen er niet bij."),
        "finances": ("lacking", "Financiering loopt af in juli 2027; nog geen vervolg geregeld."),
        "facilities": ("sufficient", "Eigen website en een werkplek bij de gemeente."),
    },
}

GOALS = {
    "p-baken": "Elk jaar drie zij-instromers opleiden tot bevoegd docent techniek, met een "
               "vaste begeleider in het eerste jaar.",
    "p-roc": "Opleidingen bouw en installatie actueel houden met de bedrijven; "
             "doorlopende leerlijn vmbo–mbo techniek.",
    "p-linden": "Meer jong talent in de bouw houden: minder uitval van stagiairs, leerlingen "
                "die na hun opleiding blijven.",
    "p-tiel": "Jongeren en werkzoekenden uit de regio naar kansrijk werk; minder "
              "voortijdig schoolverlaten.",
    "p-uwv": "Werkzoekenden omscholen naar onderwijs en techniek, met een baangarantie waar "
             "dat kan.",
    "p-loket": "Eén aanspreekpunt voor scholen en bedrijven; vragen binnen twee weken "
               "doorverwezen.",
}


def fill(session: Session) -> None:
    session.start.partners = {
        partner_id: PartnerStart(
            capacity={area: CapacityItem(assessment=a, text=text)
                      for area, (a, text) in areas.items()},
            goals=GOALS[partner_id],
        )
        for partner_id, areas in CAPACITY.items()
    }
