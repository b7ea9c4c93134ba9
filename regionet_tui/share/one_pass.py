"""The validators of the import's one pass (importer.parse_sound).

Both validate an export as ExportDocument does, from a copy of its core schema
with one change, and optionally a second:

- Every field of a dataclass record (a score) is required. A model remembers
  which fields the file gave (`model_fields_set`), and the key count that
  proves the file had no duplicate key (duplicates.py) adds those up; a
  dataclass remembers no such thing. Every export writes every field, so the
  one pass takes a score only when it gives them all, and counts them all. A
  file that leaves a field out goes the precise way, where the defaults apply.
- With `checking_text`, each text is checked to be clean instead of being
  sanitised (clean_text.py).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic_core import SchemaValidator

from .clean_text import checked_string
from .document import ExportDocument

_building = threading.Lock()


@functools.cache
def one_pass_validator(*, checking_text: bool) -> SchemaValidator:
    """A validator of ExportDocument that needs every field of a dataclass record
    and, with `checking_text`, checks its text instead of sanitising it."""
    classes: set[type] = set()
    schema = _rewritten(ExportDocument.__pydantic_core_schema__, classes, checking_text)
    with _building, _own_validators_set_aside(classes):
        return SchemaValidator(schema)


def _rewritten(schema: Any, classes: set[type], checking_text: bool) -> Any:
    if isinstance(schema, list):
        return [_rewritten(item, classes, checking_text) for item in schema]
    if not isinstance(schema, dict):
        return schema
    kind = schema.get("type")
    if kind in ("model", "dataclass"):
        classes.add(schema["cls"])
    elif kind == "dataclass-field" and schema["schema"]["type"] == "default":
        schema = {**schema, "schema": schema["schema"]["schema"]}
    elif kind == "function-after" and checking_text:
        checked = checked_string(schema)
        if checked is not None:
            return checked
    return {key: _rewritten(value, classes, checking_text) for key, value in schema.items()}


@contextmanager
def _own_validators_set_aside(classes: set[type]) -> Iterator[None]:
    """pydantic-core reuses a finished model's (or dataclass's) own validator
    wherever it appears in a schema; set aside for a moment, it builds ours
    from the schema."""
    finished = {cls: cls.__dict__.get("__pydantic_complete__", False) for cls in classes}
    try:
        for cls in classes:
            type.__setattr__(cls, "__pydantic_complete__", False)
        yield
    finally:
        for cls, complete in finished.items():
            type.__setattr__(cls, "__pydantic_complete__", complete)
