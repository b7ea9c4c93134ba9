"""`regionet room SESSION`: the errors it gives before any app starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.room import demo_store

from regionet_tui.cli import main
from regionet_tui.share.export import export_bytes
from regionet_tui.storage import SessionLibrary


def test_an_unknown_session_or_an_export_file_is_refused(
        folder: Path, library: SessionLibrary, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sessions-dir", str(folder), "room", "nergens"]) == 1
    assert "nergens" in capsys.readouterr().err
    store = demo_store(folder)
    exported = tmp_path / "export.json"
    exported.write_bytes(export_bytes(store.session))
    store.close()
    assert main(["--sessions-dir", str(folder), "room", str(exported)]) == 1
    assert "geen sessiebestand" in capsys.readouterr().err


def test_room_is_a_listed_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "room" in capsys.readouterr().out
