"""Start-up: from process start to the interactive start screen, with 200
sessions in the folder, against a bare Textual app (Header, Static, Footer)
that exits after its first paint. Targets (issue 19): at most 1.15x, and
at most 1.5x with no index (a cold start: every session file read).

Run: python benchmarks/bench_startup.py [--runs N]

Both apps start from byte-compiled modules, as after `pip install` (which
compiles them): Textual's come compiled in site-packages, and ours are
compiled here first, because a checkout run with PYTHONDONTWRITEBYTECODE set
would otherwise compile every module of regionet on every start.
"""

from __future__ import annotations

import argparse
import compileall
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Each app notes the moment after its first paint: wall clock, and CPU time
# since the process started (interpreter start-up included). Shutdown is not
# part of start-up, and it is no fair yardstick: the bare app spends about
# 100 ms of CPU on its way out (Textual's exit and a full garbage collection).
BARE = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hallo")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        self.at = (time.time(), time.process_time())
        self.exit()

app = Bare()
app.run(headless=True)
print(*app.at)
"""

REGIONET = """
import sys
import time
from pathlib import Path
from regionet_tui.app import RegionetApp
from regionet_tui.config import AppConfig

class Measured(RegionetApp):
    # Textual calls RegionetApp.on_mount itself (handlers run along the MRO).
    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        self.at = (time.time(), time.process_time())
        assert self.screen.__class__.__name__ == "StartScreen", self.screen
        self.rows = self.screen.query_one("#sessions").row_count
        self.exit()

app = Measured(AppConfig(Path(sys.argv[1])))
app.run(headless=True)
assert app.rows == 200, app.rows
print(*app.at)
"""


def compile_regionet() -> None:
    import regionet_tui.screens  # binds regionet_tui too
    import regionet_tui.styles

    for package in (regionet_tui, regionet_tui.screens, regionet_tui.styles):
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)


INDEX_NAME = ".index.json"  # regionet_tui.storage.library.INDEX_NAME


def make_folder(folder: Path) -> None:
    from regionet_tui.demo import build_demo
    from regionet_tui.storage import SessionLibrary

    library = SessionLibrary(folder)
    for n in range(200):
        session = build_demo(f"s{n:03d}")
        session.title = f"Sessie {n:03d}"
        library.add(session).close()


def timed(code: str, *args: str) -> tuple[float, float, float, float]:
    """One run in a fresh process: wall and CPU time to the first paint, then
    wall and CPU time of the whole process (user + system, exit included).

    CPU time barely moves when other work shares the machine; wall time does.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin_clock = time.time()
    begin = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - begin
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    painted_clock, painted_cpu = map(float, done.stdout.split())
    return painted_clock - begin_clock, painted_cpu, wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    compile_regionet()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_folder(folder)
        timed(REGIONET, str(folder))  # builds the index
        bare, app, cold = [], [], []
        for _ in range(runs):  # interleaved, so drift affects both alike
            bare.append(timed(BARE))
            app.append(timed(REGIONET, str(folder)))
            (folder / INDEX_NAME).unlink()
            cold.append(timed(REGIONET, str(folder)))  # reads all 200 and writes the index
    print(f"{'':26}{'to first paint':>20}{'whole process':>20}   (median of {runs})")
    print(f"{'':26}{'wall ms':>10}{'cpu ms':>10}{'wall ms':>10}{'cpu ms':>10}")
    rows = {"bare Textual app": bare, "regionet, 200 sessions": app,
            "regionet, no index": cold}
    medians = {}
    for name, runs_of in rows.items():
        medians[name] = [statistics.median(run[i] for run in runs_of) * 1000 for i in range(4)]
        print(f"{name:26}" + "".join(f"{value:10.1f}" for value in medians[name]))
    for name, label in (("regionet, 200 sessions", "ratio (target <= 1.15x)"),
                        ("regionet, no index", "cold ratio (<= 1.5x)")):
        ratios = [a / b for a, b in zip(medians[name], medians["bare Textual app"])]
        print(f"{label:26}" + "".join(f"{ratio:10.2f}" for ratio in ratios))


if __name__ == "__main__":
    main()
