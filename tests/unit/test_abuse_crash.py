"""kill -9 during a burst of edits, 50 rounds: the file is always a valid
session and holds every change confirmed more than 0.1 s before the kill
(the session file and the changes in its journal after it).

One helper process imports everything once and forks a fresh writer per
round, so 50 rounds stay fast enough for CI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from support.app import make_session

from regionet_tui.storage import SessionLibrary, sessionfile

ROUNDS = 50

HARNESS = textwrap.dedent(
    """
    import json, os, random, signal, sys, time
    from pathlib import Path
    from regionet_tui.storage import SessionStore, sessionfile

    path, rounds = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(1234)
    results = []
    for round_number in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer: edit as fast as it can, report each saved change
            os.close(read_end)
            store = SessionStore.open(path)
            n = 0
            while True:
                n += 1
                store.change(lambda s: setattr(s, "facilitator", f"{round_number}:{n}"))
                os.write(write_end, f"{n} {time.monotonic()}\\n".encode())
        os.close(write_end)
        lifetime = rng.uniform(0.02, 0.9)
        time.sleep(lifetime)
        killed_at = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = b""
        while chunk := os.read(read_end, 1 << 16):
            lines += chunk
        os.close(read_end)
        confirmed = [line.split() for line in lines.decode().splitlines() if line.count(" ") == 1]
        safe = [int(n) for n, at in confirmed if float(at) < killed_at - 0.1]
        try:
            session = sessionfile.read(path)
            saved = session.facilitator
        except Exception as error:
            saved = f"DAMAGED {error}"
        results.append({"round": round_number, "saved": saved,
                        "last_safe": safe[-1] if safe else None})
    print(json.dumps(results))
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_kill_minus_nine_fifty_rounds(library: SessionLibrary) -> None:
    session_id = make_session(library)
    path = library.path_for(session_id)
    done = subprocess.run([sys.executable, "-c", HARNESS, str(path), str(ROUNDS)],
                          capture_output=True, text=True, timeout=300, check=True)
    results = json.loads(done.stdout)
    assert len(results) == ROUNDS
    checked = 0
    for result in results:
        assert not result["saved"].startswith("DAMAGED"), result
        if result["last_safe"] is not None:
            saved_round, saved_n = map(int, result["saved"].split(":"))
            assert saved_round == result["round"] and saved_n >= result["last_safe"], result
            checked += 1
    assert checked >= 10  # enough rounds ran long enough to test the 0.1-second rule
    assert sessionfile.read(path).id == session_id
