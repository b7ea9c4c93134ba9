"""kill -9 of the real app in a pseudo-terminal while a facilitator types: the
session file is always whole (the old or the new version, never half of one),
and holds every change saved before the last one typed, in order; the last is
there or not, as the kill fell. Also with a region-sized session, whose saves
the background writer does: then the kill falls while it writes, or just before.

Keys go in as a person types them: the next one once the screen has come to
rest (a form open, or closed again)."""

from __future__ import annotations

import fcntl
import os
import random
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest
from support.app import make_session

from regionet_tui.storage import SessionLibrary, sessionfile

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from region import save_region

START_TIMEOUT = 60  # seconds for the first paint on a busy machine
EDITS = 6  # at most, in one round


class RunningApp:
    """regionet in a pseudo-terminal of 80x24, its output read as it comes."""

    def __init__(self, folder: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "regionet_tui", "--sessions-dir", str(folder)],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, timeout: float = START_TIMEOUT, since: int = 0) -> None:
        """Until `text` is shown (in what came after the first `since` bytes)."""
        deadline = time.monotonic() + timeout
        while text not in self.output[since:]:
            assert time.monotonic() < deadline, f"{text!r} never shown"
            assert self.process.poll() is None, bytes(self.output[-2000:])
            time.sleep(0.05)

    def settle(self, quiet: float = 0.2) -> None:
        """Wait until the screen has been still for `quiet` seconds: a form has
        opened or closed, and the next key goes where a person's would."""
        deadline = time.monotonic() + START_TIMEOUT
        seen = -1
        while len(self.output) != seen:
            assert time.monotonic() < deadline, "the screen never came to rest"
            seen = len(self.output)
            time.sleep(quiet)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        os.close(self.master)
        self._reader.join(timeout=5)


def saved_at(app: RunningApp, path: Path, partners: int) -> None:
    """Wait until the file holds this many partners (the background writer saves
    a large session within half a second; a busy machine may take longer)."""
    deadline = time.monotonic() + START_TIMEOUT
    while len(sessionfile.read(path).partners) < partners:
        assert time.monotonic() < deadline, (
            "the change was never saved", [p.name for p in sessionfile.read(path).partners],
            bytes(app.output[-3000:]))
        time.sleep(0.05)


def one_round(folder: Path, path: Path, chance: random.Random, name: str) -> None:
    before = len(sessionfile.read(path).partners)
    app = RunningApp(folder)
    try:
        app.wait_for(b"Sessies")
        app.type("\r")  # open the session selected: its partners
        app.wait_for(b"Partners van het netwerk")
        kill_after = chance.randrange(2, EDITS)
        for n in range(kill_after + 1):
            app.settle()
            seen = len(app.output)
            app.type("a")  # add a partner: the form opens, and is seen before typing
            app.wait_for(b"Partner toevoegen", since=seen)
            app.settle()
            app.type(f"{name} {n:02d}\r")  # its name (partner names are unique), and save
            if n == kill_after:  # now, or while the save is being written
                time.sleep(chance.random() * 0.6)
                break
            saved_at(app, path, before + n + 1)
    finally:
        app.kill()
    saved = sessionfile.read(path)  # whole: DamagedSessionFile otherwise
    backup = sessionfile.backup_path(path)
    if backup.exists():
        sessionfile.read(backup)
    names = [p.name for p in saved.partners[before:]]
    # Every change saved before the last one typed is there, in order; the last
    # one is there or not, as the kill fell.
    assert names in [[f"{name} {n:02d}" for n in range(count)]
                     for count in (kill_after, kill_after + 1)], names


@pytest.mark.parametrize("size", ["small", "region"])
def test_kill_9_while_typing_leaves_a_whole_file_with_the_first_changes(
    library: SessionLibrary, folder: Path, size: str
) -> None:
    if size == "small":
        path = library.path_for(make_session(library, "Klein"))
    else:
        path = save_region(folder)
        assert path.stat().st_size > 512 * 1024  # saved by the background writer
    chance = random.Random(size)
    for round_ in range(2):
        one_round(folder, path, chance, f"Kill {round_}")
