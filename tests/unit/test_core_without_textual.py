"""The core can be used by a script without a terminal: it never imports Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "regionet_tui.models", "regionet_tui.storage.store", "regionet_tui.storage.library",
    "regionet_tui.core.stap1_gaps", "regionet_tui.core.stap5_timeline", "regionet_tui.core.stap6",
    "regionet_tui.core.compare", "regionet_tui.core.rounds", "regionet_tui.core.workshop",
    "regionet_tui.flowchart", "regionet_tui.share.importer", "regionet_tui.share.export",
    "regionet_tui.report.build", "regionet_tui.demo",
]


def test_core_modules_do_not_load_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "from regionet_tui.demo import build_demo\n"
        "from regionet_tui.core import stap1_gaps\n"
        "stap1_gaps.by_service(build_demo('demo'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
