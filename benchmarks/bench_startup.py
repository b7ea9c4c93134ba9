"""Start-up: from process start to the interactive start screen, with 200
sessions in the folder, against a bare Textual app (Header, Static, Footer)
that exits after its first paint. Target: at most 1.25x.

Run: python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
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
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(lambda: self.call_after_refresh(self.check_and_exit))

    def check_and_exit(self):
        assert self.screen.__class__.__name__ == "StartScreen", self.screen
        self.rows = self.screen.query_one("#sessions").row_count
        self.exit()

app = Measured(AppConfig(Path(sys.argv[1])))
app.run(headless=True)
assert app.rows == 200, app.rows
"""


def make_folder(folder: Path) -> None:
    from regionet_tui.demo import build_demo
    from regionet_tui.storage import SessionLibrary

    library = SessionLibrary(folder)
    for n in range(200):
        session = build_demo(f"s{n:03d}")
        session.title = f"Sessie {n:03d}"
        library.add(session).close()


def timed(code: str, *args: str) -> float:
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_folder(folder)
        cold = timed(REGIONET, str(folder))  # builds the index
        bare, app = [], []
        for _ in range(runs):  # interleaved, so drift affects both alike
            bare.append(timed(BARE))
            app.append(timed(REGIONET, str(folder)))
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000
    print(f"bare Textual app:        {bare_ms:7.1f} ms (median of {runs})")
    print(f"regionet, 200 sessions:  {app_ms:7.1f} ms (median of {runs}, index warm)")
    print(f"regionet, first listing: {cold * 1000:7.1f} ms (index built)")
    print(f"ratio:                   {app_ms / bare_ms:7.2f}x (target <= 1.25x)")


if __name__ == "__main__":
    main()
