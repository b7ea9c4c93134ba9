"""Rounds, driven as a facilitator would: start the next round from the session
list, see the previous scores, and read the comparison with the round before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from regionet_tui.screens.compare import ComparisonScreen
from regionet_tui.screens.stages.reflection import ReflectionScreen
from regionet_tui.screens.widgets.line_table import LineTable
from support.app import make_app, screen_text, start_screen
from test_reflection_screen import make_network, open_reflection
from textual.widgets import DataTable, Input

from regionet_tui.core.rounds import add_next_round
from regionet_tui.models import Session
from regionet_tui.models.commitment import ATTITUDES, CommitmentEntry
from regionet_tui.models.reflection import FollowUp, ThemeRating
from regionet_tui.models.stap1 import Score
from regionet_tui.storage import SessionLibrary, sessionfile


def fill_first_round(library: SessionLibrary, path: Path) -> None:
    store = library.open(path.stem)

    def fill(session: Session) -> None:
        session.portfolio.scores = {
            "p-a": {"svc-bijscholen": Score(offered=True, quality=4, wanted=True, desired=8)},
            "p-b": {"svc-bijscholen": Score(offered=False, wanted=True, desired=6)},
        }  # gap: (8 + 6) / 2 - (4 + 0) / 2 = 5
        session.commitment.entries = {"p-a": {a: CommitmentEntry(committed=True)
                                              for a in ATTITUDES}}
        session.reflection.ratings = {"thm-deadlines": ThemeRating(group=2, attention=True)}
        session.reflection.followups = [FollowUp(id="f1", what="Stagebank opzetten",
                                                 when=date(2027, 1, 1))]

    store.change(fill)
    store.close()


def rows(app: object, table_id: str) -> list[str]:
    table = app.screen.query_one(f"#{table_id}")  # type: ignore[attr-defined]
    assert isinstance(table, DataTable | LineTable)  # the comparison's and the stage's
    return [" | ".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count)]


async def test_next_round_carries_over_and_compares_with_the_first(
    library: SessionLibrary, folder: Path
) -> None:
    first = make_network(library)
    fill_first_round(library, first)
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("enter")  # the suggested title
        await pilot.pause()
        [second] = [e for e in library.entries() if e.path != first]
        new = sessionfile.read(second.path)
        assert new.predecessor == first.stem
        assert [p.name for p in new.partners] == ["Graafschap College", "Bouwbedrijf Jansen"]
        assert new.portfolio.scores == {} and new.commitment.entries == {}
        assert new.reflection.ratings == {} and new.reflection.followups == []

        # Open the new round and score it.
        store = library.open(second.id)
        store.change(lambda s: setattr(s.portfolio, "scores", {
            "p-a": {"svc-bijscholen": Score(offered=True, quality=7, wanted=True, desired=8)},
            "p-b": {"svc-bijscholen": Score(offered=True, quality=5, wanted=True, desired=6)},
        }))  # gap: 7 - 6 = 1
        store.close()
        start_screen(app).reload(second.path.name)
        await pilot.pause()
        screen = await open_reflection(app, pilot)
        assert "Vorige ronde: Najaarsronde (kolom Vorige)" in screen_text(app)
        assert theme_value(app, "Tijd nemen, maar wel met deadlines").endswith("| 2")
        assert screen.session.reflection.ratings == {}  # scores start fresh

        await pilot.press("minus")  # the first theme, not rated yet: the last step, 5
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        text = screen_text(app)
        assert "Vorige ronde: Najaarsronde" in text
        assert "Bijscholen | 5 | 1 | ↘ kleiner" in rows(app, "compare-services")
        totals = rows(app, "compare-totals")
        assert "Toezeggingen (partner × houding) | 5 van 10 | 0 van 10" in totals
        assert "Stagebank opzetten | open | –" in rows(app, "compare-outcomes")
        themes = rows(app, "compare-themes")
        assert "Tijd nemen, maar wel met deadlines | ⚑ 2 | – | nu niet gescoord" in themes
        assert "Dalende leerlingaantallen | – | 5 | nieuw gescoord" in themes
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)


def theme_value(app: object, name: str) -> str:
    return next(row for row in rows(app, "themes") if row.startswith(name))


async def test_comparison_from_the_palette_without_a_previous_round_says_so(
    library: SessionLibrary, folder: Path
) -> None:
    make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Vergelijk")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        assert "heeft geen vorige ronde" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)


async def test_a_missing_or_damaged_previous_round_is_reported_not_fatal(
    library: SessionLibrary, folder: Path
) -> None:
    first = make_network(library)
    second = add_next_round(library, first, "Voorjaarsronde", date(2026, 11, 29))
    first.write_bytes(b'{"session": ')
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        start_screen(app).reload(library.path_for(second.id).name)
        await pilot.pause()
        await open_reflection(app, pilot)
        assert "De vorige ronde kan niet worden gelezen" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "geen geldige JSON" in screen_text(app)
        await pilot.press("escape")
        first.unlink()
        await pilot.press("v")
        await pilot.pause()
        assert "staat niet (meer) in deze sessiemap" in screen_text(app)
    assert not first.exists()


async def test_the_demo_comes_with_its_previous_round(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("7")
        await pilot.pause()
        assert "Vorige ronde: Leernetwerk Rivierenland – voorjaarsronde" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert "Begeleiding zij-instromers uitwerken" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "Arbeidspool | 5 | 5,3 | ↗ groter" in rows(app, "compare-services")
        assert "Stagebank voor techniek opzetten | bezig | klaar" in rows(app,
                                                                          "compare-outcomes")
    assert (folder / "demo.json").exists() and (folder / "demo-voorjaar.json").exists()
    demo = sessionfile.read(folder / "demo.json")
    assert demo.predecessor == "demo-voorjaar"
    assert demo.plan.milestones[-1].followup == "f-zij-instroom"


async def test_a_renamed_service_shows_its_new_name_in_the_comparison(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("r")  # the service under the cursor: Arbeidspool
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "Vaste pool docenten"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.set_focus(None)  # digits go to the stage bar, not to the grid
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        services = rows(app, "compare-services")
        assert "Vaste pool docenten | 5 | 5,3 | ↗ groter" in services
        assert not any("Arbeidspool" in row for row in services)


async def test_a_service_hidden_last_round_and_shown_again_is_compared_with_its_gap_then(
    library: SessionLibrary, folder: Path
) -> None:
    first = make_network(library)
    fill_first_round(library, first)  # Bijscholen: a gap of 5
    store = library.open(first.stem)
    store.change(lambda s: setattr(s.portfolio, "services", [
        svc.model_copy(update={"hidden": svc.id == "svc-bijscholen"})
        for svc in s.portfolio.services]))  # hidden at the end of that round
    store.close()
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("u")  # the next round
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        [second] = [e for e in library.entries() if e.path != first]
        store = library.open(second.id)

        def score(session: Session) -> None:
            session.portfolio.scores = {"p-a": {"svc-bijscholen": Score(
                offered=True, quality=7, wanted=True, desired=8)}}
            session.commitment.override_reason = "Toezeggingen volgen later."  # past the gate

        store.change(score)
        store.close()
        start_screen(app).reload(second.path.name)
        await pilot.pause()
        await pilot.press("enter", "1")
        await pilot.pause()
        await pilot.press("u")  # bring Bijscholen back
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not any(s.hidden for s in sessionfile.read(second.path).portfolio.services)
        app.screen.set_focus(None)
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        assert "Bijscholen | 5 | 1 | ↘ kleiner" in rows(app, "compare-services")


async def test_the_next_round_asks_its_date_and_never_falls_before_the_last(
    library: SessionLibrary, folder: Path
) -> None:
    first = make_network(library)
    store = library.open(first.stem)
    store.change(lambda s: setattr(s, "date", date(2031, 3, 4)))  # a round still ahead
    store.close()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        fields = {field.id: field for field in app.screen.query(Input)}
        assert fields["date"].value == "04-03-2031"  # not today: that falls before it
        fields["date"].value = "01-01-2031"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "De nieuwe ronde kan niet voor de vorige vallen (04-03-2031)." in screen_text(app)
        assert len(library.entries()) == 1  # nothing made
        fields["date"].value = "15-09-2031"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [second] = [e for e in library.entries() if e.path != first]
    assert sessionfile.read(second.path).date == date(2031, 9, 15)


async def test_the_next_round_is_titled_in_the_session_language_not_the_interface(
    library: SessionLibrary, folder: Path
) -> None:
    make_network(library)  # a Dutch session
    app = make_app(folder, language="en")
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        title = app.screen.query_one("#title", Input).value
        assert title.endswith("– volgende ronde"), title
        assert "Date of the new round" in screen_text(app)  # the dialog speaks English
