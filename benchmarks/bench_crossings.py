"""True edge crossings of the flowchart on generated layered graphs of 40 and
100 nodes (edge labels included), against retroflow and Graphviz `dot` (the
anchor). Targets (issue 19): fewer than retroflow, at most 1.2x dot.

How each is counted, so that a corner merge (two lines of one source or
target joining) is never a crossing:
- regionet: the engine's own count, cells where two different edges cross
  at right angles (`Drawing.crossings`).
- retroflow: the cells its own trace marks as a line drawn across another
  edge's line (`vertical_crosses_horizontal`, `horizontal_crosses_vertical`);
  its merges (`upgrade_*`, `merge_*`) are not counted. retroflow draws no
  edge labels.
- dot: `dot -Tplain` with every edge's label; each edge's Bezier spline is
  sampled into a polyline and every proper intersection of two different
  edges' polylines is one crossing, except inside a node's box (where edges
  meet their ports).

Run from the checkout root: python benchmarks/bench_crossings.py [--seeds N]
retroflow must be installed (`pip install retroflow`) and dot on the PATH;
without either, its column is skipped with a message.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from regionet_tui.flowchart import Graph, render
from regionet_tui.flowchart.samples import random_network

SIZES = ((40, 60), (100, 150))
RETROFLOW_CROSSING = {"vertical_crosses_horizontal", "horizontal_crosses_vertical"}
RETROFLOW_SECONDS = 120


def ours(graph: Graph) -> int:
    return render(graph, direction="TB").crossings


RETROFLOW = """
import sys
from retroflow import FlowchartGenerator

generator = FlowchartGenerator()
generator.generate(sys.stdin.read(), debug=True)
cells = {(p.x, p.y) for p in generator.get_trace().character_placements
         if p.reason in {"vertical_crosses_horizontal", "horizontal_crosses_vertical"}}
print(len(cells))
"""


def retroflow(graph: Graph) -> int | None:
    """retroflow's crossings, in a process of its own (it can take minutes on a
    dense graph: then None)."""
    labels = {node.id: node.label for node in graph.nodes}
    text = "".join(f"{labels[e.source]} -> {labels[e.target]}\n" for e in graph.edges)
    try:
        done = subprocess.run([sys.executable, "-c", RETROFLOW], input=text, text=True,
                              capture_output=True, check=True, timeout=RETROFLOW_SECONDS)
    except subprocess.TimeoutExpired:
        return None
    return int(done.stdout.strip())


def _dot_source(graph: Graph) -> str:
    lines = ["digraph G {", "  rankdir=TB;", "  node [shape=box];"]
    for node in graph.nodes:
        lines.append(f'  "{node.id}" [label="{node.label}"];')
    for edge in graph.edges:
        label = f' [label="{edge.label}"]' if edge.label else ""
        lines.append(f'  "{edge.source}" -> "{edge.target}"{label};')
    lines.append("}")
    return "\n".join(lines)


Point = tuple[float, float]


def _bezier(points: list[Point], steps: int = 12) -> list[Point]:
    """The spline's cubic pieces, each sampled at `steps` points."""
    sampled = [points[0]]
    for start in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[start:start + 4]
        for step in range(1, steps + 1):
            t = step / steps
            u = 1 - t
            sampled.append((u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0]
                            + t**3 * p3[0],
                            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1]
                            + t**3 * p3[1]))
    return sampled


def _crossing(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    """Where segments ab and cd cross properly (not touching, not overlapping)."""
    rx, ry = b[0] - a[0], b[1] - a[1]
    sx, sy = d[0] - c[0], d[1] - c[1]
    denominator = rx * sy - ry * sx
    if abs(denominator) < 1e-12:
        return None
    t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / denominator
    u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / denominator
    if 1e-9 < t < 1 - 1e-9 and 1e-9 < u < 1 - 1e-9:
        return a[0] + t * rx, a[1] + t * ry
    return None


def dot(graph: Graph) -> int:
    done = subprocess.run(["dot", "-Tplain"], input=_dot_source(graph), text=True,
                          capture_output=True, check=True)
    boxes: list[tuple[float, float, float, float]] = []
    paths: list[list[Point]] = []
    for line in done.stdout.splitlines():
        parts = shlex.split(line)
        if parts[0] == "node":
            x, y, width, height = map(float, parts[2:6])
            boxes.append((x - width / 2, y - height / 2, x + width / 2, y + height / 2))
        elif parts[0] == "edge":
            count = int(parts[3])
            coordinates = list(map(float, parts[4:4 + 2 * count]))
            paths.append(_bezier(list(zip(coordinates[::2], coordinates[1::2], strict=True))))
    crossings = 0
    for first in range(len(paths)):
        for second in range(first + 1, len(paths)):
            found: set[tuple[int, int]] = set()
            for a, b in zip(paths[first], paths[first][1:]):
                for c, d in zip(paths[second], paths[second][1:]):
                    point = _crossing(a, b, c, d)
                    if point is None or any(left <= point[0] <= right and bottom <= point[1] <= top
                                            for left, bottom, right, top in boxes):
                        continue
                    found.add((round(point[0] * 20), round(point[1] * 20)))
            crossings += len(found)
    return crossings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=5, help="graphs of each size")
    seeds = range(1, parser.parse_args().seeds + 1)
    have_retroflow = importlib.util.find_spec("retroflow") is not None
    have_dot = shutil.which("dot") is not None
    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"load {os.getloadavg()[0]:.1f}; random_network(nodes, edges, seed), "
          f"half the edges labelled")
    if not have_retroflow:
        print("retroflow is not installed (pip install retroflow): its column is skipped")
    if not have_dot:
        print("dot is not on the PATH (Debian: apt install graphviz): its column is skipped")
    print(f"{'graph':>22}{'regionet':>10}{'retroflow':>11}{'dot':>7}")
    for nodes, edges in SIZES:
        totals = {"regionet": 0, "retroflow": 0, "dot": 0}
        complete = True
        for seed in seeds:
            graph = random_network(nodes, edges, seed=seed)
            counts = {"regionet": ours(graph),
                      "retroflow": retroflow(graph) if have_retroflow else None,
                      "dot": dot(graph) if have_dot else None}
            for name, count in counts.items():
                if count is None:
                    complete = complete and not (name == "retroflow" and have_retroflow)
                else:
                    totals[name] += count
            shown = ["—" if counts[name] is None else str(counts[name])
                     for name in ("regionet", "retroflow", "dot")]
            print(f"{f'{nodes} nodes, seed {seed}':>22}{shown[0]:>10}{shown[1]:>11}{shown[2]:>7}",
                  flush=True)
        print(f"{f'{nodes} nodes, total':>22}{totals['regionet']:>10}{totals['retroflow']:>11}"
              f"{totals['dot']:>7}")
        if have_dot and totals["dot"]:
            ratio = totals["regionet"] / totals["dot"]
            print(f"  regionet / dot: {ratio:.2f}x (target <= 1.2x) "
                  f"{'PASS' if ratio <= 1.2 else 'MISS'}")
        if have_retroflow:
            fewer = totals["regionet"] < totals["retroflow"]
            note = "" if complete else " (retroflow timed out on some graphs: totals of the rest)"
            print(f"  fewer than retroflow: {'PASS' if fewer else 'MISS'}{note}")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s)")
