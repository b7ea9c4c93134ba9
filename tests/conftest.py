"""Shared fixtures: every test gets its own sessions folder and config folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from regionet_tui import i18n
from regionet_tui.storage import SessionLibrary


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("REGIONET_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("REGIONET_SESSIONS", raising=False)
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")


@pytest.fixture
def any_free_port(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run side by side: each room takes a free port, not the usual 8765 (a phone
    of a closed room would otherwise reach another test's room there)."""
    from regionet_tui.room import server

    monkeypatch.setattr(server, "DEFAULT_PORT", 0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "sessions"
    path.mkdir()
    return path


@pytest.fixture
def library(folder: Path) -> SessionLibrary:
    lib = SessionLibrary(folder)
    lib.prepare()
    return lib
