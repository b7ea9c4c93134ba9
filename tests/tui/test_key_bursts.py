"""Keys typed in one burst go where the screen is when each one's turn comes.

A terminal delivers a fast typist's keys all at once. The key that opens a
dialog, or moves the focus, must have done so before the next key is handled:
otherwise the next keys act on the screen below (`p` going to the partners,
`x` removing one, `j` saying yes to it) or are lost.
"""

from __future__ import annotations

from pathlib import Path

from regionet_tui.screens.dialogs.partner_form import PartnerFormDialog
from regionet_tui.screens.dialogs.session_form import SessionFormDialog
from regionet_tui.screens.stages.partners import PartnersScreen
from regionet_tui.screens.stages.share import ShareScreen
from support.app import make_app
from support.keys import burst
from support.stages import demo_app, open_demo_at, saved
from textual.widgets import Input


async def test_a_name_typed_right_after_a_lands_in_the_new_partner_form(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        before = saved(folder).partners
        await burst(pilot, "a", *"Gemeente Zaltbommel")
        assert isinstance(app.screen, PartnerFormDialog)
        assert app.screen.value("name") == "Gemeente Zaltbommel"
    assert saved(folder).partners == before


async def test_two_partners_added_in_one_burst_are_both_saved(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        await burst(pilot, "a", *"Gemeente Buren", "enter", "a", *"Gemeente Maasdriel", "enter")
        assert isinstance(app.screen, PartnersScreen)
    names = [partner.name for partner in saved(folder).partners]
    assert names[-2:] == ["Gemeente Buren", "Gemeente Maasdriel"]


async def test_a_path_typed_right_after_m_goes_into_the_path_and_nowhere_else(
        folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "8")
        before = saved(folder).partners
        # Before: "p" of "tmp" went to the partners, "x" asked to remove one, "j" said yes.
        await burst(pilot, "m", *"/tmp/x.json")
        assert isinstance(app.screen, ShareScreen)
        assert app.screen.query_one("#share-merge-path", Input).value == "/tmp/x.json"
    assert saved(folder).partners == before


async def test_a_title_typed_right_after_n_lands_in_the_new_session_form(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "n", *"Ronde 2")
        assert isinstance(app.screen, SessionFormDialog)
        assert app.screen.value("title") == "Ronde 2"


async def test_the_answer_typed_right_after_x_answers_the_question(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo_at(pilot, "p")
        _, *others = saved(folder).partners  # x removes the first
        await burst(pilot, "x", "j", "down")
        assert isinstance(app.screen, PartnersScreen)
    assert saved(folder).partners == others
