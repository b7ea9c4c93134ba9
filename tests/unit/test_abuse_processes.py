"""Two processes on one session: the second is read-only and no update is lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from support.app import make_session

from regionet_tui.storage import ReadOnlyError, SessionLibrary, SessionStore, sessionfile

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from regionet_tui.storage import SessionStore
    store = SessionStore.open(Path(sys.argv[1]))
    print("readonly" if store.readonly else "writer", flush=True)
    for line in sys.stdin:
        store.change(lambda s: setattr(s, "facilitator", line.strip()))
        print("saved", flush=True)
    store.close()
    """
)


def test_second_process_is_read_only_and_loses_nothing(library: SessionLibrary) -> None:
    session_id = make_session(library)
    path = library.path_for(session_id)
    first = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert first.stdin is not None and first.stdout is not None
    try:
        assert first.stdout.readline().strip() == "writer"
        second = SessionStore.open(path)
        assert second.readonly
        for n in range(20):
            first.stdin.write(f"wijziging {n}\n")
            first.stdin.flush()
            assert first.stdout.readline().strip() == "saved"
            try:
                second.change(lambda s: setattr(s, "facilitator", "van de tweede"))
            except ReadOnlyError:
                pass
            else:
                raise AssertionError("the read-only instance saved a change")
        second.close()
    finally:
        first.stdin.close()
        first.wait(timeout=20)
    assert sessionfile.read(path).facilitator == "wijziging 19"
    third = SessionStore.open(path)  # the first process has closed: writable again
    assert not third.readonly
    third.close()
