"""Setting a line of text only when it changes, and laying out only when it must.

`Static.update` always costs a new layout of the screen and a repaint, even
with the same text. Kept stage screens
refresh every line each time they are shown again, and STAP 1 rewrites its
detail line every few keys, so they go through `show_text`.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def show_text(line: Static, text: str | Content) -> None:
    """Show `text` in `line`: an unchanged line is left alone, and the screen is
    laid out again only when the new text needs another height."""
    content = text if isinstance(text, Content) else Content(text)
    shown = line.content
    if isinstance(shown, Content) and (shown.plain, shown.spans) == (content.plain, content.spans):
        return
    width, height = line.content_region.size
    line.update(content, layout=False)
    if not width or line.get_content_height(line.size, line.size, width) != height:
        line.refresh(layout=True)
