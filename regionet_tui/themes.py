"""The two looks of regionet: a calm theme for the laptop and a projector theme.

A projector washes out dark backgrounds and soft colours, so the projector
theme is black on white with saturated colours and no half-transparent text:
muted text is a solid dark grey that still reads from the back of the room.
Every text colour has a contrast of at least 7:1 against the background
(WCAG AAA), which tests/test_workshop.py checks.
Everything else in the app uses theme variables, so both themes work on every
screen.
"""

from __future__ import annotations

from textual.theme import Theme

NORMAL = "regionet"
PROJECTOR = "regionet-projector"

THEMES = (
    Theme(
        name=NORMAL,
        primary="#2F7FC1",
        secondary="#1D5A8C",
        accent="#F0A030",
        warning="#F0A030",
        error="#E0475B",
        success="#4EBF71",
        foreground="#E4E4E4",
        background="#1B1E24",
        surface="#242932",
        panel="#2C323D",
        dark=True,
    ),
    Theme(
        name=PROJECTOR,
        primary="#0038A8",
        secondary="#002A80",
        accent="#6A0DAD",
        warning="#8A4500",
        error="#A00000",
        success="#005A1A",
        foreground="#000000",
        background="#FFFFFF",
        surface="#FFFFFF",
        panel="#E6E6E6",
        boost="#E6E6E6",
        dark=False,
        luminosity_spread=0.3,
        variables={
            "text": "#000000",
            "text-muted": "#333333",
            "text-disabled": "#555555",
            "foreground-muted": "#333333",
            "block-cursor-foreground": "#FFFFFF",
            "block-cursor-background": "#0038A8",
            "block-cursor-blurred-foreground": "#000000",
            "block-cursor-blurred-background": "#C8D4F0",
            "footer-key-foreground": "#0038A8",
            "footer-description-foreground": "#000000",
            "input-selection-background": "#0038A8 40%",
            "border-blurred": "#555555",
        },
    ),
)


def other(theme: str) -> str:
    """The theme the projector key switches to."""
    return NORMAL if theme == PROJECTOR else PROJECTOR
