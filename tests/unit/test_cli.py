"""The `regionet` command line: options, `list`, clear errors."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support.app import make_session

from regionet_tui import cli, locations
from regionet_tui.storage import SessionLibrary

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for option in ("--demo", "--sessions-dir", "--lang", "list"):
        assert option in out
    assert "workshop van een regionaal leernetwerk" in out


def test_help_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--lang", "en", "--help"])
    assert "workshop of a regional learning network" in capsys.readouterr().out


def test_list_shows_sessions_and_damaged_files(
    library: SessionLibrary, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_session(library, "Najaarsronde", "Rivierenland")
    (folder / "stuk.json").write_text("niet eens json")
    assert cli.main(["--sessions-dir", str(folder), "list"]) == 0
    out = capsys.readouterr().out
    assert "Najaarsronde\tRivierenland" in out
    assert "stuk.json" in out and "geen geldige JSON" in out


def test_unusable_sessions_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("")
    assert cli.main(["--sessions-dir", str(blocker / "sessions"), "list"]) == 2
    err = capsys.readouterr().err
    assert "kan niet worden gebruikt" in err and "Traceback" not in err


def test_sessions_folder_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert locations.sessions_folder("x") == Path("x")
    monkeypatch.setenv("REGIONET_SESSIONS", str(tmp_path / "env"))
    assert locations.sessions_folder() == tmp_path / "env"
    monkeypatch.delenv("REGIONET_SESSIONS")
    assert locations.sessions_folder().name == "sessions"
    assert locations.sessions_folder().parent != tmp_path
    (tmp_path / "sessions").mkdir()
    assert locations.sessions_folder() == tmp_path / "sessions"


def test_the_wheel_ships_screens_and_styles_inside_the_package(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("regionet-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"regionet_tui"}
    assert "regionet_tui/screens/start.py" in names
    assert "regionet_tui/styles/app.tcss" in names
    assert "regionet_tui/locale/nl/start.toml" in names


def test_flowchart_of_a_graph_file(tmp_path: Path, folder: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "graaf.json"
    graph.write_text(
        '{"nodes": [{"id": "a", "label": "Gemeente Tiel"}, {"id": "b", "label": "[/x] Loket"}],'
        ' "edges": [{"from": "a", "to": "b", "label": "financiert"}]}', encoding="utf-8")
    assert cli.main(["--sessions-dir", str(folder), "flowchart", "--graph", str(graph)]) == 0
    out = capsys.readouterr().out
    assert "Gemeente Tiel" in out and "[/x] Loket" in out and "financiert" in out and "▼" in out
    assert cli.main(["--sessions-dir", str(folder), "flowchart", "--graph", str(graph),
                     "--ascii", "--direction", "LR"]) == 0
    ascii_out = capsys.readouterr().out
    assert ascii_out.isascii() and "+" in ascii_out and "Gemeente Tiel" in ascii_out


def test_flowchart_errors_are_clear(tmp_path: Path, folder: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "stuk.json"
    bad.write_text('{"nodes": [{"id": "a", "label": "A"}], "edges": [{"from": "a", "to": "x"}]}')
    assert cli.main(["--sessions-dir", str(folder), "flowchart", "--graph", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "kan niet worden getekend" in err and '"x"' in err and "Traceback" not in err
    assert cli.main(["--sessions-dir", str(folder), "flowchart"]) == 2
    assert "niet allebei" in capsys.readouterr().err
    assert cli.main(["--sessions-dir", str(folder), "flowchart", "bestaat-niet"]) == 1
    assert capsys.readouterr().err.strip()


def test_flowchart_of_the_demo_session(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from regionet_tui.demo import build_demo

    library = SessionLibrary(folder)
    library.add(build_demo("demo")).close()
    assert cli.main(["--sessions-dir", str(folder), "flowchart", "demo", "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert "Onderwijsloket" in out and "coördineert" in out
