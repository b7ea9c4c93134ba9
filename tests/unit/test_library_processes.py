"""Several processes creating, renaming, deleting and restoring sessions in one
folder at once, as several windows on one laptop would: every session ends up
exactly once (in the folder or in the trash), none is lost, none comes back
after its delete, and no file is damaged."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

from support.app import make_session

from regionet_tui.storage import SessionLibrary, sessionfile
from regionet_tui.storage.library import MOVING_SUFFIX

WORKERS = 4
ACTIONS = 60
WORKER = textwrap.dedent(
    """
    import random
    import sys
    from datetime import date
    from pathlib import Path

    from regionet_tui.storage import DamagedSessionFile, SessionInUseError, SessionLibrary
    from regionet_tui.storage.library import SessionGoneError

    library = SessionLibrary(Path(sys.argv[1]))
    chance = random.Random(int(sys.argv[2]))
    for step in range(int(sys.argv[3])):
        action = chance.choice(["create", "rename", "rename", "delete", "delete", "restore",
                                "restore"])
        try:
            if action == "create":
                store = library.create(f"Sessie {sys.argv[2]}-{step}", "", date(2026, 11, 22))
                print("created", store.session.id, flush=True)
                store.close()
                continue
            entries = [e for e in (library.trashed() if action == "restore"
                                   else library.entries()) if not e.damaged]
            if not entries:
                continue
            entry = chance.choice(entries)
            if action == "rename":
                library.rename(entry.path, f"Hernoemd {sys.argv[2]}-{step}")
            elif action == "delete":
                library.delete(entry.path)
            else:
                library.restore(entry)
        except (SessionInUseError, SessionGoneError):
            pass  # another window was first: said so, nothing changed
        except DamagedSessionFile as error:
            if error.damage.reason != "unreadable":  # only: gone while it was read
                raise
    """
)


def _sessions_in(folder: Path) -> list[str]:
    return [sessionfile.read(path).id for path in sorted(folder.glob("*.json"))
            if not path.name.startswith(".")]  # the index


def test_many_windows_at_once_lose_nothing_and_bring_nothing_back(
    library: SessionLibrary, folder: Path
) -> None:
    created = [make_session(library, f"Vooraf {n}") for n in range(3)]  # contended at once
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(folder), str(seed),
                                 str(ACTIONS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for seed in range(WORKERS)]
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        created += [line.split()[1] for line in out.splitlines() if line.startswith("created")]
    found = Counter(_sessions_in(folder) + _sessions_in(library.trash))
    assert created and sorted(found) == sorted(created)
    assert set(found.values()) == {1}, [sid for sid, n in found.items() if n > 1]
    assert not [e for e in library.entries() + library.trashed() if e.damaged]
    assert not list(folder.rglob(f"*{MOVING_SUFFIX}"))
