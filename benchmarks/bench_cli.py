"""Whole command-line processes, from start to exit: `regionet list` with 200
sessions and `regionet flowchart --graph FILE` with a 40-node graph, against
retroflow's process drawing the same graph (the anchor). Target: at most 1.0x.

retroflow is not one of regionet's dependencies: `pip install retroflow` into
the environment for this benchmark only; without it the anchor is skipped
with a message.

Run from the checkout root after `pip install .`:
    python benchmarks/bench_cli.py [--runs N]

The regionet processes run the installed `regionet` command beside this Python
(python -m regionet_tui when there is none). CPU is user + system time of the
child, which moves less than wall time on a shared machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RETROFLOW = """
import sys
from retroflow import FlowchartGenerator

print(FlowchartGenerator().generate(open(sys.argv[1], encoding="utf-8").read()))
"""


def regionet_command() -> list[str]:
    beside = Path(sys.executable).with_name("regionet")
    found = str(beside) if beside.exists() else shutil.which("regionet")
    return [found] if found else [sys.executable, "-m", "regionet_tui"]


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=cwd)
    wall = time.perf_counter() - begin
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def write_graphs(folder: Path) -> tuple[Path, Path]:
    """The 40-node network as regionet's graph file and as retroflow's text."""
    from regionet_tui.flowchart.samples import random_network

    graph = random_network(40, 60, seed=1)
    ours = folder / "graph.json"
    ours.write_text(json.dumps({
        "nodes": [{"id": n.id, "label": n.label, "kind": n.kind} for n in graph.nodes],
        "edges": [{"from": e.source, "to": e.target, "label": e.label} for e in graph.edges],
    }), encoding="utf-8")
    labels = {n.id: n.label for n in graph.nodes}
    theirs = folder / "graph.txt"
    theirs.write_text("".join(f"{labels[e.source]} -> {labels[e.target]}\n"
                              for e in graph.edges), encoding="utf-8")
    return ours, theirs


def main() -> None:
    from bench_startup import make_folder

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    have_retroflow = importlib.util.find_spec("retroflow") is not None
    regionet = regionet_command()
    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"load {os.getloadavg()[0]:.1f}, {runs} runs each, interleaved (median)")
    print(f"regionet: {' '.join(regionet)}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sessions = folder / "sessions"
        make_folder(sessions)
        ours, theirs = write_graphs(folder)
        commands = {
            "regionet list (200 sessions)": [*regionet, "--sessions-dir", str(sessions), "list"],
            "regionet flowchart --graph (40)": [*regionet, "--sessions-dir", str(sessions),
                                                "flowchart", "--graph", str(ours)],
        }
        if have_retroflow:
            commands["retroflow, same graph (anchor)"] = [sys.executable, "-c", RETROFLOW,
                                                          str(theirs)]
        else:
            print("retroflow is not installed (pip install retroflow): no anchor, no ratio")
        for args in commands.values():
            timed(args, folder)  # the index built, the files in the page cache
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, args in commands.items():
                times[name].append(timed(args, folder))
    print(f"{'':34}{'wall ms':>10}{'cpu ms':>10}")
    medians = {name: [statistics.median(t[i] for t in got) for i in (0, 1)]
               for name, got in times.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name:34}{wall * 1000:10.1f}{cpu * 1000:10.1f}")
    if have_retroflow:
        anchor = medians["retroflow, same graph (anchor)"]
        for name in list(commands)[:2]:
            wall, cpu = (medians[name][i] / anchor[i] for i in (0, 1))
            verdict = "PASS" if wall <= 1.0 else "MISS"
            print(f"{name + ' / retroflow':44}{wall:6.2f}x wall {cpu:6.2f}x cpu  "
                  f"(target <= 1.0x) {verdict}")


if __name__ == "__main__":
    main()
