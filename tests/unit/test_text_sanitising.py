"""The sanitising of user text: its fast path agrees with the full rule."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from regionet_tui.models.text import clean_block, clean_line

REMOVED = {"Cc", "Cf", "Cs"}


def reference(text: str, multiline: bool) -> str:
    """The rule written out character by character."""
    for old, new in (("\r\n", "\n"), ("\r", "\n"), ("\u2028", "\n"), ("\u2029", "\n")):
        text = text.replace(old, new)
    kept = "".join(
        (c if multiline else " ") if c in "\n\t"
        else c if unicodedata.category(c) not in REMOVED else ""
        for c in text
    )
    return unicodedata.normalize("NFC", kept).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_clean_line_and_block_follow_the_rule(text: str) -> None:
    assert clean_line(text) == reference(text, multiline=False)
    assert clean_block(text) == reference(text, multiline=True)


def test_terminal_and_bidi_controls_are_removed() -> None:
    assert clean_line("\x1b]0;titel\x07a\u202eb\u200bc\ufeff") == "]0;titelabc"
    assert clean_block("regel 1\r\nregel\t2") == "regel 1\nregel\t2"
    assert clean_line("Cafe\u0301") == "Café"
