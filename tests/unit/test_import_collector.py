"""The one-pass import keeps the cyclic collector off its new objects without
keeping them alive: they leave the young generations unscanned, and reference
counting frees them when the session is dropped."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from support.share import EXPORTED_AT, full_session

from regionet_tui.share import importer
from regionet_tui.share.export import export_bytes

RAW = export_bytes(full_session(), EXPORTED_AT)


@pytest.fixture(autouse=True)
def collector_as_it_was() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.collect()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_with_nothing_frozen_the_session_is_old_at_once_and_freed_when_dropped() -> None:
    session = importer.parse_sound(RAW)
    assert session is not None
    assert gc.isenabled() and gc.get_freeze_count() == 0
    young, _, _ = gc.get_count()
    assert young < 100  # thousands of new objects, none left for a young collection
    dropped = weakref.ref(session)
    del session
    assert dropped() is None


def test_with_a_session_open_the_import_joins_the_frozen_objects_and_is_still_freed() -> None:
    gc.freeze()  # as app.open_session does
    frozen = gc.get_freeze_count()
    session = importer.parse_sound(RAW)
    assert session is not None
    assert gc.get_freeze_count() > frozen
    dropped = weakref.ref(session)
    del session
    assert dropped() is None  # frozen objects are freed by reference counting


class Node:
    def __init__(self) -> None:
        self.me = self


def test_garbage_of_the_app_is_not_frozen_with_an_import() -> None:
    gc.freeze()  # as app.open_session does
    old = [Node()]
    gc.collect()  # now in the oldest generation
    old_garbage = weakref.ref(old.pop())
    young_garbage = weakref.ref(Node())  # cycles: only the collector frees them
    assert importer.parse_sound(RAW) is not None
    gc.collect()
    assert old_garbage() is None and young_garbage() is None


def test_the_collector_stays_off_when_it_was_off() -> None:
    gc.disable()
    assert importer.parse_sound(RAW) is not None
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_a_refused_file_leaves_the_collector_on() -> None:
    assert importer.parse_sound(RAW.replace(b'"schema_version": 1', b'"schema_version": 2')) is None
    assert gc.isenabled() and gc.get_freeze_count() == 0
