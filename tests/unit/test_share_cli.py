"""The command line for sharing: new, export, import, report, schema; SESSION
as id, title or file; errors on stderr with a non-zero code, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support.app import make_session
from support.share import demo_export, folder_snapshot

from regionet_tui import cli
from regionet_tui.storage import SessionLibrary, sessionfile


def run(folder: Path, *args: str) -> int:
    return cli.main(["--sessions-dir", str(folder), *args])


def test_help_lists_every_share_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for word in ("list", "new", "export", "import", "report", "schema",
                 "--demo", "--sessions-dir", "--lang"):
        assert word in out


def test_new_creates_a_session_and_prints_its_id(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(folder, "new", "Ronde 2", "--region", "Achterhoek", "--date", "3-2-2027") == 0
    session_id = capsys.readouterr().out.strip()
    saved = sessionfile.read(folder / f"{session_id}.json")
    assert (saved.title, saved.region, saved.date.isoformat()) == ("Ronde 2", "Achterhoek",
                                                                    "2027-02-03")


def test_new_refuses_bad_input_on_stderr(folder: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    assert run(folder, "new", "  ") == 1
    assert run(folder, "new", "Ronde", "--date", "31-02-2026") == 1
    err = capsys.readouterr().err
    assert "Titel is verplicht." in err and "geen geldige datum" in err
    assert list(folder.glob("*.json")) == []


def test_export_by_title_id_or_file_gives_the_same_document(
    library: SessionLibrary, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = make_session(library, "Najaarsronde")
    assert run(folder, "export", "Najaarsronde", "-o", str(tmp_path / "a.json")) == 0
    assert run(folder, "export", session_id, "-o", str(tmp_path / "b.json")) == 0
    assert run(folder, "export", str(library.path_for(session_id)), "-o",
               str(tmp_path / "c.json")) == 0
    documents = [json.loads((tmp_path / n).read_bytes()) for n in ("a.json", "b.json", "c.json")]
    for document in documents:
        document.pop("exported_at")
    assert documents[0] == documents[1] == documents[2]
    assert documents[0]["session"]["id"] == session_id
    assert "a.json" in capsys.readouterr().err


def test_an_ambiguous_or_unknown_session_is_a_clear_error(
    library: SessionLibrary, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = make_session(library, "Ronde")
    second = make_session(library, "Ronde")
    assert run(folder, "export", "Ronde") == 1
    assert run(folder, "report", "bestaat-niet") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "meerdere sessies" in captured.err and first in captured.err and second in captured.err
    assert 'Geen sessie "bestaat-niet"' in captured.err


def test_import_adds_a_new_session_and_says_when_the_id_changed(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "van-partner.json"
    source.write_bytes(demo_export())
    assert run(folder, "import", str(source)) == 0
    assert "Geïmporteerd als nieuwe sessie" in capsys.readouterr().out
    assert run(folder, "import", str(source)) == 0
    assert "nieuwe id" in capsys.readouterr().out
    assert len(list(folder.glob("*.json"))) == 2


def test_a_refused_import_names_the_place_and_changes_nothing(
    library: SessionLibrary, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_session(library, "Bestaand")
    before = folder_snapshot(folder)
    source = tmp_path / "kapot.json"
    source.write_bytes(demo_export().replace(b'"quality": 5', b'"quality": NaN', 1))
    assert run(folder, "import", str(source)) == 1
    err = capsys.readouterr().err
    assert "niet geïmporteerd" in err and "NaN" in err and "session.portfolio.scores" in err
    assert folder_snapshot(folder) == before


def test_report_picks_the_format_from_the_file_name(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    make_session(library, "Najaarsronde")
    assert run(folder, "report", "Najaarsronde", "-o", str(tmp_path / "v.html")) == 0
    assert run(folder, "report", "Najaarsronde", "-o", str(tmp_path / "v.md")) == 0
    assert run(folder, "report", "Najaarsronde", "--format", "html", "-o",
               str(tmp_path / "v.txt")) == 0
    assert (tmp_path / "v.html").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "v.md").read_text().startswith("# Najaarsronde")
    assert (tmp_path / "v.txt").read_text().startswith("<!DOCTYPE html>")


def test_report_of_an_export_file_to_stdout(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.json"
    source.write_bytes(demo_export())
    assert run(folder, "report", str(source)) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Leernetwerk Rivierenland") and "## Partners" in out


def test_schema_to_stdout_is_json_with_its_draft(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(folder, "schema") == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_an_unwritable_output_is_a_clear_error(
    library: SessionLibrary, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_session(library, "Ronde")
    blocker = tmp_path / "bestand"
    blocker.write_text("")
    assert run(folder, "export", "Ronde", "-o", str(blocker / "x.json")) == 1
    assert "Kan niet schrijven" in capsys.readouterr().err


def test_errors_in_a_real_process_have_no_traceback(folder: Path, tmp_path: Path) -> None:
    hostile = tmp_path / "diep.json"
    hostile.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    for args in (["import", str(hostile)], ["report", str(hostile)], ["export", "niets"],
                 ["import", str(tmp_path / "weg.json")]):
        done = subprocess.run(
            [sys.executable, "-m", "regionet_tui", "--sessions-dir", str(folder), *args],
            capture_output=True, text=True, check=False, timeout=60,
        )
        assert done.returncode != 0, args
        assert done.stderr.strip() and "Traceback" not in done.stderr, args


def test_session_resolution_by_title_ignores_case_and_reports_damage(
    library: SessionLibrary, folder: Path, tmp_path: Path
) -> None:
    from regionet_tui.commands.resolve import ResolveError, resolve

    session_id = make_session(library, "Najaarsronde")
    assert resolve(library, "najaarsronde").session.id == session_id
    assert resolve(library, session_id).path == library.path_for(session_id)
    damaged = tmp_path / "stuk.json"
    damaged.write_text('{"session": {"1": {"schema_version": 1, "id": "x"}}}')
    with pytest.raises(ResolveError) as error:
        resolve(library, str(damaged))
    assert "title" in str(error.value)
    (folder / "kapot.json").write_text("{")
    with pytest.raises(ResolveError) as error:
        resolve(library, "kapot")
    assert "geen geldige JSON" in str(error.value)
