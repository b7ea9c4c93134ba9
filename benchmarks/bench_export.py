"""Encoding a region's session for export (`e` on the share stage, `regionet
export`) against compact `json.dumps` of the same data with its keys sorted,
the anchor. Target: at most 2x. Also what the interface thread still does on
`e` (taking the session as data), while encoding and writing run in a thread.

Run from the checkout root: python benchmarks/bench_export.py [--runs N] [--partners N ...]

CPU time of this thread is the figure to read on a shared machine; wall beside it.
Each measurement alternates the anchor and the encoder, so drift affects both.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from region import region_session

from regionet_tui.share.export import encode, export_document


def timed(call: Callable[[], Any]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    call()
    return time.perf_counter() - wall, time.thread_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--partners", type=int, nargs="+", default=[120, 1000])
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"load {os.getloadavg()[0]:.1f}, {args.runs} runs each (median)")
    print(f"{'partners':>8} {'snapshot (UI)':>14} {'anchor':>10} {'encode':>10} "
          f"{'ratio cpu':>10} {'ratio wall':>10}  target <= 2x")
    for partners in args.partners:
        session = region_session(partners=partners)
        data = export_document(session).model_dump(mode="json")
        expected = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        assert encode(data) == expected.encode("utf-8"), "the export must not change"

        def anchor(data: Any = data) -> str:
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

        snapshots = [timed(lambda session=session: export_document(session).model_dump(mode="json"))
                     for _ in range(args.runs)]
        anchors, encodes = [], []
        for _ in range(args.runs):
            anchors.append(timed(anchor))
            encodes.append(timed(lambda data=data: encode(data)))
        snap_cpu = statistics.median(c for _, c in snapshots)
        a_wall, a_cpu = (statistics.median(x[i] for x in anchors) for i in (0, 1))
        e_wall, e_cpu = (statistics.median(x[i] for x in encodes) for i in (0, 1))
        verdict = "PASS" if e_cpu / a_cpu <= 2 else "MISS"
        print(f"{partners:>8} {snap_cpu * 1000:>11.1f} ms {a_cpu * 1000:>7.1f} ms "
              f"{e_cpu * 1000:>7.1f} ms {e_cpu / a_cpu:>9.2f}x {e_wall / a_wall:>9.2f}x  {verdict}")


if __name__ == "__main__":
    main()
