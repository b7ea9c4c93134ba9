"""Speed and memory with a region-sized session (benchmarks/region.py: 120
partners, 30 services, 400 milestones, 300 follow-ups, an 80-node flowchart).

Each measurement runs in a fresh process (`--child <name>`), the app headless
in the Pilot at 100x30. Wall time is what counts; the CPU time of the
interface thread is shown beside it because other jobs share the machine and
CPU time barely moves with their load. A paint is the compositor's update of
the screen, including its conversion to terminal output (which the headless
driver skips, so the benchmark does it).

Run: python benchmarks/bench_region.py [--runs N] [--only switch memory ...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZE = (100, 30)
FRAME = 1 / 60  # a key is answered within one frame
KEY_PRESSES = 200
SWITCH_ROUNDS = 5
SAVE_RUNS = 15
GAP_RUNS = 50


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- inside a child process ---------------------------------------------------------
def _measured_app(folder: Path) -> Any:
    """The real app, recording (wall, interface-thread CPU) of every paint."""
    from regionet_tui.app import RegionetApp
    from regionet_tui.config import AppConfig

    class Measured(RegionetApp):
        def __init__(self) -> None:
            super().__init__(AppConfig(folder, "nl", remember=False))
            self.paints: list[tuple[float, float]] = []
            self.painted_screens: list[Any] = []  # the screen of each paint

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is not None and not self._batch_count:
                renderable.render_segments(self.console)
                self.paints.append((time.perf_counter(), time.thread_time()))
                self.painted_screens.append(screen)

    return Measured()


async def _settle(app: Any) -> None:
    """Until every message is handled and the screen painted, twice over without a paint."""
    loop = asyncio.get_running_loop()
    while True:
        before = len(app.paints)
        for _ in range(2):
            done = loop.create_future()
            app.screen.call_after_refresh(lambda done=done: done.done() or done.set_result(None))
            await done
        if len(app.paints) == before:
            return


async def _until(app: Any, ready: Any) -> None:
    await _settle(app)
    while not ready():
        await _settle(app)


def _last_paint_since(app: Any, wall: float) -> tuple[float, float] | None:
    later = [p for p in app.paints if p[0] >= wall]
    return later[-1] if later else None


def child_open(path: Path) -> dict[str, Any]:
    from regionet_tui.screens.stages.partners import PartnersScreen

    from regionet_tui.storage import store as store_module

    store_times: list[float] = []
    original = store_module.SessionStore.open.__func__  # type: ignore[attr-defined]

    def timed_open(cls: Any, opened: Path) -> Any:
        begin = time.perf_counter()
        result = original(cls, opened)
        store_times.append(time.perf_counter() - begin)
        return result

    store_module.SessionStore.open = classmethod(timed_open)  # type: ignore[method-assign]
    app = _measured_app(path.parent)

    async def run() -> dict[str, Any]:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            wall, cpu = time.perf_counter(), time.thread_time()
            app.open_session(path)
            await _until(app, lambda: isinstance(app.screen, PartnersScreen))
            settled_wall, settled_cpu = time.perf_counter(), time.thread_time()
            shown = _first_paint_of(app, app.screen, wall)
            rows = app.screen.query_one("#partners").row_count
            assert rows == len(app.store.session.partners), rows
            # Shown: the first paint of the partners. Settled: idle again, the
            # collection and freeze after that first paint included.
            return {"wall": shown[0] - wall, "cpu": shown[1] - cpu, "store": store_times[0],
                    "settled_wall": settled_wall - wall, "settled_cpu": settled_cpu - cpu}

    return asyncio.run(run())


def child_keys(path: Path) -> dict[str, Any]:
    """Two runs of score keys in STAP 1, each key timed from the key event to its repaint.

    "single": a quality digit typed with the cursor put in place beforehand,
    alternating between two services. "typing": keys typed as a facilitator
    does, j and a digit for offered/quality and wanted/desired, service after
    service (so every fourth key also moves the cursor to the next service),
    then on to the next partner.
    """
    from regionet_tui.screens.widgets.score_grid import ScoreGrid
    from textual import events
    from textual.coordinate import Coordinate

    from regionet_tui.core.stap1 import score_of
    from regionet_tui.core.stap1_grid import DESIRED, FIELD_OF, OFFERED, QUALITY

    app = _measured_app(path.parent)

    saving: list[float] = []  # CPU of the interface thread in SessionStore.save, per key

    def watch_saves() -> None:
        save = app.store.save

        def timed_save() -> None:
            begin = time.thread_time()
            save()
            saving.append(time.thread_time() - begin)

        app.store.save = timed_save

    async def press(key: str, done: Any) -> tuple[float, float, float]:
        saving.clear()
        wall, cpu = time.perf_counter(), time.thread_time()
        event = events.Key(key, key)
        event.set_sender(app)
        app.post_message(event)  # as the terminal driver passes a key on
        await _until(app, lambda: done() and _last_paint_since(app, wall) is not None)
        painted = _last_paint_since(app, wall)
        assert painted is not None
        return painted[0] - wall, painted[1] - cpu, painted[1] - cpu - sum(saving)

    async def run() -> dict[str, Any]:
        single: list[tuple[float, float, float]] = []
        typing: list[tuple[float, float, float]] = []
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_session(path)
            await _settle(app)
            watch_saves()
            app.show_stage("stap1")
            await _until(app, lambda: app.screen.query(ScoreGrid))
            grid = app.screen.query_one(ScoreGrid)
            grid.focus()
            grid.action_entry()  # digits are scores in the entry mode (e)
            partner = app.store.session.partners[0].id
            for count in range(KEY_PRESSES):
                digit = str(2 + count // 2 % 8)
                grid.cursor_coordinate = Coordinate(count % 2, QUALITY)
                await _settle(app)
                service = grid.current_service_id

                def stored(service: str = service, value: int = int(digit)) -> bool:
                    return score_of(app.store.session, partner, service).quality == value

                single.append(await press(digit, stored))

            while len(typing) < KEY_PRESSES:
                if grid.cursor_coordinate == (grid.row_count - 1, DESIRED):  # the last cell
                    await press("tab", lambda: grid.cursor_coordinate == (0, OFFERED))
                partner = app.store.session.partners[app.screen.partner_index].id
                service, field = grid.current_service_id, FIELD_OF[grid.cursor_column]
                current = getattr(score_of(app.store.session, partner, service), field)
                # j, or a digit 2-9 that differs from the score there (a 1 would wait)
                value: bool | int = (True if field in ("offered", "wanted")
                                     else 2 + (current or 0) % 8)
                key = "j" if value is True else str(value)

                def typed(partner: str = partner, service: str = service, field: str = field,
                          value: bool | int = value) -> bool:
                    score = score_of(app.store.session, partner, service)
                    return bool(getattr(score, field) == value)

                typing.append(await press(key, typed))
            app.store.flush()
        return {name: {"wall": [w for w, _, _ in runs], "cpu": [c for _, c, _ in runs],
                       "unsaved": [u for _, _, u in runs]}
                for name, runs in (("single", single), ("typing", typing))}

    return asyncio.run(run())


def _first_paint_of(app: Any, screen: Any, wall: float) -> tuple[float, float]:
    """The first paint since `wall` that showed `screen`."""
    return next(paint for paint, painted in zip(app.paints, app.painted_screens, strict=True)
                if paint[0] >= wall and painted is screen)


def child_switch(path: Path) -> dict[str, Any]:
    """Every stage in turn, SWITCH_ROUNDS times: the first round builds each stage's
    screen (partners was built when the session opened), later rounds show the kept one.
    Each switch is timed to the first paint showing the stage ("shown") and to the
    last paint before the app is idle ("settled")."""
    from regionet_tui.screens.stage import StageScreen

    from regionet_tui.progress import STAGE_IDS

    app = _measured_app(path.parent)

    async def run() -> dict[str, Any]:
        times: dict[str, list[tuple[float, float, float, float]]] = {s: [] for s in STAGE_IDS}
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_session(path)
            await _settle(app)
            order = [*STAGE_IDS[1:], STAGE_IDS[0]]
            for _ in range(SWITCH_ROUNDS):
                for stage in order:
                    wall, cpu = time.perf_counter(), time.thread_time()
                    app.show_stage(stage)
                    await _until(app, lambda stage=stage: isinstance(app.screen, StageScreen)
                                 and app.screen.STAGE_ID == stage)
                    settled = _last_paint_since(app, wall)
                    assert settled is not None
                    shown = _first_paint_of(app, app.screen, wall)
                    times[stage].append((settled[0] - wall, settled[1] - cpu,
                                         shown[0] - wall, shown[1] - cpu))
        return times

    return asyncio.run(run())


MEMORY_STAGES = ("partners", "stap1", "stap5", "stap6", "reflection")


def child_memory(path: Path | None, every_stage: bool = False) -> dict[str, Any]:
    if path is None:
        from textual.app import App
        from textual.widgets import Footer, Header, Static

        class Bare(App[None]):
            def compose(self) -> Any:
                yield Header()
                yield Static("hallo")
                yield Footer()

        async def bare() -> None:
            async with Bare().run_test(size=SIZE) as pilot:
                await pilot.pause()

        asyncio.run(bare())
    else:
        from regionet_tui.progress import STAGE_IDS

        app = _measured_app(path.parent)

        async def region() -> None:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                app.open_session(path)
                await _settle(app)
                for stage in STAGE_IDS if every_stage else MEMORY_STAGES:
                    app.show_stage(stage)
                    await _settle(app)

        asyncio.run(region())
    status = Path("/proc/self/status").read_text()
    peak_kb = next(int(line.split()[1]) for line in status.splitlines()
                   if line.startswith("VmHWM:"))
    return {"peak_mb": peak_kb / 1024}


def child_memory_all(path: Path) -> dict[str, Any]:
    return child_memory(path, every_stage=True)


def _timed(call: Any, runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.thread_time()
        call()
        cpus.append(time.thread_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return walls, cpus


def child_save(path: Path) -> dict[str, Any]:
    from pydantic_core import to_json

    from regionet_tui.core.stap1 import update_score
    from regionet_tui.storage import SessionStore, sessionfile
    from regionet_tui.storage.store import BACKGROUND_SAVE_BYTES

    store = SessionStore.open(path)
    session = store.session
    size = path.stat().st_size

    # Changes on the calling thread, the first right after opening: each must
    # return before the file is written.
    written: list[float] = []
    write = store._write

    def recording_write(snapshot: bytes) -> None:
        written.append(time.perf_counter())
        write(snapshot)

    store._write = recording_write  # type: ignore[method-assign]
    change_walls, change_cpus, on_caller = [], [], False
    partner, service = session.partners[0].id, session.portfolio.services[0].id
    for run in range(SAVE_RUNS):
        written.clear()
        wall, cpu = time.perf_counter(), time.thread_time()
        store.change(lambda s, run=run: update_score(s, partner, service, quality=run % 9 + 1))
        returned = time.perf_counter()
        change_cpus.append(time.thread_time() - cpu)
        change_walls.append(returned - wall)
        store.flush()
        assert len(written) == 1
        if written[0] < returned:
            on_caller = True
    store._write = write  # type: ignore[method-assign]

    def full_save() -> None:  # the snapshot on the calling thread, then the writer's part
        store._write(to_json(session))

    baseline_path = path.with_name("baseline.json")

    def baseline() -> None:
        data = json.dumps(sessionfile.document(session)).encode("utf-8")
        with open(baseline_path, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())

    save, base = [], []
    for _ in range(SAVE_RUNS):  # interleaved, so drift affects both alike
        save.append(_timed(full_save, 1))
        base.append(_timed(baseline, 1))
    baseline_path.unlink()

    store.close()
    return {
        "size": size, "threshold": BACKGROUND_SAVE_BYTES,
        "save_wall": [w[0][0] for w in save], "save_cpu": [w[1][0] for w in save],
        "base_wall": [w[0][0] for w in base], "base_cpu": [w[1][0] for w in base],
        "change_wall": change_walls, "change_cpu": change_cpus, "write_on_caller": on_caller,
    }


def child_gaps(path: Path) -> dict[str, Any]:
    from regionet_tui.core import stap1_gaps
    from regionet_tui.storage import sessionfile

    session = sessionfile.read(path)
    result = {}
    for name in ("by_service", "by_partner"):
        function = getattr(stap1_gaps, name)
        function(session)  # warm: catalogue and imports
        walls, cpus = _timed(lambda function=function: function(session), GAP_RUNS)
        result[name] = {"wall": walls, "cpu": cpus}
    return result


CHILDREN = {"open": child_open, "keys": child_keys, "switch": child_switch,
            "memory": child_memory, "memory_all": child_memory_all, "save": child_save,
            "gaps": child_gaps}
PARTS = ("open", "keys", "save", "gaps", "switch", "memory")


# -- the parent ---------------------------------------------------------------------
def child(name: str, path: Path | None) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", name]
    if path is not None:
        args.append(str(path))
    done = subprocess.run(args, check=True, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="fresh processes for open, memory")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS),
                        help="measure only these parts")
    parser.add_argument("--partners", type=int, default=120,
                        help="partners in the region session (6, 120, 1000, 2000)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, *rest = args.child
        print(json.dumps(CHILDREN[name](Path(rest[0]) if rest else None)))
        return

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_startup import compile_regionet
    from region import save_region

    compile_regionet()  # the children start from byte-compiled modules, as after an install

    rows: list[tuple[str, str, str, str, bool | None]] = []

    def row(name: str, target: str, wall: str, cpu: str, ok: bool | None) -> None:
        rows.append((name, target, wall, cpu, ok))
        verdict = "" if ok is None else ("PASS" if ok else "MISS")
        print(f"{name:38}{target:>14}{wall:>12}{cpu:>12}  {verdict}", flush=True)

    print(f"{'measurement':38}{'target':>14}{'wall':>12}{'cpu':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        path = save_region(Path(tmp) / "sessions", partners=args.partners)
        print(f"{args.partners} partners, load {os.getloadavg()[0]:.1f}, under the Pilot at "
              f"{SIZE[0]}x{SIZE[1]}")

        if "open" in args.only:
            opens = [child("open", path) for _ in range(args.runs)]
            wall = statistics.median(o["wall"] for o in opens)
            cpu = statistics.median(o["cpu"] for o in opens)
            store = statistics.median(o["store"] for o in opens)
            shown_target = 0.2 if args.partners <= 120 else None
            row(f"open: partners shown (med of {args.runs})",
                "<= 200 ms" if shown_target else "", ms(wall), ms(cpu),
                wall <= shown_target if shown_target else None)
            settled_wall = statistics.median(o["settled_wall"] for o in opens)
            settled_cpu = statistics.median(o["settled_cpu"] for o in opens)
            settled_target = 0.3 if args.partners <= 120 else 1.0
            row("open: settled (idle, collector done)", f"<= {settled_target * 1000:.0f} ms",
                ms(settled_wall), ms(settled_cpu), settled_wall <= settled_target)
            row("  of which SessionStore.open", "", ms(store), "", None)
            row("  of which the screen", "", ms(wall - store), "", None)

        if "keys" in args.only:
            keys = child("keys", path)
            for run, label in (("single", "score key"), ("typing", "keys typed in order")):
                times = keys[run]
                for share, name in ((0.5, "p50"), (0.95, "p95")):
                    wall, cpu = percentile(times["wall"], share), percentile(times["cpu"], share)
                    row(f"{label} to repaint {name} ({KEY_PRESSES})",
                        "<= 16.7 ms" if name == "p95" else "", ms(wall), ms(cpu),
                        wall <= FRAME if name == "p95" else None)
                row(f"{label} to repaint max", "", ms(max(times["wall"])),
                    ms(max(times["cpu"])), None)
                for share, name in ((0.5, "p50"), (0.95, "p95")):
                    row(f"  cpu outside the save, {name}", "", "",
                        ms(percentile(times["unsaved"], share)), None)

        if "save" in args.only:
            save = child("save", path)
            save_wall, base_wall = (statistics.median(save[k]) for k in ("save_wall", "base_wall"))
            save_cpu, base_cpu = (statistics.median(save[k]) for k in ("save_cpu", "base_cpu"))
            row(f"save, model to disk (med of {SAVE_RUNS})", "", ms(save_wall), ms(save_cpu), None)
            row("json.dumps + write + fsync", "", ms(base_wall), ms(base_cpu), None)
            row("save / (json.dumps + write)", "<= 1.3x", f"{save_wall / base_wall:.2f}x",
                f"{save_cpu / base_cpu:.2f}x", save_wall / base_wall <= 1.3)
            large = save["size"] > save["threshold"]
            row(f"file {save['size'] // 1024} KB > background {save['threshold'] // 1024} KB",
                "yes", "yes" if large else "no", "", large)
            change_wall = statistics.median(save["change_wall"])
            change_cpu = statistics.median(save["change_cpu"])
            row("change() on the calling thread", "", ms(change_wall), ms(change_cpu), None)
            row("every write after change() returned", "yes",
                "no" if save["write_on_caller"] else "yes", "", not save["write_on_caller"])

        if "gaps" in args.only:
            gaps = child("gaps", path)
            for name in ("by_service", "by_partner"):
                wall = statistics.median(gaps[name]["wall"])
                cpu = statistics.median(gaps[name]["cpu"])
                row(f"stap1_gaps.{name} (med of {GAP_RUNS})", "<= 10 ms", ms(wall), ms(cpu),
                    wall <= 0.01)

        if "switch" in args.only:
            switch = child("switch", path)
            for stage, times in switch.items():
                first, later = times[0], times[1:]
                wall, cpu, shown = (statistics.median(t[i] for t in later) for i in (0, 1, 2))
                worst = max(t[0] for t in later)
                visit = "built on open" if stage == "partners" else "first visit"
                row(f"switch to {stage}, {visit} (shown {first[2] * 1000:.0f})", "<= 100 ms",
                    ms(first[0]), ms(first[1]), first[0] <= 0.1)
                row(f"  later (med; shown {shown * 1000:.0f}; max {worst * 1000:.0f})",
                    "<= 33 ms", ms(wall), ms(cpu), wall <= 0.033)

        if "memory" in args.only:
            bare, region, every = [], [], []
            for _ in range(max(3, args.runs // 2)):  # interleaved
                bare.append(child("memory", None)["peak_mb"])
                region.append(child("memory", path)["peak_mb"])
                every.append(child("memory_all", path)["peak_mb"])
            bare_mb = statistics.median(bare)
            row("peak RSS, bare Textual app", "", f"{bare_mb:.1f} MB", "", None)
            for name, values in ((f"{len(MEMORY_STAGES)} stages", region), ("every stage", every)):
                region_mb = statistics.median(values)
                row(f"peak RSS, region session, {name}", "", f"{region_mb:.1f} MB", "", None)
                row("  ratio to the bare app", "<= 2x", f"{region_mb / bare_mb:.2f}x", "",
                    region_mb / bare_mb <= 2)

    misses = [r[0] for r in rows if r[4] is False]
    print(f"\n{len(misses)} missed" + (": " + "; ".join(m.strip() for m in misses) if misses
                                         else ""))


if __name__ == "__main__":
    main()
