"""The STAP 1 score grid as a facilitator meets it: keys, mouse, sizes, themes, odd names."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.dialogs.pick import PickDialog
from regionet_tui.screens.stages.stap1 import Stap1Screen
from regionet_tui.screens.widgets.score_grid import (
    DESIRED,
    FINANCING,
    NOTE,
    OFFERED,
    QUALITY,
    SERVICE,
    WANTED,
    ScoreGrid,
    column_widths,
)
from support.app import HOSTILE_NAMES, make_app, screen_text
from support.stap1 import prepared_session
from textual.color import Color

from regionet_tui import themes
from regionet_tui.core import commitment as commitment_rules
from regionet_tui.core import stap1 as rules
from regionet_tui.models import Partner
from regionet_tui.storage import SessionLibrary, sessionfile


def with_extra_services(library: SessionLibrary, count: int) -> Path:
    """The prepared session with `count` custom services after the eight built-in ones."""
    path = prepared_session(library)
    store = library.open(path.stem)
    for number in range(1, count + 1):
        store.change(lambda s, n=number: rules.add_service(s, f"Extra dienst {n}"))
    store.close()
    return path


async def open_grid(app: object, pilot: object) -> ScoreGrid:
    """STAP 1 opened from the start screen, its grid in the entry mode (e)."""
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("1", "e")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, Stap1Screen)  # type: ignore[attr-defined]
    grid = app.screen.query_one(ScoreGrid)  # type: ignore[attr-defined]
    assert grid.entering
    return grid


def shown_line(grid: ScoreGrid, y: int) -> str:
    """One line of the grid as the terminal shows it (0 is the heading)."""
    return grid.render_line(y).text


async def test_arrows_home_end_and_pages_move_the_cursor(
    library: SessionLibrary, folder: Path
) -> None:
    with_extra_services(library, 20)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await open_grid(app, pilot)
        assert (grid.cursor_row, grid.cursor_column) == (0, OFFERED)
        await pilot.press("right", "right", "down")
        assert (grid.cursor_row, grid.cursor_column) == (1, WANTED)
        await pilot.press("home")
        assert grid.cursor_column == SERVICE
        await pilot.press("end")
        assert grid.cursor_column == NOTE
        await pilot.press("left", "up", "up")  # the top row stops the cursor
        assert (grid.cursor_row, grid.cursor_column) == (0, FINANCING)
        await pilot.press("pagedown")
        await pilot.pause()
        page = grid.cursor_row
        assert 1 < page < 27
        assert grid.scroll_offset.y > 0  # scrolled so the cursor stays in view
        assert shown_line(grid, 0).split()[0] == "Dienst"  # the heading stays put
        await pilot.press("pageup")
        assert grid.cursor_row == 0
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert grid.cursor_row == 27
        last_shown = grid.scrollable_content_region.height - 1
        assert "Extra dienst 20" in shown_line(grid, last_shown)
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert grid.cursor_row == 0 and grid.scroll_offset.y == 0


async def test_typing_goes_on_to_the_next_service_below_the_visible_rows(
    library: SessionLibrary, folder: Path
) -> None:
    path = with_extra_services(library, 20)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await open_grid(app, pilot)
        rows_shown = grid.scrollable_content_region.height - 1
        for _ in range(rows_shown + 2):
            await pilot.press("n", "n")  # neither offered nor wanted: two keys a service
        await pilot.pause()
        assert grid.cursor_row == rows_shown + 2
        assert grid.scroll_offset.y == 3
        assert shown_line(grid, rows_shown).split()[:2] == ["Extra", "dienst"]
    scores = sessionfile.read(path).portfolio.scores["p-school"]
    assert sum(1 for s in scores.values() if s.offered is False) == rows_shown + 2


async def test_a_click_moves_the_cursor_and_a_second_click_opens_the_cell(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        grid = await open_grid(app, pilot)
        widths = grid.widths
        x = sum(widths[:FINANCING]) + 2
        await pilot.click(ScoreGrid, offset=(1 + x, 1 + 3))  # border, heading, third service
        await pilot.pause()
        assert (grid.cursor_row, grid.cursor_column) == (2, FINANCING)
        assert "Probleemoplossend vermogen" in screen_text(app)  # the detail line follows
        await pilot.click(ScoreGrid, offset=(1 + x, 1 + 3))
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press("escape")
        await pilot.pause()
        x = sum(widths[:QUALITY]) + 2  # a score cell has nothing to open: it stays put
        await pilot.click(ScoreGrid, offset=(1 + x, 1 + 3))
        await pilot.click(ScoreGrid, offset=(1 + x, 1 + 3))
        await pilot.pause()
        assert (grid.cursor_row, grid.cursor_column) == (2, QUALITY)
        assert app.screen.query_one(ScoreGrid) is grid


async def test_a_typed_key_repaints_only_the_rows_it_touched(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        grid = await open_grid(app, pilot)
        await pilot.press("j", "5", "j")
        await pilot.pause()
        painted: list[int] = []
        render_line = grid.render_line

        def counting(y: int) -> object:
            painted.append(y)
            return render_line(y)

        grid.render_line = counting  # type: ignore[method-assign]
        await pilot.press("8")  # the last cell of the first service: on to the second
        await pilot.pause()
        # the heading (it marks the cursor's column), the first and second service
        assert sorted(set(painted)) == [0, 1, 2]
        assert grid.row_text(0)[DESIRED] == "8"


async def test_the_grid_fits_80_columns_without_scrolling_sideways(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        grid = await open_grid(app, pilot)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert grid.virtual_size.width <= grid.scrollable_content_region.width
        assert not grid.show_horizontal_scrollbar
        heading = shown_line(grid, 0).split()
        assert heading[1:5] == ["Aanbod", "Kwal.", "Gewenst", "Gew.kw."]
        assert shown_line(grid, 5).split()[0] == "Faciliteren"  # cut, and marked as cut
        assert "…" in shown_line(grid, 5)


def test_columns_shrink_financing_then_service_and_keep_the_scores() -> None:
    names = ["Faciliteren van lerende netwerken", "Arbeidspool"]
    financing = ["Subsidie of regiofonds"]
    wide = column_widths(names, financing, 120)
    assert wide[SERVICE] == 28 + 2 and wide[FINANCING] == 22 + 2
    assert sum(wide) == 120  # the note takes what is left
    narrow = column_widths(names, financing, 76)  # 80x24: financing 16, service 20, then
    assert narrow[OFFERED:FINANCING] == wide[OFFERED:FINANCING]  # financing 8, service 19
    assert (narrow[FINANCING], narrow[SERVICE]) == (8 + 2, 19 + 2)
    assert sum(narrow) == 76
    short = column_widths(["Stages"], [], 120)
    assert short[SERVICE] == len("Dienst") + 2  # no wider than its heading needs


async def test_odd_partner_and_service_names_are_shown_literally(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library)
    store = library.open(path.stem)
    hostile = [Partner(id=f"p-{n}", name=name, kind="vo") for n, name in enumerate(HOSTILE_NAMES)]
    store.change(lambda s: setattr(s, "partners", hostile))
    for partner in hostile:
        store.change(lambda s, pid=partner.id: commitment_rules.commit_all(s, pid))
    store.change(lambda s: rules.add_service(s, "[bold]vet[/] \x1b[2Jdienst"))
    first = store.session.portfolio.services[0].id
    store.change(lambda s: rules.update_score(s, "p-0", first, note="a\tb\tc"))  # tabs kept
    store.close()
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        grid = await open_grid(app, pilot)
        assert grid.row_text(8)[SERVICE] == "[bold]vet[/] [2Jdienst"
        shown = "".join(shown_line(grid, y) for y in range(10))
        assert "\x1b" not in shown
        assert "\t" not in shown and "✎ a b c" in shown  # a tab would move the cursor
        for name in HOSTILE_NAMES[:3]:  # markup stays text
            assert name in screen_text(app)
            await pilot.press("tab")
            await pilot.pause()


async def test_the_cursor_follows_focus_and_the_projector_theme(
    library: SessionLibrary, folder: Path
) -> None:
    prepared_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        grid = await open_grid(app, pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert app.theme == themes.PROJECTOR
        cursor = Color.parse(app.theme_variables["block-cursor-background"])

        def cursor_background() -> Color | None:
            x = sum(grid.widths[:OFFERED]) + 1
            strip = grid.render_line(1).crop(x, x + 1)
            style = next(iter(strip)).style
            assert style is not None and style.bgcolor is not None
            return Color.from_rich_color(style.bgcolor)

        assert cursor_background() == cursor
        app.screen.set_focus(None)  # the focus elsewhere: the cursor dims
        await pilot.pause()
        assert cursor_background() != cursor
        assert "ja/nee" not in screen_text(app)  # the typing hint gave way
