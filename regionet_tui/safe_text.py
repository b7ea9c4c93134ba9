"""What must never reach the terminal from user text: control characters
(ESC starts terminal escape sequences), format characters (bidi overrides,
zero-width characters) and lone surrogates. Free of pydantic, so the
interface can use it before any model is loaded."""

from __future__ import annotations

import unicodedata

UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def remove_unsafe(text: str, keep: str = "") -> str:
    """`text` without unsafe characters, except those in `keep` (e.g. "\\n\\t")."""
    if text.isprintable():  # False for every Cc, Cf and Cs character: the common case
        return text
    return "".join(char for char in text
                   if char in keep or unicodedata.category(char) not in UNSAFE_CATEGORIES)
