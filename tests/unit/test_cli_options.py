"""Global options before or after the command, and the report's language and
comparison from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.app import make_session

from regionet_tui import cli, settings
from regionet_tui.demo import build_demo
from regionet_tui.demo.rounds import build_previous_round
from regionet_tui.storage import SessionLibrary


@pytest.mark.parametrize("args", [
    ["list", "--sessions-dir", "{folder}"],
    ["list", "--sessions-dir={folder}"],
    ["--lang", "nl", "list", "--sessions-dir", "{folder}"],
    ["report", "Najaarsronde", "--sessions-dir", "{folder}"],
    ["report", "--sessions-dir", "{folder}", "Najaarsronde", "--format", "md"],
    ["export", "Najaarsronde", "--lang", "en", "--sessions-dir", "{folder}"],
    ["flowchart", "--graph", "{graph}", "--sessions-dir", "{folder}", "--ascii"],
])
def test_global_options_work_after_the_command(
    library: SessionLibrary, folder: Path, tmp_path: Path, args: list[str],
    capsys: pytest.CaptureFixture[str]
) -> None:
    make_session(library, "Najaarsronde")
    graph = tmp_path / "g.json"
    graph.write_text('{"nodes": [{"id": "a", "label": "A"}], "edges": []}')
    filled = [a.format(folder=folder, graph=graph) for a in args]
    assert cli.main(filled) == 0
    out = capsys.readouterr()
    assert out.err == "" or "Geschreven" in out.err
    assert out.out.strip()


def test_an_option_after_the_command_wins_over_the_same_before_it(
    library: SessionLibrary, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_session(library, "Najaarsronde")
    other = tmp_path / "elders"
    assert cli.main(["--sessions-dir", str(other), "list", "--sessions-dir", str(folder)]) == 0
    assert "Najaarsronde" in capsys.readouterr().out


def test_the_report_is_in_the_sessions_language_whatever_the_app_remembers(
    library: SessionLibrary, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library.add(build_demo("demo")).close()
    settings.save(settings.load().with_changes(language="en"))
    assert cli.main(["--sessions-dir", str(folder), "report", "demo"]) == 0
    assert "## De parkeerplaats" in capsys.readouterr().out


@pytest.mark.parametrize("args", [
    ["report", "demo", "--lang", "en"],
    ["--lang", "en", "report", "demo"],
    ["report", "--lang=en", "demo"],
])
def test_lang_chooses_the_language_of_the_report(
    library: SessionLibrary, folder: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    library.add(build_demo("demo")).close()
    assert cli.main(["--sessions-dir", str(folder), *args]) == 0
    out = capsys.readouterr().out
    assert "## The parking lot" in out and "## De parkeerplaats" not in out
    assert "Vervoer van leerlingen" in out  # what was typed stays as it was typed


def test_a_wrong_language_after_the_command_is_refused_in_the_users_language(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--sessions-dir", str(folder), "report", "demo", "--lang", "de"])
    assert stopped.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_the_report_compares_with_the_previous_round_in_the_folder(
    library: SessionLibrary, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library.add(build_demo("demo")).close()
    assert cli.main(["--sessions-dir", str(folder), "report", "demo"]) == 0
    assert "ontbreekt daarom" in capsys.readouterr().out  # the spring round is not there yet
    library.add(build_previous_round()).close()
    assert cli.main(["--sessions-dir", str(folder), "report", "demo"]) == 0
    out = capsys.readouterr().out
    assert "| Stagebank voor techniek opzetten | bezig | ✓ klaar |" in out
