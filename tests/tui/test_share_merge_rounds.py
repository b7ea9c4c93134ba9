"""Three partners send their copies back, one after another: the facilitator
merges them in a row and is asked only about true conflicts, never again
about what a previous file settled."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from regionet_tui.screens.dialogs.merge import MergeDialog
from regionet_tui.screens.stage import StageScreen
from support.app import make_app, screen_text
from support.share import demo_session, press_export
from support.stages import set_text
from textual.widgets import DataTable, Input

from regionet_tui.models import Session
from regionet_tui.models.stap1 import Score
from regionet_tui.share import importer
from regionet_tui.share.export import exported
from regionet_tui.storage import SessionLibrary, sessionfile

STEM = "leernetwerk-rivierenland-najaarsronde-2026-11-12"
FACILITATORS_GOAL = "Samen opleiden in 2028."
ROCS_GOAL = "Eén opleidingshuis in 2028."


def partner_copy(export: Path, tmp_path: Path, name: str, edit: Callable[[Session], None]
                 ) -> Path:
    """What a partner does in its own copy of the app: import the file, change
    its part, export it again."""
    library = SessionLibrary(tmp_path / name / "sessions")
    library.prepare()
    session, _ = importer.import_file(library, export)
    store = library.open(session.id)
    store.change(edit)
    data, _ = exported(store.session)
    store.close()
    path = tmp_path / f"{name}.json"
    path.write_bytes(data)
    return path


def set_score(session: Session, partner: str, service: str, **values: object) -> None:
    scores = session.portfolio.scores
    score: Score = scores[partner][service].model_copy(update=values)
    session.portfolio.scores = {**scores, partner: {**scores[partner], service: score}}


def set_contact(session: Session, partner_id: str, contact: str) -> None:
    session.partners = [p.model_copy(update={"contact": contact}) if p.id == partner_id else p
                        for p in session.partners]


def roc(session: Session) -> None:
    set_contact(session, "p-roc", "Youssef El Amrani (directeur)")
    set_score(session, "p-roc", "svc-bijscholen", quality=9)
    session.goal.statement = ROCS_GOAL  # the facilitator changed it too: a true conflict


def tiel(session: Session) -> None:
    set_score(session, "p-tiel", "svc-arbeidspool", offered=True, quality=4)


def uwv(session: Session) -> None:
    set_contact(session, "p-uwv", "Henk Visser (regiomanager)")
    set_score(session, "p-roc", "svc-bijscholen", quality=6)  # ROC says 9: a true conflict
    session.goal.statement = ROCS_GOAL  # as the facilitator settled with ROC's file


async def merge(app: object, pilot: object, path: Path) -> MergeDialog:
    app.screen.query_one("#share-merge-path", Input).value = str(path)  # type: ignore[attr-defined]
    await pilot.press("m")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    dialog = app.screen  # type: ignore[attr-defined]
    assert isinstance(dialog, MergeDialog)
    return dialog


def asked(dialog: MergeDialog) -> list[str]:
    if not dialog.plan.conflicts:
        return []
    table = dialog.query_one("#merge-conflicts", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_three_partner_files_in_a_row_ask_only_true_conflicts(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    importer.add_as_new(library, demo_session())
    path = library.path_for("demo")
    export = folder.parent / "exports" / f"{STEM}.json"
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "8")
        await pilot.pause()
        await press_export(app, pilot)  # the file the partners get
        assert export.exists()
        files = [partner_copy(export, tmp_path, name, edit)
                 for name, edit in (("roc", roc), ("tiel", tiel), ("uwv", uwv))]

        # Meanwhile the facilitator sharpens the long-term goal.
        await pilot.press("3", "g")
        await pilot.pause()
        set_text(app, "text", FACILITATORS_GOAL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("8")
        await pilot.pause()

        dialog = await merge(app, pilot, files[0])
        text = screen_text(app)
        assert "Drieweg" in text
        assert asked(dialog) == ["Doel op lange termijn"]  # contact and score go through
        assert "Doel: basis In 2028 heeft Rivierenland genoeg bevoegde" in text
        assert f"deze sessie {FACILITATORS_GOAL}  |  bestand {ROCS_GOAL}" in text
        await pilot.press("right", "ctrl+s")  # ROC's wording is better
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)

        dialog = await merge(app, pilot, files[1])
        assert asked(dialog) == []  # ROC's changes are not undone, nor asked again
        assert "Aan beide kanten anders veranderd: 0" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()

        dialog = await merge(app, pilot, files[2])
        assert asked(dialog) == ["Score · ROC Rivierenland · Bijscholen"]
        assert "Kwaliteit: basis 7  |  deze sessie 9  |  bestand 6" in screen_text(app)
        await pilot.press("ctrl+s")  # ROC's own score stays
        await pilot.pause()
        assert "Samengevoegd" in screen_text(app)

    saved = sessionfile.read(path)
    assert saved.goal.statement == ROCS_GOAL
    assert saved.partner("p-roc").contact == "Youssef El Amrani (directeur)"  # type: ignore[union-attr]
    assert saved.partner("p-uwv").contact == "Henk Visser (regiomanager)"  # type: ignore[union-attr]
    assert saved.portfolio.scores["p-roc"]["svc-bijscholen"].quality == 9
    tiel_score = saved.portfolio.scores["p-tiel"]["svc-arbeidspool"]
    assert (tiel_score.offered, tiel_score.quality) == (True, 4)
    assert len(list(folder.glob("demo.before-merge-*.json.bak"))) >= 1


async def test_a_file_from_an_unknown_export_merges_two_way_and_says_so(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    importer.add_as_new(library, demo_session())
    theirs = demo_session()
    set_score(theirs, "p-roc", "svc-bijscholen", quality=9)
    source = tmp_path / "van-roc.json"
    source.write_bytes(exported(theirs)[0])  # never exported here: no base
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "8")
        await pilot.pause()
        dialog = await merge(app, pilot, source)
        assert "Tweeweg" in screen_text(app)
        assert "regionet kent de versie niet" in screen_text(app)
        assert asked(dialog) == ["Score · ROC Rivierenland · Bijscholen"]
        await pilot.press("escape")
        await pilot.pause()
    assert sessionfile.read(library.path_for("demo")).portfolio.scores[
        "p-roc"]["svc-bijscholen"].quality == 7


async def test_a_damaged_base_falls_back_to_two_way_with_its_reason(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    importer.add_as_new(library, demo_session())
    export = folder.parent / "exports" / f"{STEM}.json"
    app = make_app(folder, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "8")
        await pilot.pause()
        await press_export(app, pilot)
        source = partner_copy(export, tmp_path, "tiel", tiel)
        [base] = (folder / "bases").glob("*.demo.json")
        base.write_bytes(base.read_bytes().replace(b"Gemeente Tiel", b"Gemeente Buren"))
        await merge(app, pilot, source)
        text = screen_text(app)
        assert f"Two-way: the base {base.name} is damaged" in text
        assert "no longer matches the revision in its name" in text


async def test_an_export_whose_base_cannot_be_kept_is_written_and_says_what_that_means(
    library: SessionLibrary, folder: Path
) -> None:
    importer.add_as_new(library, demo_session())
    (folder / "bases").write_text("geen map")  # the folder for the bases cannot be made
    export = folder.parent / "exports" / f"{STEM}.json"
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "8")
        await pilot.pause()
        await press_export(app, pilot)
        text = screen_text(app)
        assert "Sessie geëxporteerd naar" in text
        assert "kon hem niet als basis bewaren" in text and "tweeweg" in text
    assert importer.read(export) == sessionfile.read(library.path_for("demo"))


async def test_without_a_base_a_question_answered_for_one_file_is_answered_for_the_next(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    """Two files from an export made elsewhere: the facilitator's own change
    since then differs from both, asked once, the answer ready the second time."""
    importer.add_as_new(library, demo_session())
    sources = []
    for name, edit in (("roc", lambda s: set_contact(s, "p-roc", "Nieuw bij ROC")),
                       ("tiel", lambda s: set_contact(s, "p-tiel", "Nieuw bij Tiel"))):
        theirs = demo_session()
        edit(theirs)
        sources.append(tmp_path / f"{name}.json")
        sources[-1].write_bytes(exported(theirs)[0])
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "3", "g")
        await pilot.pause()
        set_text(app, "text", FACILITATORS_GOAL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("8")
        await pilot.pause()

        dialog = await merge(app, pilot, sources[0])
        assert sorted(asked(dialog)) == ["Doel op lange termijn", "Partner · ROC Rivierenland"]
        assert "al beantwoord" not in screen_text(app)
        rows = asked(dialog)
        dialog.query_one("#merge-conflicts", DataTable).move_cursor(
            row=rows.index("Partner · ROC Rivierenland"))
        await pilot.press("right", "ctrl+s")  # ROC's new contact; the goal stays ours
        await pilot.pause()

        dialog = await merge(app, pilot, sources[1])
        text = screen_text(app)
        # Tiel's file holds the old goal and ROC's old contact: both settled.
        assert "2 van deze vragen had je bij een vorig bestand al beantwoord" in text
        assert "Doel op lange termijn | ◀ deze sessie ✓" in text
        assert "Partner · ROC Rivierenland | ◀ deze sessie ✓" in text
        assert "Partner · Gemeente Tiel | ◀ deze sessie" in text  # a new question
        assert "Partner · Gemeente Tiel | ◀ deze sessie ✓" not in text
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = sessionfile.read(library.path_for("demo"))
    assert saved.goal.statement == FACILITATORS_GOAL
    assert saved.partner("p-roc").contact == "Nieuw bij ROC"  # type: ignore[union-attr]
