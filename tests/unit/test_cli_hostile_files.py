"""Files that are not what they should be, met through the command line: wrong
types, an id twice, a date in year 9999, a FIFO or a device where a file
belongs, and `-o` pointing at what must not be overwritten. Each gets a clear
message on stderr and changes nothing; nothing hangs, nothing prints a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock
from support.app import make_session
from support.share import demo_export, folder_snapshot

from regionet_tui import cli
from regionet_tui.storage import SessionLibrary, sessionfile

# Long enough for a Python start-up on a busy machine; a hang would take for ever.
NO_HANG = 60


def run(folder: Path, *args: str) -> int:
    return cli.main(["--sessions-dir", str(folder), *args])


def run_process(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, so that a hang fails the test."""
    return subprocess.run([sys.executable, "-m", "regionet_tui", "--sessions-dir", str(folder),
                           *args], capture_output=True, text=True, timeout=NO_HANG, check=False)


def edited_export(change: Any) -> bytes:
    document = json.loads(demo_export())
    change(document["session"])
    return json.dumps(document, ensure_ascii=False).encode()


def score(session: dict[str, Any]) -> dict[str, Any]:
    scores: dict[str, Any] = session["portfolio"]["scores"]
    partner = next(iter(scores))
    service = next(iter(scores[partner]))
    return {"record": scores[partner][service], "place": f"session.portfolio.scores.{partner}."
            f"{service}"}


# -- 7: strict import ------------------------------------------------------------------------
WRONG_TYPES = [("quality", True), ("quality", "5"), ("quality", " 5 "), ("quality", 5.0),
               ("offered", "yes"), ("offered", 1), ("offered", "true")]


@pytest.mark.parametrize(("field", "value"), WRONG_TYPES)
def test_an_import_with_a_value_of_the_wrong_type_is_refused_with_its_place(
    library: SessionLibrary, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    field: str, value: object,
) -> None:
    place = score(json.loads(demo_export())["session"])["place"]
    source = tmp_path / "partner.json"
    source.write_bytes(edited_export(lambda s: score(s)["record"].update({field: value})))
    before = folder_snapshot(folder)
    assert run(folder, "import", str(source)) == 1
    err = capsys.readouterr().err
    assert f"{place}.{field}" in err, err
    expected = "geheel getal" if field == "quality" else "true of false"
    assert expected in err
    assert folder_snapshot(folder) == before


# -- 3: ids that must be unique ----------------------------------------------------------------
def _twice(path: tuple[str, ...]) -> Any:
    def change(session: dict[str, Any]) -> None:
        target: Any = session
        for part in path:
            target = target[part]
        target.insert(1, dict(target[0]))
    return change


@pytest.mark.parametrize(("path", "place"), [
    (("partners",), "session.partners[1].id"),
    (("portfolio", "services"), "session.portfolio.services[1].id"),
    (("plan", "milestones"), "session.plan.milestones[1].id"),
    (("flowchart", "nodes"), "session.flowchart.nodes[1].id"),
    (("reflection", "themes"), "session.reflection.themes[1].id"),
])
def test_an_import_with_an_id_twice_is_refused_with_its_place(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    path: tuple[str, ...], place: str,
) -> None:
    source = tmp_path / "partner.json"
    source.write_bytes(edited_export(_twice(path)))
    assert run(folder, "import", str(source)) == 1
    err = capsys.readouterr().err
    assert f"{place}: de id " in err and "komt twee keer voor" in err, err
    assert list(folder.glob("*.json")) == []


def test_a_session_file_with_an_id_twice_is_listed_as_damaged_not_a_crash(
    library: SessionLibrary, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = library.path_for(make_session(library, "Twee keer"))
    data = json.loads(path.read_bytes())
    record = data["session"]["1"]
    record["partners"] = [{"id": "p-1", "name": "ROC"}, {"id": "p-1", "name": "Gemeente"}]
    path.write_text(json.dumps(data))
    assert run(folder, "list") == 0
    out = capsys.readouterr().out
    assert "twee delen van de sessie hebben hetzelfde id" in out and "partners" in out
    assert run(folder, "report", path.stem) == 1
    assert "hetzelfde id" in capsys.readouterr().err


# -- 4: dates ----------------------------------------------------------------------------------
def test_an_import_with_a_date_in_year_9999_is_refused_with_its_place(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "partner.json"
    source.write_bytes(edited_export(lambda s: s["plan"]["milestones"][0].update(
        deadline="9999-12-31")))
    assert run(folder, "import", str(source)) == 1
    err = capsys.readouterr().err
    assert "session.plan.milestones[0].deadline: het jaar moet tussen 1900 en 2199 liggen" in err


def test_report_of_a_session_file_with_year_9999_says_why_without_a_traceback(
    library: SessionLibrary, folder: Path
) -> None:
    path = library.path_for(make_session(library, "Ver weg"))
    data = json.loads(path.read_bytes())
    data["session"]["1"]["plan"] = {"milestones": [
        {"id": "m-1", "title": "Ooit", "deadline": "9999-12-31"}]}
    path.write_text(json.dumps(data))
    result = run_process(folder, "report", path.stem)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "een datum ligt buiten de jaren 1900 tot en met 2199" in result.stderr


def test_new_refuses_a_date_outside_the_years(folder: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(folder, "new", "Ronde", "--date", "1-1-9999") == 1
    assert "het jaar moet tussen 1900 en 2199 liggen" in capsys.readouterr().err
    assert list(folder.glob("*.json")) == []


# -- 5: special files ----------------------------------------------------------------------------
def special_files(folder: Path) -> dict[str, str]:
    """A FIFO, a link to /dev/zero and a folder, each named like a session, and
    what `regionet list` says of each."""
    os.mkfifo(folder / "fifo.json")
    (folder / "nul.json").symlink_to("/dev/zero")
    (folder / "map.json").mkdir()
    return {"fifo.json": "named pipe (FIFO)", "nul.json": "een apparaat",
            "map.json": "een map, geen sessiebestand"}


def test_list_names_special_files_as_no_session_and_does_not_hang(
    library: SessionLibrary, folder: Path
) -> None:
    make_session(library, "Gewoon")
    expected = special_files(folder)
    result = run_process(folder, "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("Gewoon" in line for line in lines)
    for name, reason in expected.items():
        assert any(line.startswith(name) and reason in line for line in lines), (name, lines)


def test_import_of_a_fifo_or_a_device_is_refused_at_once(folder: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.json")
    for path, reason in ((tmp_path / "pijp.json", "named pipe"),
                         (Path("/dev/zero"), "apparaat"), (tmp_path, "map")):
        result = run_process(folder, "import", str(path))
        assert result.returncode == 1 and reason in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_a_graph_file_that_is_a_fifo_is_refused_at_once(folder: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "graaf.json")
    result = run_process(folder, "flowchart", "--graph", str(tmp_path / "graaf.json"))
    assert result.returncode == 1 and "not an ordinary file but a fifo" in result.stderr


# -- 6: export -o and report -o ------------------------------------------------------------------
def test_output_never_overwrites_a_session_file(
    library: SessionLibrary, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = make_session(library, "Eerste")
    second = library.path_for(make_session(library, "Tweede"))
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    copied = elsewhere / "kopie.json"
    copied.write_bytes(second.read_bytes())  # a session file outside the folder
    before, kept = folder_snapshot(folder), copied.read_bytes()
    assert run(folder, "export", first, "-o", str(second)) == 1
    assert run(folder, "report", first, "-o", str(folder / "verslag.md")) == 1
    assert run(folder, "export", first, "-o", str(copied)) == 1
    err = capsys.readouterr().err
    assert "in de sessiemap" in err and "is een sessiebestand" in err
    assert folder_snapshot(folder) == before and copied.read_bytes() == kept
    assert not [e for e in library.entries() if e.damaged]


def test_output_never_overwrites_the_file_of_a_session_open_elsewhere(
    library: SessionLibrary, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "andere-map"
    other.mkdir()
    target = other / "open.json"
    target.write_text("{}")  # not even a session yet: its lock alone says it is in use
    with FileLock(sessionfile.lock_path(target)):
        result = run_process(folder, "export", make_session(library, "Bron"), "-o", str(target))
    assert result.returncode == 1 and "is een sessiebestand" in result.stderr
    assert target.read_text() == "{}"
    capsys.readouterr()


def test_output_refuses_what_is_no_ordinary_file(
    library: SessionLibrary, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = make_session(library, "Bron")
    (tmp_path / "map").mkdir()
    assert run(folder, "export", session_id, "-o", str(tmp_path / "map")) == 1
    assert "is een map, geen gewoon bestand" in capsys.readouterr().err
    if os.geteuid() == 0:  # a device node of our own: only root may make one
        device = tmp_path / "apparaat"
        os.mknod(device, 0o600 | 0o020000, os.makedev(1, 8))  # like /dev/random
        assert run(folder, "report", session_id, "-o", str(device)) == 1
        assert "is een apparaat" in capsys.readouterr().err
        assert (device.lstat().st_mode & 0o170000) == 0o020000  # still the device


def test_output_to_a_pipe_or_standard_output_is_written_directly(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    session_id = make_session(library, "Bron")
    result = run_process(folder, "export", session_id, "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["session"]["id"] == session_id
    assert Path("/dev/stdout").is_symlink()  # not replaced by a file (as root it once was)
    redirected = tmp_path / "uit.md"
    with redirected.open("w") as out:
        subprocess.run([sys.executable, "-m", "regionet_tui", "--sessions-dir", str(folder),
                        "report", session_id, "-o", "/dev/stdout"], stdout=out,
                       timeout=NO_HANG, check=True)
    assert redirected.read_text().startswith("# Bron")
    pipe = tmp_path / "pijp"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE)
    written = run_process(folder, "export", session_id, "-o", str(pipe))
    assert written.returncode == 0, written.stderr
    assert json.loads(reader.communicate(timeout=NO_HANG)[0])["session"]["id"] == session_id
    unread = run_process(folder, "export", session_id, "-o", str(pipe))
    assert unread.returncode == 1 and "Niemand leest van de pipe" in unread.stderr
