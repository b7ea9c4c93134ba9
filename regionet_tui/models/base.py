"""Shared base for every saved model: strict, validated on every assignment."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, TypeVar, cast, dataclass_transform

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
)
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticCustomError

from ..ids import new_id, utc_now
from .years import FIRST_YEAR, LAST_YEAR

__all__ = ["Day", "Id", "Moment", "Record", "SmallRecord", "left_out", "left_out_reading",
           "new_id", "small_record", "unique_ids", "utc_now"]

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]

D = TypeVar("D", dt.date, dt.datetime)


def in_years(value: D) -> D:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_out_of_range", "the year must lie between {first} and {last}",
            {"first": FIRST_YEAR, "last": LAST_YEAR})
    return value


Day = Annotated[dt.date, AfterValidator(in_years)]
Moment = Annotated[dt.datetime, AfterValidator(in_years)]
AwareMoment = Annotated[AwareDatetime, AfterValidator(in_years)]

K = TypeVar("K")


def unique_ids(items: K, ids: Iterable[tuple[tuple[str | int, ...], str]]) -> K:
    """`items` as they are when every id in `ids` (its place in the field, the id)
    occurs once; else the error `duplicate_id` naming the second place."""
    seen: set[str] = set()
    for place, item_id in ids:
        if item_id in seen:
            raise PydanticCustomError(
                "duplicate_id", "the id {id} occurs more than once", {"id": item_id, "at": place})
        seen.add(item_id)
    return items


def ids_of(items: Iterable[Any], key: str = "id") -> Iterable[tuple[tuple[str | int, ...], str]]:
    """Each item's place in a list and its id (the field `key`)."""
    return (((index, key), getattr(item, key)) for index, item in enumerate(items))


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        ser_json_inf_nan="strings",
        allow_inf_nan=False,
    )


T = TypeVar("T")


class SmallRecord:
    """The Record methods the app uses, for a record made with `small_record`."""

    __slots__ = ()

    @classmethod
    def model_validate(cls: type[T], values: Mapping[str, Any]) -> T:
        return cls(**values)

    def model_dump(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload, no-any-return]

    def model_copy(self: T, *, update: Mapping[str, Any] | None = None) -> T:
        """A copy with some fields changed; unlike BaseModel.model_copy, checked."""
        return dataclasses.replace(self, **(update or {}))  # type: ignore[type-var]


# A session holds thousands of some small records (a score per partner and
# service, a commitment per partner and attitude...). Those are slotted pydantic
# dataclasses rather than Records: the same fields, checks, JSON and JSON schema
# (a docstring is the schema's description, so each has one), in about 80 bytes
# instead of about 1,100 (a model instance also carries a dict and a set of the
# fields given), and quicker to build when a session is read.
_small_dataclass = dataclass(
    slots=True, config=ConfigDict(extra="forbid", validate_assignment=True))


# dataclass_transform tells a type checker that the decorated class gets the
# dataclass's __init__ from its fields, as pydantic's own decorator does.
@dataclass_transform(field_specifiers=(Field, dataclasses.field))
def small_record(cls: type[T]) -> type[T]:
    # pydantic types its result as its own protocol; the class is still `cls`.
    return cast("type[T]", _small_dataclass(cls))


# A small record does not remember which fields it was given (a model keeps
# `model_fields_set`), yet the import's check for duplicate keys must know how
# many keys each record had (share/duplicates.py). So the default of a field
# of a small record is made by a function that counts each use: a field the
# file left out. Every record regionet writes gives all its fields, so reading
# one costs nothing extra. `itertools.count` counts atomically under the GIL;
# a record made meanwhile on another thread only adds to the count, which can
# only send a file the precise way.
_LEFT_OUT = itertools.count()


def left_out_reading() -> int:
    """The count of record fields left out so far (each reading adds one too)."""
    return next(_LEFT_OUT)


Default = TypeVar("Default", bound=str | None)


def left_out(value: Default) -> Default:
    """The default of a field of a small record: `value` (None, "" or a literal),
    counted each time it is used."""

    def default() -> Default:
        next(_LEFT_OUT)
        return value

    # Shown in the JSON Schema as a plain default, as before.
    schema: dict[str, JsonValue] = {"default": value}
    field: Default = Field(default_factory=default, json_schema_extra=schema)
    return field
