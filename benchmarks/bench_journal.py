"""The journal (issue 15): what one change costs, undo, the journal's size,
and kill -9 during a burst of changes.

- keys: the save work of one STAP 1 score key at 120 and 1000 partners
  (the region session of region.py with that many partners): `store.change`
  minus the core's own rule (`update_score`), on the calling (interface)
  thread, wall and CPU, with the journal's line appended by its thread; and the
  wait for that line's fsync, which a change allows itself (up to 50 ms) so a
  full disk is told with the change.
- undo: ctrl+z's work in the store (inverse edits, validation, journal line).
- size: the journal's size on disk after 5,000 changes (compaction keeps the
  last 1,000).
- kill: kill -9 at a random moment (20-900 ms) during a burst of changes,
  100 rounds: every change confirmed more than 0.1 s before the kill is in
  the session (file + journal) after reopening, and the files are valid.

Run: python benchmarks/bench_journal.py [--only keys undo size kill] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import region

from regionet_tui.core import stap1
from regionet_tui.storage import SessionLibrary, sessionfile
from regionet_tui.storage.journal import journal_path
from regionet_tui.storage.store import SessionStore

KEYS = 200


def _store(folder: Path, partners: int) -> SessionStore:
    library = SessionLibrary(folder)
    library.prepare()
    store = library.add(region.region_session(f"r{partners}", partners=partners))
    path = store.path
    store.close()
    return SessionStore.open(path)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def keys(partners: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as temp:
        store = _store(Path(temp), partners)
        session = store.session
        services = [s.id for s in stap1.visible_services(session.portfolio)]
        rng = random.Random(1)
        wall, cpu, rule, waited = [], [], [], []
        for n in range(KEYS):
            partner = session.partners[rng.randrange(len(session.partners))].id
            service = services[n % len(services)]
            quality = 1 + n % 10
            began_rule = time.perf_counter()
            rule_copy = session.model_copy()  # the rule alone, on a shallow copy
            stap1.update_score(rule_copy, partner, service, quality=quality)
            rule.append(time.perf_counter() - began_rule)
            store.wait_for_disk = 0
            began, began_cpu = time.perf_counter(), time.thread_time()
            store.change(lambda s, p=partner, v=service, q=quality:
                         stap1.update_score(s, p, v, quality=q))
            wall.append(time.perf_counter() - began)
            cpu.append(time.thread_time() - began_cpu)
            began_wait = time.perf_counter()
            store.flush()
            waited.append(time.perf_counter() - began_wait)
        size = store.path.stat().st_size
        store.close()
    save = [max(0.0, w - r) for w, r in zip(wall, rule, strict=True)]
    return {"partners": partners, "file_mb": round(size / 1e6, 2),
            "change_wall_ms_p50": round(statistics.median(wall) * 1e3, 2),
            "change_wall_ms_p95": round(_pct(wall, 0.95) * 1e3, 2),
            "change_cpu_ms_p50": round(statistics.median(cpu) * 1e3, 2),
            "rule_ms_p50": round(statistics.median(rule) * 1e3, 2),
            "save_work_ms_p50": round(statistics.median(save) * 1e3, 2),
            "save_work_ms_p95": round(_pct(save, 0.95) * 1e3, 2),
            "fsync_wait_ms_p50": round(statistics.median(waited) * 1e3, 2),
            "fsync_wait_ms_p95": round(_pct(waited, 0.95) * 1e3, 2)}


def undo(partners: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as temp:
        store = _store(Path(temp), partners)
        session = store.session
        service = stap1.visible_services(session.portfolio)[0].id
        times = []
        for n in range(50):
            partner = session.partners[n % len(session.partners)].id
            store.change(lambda s, p=partner: stap1.update_score(s, p, service, quality=3))
        store.wait_for_disk = 0
        for _ in range(50):
            began = time.perf_counter()
            store.undo()
            times.append(time.perf_counter() - began)
        store.close()
    return {"partners": partners, "undo_ms_p50": round(statistics.median(times) * 1e3, 2),
            "undo_ms_p95": round(_pct(times, 0.95) * 1e3, 2)}


def size() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as temp:
        store = _store(Path(temp), 120)
        store.wait_for_disk = 0
        partner = store.session.partners[0].id
        service = stap1.visible_services(store.session.portfolio)[0].id
        sizes = []
        for n in range(5000):
            store.change(lambda s, q=1 + n % 10: stap1.update_score(s, partner, service, quality=q))
            if n % 1000 == 999:
                store.flush()
                sizes.append(journal_path(store.path).stat().st_size)
        store.close()
    return {"journal_kb_after_each_1000_changes": [round(s / 1024) for s in sizes]}


def kill(rounds: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as temp:
        library = SessionLibrary(Path(temp))
        store = library.create("Kill", "", region.date(2026, 11, 22))
        path = store.path
        store.close()
        rng = random.Random(1234)
        lost = checked = damaged = 0
        for round_number in range(rounds):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                writer = SessionStore.open(path)
                n = 0
                while True:
                    n += 1
                    writer.change(lambda s, n=n, r=round_number: setattr(
                        s, "facilitator", f"{r}:{n}"))
                    os.write(write_end, f"{n} {time.monotonic()}\n".encode())
            os.close(write_end)
            time.sleep(rng.uniform(0.02, 0.9))
            killed_at = time.monotonic()
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lines = b""
            while chunk := os.read(read_end, 1 << 16):
                lines += chunk
            os.close(read_end)
            confirmed = [line.split() for line in lines.decode().splitlines()
                         if line.count(" ") == 1]
            safe = [int(n) for n, at in confirmed if float(at) < killed_at - 0.1]
            try:
                saved = sessionfile.read(path).facilitator
            except Exception:
                damaged += 1
                continue
            if safe:
                checked += 1
                saved_round, saved_n = map(int, saved.split(":"))
                if saved_round != round_number or saved_n < safe[-1]:
                    lost += 1
    return {"rounds": rounds, "checked": checked, "lost_older_than_0.1s": lost,
            "damaged": damaged}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=["keys", "undo", "size", "kill"])
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    results: dict[str, object] = {}
    if "keys" in args.only:
        results["keys"] = [keys(n) for n in (120, 1000)]
    if "undo" in args.only:
        results["undo"] = [undo(n) for n in (120, 1000)]
    if "size" in args.only:
        results["size"] = size()
    if "kill" in args.only:
        results["kill"] = kill(args.rounds)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
