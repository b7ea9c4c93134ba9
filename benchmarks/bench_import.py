"""Import and validation of a 5 MB export against json.loads of the same file.
Target: at most 3x, with pydantic's public API only (issue 18; it was 2x with
a private speed-up). Run: python benchmarks/bench_import.py [--runs N]

The export is the region-sized session (benchmarks/region.py) with more
partners until the file passes 5 MB. The two are timed in turn, run after run,
so that other load on the machine falls on both alike; each result is kept
until its clock has stopped, since freeing it is not part of reading it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from region import region_session

from regionet_tui.models import Partner
from regionet_tui.models.stap1 import Score
from regionet_tui.share.export import export_bytes
from regionet_tui.share.importer import parse, parse_precise, parse_sound

TARGET_BYTES = 5 * 1024 * 1024
TARGET_RATIO = 3


def five_megabytes() -> bytes:
    session = region_session()
    services = [s.id for s in session.portfolio.services]
    extra = 0
    while len(raw := export_bytes(session)) < TARGET_BYTES:
        batch = [Partner(id=f"x{extra + n:04d}", name=f"Extra partner {extra + n}", kind="vo")
                 for n in range(100)]
        extra += 100
        session.partners = [*session.partners, *batch]
        session.portfolio.scores = {
            **session.portfolio.scores,
            **{p.id: {s: Score(offered=True, quality=6, wanted=True, desired=8,
                               note="Toelichting bij de score van deze partner.")
                      for s in services} for p in batch},
        }
    return raw


def timed(action: Callable[[bytes], object], raw: bytes) -> tuple[float, float]:
    """Wall and CPU milliseconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action(raw)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    del result
    return wall * 1000, cpu * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    raw = five_megabytes()
    if parse_sound(raw) is None:
        raise SystemExit("the export did not take the one-pass path")
    actions: dict[str, Callable[[bytes], object]] = {
        "json.loads": json.loads, "import + validation": parse, "precise path": parse_precise,
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            times[name].append(timed(action, raw))
    print(f"export size: {len(raw) / 1024 / 1024:.2f} MB, {runs} runs each, taken in turn")
    print(f"{'':22s} {'wall median':>12s} {'fastest':>8s} {'CPU median':>11s} {'fastest':>8s}")
    summary: dict[str, list[float]] = {}
    for name, values in times.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        summary[name] = [statistics.median(walls), min(walls), statistics.median(cpus), min(cpus)]
        print(f"{name:22s} " + " ".join(f"{v:{w}.1f}" for v, w in zip(summary[name],
                                                                     (12, 8, 11, 8), strict=True)))
    ratios = [i / j for i, j in zip(summary["import + validation"], summary["json.loads"],
                                    strict=True)]
    print(f"{f'ratio (target <= {TARGET_RATIO}x)':22s} " + " ".join(f"{r:{w}.2f}" for r, w in zip(
        ratios, (12, 8, 11, 8), strict=True)))
    # Load from other work moves single runs a lot; only a pass on every measure counts.
    print("PASS" if max(ratios) <= TARGET_RATIO else "MISS")


if __name__ == "__main__":
    main()
