"""STAP 4, the deal, driven as a facilitator would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from support.app import screen_text
from support.stages import (
    demo_app,
    open_demo_at,
    saved,
    set_input,
    set_select,
    set_text,
)


async def test_add_an_agreement_with_a_review_date(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "4")
        await pilot.press("a")
        await pilot.pause()
        set_input(app, "what", "Gastlessen techniek op het Baken")
        set_input(app, "mandate", "Teamleider plant de lessen in")
        set_input(app, "review", "1-7-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Gastlessen techniek op het Baken | 0 | 0 | 01-07-2027" in screen_text(app)
    agreement = saved(folder).deal.agreements[-1]
    assert (agreement.what, agreement.review_date) == ("Gastlessen techniek op het Baken",
                                                       date(2027, 7, 1))


async def test_a_contribution_with_a_bad_amount_is_refused(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "4")
        before = saved(folder)
        await pilot.press("b")
        await pilot.pause()
        set_select(app, "partner", "p-tiel")
        set_select(app, "kind", "money")
        set_input(app, "amount", "veel")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Bedrag in euro (mag leeg): geen geldig bedrag" in screen_text(app)
        set_input(app, "amount", "5.000")
        set_input(app, "description", "Reiskosten zij-instromers")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved(folder) != before
        assert "+ brengt | Gemeente Tiel | geld – € 5.000 – Reiskosten zij-instromers" in (
            screen_text(app))
    contribution = saved(folder).deal.agreements[0].contributions[-1]
    assert (contribution.partner, contribution.kind, contribution.amount) == ("p-tiel", "money",
                                                                              5000.0)


async def test_give_and_take_shows_an_imbalance_at_a_glance(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "4")
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "UWV Rivierenland | 1 (€ 24.000) | 0 | ⚠ brengt alleen | ✔ akkoord" in text
        assert "Bouwbedrijf Van der L… | 2 | 2 | ⇄ brengt en haalt | ~ met voorbehoud" in text
        await pilot.press("full_stop", "full_stop", "full_stop", "full_stop")  # UWV
        await pilot.pause()
        text = screen_text(app)
        assert "+ Traject zij-instromers techniek: geld – € 24.000" in text
        assert "Haalt eruit:\n  niets" in text
        # Bring something back to UWV from the agreements view.
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        set_select(app, "partner", "p-uwv")
        set_input(app, "description", "Werkzoekenden naar een vaste baan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert "UWV Rivierenland | 1 (€ 24.000) | 1 | ⇄ brengt en haalt" in screen_text(app)


async def test_sign_off_per_partner(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "4")
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("full_stop", "full_stop", "full_stop")  # Gemeente Tiel
        await pilot.press("s")
        await pilot.pause()
        set_select(app, "status", "agreed")
        set_text(app, "note", "College heeft ingestemd op 1 december.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Gemeente Tiel | 2 (€ 45.000) | 1 | ⇄ brengt en haalt | ✔ akkoord" in (
            screen_text(app))
    signoff = saved(folder).deal.signoffs["p-tiel"]
    assert (signoff.status, signoff.note) == ("agreed", "College heeft ingestemd op 1 december.")
    assert signoff.at is not None


async def test_remove_a_contribution_line(folder: Path) -> None:
    app = demo_app(folder)
    async with app.run_test() as pilot:
        await open_demo_at(pilot, "4")
        await pilot.press("tab")  # to the lines of the first agreement
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#parts")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
    contributions = saved(folder).deal.agreements[0].contributions
    assert [c.partner for c in contributions] == ["p-roc", "p-uwv", "p-loket"]
