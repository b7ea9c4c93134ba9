"""The neutral document a report is built of, before it becomes Markdown or HTML.

All text in here is plain text; the renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models.text import clean_line


@dataclass(frozen=True)
class Bar:
    """A horizontal bar for a value between `low` and `high`, with its number as text."""

    value: float
    high: float
    text: str
    low: float = 0.0


Cell = str | Bar


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    numeric: frozenset[int] = frozenset()  # columns aligned right
    nowrap: frozenset[int] = frozenset()  # short columns kept on one line (dates)
    caption: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    note: bool = False  # a remark about the report itself, shown quieter


@dataclass(frozen=True)
class Items:
    items: list[str]


@dataclass(frozen=True)
class Facts:
    """Label-value pairs, such as the session's details."""

    pairs: list[tuple[str, str]]


@dataclass(frozen=True)
class Drawing:
    """Text drawn on a character grid (timeline, flowchart): kept as is, only
    cleaned of control characters, with the indentation that places it."""

    lines: list[str]

    def clean_lines(self) -> list[str]:
        return [line[: len(line) - len(line.lstrip(" "))] + clean_line(line)
                for line in self.lines]


@dataclass(frozen=True)
class Heading:
    """A heading inside a section: level 3, or 4 below that."""

    text: str
    level: int = 3


Block = Table | Paragraph | Items | Facts | Drawing | Heading


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    language: str
    facts: Facts
    sections: list[Section]
    footer: str
