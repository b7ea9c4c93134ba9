"""Workshop mode driven as a facilitator would: timer, parking lot, agenda, themes, presenting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from regionet_tui.screens.agenda import AgendaScreen
from regionet_tui.screens.dialogs.partner_form import PartnerFormDialog
from regionet_tui.screens.dialogs.prompt import NamePromptDialog
from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.widgets.parking_table import ParkingTable
from regionet_tui.screens.widgets.stage_timer import StageTimer
from support.app import make_app, make_session, noted, screen_text
from support.keys import type_text
from textual.color import Color
from textual.widgets import Footer, Input

from regionet_tui import settings, themes
from regionet_tui.app import RegionetApp
from regionet_tui.models import Session
from regionet_tui.storage import SessionLibrary, sessionfile

T0 = datetime(2026, 11, 12, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def saved(folder: Path, session_id: str) -> Session:
    return sessionfile.read(folder / f"{session_id}.json")


def timer_text(app: RegionetApp) -> str:
    timer = app.screen.query_one(StageTimer)
    timer.tick()
    return timer.content.plain


def messages(app: RegionetApp) -> list[str]:
    return [message for _title, message in noted(app)]


async def open_session(app: RegionetApp, pilot: object, stage_key: str | None = None) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    if stage_key:
        await pilot.press(stage_key)  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, StageScreen)


async def test_timer_counts_down_pauses_extends_and_says_when_time_is_up(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library)
    clock = FakeClock()
    app = make_app(folder)
    app.clock = clock
    async with app.run_test() as pilot:
        await open_session(app, pilot, "1")
        assert timer_text(app) == "⏸ 45:00"
        await pilot.press("f3")
        await pilot.pause()
        assert saved(folder, session_id).workshop.agenda[2].started_at == T0
        clock.advance(minutes=30)
        assert timer_text(app) == "⏱ 15:00"

        await pilot.press("f3")
        await pilot.pause()
        slot = saved(folder, session_id).workshop.agenda[2]
        assert (slot.stage, slot.started_at, slot.actual_seconds) == ("stap1", None, 1800)
        clock.advance(minutes=10)  # paused: nothing runs
        assert timer_text(app) == "⏸ 15:00"

        await pilot.press("f4")
        await pilot.pause()
        assert saved(folder, session_id).workshop.agenda[2].added_minutes == 5
        assert timer_text(app) == "⏸ 20:00"

        await pilot.press("f3")
        await pilot.pause()
        clock.advance(minutes=21, seconds=20)
        assert timer_text(app) == "⏰ TIJD OM +01:20"
        assert app.screen.query_one(StageTimer).has_class("-overtime")
        await pilot.pause()
        assert timer_text(app) == "⏰ TIJD OM +01:20"
        await pilot.pause()
        time_up = [m for m in messages(app) if "De tijd voor STAP 1 is om" in m]
        assert len(time_up) == 1  # said once, as a toast, not a dialog
        assert isinstance(app.screen, StageScreen)

        await pilot.press("f4")  # five more minutes, and it is said again when they are up
        await pilot.pause()
        assert timer_text(app) == "⏱ 03:40"
        clock.advance(minutes=4)
        assert timer_text(app) == "⏰ TIJD OM +00:20"
        await pilot.pause()
        assert len([m for m in messages(app) if "De tijd voor STAP 1 is om" in m]) == 2

        # On another stage the running timer stays in view, with its stage named.
        await pilot.press("2")
        await pilot.pause()
        assert timer_text(app) == "⏰ STAP 1 TIJD OM +00:20"


async def test_a_restart_loses_no_elapsed_time(library: SessionLibrary, folder: Path) -> None:
    make_session(library)
    clock = FakeClock()
    app = make_app(folder)
    app.clock = clock
    async with app.run_test() as pilot:
        await open_session(app, pilot, "0")
        await pilot.press("f3")
        await pilot.pause()
        clock.advance(minutes=4)
        assert timer_text(app) == "⏱ 11:00"
    clock.advance(minutes=6)  # the laptop restarted; the room went on
    app = make_app(folder)
    app.clock = clock
    async with app.run_test() as pilot:
        await open_session(app, pilot, "0")
        assert timer_text(app) == "⏱ 05:00"


async def test_parking_a_note_from_inside_a_dialog_returns_to_it(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library)
    app = make_app(folder)
    app.clock = FakeClock()
    async with app.run_test() as pilot:
        await open_session(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PartnerFormDialog)
        app.screen.query_one("#name", Input).value = "Graafschap College"
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, NamePromptDialog)
        await type_text(pilot, "Vervoer naar stageplekken")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PartnerFormDialog)
        assert app.screen.query_one("#name", Input).value == "Graafschap College"
        assert any("1 open op de parkeerplaats" in m for m in messages(app))

        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Weggooien")
        await pilot.press("escape")  # typed in: it asks first
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, PartnerFormDialog)

        before = saved(folder, session_id)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("space", "enter")
        await pilot.pause()
        assert "Onderwerp voor later is verplicht." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert saved(folder, session_id) == before
    [item] = saved(folder, session_id).workshop.parking
    assert (item.text, item.status, item.created) == ("Vervoer naar stageplekken", "open", T0)


async def test_parking_lot_review_closes_items_and_makes_follow_ups(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library)
    app = make_app(folder)
    app.clock = FakeClock()
    async with app.run_test() as pilot:
        await open_session(app, pilot)
        for text in ("Cao navragen", "[bold red]Bus Tiel"):
            await pilot.press("f2")
            await pilot.pause()
            app.screen.query_one("#text", Input).value = text
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert "[bold red]Bus Tiel" in screen_text(app)  # shown as typed, not as markup
        assert "Parkeerplaats · 2 open" in screen_text(app)
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.screen.focused, ParkingTable)

        await pilot.press("f")
        await pilot.pause()
        after_followup = saved(folder, session_id)
        [followup] = after_followup.reflection.followups
        assert (followup.what, followup.status) == ("Cao navragen", "open")
        assert after_followup.workshop.parking[0].followup == followup.id
        assert "→ vervolgactie" in screen_text(app)

        await pilot.press("c")  # a follow-up stays linked: closing it is refused
        await pilot.pause()
        assert saved(folder, session_id) == after_followup
        assert any("al een vervolgactie" in m for m in messages(app))

        await pilot.press("down", "c")
        await pilot.pause()
        assert saved(folder, session_id).workshop.parking[1].status == "closed"
        assert "Parkeerplaats · 0 open" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert saved(folder, session_id).workshop.parking[1].status == "open"

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen) and app.screen.STAGE_ID == "partners"


async def test_agenda_sets_order_and_minutes_and_refuses_nonsense(
    library: SessionLibrary, folder: Path
) -> None:
    session_id = make_session(library)
    app = make_app(folder)
    app.clock = FakeClock()
    async with app.run_test() as pilot:
        await open_session(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("down", "down")  # STAP 1
        await pilot.press("plus")
        await pilot.pause()
        assert saved(folder, session_id).workshop.agenda[2].minutes == 50
        await pilot.press("shift+down")
        await pilot.pause()
        order = [slot.stage for slot in saved(folder, session_id).workshop.agenda]
        assert order[2:4] == ["stap2", "stap1"]

        before = saved(folder, session_id)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#minutes", Input).value = "0"
        await pilot.press("enter")
        await pilot.pause()
        assert "tussen 1 en 600" in screen_text(app)
        app.screen.query_one("#minutes", Input).value = "veel"
        await pilot.press("enter")
        await pilot.pause()
        assert "tussen 1 en 600" in screen_text(app)
        await pilot.press("escape", "j")  # typed in: it asks first
        await pilot.pause()
        assert saved(folder, session_id) == before

        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#minutes", Input).value = "60"
        await pilot.press("enter")
        await pilot.pause()
        assert saved(folder, session_id).workshop.agenda[3].minutes == 60
        assert "60 min" in screen_text(app)

        await pilot.press("f3")  # the timer keys act on the selected stage here
        await pilot.pause()
        assert saved(folder, session_id).workshop.agenda[3].started_at == T0
        assert "⏱ loopt" in screen_text(app)

        await pilot.press("enter")  # go to the selected stage
        await pilot.pause()
        assert isinstance(app.screen, StageScreen) and app.screen.STAGE_ID == "stap1"
        assert timer_text(app) == "⏱ 1:00:00"
        assert sum(isinstance(s, StageScreen) for s in app.screen_stack) == 1


async def test_agenda_fits_80_by_24_and_uses_a_wide_terminal(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_session(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        screen = app.screen
        agenda = screen.query_one("#agenda")
        parking = screen.query_one("#parking")
        assert agenda.region.height == 10  # header and all nine stages
        assert parking.region.height >= 3
        assert parking.region.y > agenda.region.y
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        assert screen.has_class("-wide")
        assert parking.region.x > agenda.region.x
        assert parking.region.y < agenda.region.bottom  # beside the agenda, not under it


async def test_projector_theme_switches_and_is_remembered(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        assert app.theme == themes.NORMAL
        await open_session(app, pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert app.theme == themes.PROJECTOR
        assert app.current_theme.background == "#FFFFFF"
    assert settings.load().theme == themes.PROJECTOR
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == themes.PROJECTOR
        await pilot.press("f9")
        await pilot.pause()
        assert app.theme == themes.NORMAL
    assert settings.load().theme == themes.NORMAL


def _contrast(foreground: Color, background: Color) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    light, dark = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_projector_theme_text_reads_from_the_back_of_the_room() -> None:
    [projector] = [theme for theme in themes.THEMES if theme.name == themes.PROJECTOR]
    variables = projector.to_color_system().generate()
    background = Color.parse(variables["background"])
    for name in ("text", "text-muted", "primary", "accent", "warning", "error", "success",
                 "footer-key-foreground", "block-cursor-background"):
        assert _contrast(Color.parse(variables[name]), background) >= 7, name
    # The timer's warning and time-up states: background text on a coloured band.
    for name in ("warning", "error"):
        assert _contrast(background, Color.parse(variables[name])) >= 7, name


async def test_presenting_hides_explanations_hints_and_footer_but_keys_still_work(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_session(app, pilot)
        explain = app.screen.query_one(".stage-explain")
        footer = app.screen.query_one(Footer)
        assert explain.display and footer.display
        await pilot.press("f5")
        await pilot.pause()
        assert app.has_class("-presenting")
        assert not explain.display and not footer.display
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert not app.screen.query_one(".edit-hint").display
        await pilot.press("escape", "f5")
        await pilot.pause()
        assert explain.display and footer.display


async def test_presenting_on_the_start_screen_hides_its_footer_at_once(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert footer.display
        await pilot.press("f5")  # before any screen but the start screen was shown
        await pilot.pause()
        assert app.has_class("-presenting") and not footer.display


async def test_workshop_keys_do_nothing_without_a_session(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f2", "f3", "f8")
        await pilot.pause()
        assert not isinstance(app.screen, (NamePromptDialog, AgendaScreen))
        assert messages(app) == []


async def test_presenting_off_shows_every_screen_again_the_start_screen_and_kept_stages(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library)
    app = make_app(folder)
    async with app.run_test() as pilot:
        await open_session(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        kept = app.screen
        await pilot.press("f5", "f9", "f9", "2")  # presenting, with a theme switch between
        await pilot.pause()
        await pilot.press("f5")  # off, on STAP 2
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert app.screen is kept
        assert kept.query_one(".stage-explain").display and kept.query_one(Footer).display
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(Footer).display  # the start screen's key hints
