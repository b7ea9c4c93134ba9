"""Score keys in STAP 1 in a real terminal: tmux at 80x24 runs the installed
app on a region session, a control-mode client sends one key at a time, and
each key is timed from sending it to the last output of its repaint (output
followed by QUIET seconds of silence). Target: p95 <= 16.7 ms (one frame) at
6, 120 and 1000 partners.

The keys are typed as a facilitator scores: j and a digit for offered and
quality, j and a digit for wanted and desired, service after service, eight
services of a partner and then tab to the next (not timed). The
timer starts when tmux has the key; tmux's own relay of the output is included.

With --memory: the peak memory (VmHWM) of the app with every stage of the
120-partner session visited, against a bare Textual app (Header, Static,
Footer) in the same terminal. Target: at most 1.8x.

Run from the checkout root after `pip install .`:
    python benchmarks/bench_terminal.py [--keys N] [--partners 6 120 1000] [--memory]
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SOCKET = f"regionet-bench-{os.getpid()}"
QUIET = 0.05
FRAME = 1 / 60
# Offered+quality and wanted+desired for eight services (the rows an 80x24 grid
# shows), then tab to the next partner, untimed.
TYPED = "j7j8j5j9j6j4j3j2" * 2


BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hallo")
        yield Footer()

Bare().run()
"""


def regionet_command() -> list[str]:
    beside = Path(sys.executable).with_name("regionet")
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "regionet_tui"]


class Terminal:
    """A tmux session at 80x24 and a control-mode client reading its output."""

    def __init__(self, command: list[str], environment: dict[str, str]) -> None:
        shell = " ".join(f"'{part}'" for part in command)
        exports = " ".join(f"{key}='{value}'" for key, value in environment.items())
        subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", "new-session", "-d",
                        "-s", "bench", "-x", "80", "-y", "24", f"env {exports} {shell}"],
                       check=True)
        subprocess.run(["tmux", "-L", SOCKET, "set-option", "-g", "status", "off"], check=True)
        self.client = subprocess.Popen(["tmux", "-L", SOCKET, "-C", "attach", "-t", "bench"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       text=True, bufsize=1)
        self.outputs: queue.Queue[float] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.command("refresh-client -C 80x24")

    def _read(self) -> None:
        assert self.client.stdout is not None
        for line in self.client.stdout:
            if line.startswith("%output"):
                self.outputs.put(time.perf_counter())

    def command(self, text: str) -> None:
        assert self.client.stdin is not None
        self.client.stdin.write(text + "\n")
        self.client.stdin.flush()

    def quiet(self, limit: float = 30.0) -> float | None:
        """Wait for output followed by QUIET seconds without any; the time of the last."""
        last = None
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            try:
                last = self.outputs.get(timeout=QUIET)
            except queue.Empty:
                if last is not None:
                    return last
        return last

    def drain(self) -> None:
        while not self.outputs.empty():
            self.outputs.get_nowait()

    def screen(self) -> str:
        return subprocess.run(["tmux", "-L", SOCKET, "capture-pane", "-p", "-t", "bench"],
                              capture_output=True, text=True, check=True).stdout

    def key(self, key: str) -> float | None:
        """Send one key; seconds to the last output of what it caused."""
        self.drain()
        sent = time.perf_counter()
        self.command(f"send-keys -t bench {key}")
        last = self.quiet(limit=5.0)
        return None if last is None else last - sent

    def peak_mb(self) -> float:
        """The peak resident memory of the program in the pane (env execs it)."""
        pid = subprocess.run(["tmux", "-L", SOCKET, "display-message", "-p", "-t", "bench",
                              "#{pane_pid}"], capture_output=True, text=True,
                             check=True).stdout.strip()
        status = Path(f"/proc/{pid}/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines()
                    if line.startswith("VmHWM:")) / 1024

    def close(self) -> None:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], check=False)
        self.client.wait(timeout=10)


def wait_for(terminal: Terminal, text: str, limit: float = 60.0) -> None:
    deadline = time.perf_counter() + limit
    while text not in terminal.screen():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{text!r} never shown:\n{terminal.screen()}")
        time.sleep(0.1)


def measure(partners: int, keys: int) -> list[float]:
    from region import save_region

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        save_region(folder, partners=partners)
        environment = {"HOME": tmp, "XDG_CONFIG_HOME": f"{tmp}/config", "TERM": "xterm-256color",
                       "COLORTERM": "truecolor"}
        terminal = Terminal([*regionet_command(), "--sessions-dir", str(folder)], environment)
        try:
            wait_for(terminal, "Onderwijsregio Oo")
            terminal.command("send-keys -t bench Enter")
            wait_for(terminal, "Contactpersoon")
            terminal.command("send-keys -t bench 1")
            wait_for(terminal, "Arbeidspool")
            terminal.quiet()
            times = []
            while len(times) < keys:
                for key in TYPED:
                    took = terminal.key(key)
                    if took is None:
                        raise RuntimeError(f"no repaint after {key!r}:\n{terminal.screen()}")
                    times.append(took)
                terminal.key("Tab")
        finally:
            terminal.close()
    return times[:keys]


def memory() -> tuple[float, float]:
    """Peak MB of the bare app, and of regionet with every stage visited."""
    from region import save_region

    from regionet_tui.progress import STAGES

    with tempfile.TemporaryDirectory() as tmp:
        environment = {"HOME": tmp, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        terminal = Terminal([sys.executable, "-c", BARE], environment)
        try:
            wait_for(terminal, "hallo")
            terminal.quiet()
            bare = terminal.peak_mb()
        finally:
            terminal.close()
        folder = Path(tmp) / "sessions"
        save_region(folder)
        terminal = Terminal([*regionet_command(), "--sessions-dir", str(folder)], environment)
        try:
            wait_for(terminal, "Onderwijsregio Oo")
            terminal.command("send-keys -t bench Enter")
            wait_for(terminal, "Contactpersoon")
            for stage in [*STAGES[1:], STAGES[0]]:
                terminal.command(f"send-keys -t bench {stage.key}")
                terminal.quiet()
            time.sleep(1)
            region = terminal.peak_mb()
        finally:
            terminal.close()
    return bare, region


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--partners", type=int, nargs="+", default=[6, 120, 1000])
    parser.add_argument("--memory", action="store_true", help="peak memory instead of keys")
    parser.add_argument("--runs", type=int, default=3, help="with --memory: runs of each")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed: no real terminal to measure in")
        return
    if args.memory:
        runs = [memory() for _ in range(args.runs)]
        bare, region = (statistics.median(run[i] for run in runs) for i in (0, 1))
        print(f"peak memory in tmux at 80x24 (median of {args.runs}): bare Textual app "
              f"{bare:.1f} MB, regionet with every stage of 120 partners {region:.1f} MB: "
              f"{region / bare:.2f}x (target <= 1.8x) {'PASS' if region / bare <= 1.8 else 'MISS'}")
        return
    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"load {os.getloadavg()[0]:.1f}; tmux at 80x24, {args.keys} score keys each; "
          f"regionet: {' '.join(regionet_command())}")
    print(f"{'partners':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  target p95 <= 16.7 ms")
    for partners in args.partners:
        times = sorted(measure(partners, args.keys))
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{partners:>8}{statistics.median(times) * 1000:9.1f}{p95 * 1000:9.1f}"
              f"{times[-1] * 1000:9.1f}  {'PASS' if p95 <= FRAME else 'MISS'}", flush=True)


if __name__ == "__main__":
    main()
