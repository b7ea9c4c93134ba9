"""Sanitised text types: user text is data, and never reaches the terminal raw.

Every string that enters a model passes one of these validators. They strip
what could drive the terminal (C0/C1 control characters such as ESC), what
could reorder or hide text (bidi overrides, zero-width and other format
characters) and lone surrogates (which cannot be written as UTF-8), and
normalise to NFC so that "é" typed two ways compares equal.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from ..safe_text import UNSAFE_CATEGORIES

_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n", "\r\n": "\n", "\r": "\n"}


def _strip_unsafe(text: str, *, multiline: bool) -> str:
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    if text.replace("\n", "").replace("\t", "").isprintable():
        # Fast path: isprintable() is False for every Cc, Cf and Cs character,
        # so there is nothing to strip, only line breaks and tabs to fold.
        if not multiline:
            text = text.replace("\n", " ").replace("\t", " ")
        return unicodedata.normalize("NFC", text)
    kept: list[str] = []
    for char in text:
        if char in "\n\t":
            kept.append(char if multiline else " ")
        elif unicodedata.category(char) not in UNSAFE_CATEGORIES:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def clean_line(text: str) -> str:
    """One line of user text: no controls, no format characters, trimmed."""
    # Nearly every text is printable (isprintable() is False for every control,
    # format, surrogate and line-breaking character): then only NFC and the
    # trim can change it. An import runs this on tens of thousands of strings.
    if text.isprintable():
        return unicodedata.normalize("NFC", text).strip()
    return _strip_unsafe(text, multiline=False).strip()


def clean_block(text: str) -> str:
    """Multi-line user text: keeps line breaks and tabs, trims the ends."""
    if text.isprintable():
        return unicodedata.normalize("NFC", text).strip()
    return _strip_unsafe(text, multiline=True).strip()


NAME_MAX = 200
SHORT_MAX = 200
LONG_MAX = 5000

# A required single line (names, titles): 1..200 characters after cleaning.
Name = Annotated[
    str, AfterValidator(clean_line), StringConstraints(min_length=1, max_length=NAME_MAX)]
# An optional single line.
ShortText = Annotated[str, AfterValidator(clean_line), StringConstraints(max_length=SHORT_MAX)]
# An optional block of text (notes, explanations).
LongText = Annotated[str, AfterValidator(clean_block), StringConstraints(max_length=LONG_MAX)]
