"""Debian's Chromium driven by Playwright, for the room's browser tests.

Playwright's own browser download is not available here: the tests use the
system's chromium and skip, saying why, when it is missing (`.ci/run`
installs it).
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}


def needs_chromium() -> Any:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return pytest.mark.skip(reason="the playwright package is not installed")
    if shutil.which("chromium") is None:
        return pytest.mark.skip(reason="Debian's chromium is not installed (apt-get install "
                                       "chromium; .ci/run does it)")
    return pytest.mark.skipif(False, reason="chromium is there")


@asynccontextmanager
async def chromium() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            await browser.close()
