"""STAP 6: generating, editing and drawing the flowchart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from regionet_tui.screens.stages.stap6 import FlowchartScreen
from regionet_tui.screens.widgets.flow_view import FlowView
from regionet_tui.screens.widgets.line_table import LineTable
from support.app import make_app, screen_text
from textual.widgets import Input, Select

from regionet_tui.core import stap6
from regionet_tui.core.partners import remove_partner
from regionet_tui.models import Partner, Session
from regionet_tui.models.stap4 import Agreement, Benefit, Contribution
from regionet_tui.storage import SessionLibrary, sessionfile


def network() -> Session:
    session = Session.create("Ronde 1", "Rivierenland", date(2026, 11, 22))
    session.partners = [
        Partner(id="p-school", name="Het Baken College", kind="vo"),
        Partner(id="p-bedrijf", name="Bouwbedrijf Van der Linden", kind="company"),
        Partner(id="p-loket", name="Onderwijsloket", kind="social", role="makelaar"),
    ]
    session.deal.agreements = [Agreement(
        id="a1", what="Stages in de bouw",
        contributions=[Contribution(partner="p-bedrijf", kind="in_kind")],
        benefits=[Benefit(partner="p-school")],
    )]
    return session


def label(key: str) -> str:
    return {"contributes": "brengt in", "coordinates": "coördineert", "supplies": "levert"}[key]


def test_generate_is_hub_and_spoke_around_the_broker() -> None:
    session = network()
    nodes, edges = stap6.generate(session, label, [("svc-omscholen", "Omscholen", 3.0),
                                                  ("svc-x", "Niemand wil dit", 0.0)])
    by_ref = {n.ref: n for n in nodes}
    assert by_ref["p-loket"].kind == "broker"
    assert [n.label for n in nodes if n.kind == "service"] == ["Omscholen"]
    hub = by_ref["p-loket"].id
    pairs = {(e.source, e.target, e.label) for e in edges}
    assert (by_ref["p-bedrijf"].id, hub, "brengt in") in pairs
    assert (hub, by_ref["p-school"].id, "coördineert") in pairs
    assert (hub, by_ref["svc-omscholen"].id, "coördineert") in pairs
    assert len(edges) == 3


def test_without_a_broker_agreements_become_flows() -> None:
    session = network()
    session.partners = [p.model_copy(update={"role": "deelnemer"}) for p in session.partners]
    nodes, edges = stap6.generate(session, label, [])
    by_ref = {n.ref: n.id for n in nodes}
    assert [(e.source, e.target, e.label) for e in edges] == [
        (by_ref["p-bedrijf"], by_ref["p-school"], "Stages in de bouw")]


def test_removing_a_partner_keeps_its_box_but_drops_the_link() -> None:
    session = network()
    nodes, edges = stap6.generate(session, label, [])
    stap6.replace_chart(session, nodes, edges)
    remove_partner(session, "p-bedrijf")
    box = next(n for n in session.flowchart.nodes if n.label == "Bouwbedrijf Van der Linden")
    assert box.ref is None


def test_refused_edges_change_nothing() -> None:
    session = network()
    a = stap6.add_node(session, "A", "partner")
    b = stap6.add_node(session, "B", "step")
    stap6.add_edge(session, a.id, b.id, "levert")
    for source, target in ((a.id, b.id), (a.id, "weg")):
        before = session.flowchart.model_copy(deep=True)
        try:
            stap6.add_edge(session, source, target, "")
        except stap6.FlowError:
            pass
        else:
            raise AssertionError("edge accepted")
        assert session.flowchart == before
    stap6.remove_node(session, a.id)
    assert session.flowchart.edges == []


def stap6_session(library: SessionLibrary) -> Path:
    store = library.add(network())
    path = store.path
    store.close()
    return path


async def open_stap6(app: object, pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    app.show_stage("stap6")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, FlowchartScreen)  # type: ignore[attr-defined]


def drawing(app: object) -> str:
    return str(app.screen.query_one(FlowView).text)  # type: ignore[attr-defined]


async def test_generate_edit_and_draw_by_keyboard(library: SessionLibrary, folder: Path) -> None:
    path = stap6_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_stap6(app, pilot)
        assert "Nog geen stroomschema" in drawing(app)
        await pilot.press("g")
        await pilot.pause()
        assert "Onderwijsloket" in drawing(app) and "brengt in" in drawing(app)
        assert len(sessionfile.read(path).flowchart.nodes) == 3

        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#label", Input).value = "[/x] Regiofonds"
        app.screen.query_one("#kind", Select).value = "other"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "[/x] Regiofonds" in drawing(app)

        chart = sessionfile.read(path).flowchart
        fund = next(n for n in chart.nodes if n.label == "[/x] Regiofonds")
        loket = next(n for n in chart.nodes if n.kind == "broker")
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#source", Select).value = fund.id
        app.screen.query_one("#target", Select).value = fund.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "naar een ander blok" in screen_text(app)
        app.screen.query_one("#target", Select).value = loket.id
        app.screen.query_one("#label", Input).value = "financiert"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "financiert" in drawing(app)
        assert any(e.label == "financiert" for e in sessionfile.read(path).flowchart.edges)

        await pilot.press("d")  # automatic -> top to bottom
        await pilot.pause()
        assert sessionfile.read(path).flowchart.direction == "TB"
        assert "van boven naar onder" in screen_text(app)


async def test_list_view_edits_and_removes(library: SessionLibrary, folder: Path) -> None:
    path = stap6_session(library)
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_stap6(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        nodes = app.screen.query_one("#flow-nodes", LineTable)
        assert nodes.has_focus and nodes.row_count == 3
        nodes.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#label", Input).value = "Baken College Tiel"
        await pilot.press("ctrl+s")
        await pilot.pause()
        labels = [n.label for n in sessionfile.read(path).flowchart.nodes]
        assert "Baken College Tiel" in labels
        before_edges = len(sessionfile.read(path).flowchart.edges)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        chart = sessionfile.read(path).flowchart
        assert "Baken College Tiel" not in [n.label for n in chart.nodes]
        assert len(chart.edges) == before_edges - 1
        await pilot.press("l")
        await pilot.pause()
        assert "Baken College Tiel" not in drawing(app)


async def test_demo_flowchart_is_drawn_in_english_too(folder: Path) -> None:
    app = make_app(folder, language="en", demo=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        app.show_stage("stap6")
        await pilot.pause()
        assert "Onderwijsloket" in drawing(app)
        assert "boxes" in screen_text(app) and "crossings" in screen_text(app)


async def test_a_large_chart_shows_the_stage_first_and_is_drawn_right_after(
    folder: Path, monkeypatch: object
) -> None:
    from regionet_tui.screens.stages import stap6

    monkeypatch.setattr(stap6, "DRAW_FIRST_NODES", 3)  # type: ignore[attr-defined]
    app = make_app(folder, demo=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.show_stage("stap6")
        await pilot.pause()
        await pilot.pause()
        assert "Onderwijsloket" in drawing(app)
        assert "wordt getekend" not in screen_text(app)
        assert "blokken" in screen_text(app) and "kruisingen" in screen_text(app)
