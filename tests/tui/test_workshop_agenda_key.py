"""F8 opens the agenda from everywhere, dialogs included; messages name F8."""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.agenda import AgendaScreen
from regionet_tui.screens.dialogs.partner_form import PartnerFormDialog
from support.stages import demo_app, notifications, open_demo_at
from textual.widgets import Input

from regionet_tui.i18n import set_language, t


async def test_f8_inside_a_dialog_opens_the_agenda_and_esc_returns_to_the_dialog(
        folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Graafschap College"
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("f8")  # a second press opens no second agenda
        await pilot.pause()
        assert sum(isinstance(s, AgendaScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PartnerFormDialog)
        assert app.screen.value("name") == "Graafschap College"


async def test_parking_says_to_look_with_f8(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "1")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"Vervoer")
        await pilot.press("enter")
        await pilot.pause()
        assert any("bekijk ze met F8" in message for message in notifications(app))


def test_no_message_names_g_for_the_agenda() -> None:
    for language in ("nl", "en"):
        set_language(language)
        for key in ("workshop.not_on_agenda", "workshop.timer_tooltip", "workshop.parked"):
            text = t(key, stage="STAP 1", count=1)
            assert "F8" in text
            assert "(g)" not in text and " g:" not in text and " g." not in text
