"""Every snapshot test runs in its own folder, at the frozen time, with a fixed room address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine
from support.snapshots import FROZEN_AT, ROOM_URL

from regionet_tui.room.server import RoomServer


@pytest.fixture(autouse=True)
def held_still(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # The sessions folder is shown as given: relative to the test's own folder.
    monkeypatch.chdir(tmp_path)
    # The room listens on a free port with a secret of its own; the screen shows one address.
    monkeypatch.setattr(RoomServer, "url", property(lambda _server: ROOM_URL))
    # Wall-clock time stands still (the event loop's monotonic clock runs on), and the
    # local time zone is the workshop's.
    with time_machine.travel(FROZEN_AT, tick=False):
        yield
