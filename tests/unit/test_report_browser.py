"""The HTML report in a real headless browser: it renders, a screenshot is taken,
and the console stays silent. Skipped (saying why) where no chromium is installed."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from support.app import HOSTILE_NAMES
from support.share import full_session

from regionet_tui.report.build import write_report

BROWSER = next((found for name in ("chromium", "chromium-browser")
                if (found := shutil.which(name))), None)

pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no chromium installed (Debian: apt-get install chromium)")


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_html_report_renders_in_chromium_without_console_errors(
    tmp_path: Path, language: str
) -> None:
    session = full_session(["<script>alert(1)</script>", *HOSTILE_NAMES])
    session = session.model_copy(update={"language": language})
    page = write_report(session, tmp_path / "verslag.html", "html")
    shot = tmp_path / "verslag.png"
    assert BROWSER is not None
    done = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--enable-logging=stderr", "--v=0", f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri()],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    assert _png_size(shot) == (1000, 1400)
