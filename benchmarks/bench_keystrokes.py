"""How many keystrokes scoring one partner's eight services takes in STAP 1.

Drives the real app headless, as a facilitator would: `e` starts the entry
mode, every service gets all four values (offered + quality, wanted + desired
quality), then one key moves to the next partner. Prints the count per case
and checks what was saved.

    .venv/bin/python benchmarks/bench_keystrokes.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import date
from pathlib import Path

from regionet_tui.app import RegionetApp
from regionet_tui.config import AppConfig
from regionet_tui.core import commitment as commitment_rules
from regionet_tui.models import Partner, Session
from regionet_tui.storage import SessionLibrary, sessionfile

BUDGET = 40
# Every service offered and wanted, with both qualities: the most typing there is.
CASES: dict[str, list[str]] = {
    "all four values, single digits": list("j7j9" * 8),
    "all four values, every desired a 10 typed as 0": list("j7j0" * 8),
    "mixed answers (some not offered / not wanted)": list("j5j8" "nj7" "j6j0" "j4n"
                                                          "j3j9" "j7j9" "nj6" "j2j8"),
}
# Typing a 10 as "1" then "0" also works, at one key more: shown, not held to the budget.
ALTERNATIVES: dict[str, list[str]] = {
    "all four values, every desired a 10 typed as 1 0": list("j7j10" * 8),
}


def prepare(folder: Path) -> Path:
    library = SessionLibrary(folder)
    library.prepare()
    store = library.create("Bench", "Regio", date(2026, 11, 22))
    partners = [Partner(id="p-a", name="Partner A", kind="vo"),
                Partner(id="p-b", name="Partner B", kind="company")]
    store.change(lambda s: setattr(s, "partners", partners))
    for partner in partners:
        def commit(session: Session, partner_id: str = partner.id) -> None:
            commitment_rules.commit_all(session, partner_id)

        store.change(commit)
    path = store.path
    store.close()
    return path


async def count(keys: list[str]) -> tuple[int, int]:
    """Keystrokes used, and how many services ended with all four values saved."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        path = prepare(folder)
        app = RegionetApp(AppConfig(folder, "nl", remember=False))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
            typed = ["e", *keys, "tab"]  # e: the entry mode; tab: the next partner
            for key in typed:
                await pilot.press(key)
            await pilot.pause()
        scores = sessionfile.read(path).portfolio.scores.get("p-a", {})
        complete = sum(
            1 for s in scores.values()
            if s.offered is not None and s.wanted is not None
            and (s.quality is not None or not s.offered) and (s.desired is not None or not s.wanted)
        )
        return len(typed), complete


def main() -> int:
    worst = 0
    for name, keys in [*CASES.items(), *ALTERNATIVES.items()]:
        used, complete = asyncio.run(count(keys))
        if name in CASES:
            worst = max(worst, used)
        print(f"{used:3d} keystrokes  {complete}/8 services scored  {name}")
        if complete != 8:
            print("  not every service was scored", file=sys.stderr)
            return 1
    print(f"most keystrokes: {worst} (budget {BUDGET}, including the keys into the entry"
          " mode and to the next partner)")
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
