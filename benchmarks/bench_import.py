"""Import and validation of a 5 MB export against json.loads of the same file.
Target: at most 2x. Run: python benchmarks/bench_import.py [--runs N]

The export is the region-sized session (benchmarks/region.py) with more
partners until the file passes 5 MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from region import region_session  # noqa: E402

from regionet_tui.models import Partner  # noqa: E402
from regionet_tui.models.portfolio import Score  # noqa: E402
from regionet_tui.share.export import export_bytes  # noqa: E402
from regionet_tui.share.importer import parse  # noqa: E402

TARGET_BYTES = 5 * 1024 * 1024


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


def median_ms(action: object, raw: bytes, runs: int) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        action(raw)  # type: ignore[operator]
        times.append(time.perf_counter() - begin)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    raw = five_megabytes()
    loads = median_ms(json.loads, raw, runs)
    imported = median_ms(parse, raw, runs)
    print(f"export size:             {len(raw) / 1024 / 1024:7.2f} MB")
    print(f"json.loads:              {loads:7.1f} ms (median of {runs})")
    print(f"import + validation:     {imported:7.1f} ms (median of {runs})")
    verdict = "PASS" if imported / loads <= 2 else "MISS"
    print(f"ratio (target <= 2x):    {imported / loads:7.2f}x  {verdict}")


if __name__ == "__main__":
    main()
