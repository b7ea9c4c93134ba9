"""Windows' rules for file names, written out from its documentation (Naming
Files, Paths, and Namespaces) and checked with PureWindowsPath, so a test on
Linux knows which names a Windows laptop would refuse. Also: a recorder of
every name the app creates in a folder."""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

import pytest

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
            *(f"LPT{n}" for n in range(1, 10))}
REFUSED_CHARACTERS = set('<>:"/\\|?*') | {chr(n) for n in range(32)}
MAX_PATH = 259


def why_windows_refuses(name: str) -> str | None:
    """Why Windows refuses `name` as the name of a file or folder; None if it takes it."""
    if name in ("", ".", ".."):
        return "empty"
    if REFUSED_CHARACTERS & set(name):
        return f"refused character in {name!r}"
    if name.endswith((".", " ")):
        return f"ends in a dot or space: {name!r}"
    if PureWindowsPath(name).is_reserved() or \
            name.partition(".")[0].rstrip(" ").upper() in RESERVED:
        return f"reserved device name: {name!r}"
    if len(name) > 255:
        return f"longer than 255 characters: {len(name)}"
    if PureWindowsPath(name).name != name:
        return f"not a single name on Windows: {name!r}"
    return None


class NameRecorder:
    """Every file and folder name created under `root` (opened for creating,
    replaced, renamed, linked or made as a folder), as paths relative to it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
        self.root = root.resolve()
        self.made: set[Path] = set()
        real = {name: getattr(os, name) for name in ("open", "replace", "rename", "link", "mkdir")}

        def note(path: object) -> None:
            absolute = Path(os.fsdecode(path)).absolute()  # type: ignore[arg-type]
            if self.root in absolute.parents:
                self.made.add(absolute.relative_to(self.root))

        def recording_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
            if flags & os.O_CREAT:
                note(path)
            return real["open"](path, flags, *args, **kwargs)  # type: ignore[no-any-return]

        def recording(name: str, position: int) -> object:
            def call(*args: object, **kwargs: object) -> object:
                note(args[position])
                return real[name](*args, **kwargs)
            return call

        monkeypatch.setattr(os, "open", recording_open)
        for name in ("replace", "rename", "link"):
            monkeypatch.setattr(os, name, recording(name, 1))
        monkeypatch.setattr(os, "mkdir", recording("mkdir", 0))

    def names(self) -> set[str]:
        return {part for path in self.made for part in path.parts}
