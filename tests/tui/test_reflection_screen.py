"""The reflection stage, driven as a facilitator would: rate themes on the
Praatplaat, make follow-ups, promote one to a STAP 5 milestone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from regionet_tui.screens.stages.reflection import ReflectionScreen
from regionet_tui.screens.widgets.line_table import LineTable
from support.app import HOSTILE_NAMES, make_app, screen_text
from support.stages import notifications, set_input
from textual.widgets import Checkbox, Input, Select, TextArea

from regionet_tui.app import RegionetApp
from regionet_tui.models import Partner
from regionet_tui.models.reflection import ThemeRating
from regionet_tui.storage import SessionLibrary, sessionfile

PARTNERS = [Partner(id="p-a", name="Graafschap College", kind="mbo"),
            Partner(id="p-b", name="Bouwbedrijf Jansen", kind="company")]


def make_network(library: SessionLibrary, partners: list[Partner] = PARTNERS) -> Path:
    store = library.create("Najaarsronde", "Achterhoek", date(2026, 11, 12), "Marieke")
    store.change(lambda s: setattr(s, "partners", list(partners)))
    path = store.path
    store.close()
    return path


async def open_reflection(app: RegionetApp, pilot: object) -> ReflectionScreen:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("7")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ReflectionScreen)
    return app.screen


def theme_row(app: RegionetApp, name: str) -> str:
    table = app.screen.query_one("#themes", LineTable)
    rows = [" | ".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count)]
    return next(row for row in rows if row.startswith(name))


async def test_the_praatplaat_lists_the_default_themes_in_two_groups(
    library: SessionLibrary, folder: Path
) -> None:
    make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        text = screen_text(app)
        for name in ("INHOUD · de vraagstukken", "Dalende leerlingaantallen",
                     "Passend onderwijs", "PROCES · hoe we samenwerken",
                     "Halen en brengen in balans", "Een verbindende projectleider",
                     "Governance, mandaat, financiering", "Praatplaat", "Follow-up plaat"):
            assert name in text
        assert "Vorige ronde" not in text  # a first round has nothing to look back on
        await pilot.press("question_mark")
        await pilot.pause()
        assert "maakt m er een mijlpaal in STAP 5 van" in screen_text(app)


async def test_rating_a_theme_in_the_dialog_shows_group_spread_and_attention(
    library: SessionLibrary, folder: Path
) -> None:
    path = make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("down")  # from "Dalende leerlingaantallen" to "Tekort aan leraren"
        await pilot.press("e")
        await pilot.pause()
        assert "Hoe gaat het? Tekort aan leraren" in screen_text(app)
        await pilot.press("4")  # the group score field has the focus
        set_input(app, "partner-0", "2")
        set_input(app, "partner-1", "5")
        app.screen.query_one("#attention", Checkbox).value = True
        app.screen.query_one("#notes", TextArea).load_text("Vacatures blijven open.")
        app.screen.query_one("#next_steps", TextArea).load_text("Zij-instromers begeleiden\nsamen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        row = theme_row(app, "Tekort aan leraren")
        assert "●●●●○ 4" in row and "2–5" in row and "⚑ ja" in row
        text = screen_text(app)
        assert "Tekort aan leraren · inhoud · 4 gaat goed" in text
        assert "Per partner: Graafschap College 2 · Bouwbedrijf Jansen 5" in text
        assert "Volgende stappen: Zij-instromers begeleiden" in text
    rating = sessionfile.read(path).reflection.ratings["thm-teacher_shortage"]
    assert rating == ThemeRating(group=4, per_partner={"p-a": 2, "p-b": 5}, attention=True,
                                 notes="Vacatures blijven open.",
                                 next_steps="Zij-instromers begeleiden\nsamen")


async def test_a_score_out_of_range_is_refused_and_nothing_is_saved(
    library: SessionLibrary, folder: Path
) -> None:
    path = make_network(library)
    before = path.read_bytes()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("enter")  # Enter on a theme rates it, like e
        await pilot.pause()
        await pilot.press("7", "x")  # typing only takes 1 to 5
        assert app.screen.query_one("#group", Input).value == ""
        set_input(app, "partner-1", "9")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Bouwbedrijf Jansen: vul een score van 1 tot 5 in" in screen_text(app)
        await pilot.press("escape", "j")  # typed in: it asks first
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
    assert path.read_bytes() == before


async def test_plus_minus_and_the_attention_key(library: SessionLibrary, folder: Path) -> None:
    path = make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("plus")  # not rated yet: the first step
        assert "●○○○○ 1" in theme_row(app, "Dalende leerlingaantallen")
        await pilot.press("plus", "plus", "plus", "plus", "plus")
        assert "●●●●● 5" in theme_row(app, "Dalende leerlingaantallen")  # and no further
        await pilot.press("backspace")  # back to not rated
        assert "Dalende leerlingaantallen | – |" in theme_row(app, "Dalende leerlingaantallen")
        await pilot.press("minus")  # not rated: the last step
        assert "●●●●● 5" in theme_row(app, "Dalende leerlingaantallen")
        await pilot.press("minus")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "⚑ ja" in theme_row(app, "Dalende leerlingaantallen")
        assert "Aandacht nodig: Dalende leerlingaantallen" in notifications(app)
    rating = sessionfile.read(path).reflection.ratings["thm-declining_pupils"]
    assert (rating.group, rating.attention) == (4, True)


async def test_custom_themes_can_be_added_and_removed_but_not_the_defaults(
    library: SessionLibrary, folder: Path
) -> None:
    path = make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        screen = await open_reflection(app, pilot)
        await pilot.press("x")  # on a default theme
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        assert any("standaardthema" in message for message in notifications(app))
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "name", "Stageplaatsen in de bouw")
        app.screen.query_one("#group", Select).value = "process"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Stageplaatsen in de bouw" in screen_text(app)
        saved = sessionfile.read(path).reflection.themes[-1]
        assert (saved.name, saved.group, saved.builtin) == ("Stageplaatsen in de bouw",
                                                            "process", None)
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "name", "tekort aan leraren")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Er is al een thema met de naam" in screen_text(app)
        await pilot.press("escape", "j")  # typed in: it asks first
        await pilot.pause()
        table = screen.query_one("#themes", LineTable)
        table.move_cursor(row=table.row_count - 1)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert "Stageplaatsen in de bouw" not in screen_text(app)
    assert len(sessionfile.read(path).reflection.themes) == 14


async def test_a_followup_from_a_theme_becomes_a_stap5_milestone(
    library: SessionLibrary, folder: Path
) -> None:
    path = make_network(library)
    store = library.open(path.stem)
    store.change(lambda s: setattr(s.reflection, "ratings", {
        "thm-give_and_take": ThemeRating(attention=True, next_steps="Tegenprestatie afspreken")}))
    store.close()
    app = make_app(folder)
    async with app.run_test() as pilot:
        screen = await open_reflection(app, pilot)
        table = screen.query_one("#themes", LineTable)
        table.move_cursor(row=7)  # heading, 5 content themes, heading, "Halen en brengen"
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.query_one("#what", Input).value == "Tegenprestatie afspreken"
        app.screen.query_one("#partner", Select).value = "p-b"
        set_input(app, "person", "Karin Jansen")
        set_input(app, "when", "1-3-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.plate == "followups"
        assert "Karin Jansen" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert "Mijlpaal gemaakt in STAP 5: Tegenprestatie afspreken" in notifications(app)
        assert "→ gepland" in screen_text(app)
        saved = sessionfile.read(path)
        await pilot.press("m")  # a second time: refused
        await pilot.pause()
        assert any("al een mijlpaal" in message for message in notifications(app))
    followup = saved.reflection.followups[0]
    [milestone] = saved.plan.milestones
    assert (followup.what, followup.partner, followup.when, followup.theme) == (
        "Tegenprestatie afspreken", "p-b", date(2027, 3, 1), "thm-give_and_take")
    assert followup.milestone == milestone.id and milestone.followup == followup.id
    assert (milestone.title, milestone.owner, milestone.deadline) == (
        "Tegenprestatie afspreken", "p-b", date(2027, 3, 1))
    assert sessionfile.read(path) == saved


async def test_followup_dialog_refuses_a_bad_date_and_status_cycles(
    library: SessionLibrary, folder: Path
) -> None:
    path = make_network(library)
    before = path.read_bytes()
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert "Nog geen vervolgafspraken" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "what", "Bestuurdersoverleg plannen")
        set_input(app, "when", "31-02-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "geen geldige datum" in screen_text(app)
        assert path.read_bytes() == before
        set_input(app, "when", "20-01-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "bezig" in screen_text(app)
        await pilot.press("s", "s")
        await pilot.pause()
        assert sessionfile.read(path).reflection.followups[0].status == "open"
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert "Nog geen vervolgafspraken" in screen_text(app)
    assert sessionfile.read(path).reflection.followups == []


async def test_hostile_text_is_shown_as_typed(library: SessionLibrary, folder: Path) -> None:
    partners = [Partner(id=f"p-{n}", name=name) for n, name in enumerate(HOSTILE_NAMES)]
    path = make_network(library, partners)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        set_input(app, "partner-0", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "name", "[/x] thema")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("w", "a")
        await pilot.pause()
        set_input(app, "what", "[@click=app.quit]klik[/]")
        app.screen.query_one("#partner", Select).value = "p-2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]klik[/]" in text
        assert "[bold red]rood" in text
        await pilot.press("w")
        await pilot.pause()
        assert "Per partner: [/x] 3" in screen_text(app)
        assert "[/x] thema" in screen_text(app)
    assert sessionfile.read(path).reflection.followups[0].what == "[@click=app.quit]klik[/]"


async def test_a_rated_theme_goes_back_to_not_rated_by_key_and_in_the_dialog(
    library: SessionLibrary, folder: Path
) -> None:
    path = make_network(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_reflection(app, pilot)
        await pilot.press("minus", "minus", "minus", "minus", "minus", "minus")
        assert "●○○○○ 1" in theme_row(app, "Dalende leerlingaantallen")  # and no lower
        await pilot.press("backspace")  # ⌫: back to not rated
        assert "Dalende leerlingaantallen | – |" in theme_row(app, "Dalende leerlingaantallen")
        await pilot.press("plus", "plus", "e")  # rated 2 again; now empty it in the dialog
        await pilot.pause()
        await pilot.press("backspace")  # the group score field has the focus
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        assert "Dalende leerlingaantallen | – |" in theme_row(app, "Dalende leerlingaantallen")
    assert sessionfile.read(path).reflection.ratings.get("thm-declining_pupils") is None
