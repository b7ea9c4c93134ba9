"""The HTML report printed to PDF by headless Chromium: A4 pages, a sane number of
them, and nothing wider than the page (no ink in the right margin, every name
of the widest tables on paper). Needs chromium and poppler-utils; skipped,
saying which is missing, where they are not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from support.share import demo_session

from regionet_tui.core import stap6
from regionet_tui.core.rounds import Predecessor
from regionet_tui.demo.rounds import build_previous_round
from regionet_tui.models import Partner, Session
from regionet_tui.models.stap1 import Score
from regionet_tui.models.stap5 import Milestone
from regionet_tui.report.build import write_report
from regionet_tui.report.page import MARGIN_MM

BROWSER = next((found for name in ("chromium", "chromium-browser")
                if (found := shutil.which(name))), None)
POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftoppm", "pdftotext"))
AT = datetime(2026, 11, 12, 15, 0, tzinfo=UTC)
A4 = (595, 842)
DPI = 50

pytestmark = [
    pytest.mark.skipif(BROWSER is None,
                       reason="no chromium installed (Debian: apt-get install chromium)"),
    pytest.mark.skipif(not POPPLER,
                       reason="no poppler-utils installed (Debian: apt-get install poppler-utils)"),
]


def print_to_pdf(html: Path, tmp_path: Path) -> Path:
    assert BROWSER is not None
    pdf = html.with_suffix(".pdf")
    done = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / f'profile-{html.stem}'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert done.returncode == 0 and pdf.is_file(), done.stderr[-2000:]
    return pdf


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    return [(round(float(w)), round(float(h))) for w, h in
            re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)]


def gray_page(pdf: Path, number: int, tmp_path: Path) -> tuple[int, int, bytes]:
    """The page as 8-bit gray pixels (PGM, read by hand: no imaging library needed)."""
    stem = tmp_path / f"page-{pdf.stem}-{number}"
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(number), "-l", str(number),
                    "-singlefile", str(pdf), str(stem)], check=True, capture_output=True)
    data = stem.with_suffix(".pgm").read_bytes()
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert fields is not None, "not a binary PGM"
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[fields.end():]


def ink_in_right_margin(pdf: Path, number: int, tmp_path: Path) -> int:
    """Dark pixels between the right edge of the text area and the edge of the page."""
    width, height, pixels = gray_page(pdf, number, tmp_path)
    margin = round(MARGIN_MM / 25.4 * DPI)
    first, top, bottom = width - margin + 2, margin, height - margin
    return sum(1 for row in range(top, bottom)
               for value in pixels[row * width + first:row * width + width] if value < 160)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def wide_session() -> Session:
    """A large network: fourteen partners scoring every service, a plan of three
    years with long milestone names, and a flowchart of all of them."""
    session = demo_session()
    services = [s.id for s in session.portfolio.services]
    for number in range(7, 15):
        partner = Partner(id=f"p-{number}", name=f"Regionaal Opleidingencentrum {number}",
                          kind="mbo")
        session.partners = [*session.partners, partner]
        session.portfolio.scores[partner.id] = {
            service: Score(offered=True, quality=number % 9 + 1, wanted=True, desired=10)
            for service in services}
    session.plan.milestones = [
        *session.plan.milestones,
        *(Milestone(id=f"m-{n}", title=f"Tussenstap {n}: de begeleiding van zij-instromers "
                    "in de hele regio geregeld en vastgelegd", owner=f"p-{7 + n % 8}",
                    start=date(2027, 1 + n % 12, 1), deadline=date(2029, 1 + n % 12, 28))
          for n in range(8)),
    ]
    nodes, edges = stap6.generate(session, lambda key: key)
    stap6.replace_chart(session, nodes, edges)
    # A word no line can hold: a link pasted as the contact, and in the goal.
    link = "https://www.rivierenland.nl/" + "onderwijs-en-arbeidsmarkt-" * 4 + "aanspreekpunt"
    session.partners[0] = session.partners[0].model_copy(update={"contact": link})
    session.goal.statement = f"Alles over het doel staat op {link} en in het regioplan."
    return session


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_demo_report_prints_on_a4_within_the_margins(tmp_path: Path, language: str) -> None:
    html = write_report(demo_session(), tmp_path / f"demo-{language}.html", "html", AT,
                        language=language, previous=Predecessor(build_previous_round()))
    pdf = print_to_pdf(html, tmp_path)
    sizes = page_sizes(pdf)
    # 14 (Dutch) and 16 (English) pages with Debian's chromium and DejaVu fonts; other
    # fonts shift a page or two.
    assert 11 <= len(sizes) <= 18, sizes
    assert set(sizes) <= {A4, A4[::-1]}, sizes
    for number in range(1, len(sizes) + 1):
        assert ink_in_right_margin(pdf, number, tmp_path) == 0, f"page {number}"
    text = pdf_text(pdf)
    assert "Vervoer van leerlingen" in text and "Werkwijze vastgelegd in regioplan" in text


def test_a_large_network_prints_with_nothing_wider_than_the_page(tmp_path: Path) -> None:
    session = wide_session()
    pdf = print_to_pdf(write_report(session, tmp_path / "groot.html", "html", AT), tmp_path)
    sizes = page_sizes(pdf)
    assert set(sizes) <= {A4, A4[::-1]}, sizes
    assert A4[::-1] in sizes  # what does not fit upright gets a landscape page
    for number in range(1, len(sizes) + 1):
        assert ink_in_right_margin(pdf, number, tmp_path) == 0, f"page {number}"
    text = " ".join(pdf_text(pdf).split())
    for partner in session.partners:  # every column of the score tables made it to paper
        assert text.count(partner.name) >= 2, partner.name
    assert "Tussenstap 7: de begeleiding van" in text and "geregeld en vastgelegd" in text
