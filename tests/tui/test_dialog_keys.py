"""Forms and dialogs in front of a group: every field reachable, typing never escapes.

Seen at 80x24: the new-session form showed title, region and date, with the
facilitator below the buttons; Tab went fields, Opslaan, Annuleren, then the
hidden field. Typing "Marieke de Vries" after the date went onto the buttons.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from regionet_tui.screens.agenda import AgendaScreen
from regionet_tui.screens.dialogs.confirm import ConfirmDialog
from regionet_tui.screens.dialogs.form import FormDialog
from regionet_tui.screens.dialogs.partner_form import PartnerFormDialog
from regionet_tui.screens.dialogs.session_form import SessionFormDialog
from regionet_tui.screens.stage import StageScreen
from regionet_tui.screens.stages.partners import PartnersScreen
from support.app import make_app, make_session
from support.keys import burst
from support.stages import demo_app, notifications, open_demo_at, saved
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from regionet_tui.models import Partner
from regionet_tui.storage import SessionLibrary, sessionfile


def focused(app: object) -> Widget:
    widget = app.screen.focused  # type: ignore[attr-defined]
    assert widget is not None
    return widget  # type: ignore[no-any-return]


def in_view(form: FormDialog[object], widget: Widget) -> bool:
    """Whether all of `widget` shows in the form's scrolling fields (not under the buttons)."""
    fields = form.query_one(".form-fields")
    return fields.region.contains_region(widget.region)


def error_line(app: object) -> str:
    return str(app.screen.query_one("#form-error", Static).content)  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_tab_goes_through_every_field_in_view_then_the_buttons(
        folder: Path, size: tuple[int, int]) -> None:
    app = make_app(folder)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SessionFormDialog)
        order = []
        for _ in range(6):
            widget = focused(app)
            order.append(widget.id)
            if isinstance(widget, Input):
                assert in_view(form, widget), f"{widget.id} is not in view at {size}"
            await pilot.press("tab")
        assert order == ["title", "region", "date", "facilitator", "save", "cancel"]


async def test_the_facilitator_typed_after_the_date_lands_in_its_field(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *"Ronde 3", "tab", *"Rivierenland", "tab", "tab",
                    *"Marieke de Vries")
        form = app.screen
        assert isinstance(form, SessionFormDialog)
        assert form.value("facilitator") == "Marieke de Vries"
        assert form.value("title") == "Ronde 3"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.is_modal
    (path,) = sorted(folder.glob("[!.]*.json"))
    assert sessionfile.read(path).facilitator == "Marieke de Vries"


async def test_letters_typed_on_a_button_are_refused_and_its_enter_too(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await burst(pilot, *"Ronde 3", "tab", "tab", "tab", "tab")
        assert focused(app).id == "save"
        # Thinking there was one more field: the letters go nowhere, and the space
        # and the Enter that follow press nothing.
        await burst(pilot, *"de Vries", "enter")
        assert isinstance(app.screen, SessionFormDialog)
        assert "Dit is een knop, geen veld" in error_line(app)
        assert not list(folder.glob("[!.]*.json"))
        await pilot.press("shift+tab")
        assert focused(app).id == "facilitator"
        assert app.screen.value("facilitator") == ""  # type: ignore[attr-defined]
        assert error_line(app) == ""  # said once; back in a field, it goes
        # Moving to the button again makes it take Enter.
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert not app.screen.is_modal
    assert len(list(folder.glob("[!.]*.json"))) == 1


async def test_a_button_focused_by_the_dialog_itself_does_not_take_enter(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        before = saved(folder).partners
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # Enter answered nothing
        assert any("Kies met j (ja) of n (nee)" in message for message in notifications(app))
        await pilot.press("tab", "enter")  # to "Ja", chosen: yes
        await pilot.pause()
        assert isinstance(app.screen, PartnersScreen)
    assert len(saved(folder).partners) == len(before) - 1


async def test_a_click_on_a_button_presses_it(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#cancel")
        await pilot.pause()
        assert not app.screen.is_modal


async def test_a_letter_on_a_closed_dropdown_opens_it_at_the_first_match(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        await burst(pilot, "a", *"Gemeente Buren", "tab")
        kind = focused(app)
        assert isinstance(kind, Select) and kind.id == "kind"
        await burst(pilot, *"UWV", "enter")
        assert kind.value == "uwv"
        assert isinstance(app.screen, PartnerFormDialog)


async def test_the_milestone_status_scrolls_into_view_when_tab_reaches_it(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "5")
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        for _ in range(20):
            if focused(app).id == "status":
                break
            await pilot.press("tab")
        status = focused(app)
        assert status.id == "status"
        assert in_view(form, status)


async def test_a_read_only_session_says_so_when_a_form_opens(
        library: SessionLibrary, folder: Path) -> None:
    session_id = make_session(library, "Gedeeld")
    holder = library.open(session_id)
    try:
        app = make_app(folder)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("i")  # the session's details
            await pilot.pause()
            form = app.screen
            assert isinstance(form, SessionFormDialog)
            notice = str(form.query_one(".form-readonly", Static).content)
            assert notice.startswith("Alleen lezen")
            assert not form.query("#save")
            assert form.query_one("#cancel", Button).label.plain == "Sluiten"
            assert all(field.disabled for field in form.query(Input))
            await pilot.press("escape")  # nothing to lose: closes at once
            await pilot.pause()
            assert not app.screen.is_modal
    finally:
        holder.close()


async def test_a_read_only_session_asks_no_question_it_cannot_act_on(
        library: SessionLibrary, folder: Path) -> None:
    store = library.open(make_session(library, "Gedeeld"))
    store.change(lambda session: session.partners.append(Partner.create("ROC Rivierenland")))
    try:
        app = make_app(folder)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ConfirmDialog)
            assert "alleen-lezen" in str(dialog.query_one(".form-readonly", Static).content)
            assert not dialog.query("#yes")
            await pilot.press("j")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
    finally:
        store.close()


async def test_choosing_a_stage_in_the_agenda_over_a_changed_form_asks_first(
        folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        before = saved(folder).partners
        await burst(pilot, "a", *"Gemeente Buren", "f8")
        await burst(pilot, "down", "enter")  # a stage from the agenda
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: back to the form, as after Esc
        await pilot.pause()
        assert isinstance(app.screen, PartnerFormDialog)
        assert app.screen.value("name") == "Gemeente Buren"
        await burst(pilot, "f8", "down", "down")
        assert isinstance(app.screen, AgendaScreen)
        chosen = app.screen.selected_stage()
        await burst(pilot, "enter", "j")  # yes, throw the name away
        assert isinstance(app.screen, StageScreen)
        assert app.screen.STAGE_ID == chosen
        assert not any(isinstance(screen, FormDialog) for screen in app.screen_stack)
    assert saved(folder).partners == before
