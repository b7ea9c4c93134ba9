"""Start-up: from process start to the interactive start screen, with 200
sessions in the folder, against a bare Textual app (Header, Static, Footer)
that exits after its first paint. Target: at most 1.25x.

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

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hallo")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True)
"""

REGIONET = """
import sys
from pathlib import Path
from regionet_tui.app import AppConfig, RegionetApp

class Measured(RegionetApp):
    # Textual calls RegionetApp.on_mount itself (handlers run along the MRO).
    def on_mount(self):
        self.call_after_refresh(self.check_and_exit)

    def check_and_exit(self):
        assert self.screen.__class__.__name__ == "StartScreen", self.screen
        self.rows = self.screen.query_one("#sessions").row_count
        self.exit()

app = Measured(AppConfig(Path(sys.argv[1])))
app.run(headless=True)
assert app.rows == 200, app.rows
"""


def compile_regionet() -> None:
    import regionet_tui.screens  # binds regionet_tui too
    import regionet_tui.styles

    for package in (regionet_tui, regionet_tui.screens, regionet_tui.styles):
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)


def make_folder(folder: Path) -> None:
    from regionet_tui.demo import build_demo
    from regionet_tui.storage import SessionLibrary

    library = SessionLibrary(folder)
    for n in range(200):
        session = build_demo(f"s{n:03d}")
        session.title = f"Sessie {n:03d}"
        library.add(session).close()


def timed(code: str, *args: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run in a fresh process.

    CPU time barely moves when other work shares the machine; wall time does.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True)
    wall = time.perf_counter() - begin
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    compile_regionet()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_folder(folder)
        cold_wall, cold_cpu = timed(REGIONET, str(folder))  # builds the index
        bare, app = [], []
        for _ in range(runs):  # interleaved, so drift affects both alike
            bare.append(timed(BARE))
            app.append(timed(REGIONET, str(folder)))
    print(f"{'':26}{'wall ms':>10}{'cpu ms':>10}   (median of {runs})")
    rows = {"bare Textual app": bare, "regionet, 200 sessions": app}
    medians = {}
    for name, runs_of in rows.items():
        wall = statistics.median(w for w, _ in runs_of) * 1000
        cpu = statistics.median(c for _, c in runs_of) * 1000
        medians[name] = (wall, cpu)
        print(f"{name:26}{wall:10.1f}{cpu:10.1f}")
    print(f"{'regionet, index cold':26}{cold_wall * 1000:10.1f}{cold_cpu * 1000:10.1f}")
    (bare_wall, bare_cpu), (app_wall, app_cpu) = medians.values()
    print(f"ratio (target <= 1.25x):  {app_wall / bare_wall:10.2f}{app_cpu / bare_cpu:10.2f}")


if __name__ == "__main__":
    main()
