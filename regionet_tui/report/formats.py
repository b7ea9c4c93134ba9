"""The report's file formats (cheap to import: the command line lists them)."""

from __future__ import annotations

from typing import Literal

Format = Literal["md", "html"]
FORMATS: tuple[Format, ...] = ("md", "html")
