"""The report: every stage in the session's language, user text escaped,
the HTML self-contained and printable."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.app import HOSTILE_NAMES
from support.share import demo_session, full_session

from regionet_tui.models import Session
from regionet_tui.report.blocks import Bar
from regionet_tui.report.build import render
from regionet_tui.report.markdown import bar_text, escape

AT = datetime(2026, 11, 22, 14, 3, tzinfo=UTC)
SCRIPT = "<script>alert(1)</script>"
DUTCH_TITLES = ["## Partners", "## Instelling en toewijding", "## STAP 1 · Inventaris",
                "## STAP 2 · De beginsituatie", "## STAP 3 · Het doel op lange termijn",
                "## STAP 4 · De deal", "## STAP 5 · Het overgangsplan",
                "## STAP 6 · Stroomschema", "## Reflectie en vervolgafspraken"]


def test_every_stage_has_a_section_in_the_order_of_the_workshop() -> None:
    text = render(full_session(), "md", AT)
    positions = [text.index(title) for title in DUTCH_TITLES]
    assert positions == sorted(positions)
    assert "Nog niet ingevuld" not in text


def test_each_section_shows_what_was_filled_in() -> None:
    text = render(full_session(), "md", AT)
    for expected in [
        "| Het Baken College | vo-school | trekker |",  # partners
        "| Bouwbedrijf Van der Linden | ✔ | ✔ | ✔ | ✘ | ✔ |",  # commitment
        "| Omscholen | 3 → 8 |",  # STAP 1: the scores
        "| Opscholen | 1,5 | 7,2 | `██████░░░░` ▲ +5,7 | 3 … 8 | – |",  # and the gap table
        "| Beschikbare tijd | beperkt | Roosters zitten vol. |",  # STAP 2
        "Eén regionaal opleidingshuis (gedragen door Het Baken College, ROC Rivierenland)",
        "ROC Rivierenland brengt in: Mensen: 2 coaches",  # STAP 4
        "Gemeente Tiel brengt in: Geld: € 25.000",
        ("| ROC Rivierenland | Mensen: 2 coaches (Gezamenlijk begeleidingsprogramma) | – | – "
         "| ⚠ brengt alleen |"),
        "| Gemeente Tiel | Geld: € 25.000 (Gezamenlijk begeleidingsprogramma) | – | € 25.000 |",
        "⚠ haalt alleen", "\\~ akkoord met voorbehoud",
        "▶ Coaches geworven", "░ gepland · ▓ bezig",  # STAP 5: the timeline
        "| Coaches geworven | – | ROC Rivierenland | 01-12-2026 | 01-02-2027 | ▶ bezig",
        "Onderwijsloket → Het Baken College (koppelt)",  # STAP 6
        "`██████░░░░` 3/5", "| Stuurgroep plannen | Onderwijsloket Rivierenland |",
    ]:
        assert expected in text, expected


def test_an_empty_session_says_per_stage_that_it_is_empty() -> None:
    empty = Session.create("Leeg", "", datetime(2026, 1, 5).date())
    text = render(empty, "md", AT)
    assert text.count("*Nog niet ingevuld.*") == len(DUTCH_TITLES)


def test_the_report_is_in_the_sessions_language_not_the_apps() -> None:
    session = full_session().model_copy(update={"language": "en"})
    text = render(session, "md", AT)
    assert "## STAP 4 · The deal with the partners" in text and "Give and take" in text
    assert "Instelling" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_demo_report_reads_well(fmt: str) -> None:
    text = render(demo_session(), fmt, AT)  # type: ignore[arg-type]
    assert "Leernetwerk Rivierenland – najaarsronde" in text
    assert "Van der Linden bespreekt de evaluatie" in text
    assert "Gemaakt met regionet" in text


def test_html_escapes_every_hostile_name() -> None:
    names = [SCRIPT, *HOSTILE_NAMES]
    html = render(full_session(names), "html", AT)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[/x]" in html and "\x1b" not in html and "\u202e" not in html


def test_markdown_escapes_every_hostile_name() -> None:
    text = render(full_session([SCRIPT, "[/x]", "*vet* | `code`", "# kop"]), "md", AT)
    assert SCRIPT not in text and "\\<script\\>alert(1)\\</script\\>" in text
    assert "\\[/x\\]" in text and "\\*vet\\* \\| \\`code\\`" in text
    assert "\n# kop" not in text


def test_html_is_self_contained_and_printable() -> None:
    html = render(full_session(), "html", AT)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    for forbidden in ("<script", "src=", "href=", "url(", "@import", "http://", "https://",
                      "<link", "<img", "<iframe"):
        assert forbidden not in html.lower(), forbidden
    assert "@media print" in html
    assert "default-src 'none'" in html
    assert re.search(r'<span class="bar"[^>]*><span style="width:60%"></span></span>3/5', html)


def test_bars_are_drawn_with_characters_too() -> None:
    assert bar_text(Bar(3, 5, "3/5")) == "██████░░░░"
    assert bar_text(Bar(9, 5, "")) == "██████████"
    assert bar_text(Bar(-1, 5, "")) == "░░░░░░░░░░"


def test_markdown_escape_keeps_ordinary_text_readable() -> None:
    assert escape("Rivierenland (Tiel). 12-11-2026") == "Rivierenland (Tiel). 12-11-2026"
    assert escape("1. eerst\n- daarna") == "1\\. eerst  \n\\- daarna"


def test_a_drawing_keeps_its_indentation_and_loses_control_characters() -> None:
    from regionet_tui.report.blocks import Drawing, Report, Section
    from regionet_tui.report.blocks import Facts as FactList
    from regionet_tui.report.html import render_html
    from regionet_tui.report.markdown import render_markdown

    drawing = Drawing(["   ┌───┐", "   │ a\x1b[2J │", "~~~~ <b>"])
    report = Report("T", "s", "nl", FactList([]), [Section("x", "X", [drawing])], "f")
    html = render_html(report)
    assert "<pre>   ┌───┐\n   │ a[2J │\n~~~~ &lt;b&gt;</pre>" in html
    markdown = render_markdown(report)
    assert "~~~~~text\n   ┌───┐\n   │ a[2J │\n~~~~ <b>\n~~~~~" in markdown


def _stage(text: str, title: str) -> str:
    return text.split(title, 1)[1].split("\n## ", 1)[0]


def test_the_flowchart_is_drawn_and_listed() -> None:
    text = _stage(render(full_session(), "md", AT), "## STAP 6")
    drawing = text.split("~~~~text\n", 1)[1].split("\n~~~~", 1)[0]
    assert "Onderwijsloket" in drawing and "┌" in drawing and "▼" in drawing
    html = render(full_session(), "html", AT)
    assert "<pre>" in html and "koppelt" in html


def test_a_flowchart_with_a_dangling_arrow_is_still_reported_in_words() -> None:
    from regionet_tui.models.stap6 import FlowEdge

    session = full_session()
    session.flowchart.edges = [*session.flowchart.edges,
                               FlowEdge(id="e-9", source="n-1", target="weg")]
    text = _stage(render(session, "md", AT), "## STAP 6")
    assert "~~~~text" not in text and "Onderwijsloket → weg" in text


def test_building_a_report_leaves_the_apps_language_as_it_was() -> None:
    from regionet_tui import i18n

    i18n.set_language("nl")
    text = render(full_session().model_copy(update={"language": "en"}), "md", AT)
    assert "Shortfalls per service" in text
    assert i18n.language() == "nl"
