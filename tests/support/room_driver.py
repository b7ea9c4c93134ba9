"""The app with its room open, in a process of its own: for the kill -9 test and the
room's benchmark.

    python tests/support/room_driver.py SESSION_FILE INFO_FILE [--keys SECONDS]

Opens SESSION_FILE in the real app (headless, in the Pilot), opens its room on
127.0.0.1 with every part open, and writes {"port", "url"} to INFO_FILE once
phones can join. The facilitator lets every waiting phone in as it asks
(every 20 ms). With --keys, once a file "go" appears beside INFO_FILE, it also
presses keys in the STAP 1 grid (down, up, ...) for SECONDS and writes each
key's time to its repaint to "keys.json" there; it quits once a file "stop"
appears there. Without it, it runs until it is killed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def measured_app(path: Path) -> Any:
    """The real app, recording the wall time of every paint (as bench_region.py does)."""
    from regionet_tui.app import AppConfig, RegionetApp

    class Measured(RegionetApp):
        def __init__(self) -> None:
            super().__init__(AppConfig(path.parent, "nl", remember=False))
            self.paints: list[tuple[float, float]] = []  # (wall, interface-thread CPU)

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is not None and not self._batch_count:
                renderable.render_segments(self.console)
                self.paints.append((time.perf_counter(), time.thread_time()))

    return Measured()


async def _next_paint(app: Any, wall: float, cpu: float,
                      timeout: float = 5.0) -> tuple[float, float]:
    """(wall, interface-thread CPU) from a key to the first paint after it."""
    while time.perf_counter() < wall + timeout:
        later = [paint for paint in app.paints if paint[0] >= wall]
        if later:
            return later[0][0] - wall, later[0][1] - cpu
        await asyncio.sleep(0.001)
    return timeout, timeout


async def run(path: Path, info: Path, key_seconds: float | None) -> None:
    from textual import events

    from regionet_tui.room import host
    from regionet_tui.room.stages import ROOM_STAGES

    if "ROOM_PACING" in os.environ:  # benchmarks compare with and without
        host.PACING = float(os.environ["ROOM_PACING"])

    app = measured_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_session(path)
        await pilot.pause()
        app.show_stage("stap1")
        await pilot.pause()
        assert await app.open_room(port=0) and app.room is not None
        for stage in ROOM_STAGES:
            app.set_room_stage(stage, True)

        def let_in() -> None:
            if app.room is not None:
                for device in app.room.access.waiting():
                    app.admit_device(device.id)

        app.set_interval(0.02, let_in)
        partial = info.with_suffix(".part")
        partial.write_text(json.dumps({"port": app.room.port, "url": app.room.url}))
        os.replace(partial, info)
        if key_seconds is None:
            while True:
                await asyncio.sleep(3600)
        go = info.parent / "go"
        while not go.exists():
            await asyncio.sleep(0.01)
        grid = app.screen.query_one("ScoreGrid")
        grid.focus()
        await pilot.pause()
        latencies: list[tuple[float, float]] = []
        end = time.perf_counter() + key_seconds
        count = 0
        while time.perf_counter() < end:
            key = "down" if count % 2 == 0 else "up"
            count += 1
            wall, cpu = time.perf_counter(), time.thread_time()
            event = events.Key(key, None)
            event.set_sender(app)
            app.post_message(event)  # as the terminal driver passes a key on
            latencies.append(await _next_paint(app, wall, cpu))
            await asyncio.sleep(0.05)  # a facilitator's pace, a little fast
        (info.parent / "keys.json").write_text(json.dumps(latencies))
        stop = info.parent / "stop"
        while not stop.exists():  # the phones may still be answering
            await asyncio.sleep(0.05)
        app.store.flush()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("session", type=Path)
    parser.add_argument("info", type=Path)
    parser.add_argument("--keys", type=float)
    args = parser.parse_args()
    asyncio.run(run(args.session, args.info, args.keys))


if __name__ == "__main__":
    main()
