"""Setting a line of text only when it changes.

`Static.update` always costs a new layout and a repaint, even with the same
text; kept stage screens refresh every line each time they are shown again,
so they go through `show_text`.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def show_text(line: Static, text: str | Content) -> None:
    """Show `text` in `line`, leaving an unchanged line alone."""
    content = text if isinstance(text, Content) else Content(text)
    shown = line.content
    if isinstance(shown, Content) and (shown.plain, shown.spans) == (content.plain, content.spans):
        return
    line.update(content)
