"""The JSON Schema of the export file (Draft 2020-12)."""

from __future__ import annotations

from typing import Any

from .document import ExportDocument

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    schema = ExportDocument.model_json_schema(mode="validation")
    schema["title"] = "regionet session export"
    return {"$schema": DRAFT, **schema}
