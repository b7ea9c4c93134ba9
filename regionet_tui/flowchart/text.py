"""Measuring and wrapping user text on the character grid.

Every character takes one cell except East Asian wide characters, which take
two; other zero-width oddities are counted as one cell so the grid never
shifts (sanitising user text is the models' job, not ours).
"""

from __future__ import annotations

from rich.cells import cell_len


def char_cells(char: str) -> int:
    return 2 if cell_len(char) == 2 else 1


def text_cells(text: str) -> int:
    if text.isascii():
        return len(text)  # every ASCII character takes one cell, control characters too
    return sum(char_cells(char) for char in text)


def _split_long_word(word: str, width: int) -> list[str]:
    """Break a word wider than the wrap width into chunks: wrap, never cut."""
    chunks: list[str] = []
    current = ""
    for char in word:
        if current and text_cells(current) + char_cells(char) > width:
            chunks.append(current)
            current = ""
        current += char
    chunks.append(current)
    return chunks


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap at `width` cells; newlines in the text are kept as breaks."""
    width = max(width, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: str | None = None
        for word in paragraph.split(" "):
            for piece in _split_long_word(word, width) if text_cells(word) > width else [word]:
                if current is None:
                    current = piece
                elif text_cells(current) + 1 + text_cells(piece) <= width:
                    current = f"{current} {piece}"
                else:
                    lines.append(current)
                    current = piece
        lines.append(current or "")
    return lines


def block_size(lines: list[str]) -> tuple[int, int]:
    """(width in cells, height in rows) of a block of wrapped lines."""
    return max((text_cells(line) for line in lines), default=0), len(lines)
