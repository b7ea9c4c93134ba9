"""The report as Markdown. User text is escaped, so a name never becomes markup,
a link or raw HTML."""

from __future__ import annotations

import re

from ..models.text import clean_block
from .blocks import Bar, Block, Cell, Drawing, Facts, Heading, Items, Paragraph, Report, Table

BAR_CELLS = 10
# Characters that are markup anywhere, and the ones that are markup at the start of a line.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)]))")
# What renderers turn into a link without any markup (GitHub, GitLab, markdown-it's
# linkify): a scheme's colon, an e-mail address's @, and a dot inside a domain
# name (www.x.nl, or a bare x.nl). Escaped, each shows as itself and links nothing.
_AUTOLINK = re.compile(
    r"(?i:\b(?:https?|ftp|mailto|xmpp|file|tel)):"  # a scheme's colon
    r"|:(?=//)"  # any other scheme's
    r"|(?<=[\w.+-])@(?=[\w-])"  # an e-mail address
    r"|(?<=[^\W_])\.(?=[^\W\d_])"  # a dot in a domain: after a letter or digit, before a letter
)


def _escape_line(line: str) -> str:
    line = _SPECIAL.sub(r"\\\1", line)
    line = _AUTOLINK.sub(lambda match: match.group()[:-1] + "\\" + match.group()[-1], line)
    match = _LINE_START.match(line)
    if match and match.group(2).isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return _LINE_START.sub(r"\1\\\2", line)


def escape(text: str) -> str:
    """Plain text that Markdown shows as it is (line breaks kept as hard breaks).

    The models already strip control characters; cleaning again costs little
    and keeps a report printed to a terminal harmless whatever it was given.
    """
    return "  \n".join(_escape_line(line) for line in clean_block(text).split("\n"))


def _cell(cell: Cell) -> str:
    if isinstance(cell, Bar):
        return f"`{bar_text(cell)}` {escape(cell.text)}"
    return escape(cell).replace("  \n", "<br>")


def bar_text(bar: Bar) -> str:
    """A bar of BAR_CELLS characters: filled from the left up to the value."""
    span = bar.high - bar.low
    share = 0.0 if span <= 0 else (min(max(bar.value, bar.low), bar.high) - bar.low) / span
    filled = round(share * BAR_CELLS)
    return "█" * filled + "░" * (BAR_CELLS - filled)


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(escape(h) for h in table.headers) + " |",
             "|" + "|".join("---:" if i in table.numeric else "---"
                            for i in range(len(table.headers))) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + escape(block.text)]
    if isinstance(block, Paragraph):
        return [f"*{escape(block.text)}*" if block.note else escape(block.text)]
    if isinstance(block, Items):
        return ["- " + escape(item).replace("\n", "\n  ") for item in block.items]
    if isinstance(block, Facts):
        return [f"- **{escape(label)}:** {escape(value)}" for label, value in block.pairs]
    if isinstance(block, Drawing):
        fence = "~~~~"
        lines = block.clean_lines()
        while any(line.lstrip().startswith(fence) for line in lines):
            fence += "~"
        return [fence + "text", *lines, fence]
    return _table(block)


def render_markdown(report: Report) -> str:
    out = [f"# {escape(report.title)}", "", escape(report.subtitle), ""]
    out += _block(report.facts)
    for section in report.sections:
        out += ["", f"## {escape(section.title)}"]
        for block in section.blocks:
            out += ["", *_block(block)]
    out += ["", "---", "", f"*{escape(report.footer)}*", ""]
    return "\n".join(out)
