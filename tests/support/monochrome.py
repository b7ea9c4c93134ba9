"""The screen as a terminal without colour shows it: characters only.

`app.export_screenshot()` draws every character of the screen into an SVG,
with its colours as styles; here the characters are read back into lines and
the colours left out. What tells two states apart must be there.
"""

from __future__ import annotations

import html
import re
from typing import Any

from rich.cells import cell_len

# One run of characters: its column (x, in 12.2-pixel cells) and its line.
_RUN = re.compile(r'<text class="[^"]*-r\d+" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                  r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>')
_CELL = 12.2


def screen_lines(app: Any) -> list[str]:
    """Every line of the screen as plain text (trailing spaces removed)."""
    width, height = app.size
    grid = [[" "] * width for _ in range(height)]
    for x, line, run in _RUN.findall(app.export_screenshot()):
        column = round(float(x) / _CELL)
        for char in html.unescape(run).replace("\xa0", " "):
            if 0 <= column < width and int(line) < height:
                grid[int(line)][column] = char
            column += cell_len(char)
    return ["".join(row).rstrip() for row in grid]


def line_with(app: Any, text: str) -> str:
    """The one line of the screen that holds `text`."""
    found = [line for line in screen_lines(app) if text in line]
    assert len(found) == 1, f"{text!r} on {len(found)} lines"
    return found[0]
