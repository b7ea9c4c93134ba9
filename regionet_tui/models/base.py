"""Shared base for every saved model: strict, validated on every assignment."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic.dataclasses import dataclass

from ..ids import new_id, utc_now

__all__ = ["Id", "Record", "SmallRecord", "new_id", "small_record", "utc_now"]

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]


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
small_record: Callable[[type[T]], type[T]] = dataclass(  # type: ignore[assignment]
    slots=True, config=ConfigDict(extra="forbid", validate_assignment=True))
