"""Proving that a JSON text had no duplicate keys, without parsing it a second time.

pydantic validates a file straight from its bytes, but where an object has a key
twice it silently keeps the last value. So the import compares two counts:

- `pairs_at_most(raw)`: an upper bound on the key-value pairs in the text. In
  JSON every key's closing quote is followed, after optional whitespace, by its
  colon; with the whitespace taken out, each pair shows as `":`. A quote and a
  colon inside a text can only add to the count.
- `keys_in(document)`: the keys that survived validation: for every model the
  fields the file gave (`model_fields_set`), for every dataclass record (a
  score) all its fields, for every dict its length. A dataclass does not
  remember which fields the file gave: the caller takes away the fields that
  were left out, which the records' defaults count as they are made
  (`models.base.left_out`).

Each key that survived came from at least one pair, so the second count can
never exceed the first. When both are equal, no object had a key twice; when
they differ, there may be a duplicate (or a quote and colon in some text), and
the import takes its precise path, which finds the duplicate and names it.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

_JSON_WHITESPACE = b" \t\n\r"
_fields_given = attrgetter("model_fields_set")

Counter = Callable[[Any], int]


def pairs_at_most(raw: bytes) -> int:
    """At least as many as the key-value pairs in the JSON text `raw`."""
    return raw.translate(None, _JSON_WHITESPACE).count(b'":')


def keys_in(document: BaseModel) -> int:
    """The keys of every object in the file that `document` was validated from."""
    return _model_counter(type(document))(document)


def _count_any(value: object) -> int:
    """Keys under a value of a shape the typed counters do not cover."""
    if isinstance(value, BaseModel):
        given = value.model_fields_set
        return len(given) + sum(_count_any(getattr(value, name)) for name in given)
    if isinstance(value, dict):
        return len(value) + sum(map(_count_any, value.values()))
    if isinstance(value, list):
        return sum(map(_count_any, value))
    return 0


@functools.cache
def _model_counter(cls: type[BaseModel]) -> Counter:
    nested = [(name, counter) for name, field in cls.model_fields.items()
              if (counter := _counter(field.annotation)) is not None]
    if not nested:
        return _count_leaf

    def count(model: Any) -> int:
        given = model.model_fields_set
        return len(given) + sum(counter(getattr(model, name))
                                for name, counter in nested if name in given)
    return count


def _count_leaf(model: Any) -> int:
    return len(model.model_fields_set)


def _is_leaf_model(annotation: object) -> bool:
    return (isinstance(annotation, type) and issubclass(annotation, BaseModel)
            and _model_counter(annotation) is _count_leaf)


def _is_record(annotation: object) -> bool:
    """A dataclass record (a score)."""
    return isinstance(annotation, type) and dataclasses.is_dataclass(annotation)


class _Fixed:
    """The keys of a dataclass record: all its fields, the same for every record
    (those left out are taken off by the caller). Objects inside one would go
    uncounted, which can only send a file the precise way; a score holds none."""

    def __init__(self, cls: type) -> None:
        self.keys = len(dataclasses.fields(cls))

    def __call__(self, record: Any) -> int:
        return self.keys


def _optional(count: Counter) -> Counter:
    return lambda value: 0 if value is None else count(value)


def _in_list(item: Any) -> Counter | None:
    if _is_leaf_model(item):  # the common case, counted at C speed
        return lambda items: sum(map(len, map(_fields_given, items)))
    count = _counter(item)
    if count is None:
        return None
    return lambda items: sum(map(count, items))


def _in_dict(item: Any) -> Counter:
    if _is_leaf_model(item):
        return lambda mapping: len(mapping) + sum(map(len, map(_fields_given, mapping.values())))
    count = _counter(item)
    if count is None:
        return len
    if isinstance(count, _Fixed):  # the scores: a key and a record's fields each
        per_item = 1 + count.keys
        return lambda mapping: per_item * len(mapping)
    return lambda mapping: len(mapping) + sum(map(count, mapping.values()))


def _counter(annotation: Any) -> Counter | None:
    """How to count the keys under a value of this type; None when it holds no objects."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _counter(args[0])
    if origin is typing.Literal:
        return None
    if origin is typing.Union or origin is types.UnionType:
        inner = [arg for arg in args if arg is not types.NoneType]
        counters = [count for arg in inner if (count := _counter(arg)) is not None]
        if not counters:
            return None
        return _optional(counters[0] if len(inner) == 1 else _count_any)
    if origin is list:
        return _in_list(args[0])
    if origin is dict:
        return _in_dict(args[1])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_counter(annotation)
    if _is_record(annotation):
        return _Fixed(annotation)
    if origin is not None or annotation in (Any, object, dict, list):
        return _count_any
    return None
