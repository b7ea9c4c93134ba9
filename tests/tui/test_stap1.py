"""STAP 1 driven by keyboard, as a facilitator scores while the partners talk."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.stages.commitment import CommitmentScreen
from regionet_tui.screens.stages.stap1 import Stap1Screen
from regionet_tui.screens.widgets.gap_table import GapTable
from regionet_tui.screens.widgets.score_grid import ScoreGrid
from support.app import make_app, make_session, screen_text
from support.stap1 import PARTNERS, prepared_session

from regionet_tui.storage import SessionLibrary, sessionfile

# offered, quality, wanted, desired for the eight services, typed one key per value;
# "0" is a 10, and "1" "0" is a 10 too.
EIGHT_SERVICES = ["j", "5", "j", "8",   # Arbeidspool
                  "n", "j", "7",        # 'Tijdelijke' krachten: not offered, quality skipped
                  "j", "6", "j", "0",   # Probleemoplossend vermogen: desired 10
                  "j", "4", "n",        # Inbreng nieuwe kennis: not wanted, desired skipped
                  "j", "3", "j", "1", "0",  # Faciliteren van lerende netwerken: desired 10
                  "j", "7", "j", "9",   # Bijscholen
                  "n", "j", "6",        # Opscholen
                  "j", "2", "j", "8"]   # Omscholen


async def open_stap1(app: object, pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("1")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, Stap1Screen)  # type: ignore[attr-defined]


async def test_scoring_eight_services_takes_at_most_40_keystrokes(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        assert "Het Baken College" in screen_text(app)
        await pilot.press("e")  # into the entry mode: digits are scores now
        for key in EIGHT_SERVICES:
            await pilot.press(key)
        await pilot.press("tab")  # the next partner: one key
        await pilot.pause()
        keystrokes = 1 + len(EIGHT_SERVICES) + 1
        assert keystrokes <= 40
        assert "Bouwbedrijf Van der Linden" in screen_text(app)
    scores = sessionfile.read(path).portfolio.scores["p-school"]
    table = {sid.removeprefix("svc-"): (s.offered, s.quality, s.wanted, s.desired)
             for sid, s in scores.items()}
    assert table == {
        "arbeidspool": (True, 5, True, 8),
        "tijdelijke_krachten": (False, None, True, 7),
        "probleemoplossend": (True, 6, True, 10),
        "nieuwe_kennis": (True, 4, False, None),
        "lerende_netwerken": (True, 3, True, 10),
        "bijscholen": (True, 7, True, 9),
        "opscholen": (False, None, True, 6),
        "omscholen": (True, 2, True, 8),
    }


async def test_the_grid_shows_what_was_typed_and_not_scored_stays_distinct(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        await pilot.press("e", "j", "1", "0", "n")
        await pilot.pause()
        grid = app.screen.query_one(ScoreGrid)
        first = grid.row_text(0)
        assert first[:5] == ["Arbeidspool", "ja", "10", "nee", ""]
        second = grid.row_text(1)
        assert second[1:5] == ["—", "—", "—", "—"]  # not scored, never a number


async def test_invalid_entries_are_refused_with_a_hint_and_never_stored(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        before = path.read_bytes()
        await pilot.press("e", "5")  # a digit where ja/nee belongs
        await pilot.pause()
        assert "past hier niet: typ j (ja) of n (nee)" in screen_text(app)
        await pilot.press("q")  # a letter that means nothing here
        await pilot.pause()
        assert "\"q\" past hier niet" in screen_text(app)
        assert path.read_bytes() == before

        await pilot.press("j")
        await pilot.pause()
        after_yes = sessionfile.read(path).portfolio
        await pilot.press("1", "1")  # 11 is no score: the cell is as it was before the 1
        await pilot.pause()
        assert "\"11\" is geen cijfer van 1 tot 10" in screen_text(app)
        assert "De score is weer zoals hij was" in screen_text(app)
        await pilot.press("k")  # a letter in a quality cell
        await pilot.pause()
        assert "typ een cijfer 1–9" in screen_text(app)
        assert sessionfile.read(path).portfolio == after_yes
        grid = app.screen.query_one(ScoreGrid)
        assert grid.row_text(0)[2] == "—"
        await pilot.press("7")  # a valid key after a refusal works and clears the hint
        await pilot.pause()
        assert "past hier niet" not in screen_text(app)
    saved = sessionfile.read(path).portfolio.scores["p-school"]["svc-arbeidspool"]
    assert (saved.offered, saved.quality) == (True, 7)


async def test_partner_switch_financing_note_and_clear(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert "Bouwbedrijf Van der Linden" in screen_text(app)
        await pilot.press("less_than_sign", "less_than_sign")  # wraps round to the last
        await pilot.pause()
        assert "Gemeente Tiel" in screen_text(app)
        await pilot.press("e", "j", "6")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("3")  # subsidy or regional fund
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"[b]nodig")
        await pilot.press("enter")
        await pilot.pause()
        assert "Subsidie of regiofonds" in screen_text(app)
        assert "[b]nodig" in screen_text(app)
        await pilot.press("left", "backspace")  # clear the quality again
        await pilot.pause()
    saved = sessionfile.read(path).portfolio.scores["p-gemeente"]["svc-arbeidspool"]
    assert (saved.offered, saved.quality, saved.financing, saved.note) == (
        True, None, "subsidy", "[b]nodig")


async def test_the_gap_table_reads_from_the_screen_sorted_and_by_kind(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        await pilot.press("e", "j", "5", "j", "6")  # Arbeidspool: gap 1
        await pilot.press("n", "j", "9")  # 'Tijdelijke' krachten: gap 9
        await pilot.press("tab", "j", "7", "j", "7")  # the company: Arbeidspool gap 0
        await pilot.press("g")
        await pilot.pause()
        table = app.screen.query_one(GapTable)
        assert app.screen.focused is table
        rows = [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]
        assert rows[0][:2] == ["'Tijdelijke' krachten", "▲ +9,0 █████████"]
        assert rows[1][:6] == ["Arbeidspool", "▲ +0,5 ▌", "6,0", "6,5", "0…+1", "0,5"]
        assert rows[2][1:4] == ["—", "—", "—"]  # nothing scored: no number, no shortfall
        assert "gesorteerd op Tekort ↓" in str(table.border_title)

        await pilot.press("d")  # smallest first; the unscored stay last
        await pilot.pause()
        assert str(table.get_row_at(0)[0]) == "Arbeidspool"
        assert str(table.get_row_at(table.row_count - 1)[1]) == "—"

        await pilot.press("v")  # per partner
        await pilot.pause()
        labels = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        assert labels[0] == "Het Baken College" and len(labels) == len(PARTNERS)

        await pilot.press("v")  # per kind of organisation
        await pilot.pause()
        headers = [str(c.label) for c in table.columns.values()]
        assert headers[:4] == ["Dienst", "Scholen", "Bedrijven", "Overheid"]
        assert "Per soort organisatie" in str(table.border_title)
        assert "Waar zien scholen, bedrijven en overheid het anders?" in screen_text(app)

        await pilot.press("g")  # back to entering scores
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one(ScoreGrid)


async def test_services_are_added_renamed_moved_hidden_and_restored(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Stages")
        await pilot.press("enter")
        await pilot.pause()
        grid = app.screen.query_one(ScoreGrid)
        assert grid.row_text(8)[0] == "Stages"
        assert grid.cursor_row == 8
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert grid.row_text(7)[0] == "Stages"

        grid.move_cursor(row=0)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#text").value = "Vakmensen"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert grid.row_text(0)[0] == "Vakmensen"

        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert "Vakmensen" not in [grid.row_text(r)[0] for r in range(grid.row_count)]
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert grid.row_text(0)[0] == "Vakmensen"
    services = sessionfile.read(path).portfolio.services
    first = services[0]
    assert (first.builtin, first.name, first.hidden) == ("arbeidspool", "Vakmensen", False)
    assert [s.name for s in services].index("Stages") == 7


async def test_esc_ends_the_entry_mode_so_digits_switch_stages_again(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        await pilot.press("e", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Stap1Screen)
        assert "Bekijken: cijfers kiezen een stap" in screen_text(app)
        await pilot.press("0")
        await pilot.pause()
        assert isinstance(app.screen, CommitmentScreen)


async def test_opening_stap1_without_full_commitment_asks_for_a_reason(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library, committed=False)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert "Eerst de toewijding" in screen_text(app)
        await pilot.press("escape")  # back, not on
        await pilot.pause()
        assert isinstance(app.screen, CommitmentScreen)
        assert sessionfile.read(path).commitment.override_reason == ""

        await pilot.press("right_square_bracket")  # ] is the next stage: the same gate
        await pilot.pause()
        await pilot.press("ctrl+s")  # an empty reason is refused
        await pilot.pause()
        assert "Schrijf op waarom jullie toch verdergaan" in screen_text(app)
        await pilot.press(*"Tiel beslist later")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Stap1Screen)
    saved = sessionfile.read(path).commitment
    assert saved.override_reason == "Tiel beslist later" and saved.override_at is not None


async def test_the_demo_has_realistic_scores_for_every_partner(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, Stap1Screen)  # the demo recorded its reason
        await pilot.press("g")
        await pilot.pause()
        table = app.screen.query_one(GapTable)
        assert table.row_count == 8
        assert str(table.get_row_at(0)[1]).startswith("▲")
        await pilot.press("down")  # Arbeidspool: who sees it differently, readable at 80x24
        await pilot.pause()
        assert str(table.get_row_at(1)[0]) == "Arbeidspool"
        assert ("Arbeidspool: Bouwbedrijf Van der Linden wijkt het meest af "
                "(tekort 9,0, de rest gemiddeld 4,6)") in screen_text(app)
    demo = sessionfile.read(folder / "demo.json")
    for partner in demo.partners:
        scored = demo.portfolio.scores[partner.id]
        assert len(scored) == 8
        assert all(s.offered is not None and s.wanted is not None for s in scored.values())
        assert all((s.quality is not None) == bool(s.offered) for s in scored.values())


async def test_without_partners_stap1_says_what_to_do_and_keys_still_work(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_stap1(app, pilot)  # nobody to commit yet: no gate
        assert "Voeg ze eerst toe (p)" in screen_text(app)
        assert not app.screen.query_one(ScoreGrid).display
        await pilot.press("g")
        await pilot.pause()
        table = app.screen.query_one(GapTable)
        assert table.row_count == 8
        assert all(str(table.get_row_at(r)[1]) == "—" for r in range(8))
        await pilot.press("p")
        await pilot.pause()
        assert not isinstance(app.screen, Stap1Screen)


async def test_in_english_y_means_yes_and_the_services_have_english_names(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    app = make_app(folder, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        await pilot.press("e", "y", "0", "n")
        await pilot.pause()
        grid = app.screen.query_one(ScoreGrid)
        assert grid.row_text(0)[:5] == ["Labour pool", "yes", "10", "no", ""]
        await pilot.press("5")
        await pilot.pause()
        assert "does not fit here: type y (yes) or n (no)" in screen_text(app)
    saved = sessionfile.read(path).portfolio.scores["p-school"]["svc-arbeidspool"]
    assert (saved.offered, saved.quality, saved.wanted) == (True, 10, False)


async def test_a_lone_1_waits_for_the_next_key(library: SessionLibrary, folder: Path) -> None:
    path = prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        await pilot.press("e", "j", "1")
        await pilot.pause()
        grid = app.screen.query_one(ScoreGrid)
        assert grid.row_text(0)[2] == "1…"  # visibly waiting for a 0
        await pilot.press("backspace")  # changed my mind: the cell as it was
        await pilot.pause()
        assert grid.row_text(0)[2] == "—"
        await pilot.press("1", "j")  # the j confirms the 1 and answers "wanted"
        await pilot.press("1", "tab")  # the 1 stands; tab goes to the next partner
        await pilot.pause()
        assert "Bouwbedrijf Van der Linden" in screen_text(app)
    saved = sessionfile.read(path).portfolio.scores["p-school"]["svc-arbeidspool"]
    assert (saved.offered, saved.quality, saved.wanted, saved.desired) == (True, 1, True, 1)


async def test_a_click_on_a_column_header_sorts_by_it(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stap1(app, pilot)
        await pilot.press("e", "j", "5", "j", "6")  # Arbeidspool: now 5
        await pilot.press("j", "2", "j", "9")  # 'Tijdelijke' krachten: now 2
        await pilot.press("g")
        await pilot.pause()
        table = app.screen.query_one(GapTable)
        assert str(table.get_row_at(0)[0]) == "'Tijdelijke' krachten"
        x = table.column_x(2)
        await pilot.click(GapTable, offset=(x + 2, 1))  # the header of "Nu" (inside the border)
        await pilot.pause()
        assert table.sort_column == "mean_current" and table.descending
        assert str(table.get_row_at(0)[0]) == "Arbeidspool"
        assert "gesorteerd op Nu ↓" in str(table.border_title)
