"""File names every system takes: the rules of Windows, applied everywhere.

The sessions folder travels: it sits in a OneDrive-synced documents folder,
on a USB stick, in a zip sent to a colleague. So every name regionet makes
follows Windows' rules, the strictest of the three, on every platform:

- no reserved device name (CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9, also
  with an extension, as `con.json`, and with trailing spaces, as `NUL .md`);
- none of the characters < > : " / \\ | ? * nor a control character;
- no dot or space at the end, which Windows silently drops;
- at most 255 characters a name, and a whole path within Windows' usual
  limit of 259 characters (MAX_PATH, 260 with its terminating NUL);
- no two names in one folder that differ only in case: Windows and macOS
  see one file where Linux sees two.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from pathlib import Path

RESERVED_NAMES = frozenset({
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    *(f"COM{n}" for n in (*"123456789", "¹", "²", "³")),
    *(f"LPT{n}" for n in (*"123456789", "¹", "²", "³")),
})
FORBIDDEN_CHARACTERS = frozenset('<>:"/\\|?*') | frozenset(map(chr, range(32)))
MAX_NAME = 255
MAX_PATH = 259
# What a name can grow by where regionet writes it: the temp file of an atomic
# write (`.<name>.<8 hex>.tmp`) or the claim of a move
# (`.<name>.<seconds>-<8 hex>.moving`, see library._claim_name).
WRITE_EXTRA = len(".") + len(".1765000000-12345678.moving")
# How much longer than its own `<id>.json` a name made from a session file gets:
# the copy kept before a merge, written through a temp file.
SESSION_NAME_GROWTH = len(".before-merge-20261122-140300.json.bak") - len(".json") \
    + len("..12345678.tmp")


def windows_problem(name: str) -> str | None:
    """Why Windows refuses `name` as a file or folder name; None when it takes it.

    One of: "empty", "character", "trailing", "reserved", "too_long".
    """
    if name in ("", ".", ".."):
        return "empty"
    if any(character in FORBIDDEN_CHARACTERS for character in name):
        return "character"
    if name[-1] in ". ":
        return "trailing"
    if is_reserved(name):
        return "reserved"
    if len(name) > MAX_NAME:
        return "too_long"
    return None


def is_reserved(name: str) -> bool:
    """A device name, whatever its case and extension (`Con`, `nul.json`, `COM1 .md`)."""
    return name.partition(".")[0].rstrip(" ").upper() in RESERVED_NAMES


def is_portable(name: str) -> bool:
    return windows_problem(name) is None


def fits_windows_path(path: Path, extra: int = 0) -> bool:
    """The absolute path, `extra` characters longer, is within MAX_PATH."""
    return len(str(path.absolute())) + extra <= MAX_PATH


def slug(text: str, max_length: int) -> str:
    """Readable ASCII for a file name: lower case, letters and digits, single
    hyphens between words; at most `max_length` characters, perhaps "".
    Accents go (é → e), other scripts and symbols become separators."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return words[:max_length].strip("-")


def portable_stem(stem: str) -> str:
    """`stem`, changed as little as needed to be a name Windows takes (with any
    extension after it): refused characters become "-", trailing dots and
    spaces go, a device name gets "_" added (`con` → `con_`, `aux.md` →
    `aux_.md`)."""
    cleaned = "".join("-" if c in FORBIDDEN_CHARACTERS else c for c in stem).rstrip(". ")
    cleaned = cleaned[:MAX_NAME - 16]  # room for a suffix such as ".before-merge"
    if not cleaned:
        return "_"
    if not is_reserved(cleaned):
        return cleaned
    device, dot, rest = cleaned.partition(".")
    return f"{device}_{dot}{rest}"


def name_taken(folder: Path, name: str) -> bool:
    """A file of this name is in `folder`, or one that differs from it only in
    case (one and the same file on Windows and macOS)."""
    wanted = folder / name
    if wanted.exists() or wanted.is_symlink():
        return True
    folded = name.casefold()
    with contextlib.suppress(OSError):
        return any(entry.name.casefold() == folded for entry in folder.iterdir())
    return False
