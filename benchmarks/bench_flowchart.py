"""Median (and fastest) time to lay out and draw flowcharts of growing size, with crossings.

Run from the checkout: python benchmarks/bench_flowchart.py
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from regionet_tui.flowchart import Graph, render
from regionet_tui.flowchart.samples import random_network, sample_graph

RUNS = 21


def measure(name: str, graph: Graph) -> None:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        drawing = render(graph, direction="TB")
        timings.append(time.perf_counter() - started)
    print(
        f"{name:<24} {len(graph.nodes):>4} nodes {len(graph.edges):>4} edges"
        f"  median {statistics.median(timings) * 1000:7.1f} ms"
        f"  fastest {min(timings) * 1000:7.1f} ms"
        f"  crossings {drawing.crossings:>4}  size {drawing.width}x{drawing.height}"
    )


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, {RUNS} runs each")
    measure("sample (FLOWCHART.md)", sample_graph())
    for nodes, edges in ((10, 15), (40, 60), (100, 150)):
        measure(f"random network {nodes}", random_network(nodes, edges, seed=1))


if __name__ == "__main__":
    main()
