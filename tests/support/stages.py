"""Helpers for the STAP 2-5 Pilot tests: open the demo, fill dialog fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Select, SelectionList, TextArea

from regionet_tui.app import RegionetApp
from regionet_tui.models import Session
from regionet_tui.storage import sessionfile
from support.app import make_app, noted


def demo_path(folder: Path) -> Path:
    return folder / "demo.json"


def saved(folder: Path) -> Session:
    return sessionfile.read(demo_path(folder))


async def open_demo_at(pilot: Any, key: str) -> None:
    """From the empty start screen: open the demo workshop and go to a stage."""
    await pilot.pause()
    await pilot.press("d")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


def demo_app(folder: Path, language: str = "nl") -> RegionetApp:
    return make_app(folder, language=language)


def set_input(app: RegionetApp, field_id: str, text: str) -> None:
    app.screen.query_one(f"#{field_id}", Input).value = text


def set_text(app: RegionetApp, field_id: str, text: str) -> None:
    app.screen.query_one(f"#{field_id}", TextArea).text = text


def set_select(app: RegionetApp, field_id: str, value: object) -> None:
    app.screen.query_one(f"#{field_id}", Select).value = value


def choose(app: RegionetApp, field_id: str, *values: str) -> None:
    selection = app.screen.query_one(f"#{field_id}", SelectionList)
    selection.deselect_all()
    for value in values:
        selection.select(value)


def notifications(app: RegionetApp) -> list[str]:
    return [message for _title, message in noted(app)]
