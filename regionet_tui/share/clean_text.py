"""Validating an export whose text is already clean, without calling Python per string.

Every text field sanitises its string in Python (models/text.py): one call per
string, a good part of an import's time. A regionet export holds only text that
was sanitised when it was typed, so for a file where no text can change, the
import may use a validator in which each text field checks in Rust that its
string is already clean, instead of cleaning it:

- the file has no `\\u` escape and only characters that NFC leaves alone in any
  context (`normalising_cannot_change`), so every string is already NFC;
- each string matches LINE or BLOCK: no control, format, private-use,
  unassigned or separator character (BLOCK allows line feeds and tabs
  inside), and no space or such character at either end, so nothing would be
  stripped or trimmed.

Such a string is exactly what clean_line or clean_block would return, so both
validators give the same session. A string that does not match refuses the
whole file here; the import then validates it again with the sanitising models.
The validator itself is built in one_pass.py.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from ..models.text import clean_block, clean_line

# Rust regex syntax (pydantic-core): \p{C} is every "other" character (Cc, Cf, Cs,
# Co, Cn), \p{Z} every separator; str.strip() trims only characters of those two.
_EDGE = r"[^\p{C}\p{Z}]"
_LINE_INSIDE = r"[^\p{C}\p{Zl}\p{Zp}]"
_BLOCK_INSIDE = r"(?:[^\p{C}\p{Zl}\p{Zp}]|[\n\t])"
LINE_PATTERN = rf"\A(?:{_EDGE}(?:{_LINE_INSIDE}*{_EDGE})?)?\z"
BLOCK_PATTERN = rf"\A(?:{_EDGE}(?:{_BLOCK_INSIDE}*{_EDGE})?)?\z"
_PATTERNS = {clean_line: LINE_PATTERN, clean_block: BLOCK_PATTERN}
# How pydantic checks the lengths of an annotated string after its validator.
_LENGTHS = {"max_length_validator": "max_length", "min_length_validator": "min_length"}

_ASCII = bytes(range(0x80))
# Hangul vowels and trailing consonants join the syllable before them under NFC.
_HANGUL_JAMO = range(0x1160, 0x1200)


def normalising_cannot_change(raw: bytes) -> bool:
    """Whether NFC leaves every string in the JSON text `raw` as it is. False
    when unsure (a `\\u` escape, a combining character, bytes that are not UTF-8)."""
    if b"\\" in raw and b"\\u" in raw:
        return False
    beyond_ascii = raw.translate(None, _ASCII)
    if not beyond_ascii:
        return True
    try:
        characters = set(beyond_ascii.decode("utf-8"))
    except UnicodeDecodeError:
        return False
    return all(map(_inert, characters))


@functools.cache
def _inert(character: str) -> bool:
    """NFC leaves the character as it is and never joins it to the one before:
    a starter (combining class 0, no mark) whose NFC is itself, and no Hangul jamo."""
    return (unicodedata.combining(character) == 0
            and unicodedata.category(character)[0] != "M"
            and ord(character) not in _HANGUL_JAMO
            and unicodedata.is_normalized("NFC", character))


def checked_string(schema: dict[str, Any]) -> dict[str, Any] | None:
    """A plain string run through one sanitiser and then its length checks, as
    a Rust check; None for anything else, which keeps its Python validators."""
    checks: dict[str, Any] = {}
    node = schema
    while node.get("type") == "function-after":
        function = node["function"]["function"]
        key = _LENGTHS.get(getattr(getattr(function, "func", None), "__name__", ""))
        if isinstance(function, functools.partial) and key and set(function.keywords) == {key}:
            value = function.keywords[key]
        elif function in _PATTERNS:
            key, value = "pattern", _PATTERNS[function]
        else:
            return None
        if key in checks:
            return None
        checks[key] = value
        node = node["schema"]
    if node != {"type": "str"} or "pattern" not in checks:
        return None
    return {"type": "str", **checks}
