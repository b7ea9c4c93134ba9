"""The command line with damaged files and a folder that refuses writes."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from support.app import make_session
from support.disk import read_only
from support.share import demo_export, folder_snapshot

from regionet_tui import cli
from regionet_tui.storage import SessionLibrary

TRUNCATED = b'{"session": {"1": {"schema_version": 1, "id": "x", "title": "afgebr'


def run(folder: Path, *args: str) -> int:
    return cli.main(["--sessions-dir", str(folder), *args])


@pytest.mark.parametrize(("content", "reason", "python_text"), [
    (b"\xda\xff\x00binair", "geen tekst (geen UTF-8)", "codec"),
    (TRUNCATED, "fout bij teken 61", "Unterminated"),  # where the cut string starts
])
def test_the_name_list_shows_for_a_damaged_file_gives_its_damage(
    library: SessionLibrary, folder: Path, capsys: pytest.CaptureFixture[str],
    content: bytes, reason: str, python_text: str,
) -> None:
    (folder / "binary.json").write_bytes(content)
    assert run(folder, "list") == 0
    listed = capsys.readouterr().out
    assert listed.startswith("binary.json\t") and reason in listed
    for name in ("binary.json", "binary"):
        assert run(folder, "report", name) == 1
        err = capsys.readouterr().err
        assert err.startswith("Het bestand binary.json kan niet worden gelezen:"), err
        assert reason in err and python_text not in err and "Geen sessie" not in err
    assert (folder / "binary.json").read_bytes() == content


def test_a_session_can_be_named_by_its_file_name(
    library: SessionLibrary, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = make_session(library, "Najaarsronde")
    assert run(folder, "report", f"{session_id}.json") == 0
    assert "Najaarsronde" in capsys.readouterr().out


def test_new_and_import_in_a_read_only_folder_say_why_and_add_nothing(
    library: SessionLibrary, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_session(library, "Op de stick")
    export = tmp_path / "partner.json"
    export.write_bytes(demo_export())
    before = folder_snapshot(folder)
    read_only(monkeypatch, folder, errno.EROFS)
    assert run(folder, "new", "Nieuwe ronde") == 1
    err = capsys.readouterr().err
    assert "de map is alleen-lezen" in err and "Traceback" not in err
    assert run(folder, "import", str(export)) == 1
    assert "de map is alleen-lezen" in capsys.readouterr().err
    assert run(folder, "list") == 0
    assert "Op de stick" in capsys.readouterr().out
    assert folder_snapshot(folder) == before


def test_a_missing_file_to_import_is_said_in_the_users_language(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(folder, "import", str(tmp_path / "weg.json")) == 1
    err = capsys.readouterr().err
    assert "de map of het bestand is er niet (meer)" in err
    assert "(melding van het systeem: No such file or directory)" in err
