"""Snapshots of what the room sees: the demo workshop reached by the facilitator's
keys at 80x24, with everything that would differ between two runs held still.

What is held still, and where:
- the clock: the whole test runs at `FROZEN_AT` (tests/snapshots/conftest.py), so
  the stage timer, "today" in the plan and the follow-ups, the dates a new
  session or next round proposes and the times on the start screen never move;
- the sessions folder: a relative `sessions` in the test's own folder, so the
  start screen and the share stage show the same path on every machine;
- the room: its address is `ROOM_URL` whatever port it got and whatever secret
  it drew, so the QR code is the same too (conftest.py);
- cursors: every text field stops blinking, with its cursor shown, just before
  the screenshot; toasts are cleared, as they come and go with the real clock.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TextArea

from regionet_tui.app import RegionetApp
from regionet_tui.config import AppConfig

# The morning of the demo workshop (12 November 2026), after its parked items.
FROZEN_AT = datetime(2026, 11, 12, 11, 45, tzinfo=ZoneInfo("Europe/Amsterdam"))
# As long as a real room's address (port 8765, a 22-character secret): the same QR size.
ROOM_URL = "http://127.0.0.1:8765/j/SnapshotRoomSecret0123"
SESSIONS = Path("sessions")
SIZE = (80, 24)
LANGUAGES = ("nl", "en")

Step = Callable[[Pilot[None]], Awaitable[None]]


@dataclass(frozen=True)
class Shot:
    """One picture: the keys that reach it from the start screen, after the demo
    workshop has opened (`demo=False`: from the empty start screen)."""

    name: str
    keys: tuple[str, ...] = ()
    demo: bool = True
    size: tuple[int, int] = SIZE
    # Something a key cannot do: a partner's file on disk before the merge.
    before: Step | None = field(default=None, compare=False)


def shot_ids(shots: Sequence[Shot]) -> list[str]:
    return [shot.name for shot in shots]


def snapshot_app(language: str) -> RegionetApp:
    """The app on the relative sessions folder of the current directory (the test's)."""
    SESSIONS.mkdir(exist_ok=True)
    return RegionetApp(AppConfig(SESSIONS, language, room_port=0))


async def settle(pilot: Pilot[None]) -> None:
    """Wait until what the last key started has been drawn."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def press(pilot: Pilot[None], keys: Sequence[str]) -> None:
    """Each key as a facilitator presses it: the next one after the screen has followed.

    Toasts go at once: they leave with the real clock, and one left on a screen
    under a dialog would stay in its picture."""
    for key in keys:
        await pilot.press(key)
        pilot.app.clear_notifications()
        await settle(pilot)


async def hold_still(pilot: Pilot[None]) -> None:
    """Stop what would differ between two screenshots taken a moment apart."""
    app = pilot.app
    for screen in app.screen_stack:
        for text_field in screen.query(Input):
            text_field.cursor_blink = False
        for text_area in screen.query(TextArea):
            text_area.cursor_blink = False
    app.clear_notifications()
    await settle(pilot)


def reach(shot: Shot, *, theme_key: str | None = None, presenting: bool = False,
          shown: list[Screen[object]] | None = None) -> Step:
    """The steps to `shot`: the demo opened with `d`, the projector theme (F9) and
    the presentation layout (F5) if asked, then the shot's own keys. The screen on
    top when the picture is taken is added to `shown`."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        if shot.demo:
            await press(pilot, ["d"])
        if theme_key is not None:
            await press(pilot, [theme_key])
        if presenting:
            await press(pilot, ["f5"])
        if shot.before is not None:
            await shot.before(pilot)
        await press(pilot, shot.keys)
        await hold_still(pilot)
        if shown is not None:
            shown.append(pilot.app.screen)

    return run_before


PARTNER_FILE = "exports/partner.json"


async def partner_file_with_conflict(pilot: Pilot[None]) -> None:
    """The share stage, and on it the session's own export (`e`) as a partner's copy
    comes back, with another contact person for its first partner, as `PARTNER_FILE`."""
    await press(pilot, ["8", "e"])
    await pilot.app.workers.wait_for_complete()  # the export is written in the background
    await settle(pilot)
    (export,) = Path("exports").glob("*.json")
    exported: dict[str, Any] = json.loads(export.read_text(encoding="utf-8"))
    exported["session"]["partners"][0]["contact"] = "Iemand anders"
    Path(PARTNER_FILE).write_text(json.dumps(exported), encoding="utf-8")
