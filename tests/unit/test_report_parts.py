"""The report says everything: the agenda, the parking lot, the comparison with
the previous round, no heading without something under it, and the language
chosen when it is written (default: the session's)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from support.share import demo_session, full_session

from regionet_tui.core.rounds import Predecessor
from regionet_tui.demo.rounds import build_previous_round
from regionet_tui.models import Session
from regionet_tui.models.stap2 import PartnerStart
from regionet_tui.models.stap4 import SignOff
from regionet_tui.report.blocks import Facts, Heading, Report, Section
from regionet_tui.report.build import build_report, render
from regionet_tui.storage.sessionfile import Damage

AT = datetime(2026, 11, 12, 15, 0, tzinfo=UTC)


def _section(text: str, title: str) -> str:
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _previous() -> Predecessor:
    return Predecessor(build_previous_round())


# -- the agenda ------------------------------------------------------------------------
@pytest.mark.parametrize(("language", "title", "row", "total"), [
    ("nl", "Verloop van de workshop: de agenda",
     "| STAP 1 | 45 min | \\+5 | 52:30 | \\+02:30 | ⏰ over tijd |", "| Totaal | 220 min |"),
    ("en", "How the workshop went: the agenda",
     "| STEP 1 | 45 min | \\+5 | 52:30 | \\+02:30 | ⏰ over time |", "| Total | 220 min |"),
])
def test_the_agenda_shows_planned_extra_and_actual_time_per_stage(
    language: str, title: str, row: str, total: str
) -> None:
    agenda = _section(render(demo_session(), "md", AT, language=language), title)
    # The difference counts the five minutes given with F4, as the stage bar does.
    assert row in agenda
    assert total in agenda and "1:18:20" in agenda


def test_the_agenda_says_when_no_time_was_kept() -> None:
    empty = Session.create("Leeg", "", date(2026, 1, 5))
    agenda = _section(render(empty, "md", AT), "Verloop van de workshop: de agenda")
    assert "| Reflectie | 20 min | – | – | – |" in agenda
    assert "de timer niet gebruikt" in agenda


def test_the_agenda_counts_a_running_timer_up_to_the_moment_of_the_report() -> None:
    session = demo_session()
    slot = session.workshop.agenda[3]
    session.workshop.agenda[3] = slot.model_copy(
        update={"started_at": datetime(2026, 11, 12, 14, 50, tzinfo=UTC)})
    agenda = _section(render(session, "md", AT), "Verloop van de workshop: de agenda")
    assert "| STAP 2 | 25 min | – | 10:00 | \\-15:00 | ⏱ loopt |" in agenda


# -- the parking lot -------------------------------------------------------------------
@pytest.mark.parametrize(("language", "title", "still_open", "settled"), [
    ("nl", "De parkeerplaats", "### Nog open (2)", "### Afgehandeld (2)"),
    ("en", "The parking lot", "### Still open (2)", "### Dealt with (2)"),
])
def test_the_parking_lot_lists_open_items_first_then_the_settled_ones(
    language: str, title: str, still_open: str, settled: str
) -> None:
    parking = _section(render(demo_session(), "md", AT, language=language), title)
    assert parking.index(still_open) < parking.index(settled)
    opened = parking.split(still_open, 1)[1].split(settled, 1)[0]
    assert "Vervoer van leerlingen naar stageplekken buiten Tiel" in opened
    assert "Mag een docent via de cao gedetacheerd worden" in opened
    closed = parking.split(settled, 1)[1]
    assert "Andere naam voor het loket" in closed
    assert "Navragen wie de begeleiding van zij-instromers" in closed  # the follow-up it became


def test_an_empty_parking_lot_says_so_in_html_too() -> None:
    html = render(Session.create("Leeg", "", date(2026, 1, 5)), "html", AT)
    assert '<section id="parking">' in html and "Er is niets geparkeerd." in html


# -- the comparison with the previous round ----------------------------------------------
def test_a_round_with_a_predecessor_is_compared_with_it() -> None:
    text = render(demo_session(), "md", AT, previous=_previous())
    compared = _section(text, "Vergelijking met de vorige ronde")
    assert "Leernetwerk Rivierenland – voorjaarsronde (16-04-2026)" in compared
    for expected in ("| Arbeidspool | 5 | 5,3 | ↗ groter |",
                     "| Probleemoplossend vermogen | 2,3 | 1,3 | ↘ kleiner |",
                     "| Toezeggingen (partner × houding) | 20 van 30 | 29 van 30 |",
                     "| Mijlpalen te laat | 1 | 1 |",
                     "| Stagebank voor techniek opzetten | bezig | ✓ klaar |",
                     "| Evaluatieafspraak met Van der Linden bespreken | open (te laat) | – |",
                     "| Organisatie van de samenwerking | ⚑ 2 | 3 | ▲ beter |"):
        assert expected in compared, expected
    # After the reflection, before the agenda.
    assert (text.index("## Reflectie") < text.index("## Vergelijking")
            < text.index("## Verloop van de workshop"))


def test_the_comparison_in_english() -> None:
    session = demo_session()
    text = render(session, "md", AT, language="en", previous=_previous())
    compared = _section(text, "Comparison with the previous round")
    assert "| Labour pool | 5 | 5\\.3 | ↗ widened |" in compared
    assert "| Commitments (partner × attitude) | 20 of 30 | 29 of 30 |" in compared
    assert "| Evaluatieafspraak met Van der Linden bespreken | open (late) | – |" in compared


def test_a_missing_or_damaged_predecessor_is_said_not_left_out() -> None:
    text = render(demo_session(), "md", AT, previous=Predecessor(None, "missing"))
    assert ("volgt op \"Leernetwerk Rivierenland – voorjaarsronde\", maar die sessie stond "
            "niet in de sessiemap") in _section(text, "Vergelijking met de vorige ronde")
    damaged = Predecessor(None, "damaged", Damage("not_json", "regel 1"))
    text = render(demo_session(), "md", AT, language="en", previous=damaged)
    assert "could not be read" in _section(text, "Comparison with the previous round")


def test_a_first_round_has_no_comparison() -> None:
    session = full_session()
    session.predecessor = None
    session.predecessor_title = ""
    assert "## Vergelijking" not in render(session, "md", AT)


# -- no heading without something under it ------------------------------------------------
def _empty_headings(report: Report) -> list[str]:
    found = []
    for section in report.sections:
        blocks = section.blocks
        for index, block in enumerate(blocks):
            if not isinstance(block, Heading):
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is None or (isinstance(following, Heading)
                                     and following.level <= block.level):
                found.append(f"{section.id}: {block.text}")
    return found


def _sessions() -> dict[str, Session]:
    blank_start = full_session()
    blank_start.start.partners = {**blank_start.start.partners, "p-tiel": PartnerStart()}
    only_signoffs = Session.create("Alleen instemming", "", date(2026, 1, 5))
    only_signoffs.partners = demo_session().partners
    only_signoffs.deal.signoffs = {"p-roc": SignOff(status="agreed")}
    return {"empty": Session.create("Leeg", "", date(2026, 1, 5)), "demo": demo_session(),
            "full": full_session(), "blank_start": blank_start, "only_signoffs": only_signoffs}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["empty", "demo", "full", "blank_start", "only_signoffs"])
def test_no_heading_is_left_empty(name: str, language: str) -> None:
    session = _sessions()[name]
    for previous in (None, _previous()):
        report = build_report(session, AT, language=language, previous=previous)
        assert _empty_headings(report) == []


def test_a_partner_without_a_starting_situation_says_so() -> None:
    session = _sessions()["blank_start"]
    stap2 = _section(render(session, "md", AT), "STAP 2 · De beginsituatie")
    assert "### Gemeente Tiel\n\n*Nog niets ingevuld voor deze partner.*" in stap2
    stap2 = _section(render(session, "md", AT, language="en"), "STAP 2 · The starting situation")
    assert "### Gemeente Tiel\n\n*Nothing filled in for this partner yet.*" in stap2


# -- the language, chosen when the report is written -------------------------------------------
def test_the_report_is_in_the_sessions_language_unless_another_is_chosen() -> None:
    dutch = demo_session()
    assert "## De parkeerplaats" in render(dutch, "md", AT)
    english = render(dutch, "md", AT, language="en")
    assert "## The parking lot" in english and "## De parkeerplaats" not in english
    assert '<html lang="en">' in render(dutch, "html", AT, language="en")
    session = dutch.model_copy(update={"language": "en"})
    assert "## The parking lot" in render(session, "md", AT)
    assert "## De parkeerplaats" in render(session, "md", AT, language="nl")


def test_an_unknown_report_language_is_refused() -> None:
    with pytest.raises(ValueError):
        render(demo_session(), "md", AT, language="de")


# -- fitting a printed page -----------------------------------------------------------------
def test_tables_and_drawings_are_fitted_to_an_a4_page() -> None:
    from regionet_tui.report.blocks import Drawing, Table
    from regionet_tui.report.html import render_html
    from regionet_tui.report.page import drawing_fit, table_fit

    def table(columns: int, word: str = "Opleidingencentrum") -> Table:
        return Table([f"{word} {n}" for n in range(columns)],
                     [["01-05-2026"] * columns], nowrap=frozenset(range(columns)))

    small, slightly, wide, huge = (table_fit(table(n)) for n in (3, 5, 7, 40))
    assert (small.landscape, small.font_pt) == (False, 10.0)
    assert not slightly.landscape and 8.5 <= slightly.font_pt < 10.0
    assert wide.landscape and not wide.squeezed
    assert huge.landscape and huge.squeezed and huge.font_pt == 7.0
    assert drawing_fit(Drawing(["x" * 100])) == drawing_fit(Drawing(["x" * 60]))  # 7pt upright
    assert drawing_fit(Drawing(["x" * 200])).landscape
    html = render_html(Report("T", "s", "nl", Facts([]), [Section("x", "X", [
        table(3), table(7), table(40), Drawing(["x" * 200])])], "f"))
    assert '<section id="x" class="wide">' in html  # with its title, on landscape pages
    assert '<div class="scroll"><table>' in html
    assert '<div class="scroll" style="--print-size:' in html
    assert '<div class="scroll squeezed" style="--print-size: 7.0pt">' in html
    assert '<pre style="--print-size:' in html
    upright = render_html(Report("T", "s", "nl", Facts([]), [Section("x", "X", [table(3)])], "f"))
    assert '<section id="x">' in upright
    assert "@page { size: A4 portrait;" in html and "@page wide { size: A4 landscape;" in html
