"""Shared base for every saved model: strict, validated on every assignment."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from ..ids import new_id, utc_now

__all__ = ["Id", "Record", "new_id", "utc_now"]

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        ser_json_inf_nan="strings",
        allow_inf_nan=False,
    )
