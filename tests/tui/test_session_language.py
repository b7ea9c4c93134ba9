"""What the app makes for a session is in the session's language, not the
interface's: the words of a generated flowchart, the services' names in it,
and the whole demo."""

from __future__ import annotations

from pathlib import Path

from support.app import make_app
from test_stap6 import drawing, network, open_stap6

from regionet_tui import i18n
from regionet_tui.core import stap6
from regionet_tui.demo import build_demo
from regionet_tui.models.stap1 import Score
from regionet_tui.storage import SessionLibrary, sessionfile

DUTCH_WORDS = {"brengt in", "coördineert", "levert"}
ENGLISH_WORDS = {"contributes", "coordinates", "supplies"}


def scored_network() -> object:
    session = network()
    session.portfolio.scores = {"p-school": {"svc-opscholen": Score(
        offered=True, quality=2, wanted=True, desired=9)}}
    return session


def test_a_first_chart_speaks_the_sessions_language_whatever_the_app_speaks() -> None:
    session = scored_network()
    i18n.set_language("en")
    nodes, edges = stap6.first_chart(session)  # type: ignore[arg-type]
    assert {e.label for e in edges} == DUTCH_WORDS
    assert "Opscholen" in {n.label for n in nodes}
    assert i18n.language() == "en"
    english = session.model_copy(update={"language": "en"})  # type: ignore[attr-defined]
    i18n.set_language("nl")
    nodes, edges = stap6.first_chart(english)
    assert {e.label for e in edges} == ENGLISH_WORDS and "Upskilling" in {n.label for n in nodes}
    assert i18n.language() == "nl"


def test_the_demo_is_dutch_throughout_also_under_the_english_interface() -> None:
    i18n.set_language("en")
    demo = build_demo("demo")
    assert demo.language == "nl"
    words = {e.label for e in demo.flowchart.edges}
    assert words & DUTCH_WORDS and not words & ENGLISH_WORDS
    assert {"subsidieert", "financiert"} <= words


async def test_generating_in_stap6_uses_the_sessions_language(
    library: SessionLibrary, folder: Path
) -> None:
    store = library.add(scored_network())  # type: ignore[arg-type]
    path = store.path
    store.close()
    app = make_app(folder, language="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await open_stap6(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        assert "brengt in" in drawing(app) and "contributes" not in drawing(app)
    assert {e.label for e in sessionfile.read(path).flowchart.edges} == DUTCH_WORDS
    assert i18n.language() == "en"


async def test_the_demo_made_under_the_english_interface_is_one_language(folder: Path) -> None:
    app = make_app(folder, language="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    demo = sessionfile.read(folder / "demo.json")
    words = {e.label for e in demo.flowchart.edges}
    assert demo.language == "nl" and not words & ENGLISH_WORDS
    assert sessionfile.read(folder / "demo-voorjaar.json").language == "nl"
