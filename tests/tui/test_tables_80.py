"""Tables in front of the group at 80x24 (and 60x20): the columns that matter stay
on screen, cut text ends in "…", the full text of the selected row is on screen,
and the first column stays when the table scrolls sideways. Read from the screen
as the room sees it (characters only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from regionet_tui.screens.stages.stap1 import Stap1Screen
from regionet_tui.screens.widgets.gap_table import GapTable
from regionet_tui.screens.widgets.line_table import LineTable
from support.app import make_app, make_session
from support.monochrome import screen_lines
from support.stages import set_select, set_text

from regionet_tui.core.partners import add_partner
from regionet_tui.models import Partner
from regionet_tui.storage import SessionLibrary

HEADERS = {
    "nl": ["Dienst", "Tekort ↓", "Nu", "Gewenst", "Min…max", "Oneens", "Wijkt af"],
    "en": ["Service", "Shortfall ↓", "Now", "Desired", "Min…max", "Disagree", "Differs most"],
}
LABOUR_POOL = {"nl": "Arbeidspool", "en": "Labour pool"}


async def open_demo_gaps(app: object, pilot: object) -> GapTable:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("d")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("1")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, Stap1Screen)  # type: ignore[attr-defined]
    await pilot.press("g")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    table = app.screen.query_one(GapTable)  # type: ignore[attr-defined]
    assert isinstance(table, GapTable)
    return table


def line_of(lines: list[str], text: str) -> str:
    found = [line for line in lines if text in line]
    assert found, f"{text!r} is not on screen"
    return found[0]


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_gap_table_shows_every_column_that_matters_within_80_columns(
    folder: Path, language: str
) -> None:
    app = make_app(folder, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_gaps(app, pilot)
        lines = screen_lines(app)
        header = line_of(lines, HEADERS[language][0])
        positions = [header.index(name) for name in HEADERS[language]]
        assert positions == sorted(positions)  # all there, in order, none cut
        labour_pool = line_of(lines, LABOUR_POOL[language])
        # gap with its bar, now, desired, the whole min…max, disagreement, who differs
        for shown in ("▲ +5", "█████▌", "2", "7", "+2…+9", "2", "Bouwbedrijf"):
            assert shown in labour_pool
        assert all(len(line) <= 80 for line in lines)
        # A name longer than its column is cut with "…", and read in full below
        cut = [line for line in lines if "…" in line.split("▲")[0] and "█" in line]
        assert cut, "no service name was cut at 80 columns"

        await pilot.press("down")  # Arbeidspool / Labour pool: who differs, in full
        await pilot.pause()
        detail = "\n".join(screen_lines(app))
        assert "Bouwbedrijf Van der Linden" in detail
        assert ("bieden 3/6, willen 6/6" if language == "nl" else "offer 3/6, want 6/6") in detail


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_first_column_stays_when_the_gap_table_scrolls_sideways(
    folder: Path, language: str
) -> None:
    app = make_app(folder, language=language)
    async with app.run_test(size=(60, 20)) as pilot:
        table = await open_demo_gaps(app, pilot)
        assert table.max_scroll_x > 0  # at 60 columns it does not fit
        await pilot.press("end")  # as far right as it goes
        await pilot.pause()
        assert table.scroll_offset.x == table.max_scroll_x
        lines = screen_lines(app)
        header = line_of(lines, HEADERS[language][0])
        assert HEADERS[language][-1][:6] in header  # the last column came into view...
        assert "Min…max" not in header or header.index("Min…max") > header.index(
            HEADERS[language][0])
        row = line_of(lines, LABOUR_POOL[language])  # ...and the names stayed on the left
        assert row.index(LABOUR_POOL[language]) < 5
        await pilot.press("home")
        await pilot.pause()
        assert table.scroll_offset.x == 0
        assert HEADERS[language][1] in line_of(screen_lines(app), HEADERS[language][0])


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_view_of_the_gap_table_keeps_the_names_on_screen(
    folder: Path, size: tuple[int, int]
) -> None:
    app = make_app(folder)
    async with app.run_test(size=size) as pilot:
        table = await open_demo_gaps(app, pilot)
        for view, first in (("partner", "Partner"), ("group", "Dienst"),
                            ("service", "Dienst")):
            await pilot.press("v")
            await pilot.pause()
            assert table.view == view
            await pilot.press("end")  # scrolled as far right as it goes
            await pilot.pause()
            lines = screen_lines(app)
            assert line_of(lines, first).index(first) < 5
            for row in range(3):  # the names stay at the left edge
                name = str(table.get_row_at(row)[0])[:8]
                assert line_of(lines, name).index(name) < 5
            await pilot.press("home")
            await pilot.pause()


ROLES = {"nl": ["trekker", "deelnemer", "makelaar/loket"],
         "en": ["lead", "participant", "broker/desk"]}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_partner_list_keeps_name_and_role_on_screen(
    folder: Path, language: str, size: tuple[int, int]
) -> None:
    app = make_app(folder, language=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("d", "p")
        await pilot.pause()
        lines = screen_lines(app)
        assert all(len(line) <= size[0] for line in lines)
        loket = line_of(lines, "Onderwijsloket")
        assert loket.rstrip().endswith(ROLES[language][2])  # the role in full, at the edge
        for name in ("Het Baken", "ROC Rivierenland", "Gemeente Tiel"):
            assert any(role in line_of(lines, name) for role in ROLES[language])
        # the contact was cut in the table; the selected partner is shown in full below
        assert "Anouk Jansen (teamleider bovenbouw)" not in loket
        await pilot.press("down")
        await pilot.pause()
        shown = " ".join(screen_lines(app))
        assert "Youssef El Amrani (opleidingsmanager techniek)" in " ".join(shown.split())


NOTE = ("Drie docenten techniek gaan met pensioen; twee zij-instromers volgen de "
        "pabo-route en geven vanaf januari les in de bovenbouw.")
ASSESSMENT = {"nl": "✘ ontbreekt", "en": "✘ lacking"}
EXPLANATION = {"nl": "Toelichting", "en": "Explanation"}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_stap2_sizes_its_columns_from_the_notes_and_shows_the_selected_note(
    library: SessionLibrary, folder: Path, language: str, size: tuple[int, int]
) -> None:
    session_id = make_session(library)
    store = library.open(session_id)
    store.change(lambda s: add_partner(s, Partner(id="p1", name="Het Baken College")))
    store.close()
    app = make_app(folder, language=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#capacity", LineTable)
        header_only = table.column_width(2)
        await pilot.press("down", "down", "enter")  # time available
        await pilot.pause()
        set_select(app, "assessment", "lacking")
        set_text(app, "text", NOTE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        # the note's column grew with the note, up to the room the key columns leave
        widths = [table.column_width(column) for column in range(3)]
        assert sum(widths) == table.scrollable_content_region.width
        assert widths[2] > header_only or size[0] < 80
        lines = screen_lines(app)
        assert all(len(line) <= size[0] for line in lines)
        header = line_of(lines, EXPLANATION[language][:6])
        row = line_of(lines, ASSESSMENT[language])  # the assessment, never cut
        note_start = row.index("Drie doc")
        assert abs(note_start - header.index(EXPLANATION[language][:6])) <= 1
        assert row.rstrip().endswith("…")  # the note is cut in its column...
        shown = " ".join(" ".join(lines).split())
        assert NOTE in shown  # ...and read in full under the table


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_two_rounds_of_one_network_read_differently_on_the_start_screen(
    folder: Path, language: str, size: tuple[int, int]
) -> None:
    app = make_app(folder, language=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("d")  # the demo: the autumn round, with the spring round before it
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        lines = screen_lines(app)
        rounds = [line for line in lines if "-2026" in line and ("6/9" in line or "8/9" in line
                                                                 or "5/9" in line)]
        assert len(rounds) == 2
        titles = [line[2:line.index("Riv")].strip() for line in rounds]  # before the region
        assert titles[0] != titles[1]
        assert all("…" in title for title in titles)  # cut, but told apart
        assert {title.split("…")[1][:1] for title in titles} == {"n", "v"}  # naja… / voorja…


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
@pytest.mark.parametrize("keys", [("1", "g"), ("2",), ("7",), ("p",)])
async def test_a_footer_with_too_many_keys_keeps_whole_labels_and_the_help_key(
    folder: Path, language: str, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    app = make_app(folder, language=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        line = screen_lines(app)[-1].rstrip()
        assert len(line) <= size[0]
        assert "? Help" in line
        # the last key drawn comes with its whole description: none cut to a bare key
        descriptions = {binding.description for _, binding, _, _ in
                        app.screen.active_bindings.values() if binding.description}
        assert any(line.endswith(f" {description}") for description in descriptions), line


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_milestone_list_keeps_title_deadline_and_owner_on_screen(
    folder: Path, language: str
) -> None:
    app = make_app(folder, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d", "5")  # the demo, STAP 5
        await pilot.pause()
        lines = screen_lines(app)
        header = line_of(lines, "Deadline")
        assert ("Eigenaar" if language == "nl" else "Owner") in header
        row = line_of(lines, "15-12-2026")  # "Deal getekend door alle partners", Het Baken College
        title, owner = row.split("15-12-2026")
        assert title.rstrip().endswith("…") and owner.strip().startswith("Het Baken Col")
        assert owner.split()[2].endswith("…")  # cut short, and says so


async def test_stap3_shows_the_selected_own_item_in_full_below_the_table(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d", "3")  # the demo, STAP 3: Het Baken College's own agenda
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        lines = screen_lines(app)
        row = line_of(lines, "Doorlopende leerlijn techniek naar het mbo")
        assert row.endswith("…")  # the explanation is cut in its row
        below = "\n".join(lines[lines.index(row) + 1:])
        assert "Leerlingen kennen het ROC en de bedrijven al voordat ze overstappen." in below
        assert "→ Doorlopende leerlijn techniek vmbo–mbo–bedrijf" in below
