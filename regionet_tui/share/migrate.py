"""Bringing an export file of an older schema version up to the current one.

Each step is an explicit function that turns a document of version n into
one of version n + 1 (and sets its `schema_version`). Version 1 is the first
released shape, so there are no steps yet; the next change of the format adds
`STEPS[1] = _v1_to_v2` with a test of a real version-1 file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..models import SCHEMA_VERSION
from .errors import ImportRefused

FIRST_VERSION = 1
Document = dict[str, Any]
Step = Callable[[Document], Document]

STEPS: dict[int, Step] = {}


def migrate(document: Document, *, steps: Mapping[int, Step] = STEPS,
            current: int = SCHEMA_VERSION) -> Document:
    """The document in the current version, or ImportRefused for a version we
    do not know (newer than this app, or never released)."""
    version = document.get("schema_version")
    if type(version) is not int:
        raise ImportRefused("version_missing", place="schema_version")
    if version > current:
        raise ImportRefused("newer", version=version, current=current)
    if version < FIRST_VERSION:
        raise ImportRefused("unknown_version", version=version)
    while version < current:
        step = steps.get(version)
        if step is None:
            raise ImportRefused("unknown_version", version=version)
        document = step(document)
        if document.get("schema_version") != version + 1:
            raise AssertionError(f"migration step from {version} did not set the version")
        version += 1
    return document
