"""What must never reach the terminal from user text: control characters
(ESC starts terminal escape sequences), format characters (bidi overrides,
zero-width characters) and lone surrogates. Free of pydantic, so the
interface can use it before any model is loaded."""

from __future__ import annotations

import unicodedata

UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_BREAK_CATEGORIES = frozenset({"Zl", "Zp"})


def remove_unsafe(text: str, keep: str = "") -> str:
    """`text` without unsafe characters, except those in `keep` (e.g. "\\n\\t")."""
    if text.isprintable():  # False for every Cc, Cf and Cs character: the common case
        return text
    return "".join(char for char in text
                   if char in keep or unicodedata.category(char) not in UNSAFE_CATEGORIES)


def printable(text: str) -> str:
    """`text` for one line of a widget that draws its own cells: no unsafe
    characters, and tabs and line or paragraph breaks become spaces (a terminal
    moves the cursor on a tab, so the cells after it would shift)."""
    if text.isprintable():
        return text
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\t\n\r" or category in _BREAK_CATEGORIES:
            kept.append(" ")
        elif category not in UNSAFE_CATEGORIES:
            kept.append(char)
    return "".join(kept)
