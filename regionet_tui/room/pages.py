"""The pages a partner's phone shows: server-rendered HTML in the session's language.

Templates (templates/*.html) are rendered by Jinja2 with autoescaping on, so
every name, note and title a partner or the facilitator typed is escaped.
Styles and the script come from static/ in this package: nothing is fetched
from anywhere else, and the content security policy forbids it anyway.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from .texts import translator

HERE = Path(__file__).parent
STATIC_TYPES = {"room.css": "text/css", "room.js": "text/javascript"}


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(template: str, language: str, **context: object) -> str:
    page = _environment().get_template(template)
    html: str = page.render(t=translator(language), lang=language, **context)
    return html


@cache
def static_file(name: str) -> bytes | None:
    """One of the files the pages use; None for any other name."""
    if name not in STATIC_TYPES:
        return None
    return (HERE / "static" / name).read_bytes()
