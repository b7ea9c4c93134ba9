"""The import's check for already clean text lets through only strings that the
sanitisers would return unchanged."""

from __future__ import annotations

import sys
import unicodedata
from typing import Annotated

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import AfterValidator, BaseModel, StringConstraints
from pydantic_core import SchemaValidator, ValidationError

from regionet_tui.models.session import Session
from regionet_tui.models.stap1 import Score
from regionet_tui.models.text import LongText, Name, clean_block, clean_line
from regionet_tui.share.clean_text import (
    BLOCK_PATTERN,
    LINE_PATTERN,
    _inert,
    checked_string,
    normalising_cannot_change,
)
from regionet_tui.share.one_pass import one_pass_validator

LINE = SchemaValidator({"type": "str", "pattern": LINE_PATTERN})
BLOCK = SchemaValidator({"type": "str", "pattern": BLOCK_PATTERN})
EVERY_CHARACTER = [chr(code) for code in range(sys.maxunicode + 1)
                   if not 0xD800 <= code <= 0xDFFF]
SANITISED_AWAY = [c for c in EVERY_CHARACTER if unicodedata.category(c) in {"Cc", "Cf"}
                  or c in "\u2028\u2029"]
TRIMMED = [c for c in EVERY_CHARACTER if c.isspace() or unicodedata.category(c).startswith("Z")]


def accepts(validator: SchemaValidator, text: str) -> bool:
    try:
        validator.validate_python(text)
    except ValidationError:
        return False
    return True


def test_no_character_the_sanitisers_remove_passes_inside_a_text() -> None:
    for character in SANITISED_AWAY:
        assert not accepts(LINE, f"a{character}b"), hex(ord(character))
        if character not in "\n\t":
            assert not accepts(BLOCK, f"a{character}b"), hex(ord(character))
    assert accepts(BLOCK, "regel 1\nregel\t2") and accepts(LINE, "a\u00a0b c")


def test_no_character_strip_removes_passes_at_either_end() -> None:
    for character in TRIMMED:
        for validator in (LINE, BLOCK):
            assert not accepts(validator, f"{character}a"), hex(ord(character))
            assert not accepts(validator, f"a{character}"), hex(ord(character))


TRICKY_CHARACTERS = ("ab é–’😀 \u00a0\u3000\n\t\r\x0b\x1b\x7f\x85"
                     "\u200b\u200d\u202e\u2066\ufeff\u2028\ue000")
ANY_CHARACTER = st.characters(codec=None, exclude_categories=["Cs"])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ANY_CHARACTER) | st.text(alphabet=st.sampled_from(TRICKY_CHARACTERS)))
def test_a_text_that_passes_is_what_the_sanitisers_return(text: str) -> None:
    if all(map(_inert, text)):
        if accepts(LINE, text):
            assert clean_line(text) == text
        if accepts(BLOCK, text):
            assert clean_block(text) == text


def test_no_inert_character_joins_the_one_before_it() -> None:
    joining = set()
    for character in EVERY_CHARACTER:
        parts = unicodedata.decomposition(character).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            joining.add(chr(int(parts[1], 16)))
    assert joining and not [c for c in joining if _inert(c)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8").filter(_inert)))
def test_a_text_of_inert_characters_is_already_normalised(text: str) -> None:
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(("raw", "cannot_change"), [
    (b'{"name": "Het Baken"}', True),
    ('{"name": "Café – ook ’s avonds 🧑"}'.encode(), True),
    ('{"name": "Cafe\u0301"}'.encode(), False),
    ('{"name": "\u212b"}'.encode(), False),  # the angstrom sign becomes Å
    ('{"name": "\u1100\u1161"}'.encode(), False),  # Hangul jamo join into a syllable
    (b'{"name": "e\\u0301"}', False),
    (b'{"name": "a\\nb \\"c\\" \\\\ d"}', True),
    (b'{"name": "\xff"}', False),
])
def test_normalising_cannot_change_text(raw: bytes, cannot_change: bool) -> None:
    assert normalising_cannot_change(raw) is cannot_change


def test_the_clean_text_validator_leaves_the_models_as_they_were() -> None:
    one_pass_validator(checking_text=True)
    assert Session.__pydantic_complete__ and Score.__pydantic_complete__
    with pytest.raises(ValidationError) as refused:
        one_pass_validator(checking_text=True).validate_json(
            b'{"format": "regionet-session", "schema_version": 1, "app_version": " 0.1",'
            b' "exported_at": "2026-11-22T14:03:00Z",'
            b' "session": {"id": "s", "title": "T", "date": "2026-11-22",'
            b' "partners": [{"id": "p", "name": "Het\\u200bBaken"}]}}', strict=True)
    assert {problem["loc"] for problem in refused.value.errors()} == {
        ("app_version",), ("session", "partners", 0, "name")}


class Texts(BaseModel):
    name: Name
    note: LongText
    cleaned_twice: Annotated[str, AfterValidator(clean_block), AfterValidator(clean_line)]
    cut_before_cleaning: Annotated[str, StringConstraints(max_length=3),
                                   AfterValidator(clean_line)]
    other_check: Annotated[str, AfterValidator(str.lower)]


def test_only_a_sanitised_string_with_its_lengths_becomes_a_rust_check() -> None:
    fields = Texts.__pydantic_core_schema__["schema"]["fields"]
    checked = {name: checked_string(field["schema"]) for name, field in fields.items()}
    assert checked == {
        "name": {"type": "str", "min_length": 1, "max_length": 200, "pattern": LINE_PATTERN},
        "note": {"type": "str", "max_length": 5000, "pattern": BLOCK_PATTERN},
        "cleaned_twice": None, "cut_before_cleaning": None, "other_check": None,
    }
