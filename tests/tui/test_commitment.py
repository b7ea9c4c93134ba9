"""The commitment checklist, driven as a facilitator would."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.stages.commitment import CommitmentScreen
from regionet_tui.screens.widgets.line_table import LineTable
from support.app import make_app, screen_text
from support.stages import notifications
from support.stap1 import prepared_session

from regionet_tui.storage import SessionLibrary, sessionfile


async def open_commitment(app: object, pilot: object) -> LineTable:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter", "0")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, CommitmentScreen)  # type: ignore[attr-defined]
    return app.screen.query_one("#commitment", LineTable)  # type: ignore[attr-defined]


def row(table: LineTable, index: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(index)]


async def test_answers_notes_and_counts_per_attitude_and_partner(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library, committed=False)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await open_commitment(app, pilot)
        assert "STAP 1 gaat open zodra" in screen_text(app)
        await pilot.press("j", "j", "n", "j", "j")  # the school, attitude by attitude
        await pilot.press("a")  # the company commits to all five at once
        await pilot.pause()
        assert row(table, 0) == ["Het Baken College", "✓ ja", "✓ ja", "✗ nee", "✓ ja", "✓ ja",
                                 "4/5"]
        assert row(table, 1)[-1] == "5/5 ✓"
        assert row(table, 3)[:4] == ["Per houding", "2/3", "2/3", "1/3"]

        table.cursor_coordinate = table.cursor_coordinate._replace(row=0, column=3)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Eerst [bold]intern")
        await pilot.press("enter")
        await pilot.pause()
        assert "✗ nee ✎" in row(table, 0)
        assert "notitie: Eerst [bold]intern" in screen_text(app)
        await pilot.press("backspace")  # not answered again; the note stays
        await pilot.pause()
        assert row(table, 0)[3] == "— ✎"
    saved = sessionfile.read(path).commitment.entries
    assert saved["p-school"]["inform"].committed is None
    assert saved["p-school"]["inform"].note == "Eerst [bold]intern"
    assert saved["p-school"]["open"].committed is True and saved["p-school"]["open"].at
    assert all(e.committed for e in saved["p-bedrijf"].values())
    assert "p-gemeente" not in saved


async def test_full_commitment_opens_stap1_without_asking(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library, committed=False)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_commitment(app, pilot)
        await pilot.press("a", "a", "a")
        await pilot.pause()
        assert "STAP 1 staat open" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert "Eerst de toewijding" not in screen_text(app)
    assert sessionfile.read(path).commitment.override_reason == ""


async def test_the_reason_is_recorded_from_the_checklist_and_shown(
    library: SessionLibrary, folder: Path
) -> None:
    path = prepared_session(library, committed=False)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_commitment(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"Gemeente sluit later aan")
        await pilot.press("enter")
        await pilot.pause()
        assert "omdat: Gemeente sluit later aan" in screen_text(app)
    assert sessionfile.read(path).commitment.override_reason == "Gemeente sluit later aan"


async def test_keys_on_the_count_row_change_nothing(library: SessionLibrary, folder: Path) -> None:
    path = prepared_session(library, committed=False)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await open_commitment(app, pilot)
        before = path.read_bytes()
        table.cursor_coordinate = table.cursor_coordinate._replace(row=3, column=2)
        await pilot.press("j", "a")
        await pilot.pause()
        assert any("alleen" in message for message in notifications(app))
    assert path.read_bytes() == before


async def test_the_checklist_in_english(library: SessionLibrary, folder: Path) -> None:
    prepared_session(library, committed=False)
    app = make_app(folder, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        table = await open_commitment(app, pilot)
        await pilot.press("y")
        await pilot.pause()
        assert row(table, 0)[1] == "✓ yes"
        assert "Keep to the agreements" in screen_text(app)  # the cursor moved on
