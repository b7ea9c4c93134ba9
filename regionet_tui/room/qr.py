"""The room's address as a QR code matrix (segno), for the terminal to draw."""

from __future__ import annotations

QUIET_ZONE = 2  # modules of light border; 4 is the standard, 2 scans fine off a screen


def matrix(data: str, border: int = QUIET_ZONE) -> list[list[bool]]:
    """Rows of modules, True for dark, with a light border around them.

    The smallest symbol that holds `data`, with the highest error correction
    that fits it: the fewer modules, the larger each one on the projector.
    """
    import segno

    code = segno.make(data, error="l", boost_error=True, micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(border=border)]
