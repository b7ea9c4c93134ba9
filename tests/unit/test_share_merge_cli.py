"""`regionet merge SESSION FILE [--prefer ours|theirs]`: the conflicts listed in
the run's language, nothing changed unless the conflicts are settled, exit
codes as documented, and no file that is not an ordinary file read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.share import demo_session, folder_snapshot

from regionet_tui import cli
from regionet_tui.models import Session
from regionet_tui.share import importer
from regionet_tui.share.export import exported
from regionet_tui.storage import SessionLibrary, SessionStore, sessionfile


def run(folder: Path, *args: str) -> int:
    return cli.main(["--sessions-dir", str(folder), *args])


def set_quality(session: Session, partner: str, service: str, quality: int) -> None:
    scores = session.portfolio.scores
    score = scores[partner][service].model_copy(update={"quality": quality})
    session.portfolio.scores = {**scores, partner: {**scores[partner], service: score}}


def exported_from_cli(folder: Path, tmp_path: Path) -> Path:
    """The facilitator's export, made on the command line (which keeps its base)."""
    target = tmp_path / "ronde.json"
    assert run(folder, "export", "demo", "-o", str(target)) == 0
    return target


def partners_file(export: Path, tmp_path: Path, quality: int, contact: str = "") -> Path:
    """A partner imports the export, changes its part and exports again."""
    library = SessionLibrary(tmp_path / "partner" / "sessions")
    library.prepare()
    session, _ = importer.import_file(library, export)
    store = library.open(session.id)
    store.change(lambda s: set_quality(s, "p-roc", "svc-bijscholen", quality))
    if contact:
        store.change(lambda s: setattr(s, "partners", [
            p.model_copy(update={"contact": contact}) if p.id == "p-tiel" else p
            for p in s.partners]))
    data, _ = exported(store.session)
    store.close()
    path = tmp_path / f"van-roc-{quality}.json"
    path.write_bytes(data)
    return path


def change_here(library: SessionLibrary, quality: int) -> None:
    store = library.open("demo")
    store.change(lambda s: set_quality(s, "p-roc", "svc-bijscholen", quality))
    store.close()


@pytest.fixture
def demo(library: SessionLibrary) -> Path:
    importer.add_as_new(library, demo_session())
    return library.path_for("demo")


def test_one_sided_changes_merge_without_a_preference(
    demo: Path, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = exported_from_cli(folder, tmp_path)
    source = partners_file(export, tmp_path, quality=9, contact="Wethouder Jansen")
    capsys.readouterr()
    assert run(folder, "merge", "demo", str(source)) == 0
    out = capsys.readouterr().out
    assert "Drieweg" in out and "Uit het bestand overgenomen: Partner 1, Score 1" in out
    assert "Samengevoegd" in out
    saved = sessionfile.read(demo)
    assert saved.portfolio.scores["p-roc"]["svc-bijscholen"].quality == 9
    assert saved.partner("p-tiel").contact == "Wethouder Jansen"  # type: ignore[union-attr]
    assert len(list(folder.glob("demo.before-merge-*.json.bak"))) == 1


def test_conflicts_are_listed_and_nothing_changes_without_a_preference(
    library: SessionLibrary, demo: Path, folder: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    export = exported_from_cli(folder, tmp_path)
    source = partners_file(export, tmp_path, quality=9)
    change_here(library, 8)
    before = folder_snapshot(folder)
    capsys.readouterr()
    assert run(folder, "merge", "demo", str(source)) == 3
    out = capsys.readouterr().out
    assert "Conflict 1: Score · ROC Rivierenland · Bijscholen" in out
    assert "Kwaliteit: basis 7  |  deze sessie 8  |  bestand 9" in out
    assert "Er is niets veranderd: 1 conflict(en)" in out and "--prefer" in out
    assert folder_snapshot(folder) == before

    assert run(folder, "merge", "demo", str(source), "--lang", "en") == 3
    out = capsys.readouterr().out
    assert "Three-way" in out and "Quality: base 7  |  this session 8  |  file 9" in out
    assert folder_snapshot(folder) == before


@pytest.mark.parametrize(("prefer", "quality"), [("ours", 8), ("theirs", 9)])
def test_a_preference_settles_every_conflict(
    library: SessionLibrary, demo: Path, folder: Path, tmp_path: Path, prefer: str,
    quality: int, capsys: pytest.CaptureFixture[str]
) -> None:
    export = exported_from_cli(folder, tmp_path)
    source = partners_file(export, tmp_path, quality=9, contact="Wethouder Jansen")
    change_here(library, 8)
    capsys.readouterr()
    assert run(folder, "merge", "demo", str(source), "--prefer", prefer) == 0
    side = "deze sessie" if prefer == "ours" else "het bestand"
    assert f"→ blijft: {side}" in capsys.readouterr().out
    saved = sessionfile.read(demo)
    assert saved.portfolio.scores["p-roc"]["svc-bijscholen"].quality == quality
    assert saved.partner("p-tiel").contact == "Wethouder Jansen"  # type: ignore[union-attr]


def test_a_file_from_an_unknown_export_is_merged_two_way(
    demo: Path, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theirs = demo_session()
    set_quality(theirs, "p-roc", "svc-bijscholen", 9)
    source = tmp_path / "onbekend.json"
    source.write_bytes(exported(theirs)[0])
    before = demo.read_bytes()
    assert run(folder, "merge", "demo", str(source)) == 3
    out = capsys.readouterr().out
    assert "Tweeweg" in out and "Kwaliteit: deze sessie 7  |  bestand 9" in out
    assert demo.read_bytes() == before


def test_merging_the_same_state_again_changes_nothing(
    demo: Path, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = exported_from_cli(folder, tmp_path)
    before = demo.read_bytes()
    assert run(folder, "merge", "demo", str(export)) == 0
    assert "niets nieuws" in capsys.readouterr().out
    assert demo.read_bytes() == before
    assert list(folder.glob("*.bak")) == []


def test_special_files_are_refused_unread(
    demo: Path, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    before = folder_snapshot(folder)
    assert run(folder, "merge", "demo", str(fifo)) == 1  # returns at once: never opened
    assert run(folder, "merge", "demo", str(tmp_path)) == 1
    assert run(folder, "merge", "demo", "/dev/zero") == 1
    err = capsys.readouterr().err
    assert "named pipe" in err and "map" in err and "apparaat" in err
    assert folder_snapshot(folder) == before


def test_a_session_open_elsewhere_or_an_export_as_session_is_refused(
    demo: Path, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = exported_from_cli(folder, tmp_path)
    source = partners_file(export, tmp_path, quality=9)
    open_elsewhere = SessionStore.open(demo)
    try:
        assert run(folder, "merge", "demo", str(source)) == 1
    finally:
        open_elsewhere.close()
    assert run(folder, "merge", str(export), str(source)) == 1
    assert run(folder, "merge", "bestaat-niet", str(source)) == 1
    err = capsys.readouterr().err
    assert "open in een ander venster" in err
    assert "geen sessiebestand" in err
    assert "Geen sessie \"bestaat-niet\" gevonden" in err
    assert sessionfile.read(demo).portfolio.scores["p-roc"]["svc-bijscholen"].quality == 7


def test_a_wrong_preference_is_a_usage_error(demo: Path, folder: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(folder, "merge", "demo", str(tmp_path / "x.json"), "--prefer", "mine")
    assert exit_.value.code == 2
