"""`g` and `v` in STAP 1 at region scale: from the key to the repainted screen.

What the facilitator waits for after `g` (the gap table instead of the score
grid) and after `v` (the next view: per service, per partner, per kind of
organisation): the key goes in as the terminal driver sends it, and the time
runs until the last paint before the app is idle, the rows computed and drawn.
The CPU time of the interface thread is printed beside the wall time: other
jobs share the machine, and CPU time barely moves with their load.
`g` is timed both ways (to the table and back to the grid).

The region session of benchmarks/region.py, with 120 partners and with 1000
(the same generator, more partners); each count in a fresh process, the app
headless in the Pilot at 80x24 (the projector's size), ROUNDS rounds of
`g v v v g` after one warm round. Issue 19's targets: ≤ 33 ms at 120
partners, ≤ 100 ms at 1000, for every key.

Run: python benchmarks/bench_gap_keys.py [--rounds N] [--partners 120 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

SIZE = (80, 24)
ROUNDS = 10
TARGETS = {120: 0.033, 1000: 0.100}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def child_gap_keys(path: Path, rounds: int) -> dict[str, list[tuple[float, float]]]:
    from bench_region import _last_paint_since, _measured_app, _settle, _until
    from regionet_tui.screens.widgets.gap_table import GapTable
    from textual import events
    from textual.widgets import ContentSwitcher

    app = _measured_app(path.parent)

    async def press(key: str, done: Any) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.thread_time()
        event = events.Key(key, key)
        event.set_sender(app)
        app._driver.send_message(event)  # as the terminal driver delivers a key
        await _until(app, lambda: done() and _last_paint_since(app, wall) is not None)
        painted = _last_paint_since(app, wall)
        assert painted is not None
        return painted[0] - wall, painted[1] - cpu

    async def run() -> dict[str, list[tuple[float, float]]]:
        times: dict[str, list[tuple[float, float]]] = {
            "g (to the table)": [], "v (next view)": [], "g (back to the grid)": []}
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_session(path)
            await _settle(app)
            app.show_stage("stap1")
            await _until(app, lambda: app.screen.query(GapTable))
            await _settle(app)
            screen = app.screen
            table = screen.query_one(GapTable)
            switcher = screen.query_one(ContentSwitcher)

            def view_after(view: str) -> Any:
                return lambda: table.view == view and table.row_count > 0

            for number in range(rounds + 1):  # the first round warms up
                took = [("g (to the table)", await press(
                    "g", lambda: switcher.current == "gaps" and table.row_count > 0))]
                for view in ("partner", "group", "service"):
                    took.append(("v (next view)", await press("v", view_after(view))))
                took.append(("g (back to the grid)",
                             await press("g", lambda: switcher.current == "entry")))
                if number:
                    for name, seconds in took:
                        times[name].append(seconds)
        return times

    return asyncio.run(run())


def child(path: Path, rounds: int) -> dict[str, list[list[float]]]:
    done = subprocess.run([sys.executable, __file__, "--child", str(path), str(rounds)],
                          check=True, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    result: dict[str, list[list[float]]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--partners", type=int, nargs="+", default=list(TARGETS))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_gap_keys(Path(args.child[0]), int(args.child[1]))))
        return

    import region
    from bench_startup import compile_regionet

    compile_regionet()  # the child starts from byte-compiled modules, as after an install
    print(f"{'key, partners':34}{'target':>9}{'p50':>10}{'p95':>10}{'max':>10}"
          f"{'cpu p50':>10}{'cpu p95':>10}")
    misses = []
    for count in args.partners:
        region.PARTNERS = count  # the same generator, more partners
        with tempfile.TemporaryDirectory() as tmp:
            path = region.save_region(Path(tmp) / "sessions")
            times = child(path, args.rounds)
        target = TARGETS.get(count)
        for name, measured in times.items():
            values, cpus = [w for w, _ in measured], [c for _, c in measured]
            p95 = percentile(values, 0.95)
            verdict = "" if target is None else ("PASS" if p95 <= target else "MISS")
            if verdict == "MISS":
                misses.append(f"{name} at {count}")
            shown_target = f"{target * 1000:.0f} ms" if target else ""
            print(f"{name + f', {count}':34}{shown_target:>9}"
                  f"{statistics.median(values) * 1000:>8.1f}ms{p95 * 1000:>8.1f}ms"
                  f"{max(values) * 1000:>8.1f}ms{statistics.median(cpus) * 1000:>8.1f}ms"
                  f"{percentile(cpus, 0.95) * 1000:>8.1f}ms  {verdict}", flush=True)
    print(f"\n{len(misses)} missed (p95 over the target)" + (": " + "; ".join(misses)
                                                           if misses else ""))


if __name__ == "__main__":
    main()
