"""How long a change waits when another program holds the session file (issue
21): OneDrive, a virus scanner or the search indexer on Windows, simulated by
an os.replace that is refused with a permission error for the first N tries.
Target: bounded, well under a second in all, before a file still held is
reported. Run: python benchmarks/bench_held_file.py [--runs N]

What is timed is what the facilitator waits for: the whole `store.change` of
one edit of the demo session (validation, snapshot, write, fsync, the
refused tries and their pauses) until the keystroke's save returns or fails.
"""

from __future__ import annotations

import argparse
import errno
import os
import statistics
import tempfile
import time
from pathlib import Path

from regionet_tui.demo import build_demo
from regionet_tui.storage import SaveError, SessionLibrary
from regionet_tui.storage.replace import REPLACE_PAUSES

TARGET_SECONDS = 1.0
ALWAYS = 1000


def held(target: Path, times: int) -> None:
    """os.replace onto `target` is refused `times` times, as Windows refuses it."""
    real = os.replace
    left = times

    def replace(source: object, destination: object) -> None:
        nonlocal left
        if Path(os.fsdecode(destination)) == target and left > 0:  # type: ignore[arg-type]
            left -= 1
            raise PermissionError(errno.EACCES, "used by another process")
        real(source, destination)  # type: ignore[arg-type]

    os.replace = replace  # type: ignore[assignment]


def one_change(folder: Path, times: int) -> tuple[float, bool]:
    """Milliseconds of one edit while the file is held `times` times; saved or not."""
    library = SessionLibrary(folder)
    store = library.add(build_demo("demo"))
    real = os.replace
    held(store.path, times)
    started = time.perf_counter()
    try:
        store.change(lambda s: setattr(s, "region", f"Regio {time.time()}"))
        saved = True
    except SaveError:
        saved = False
    waited = (time.perf_counter() - started) * 1000
    os.replace = real  # type: ignore[assignment]
    store.close()
    return waited, saved


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    print(f"pauses between tries: {', '.join(f'{p * 1000:.0f}' for p in REPLACE_PAUSES)} ms "
          f"({sum(REPLACE_PAUSES) * 1000:.0f} ms in all)")
    print("| refused tries | saved | median ms | slowest ms |")
    print("|---:|---|---:|---:|")
    worst = 0.0
    for times in (*range(len(REPLACE_PAUSES) + 1), ALWAYS):
        timings, outcome = [], set()
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                waited, saved = one_change(Path(folder), times)
            timings.append(waited)
            outcome.add(saved)
        worst = max(worst, *timings)
        label = "every one" if times == ALWAYS else str(times)
        print(f"| {label} | {'/'.join(sorted('yes' if s else 'no, reported' for s in outcome))} "
              f"| {statistics.median(timings):.0f} | {max(timings):.0f} |")
    verdict = "PASS" if worst < TARGET_SECONDS * 1000 else "FAIL"
    print(f"longest wait {worst:.0f} ms, target under {TARGET_SECONDS * 1000:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
