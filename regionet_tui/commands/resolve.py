"""Finding the session a command is about: an id or file name in the sessions
folder (as `regionet list` shows it), a unique title, or a file path.

A file can be a session file from a sessions folder or an export file; both
are read with the same guards as an import. Errors carry a message in the
user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..i18n import t
from ..models import Session
from ..share import importer
from ..share.errors import ImportRefused
from ..storage import DamagedSessionFile, SessionLibrary, sessionfile


class ResolveError(Exception):
    """The session cannot be found or read; `str(error)` is the message to show."""


@dataclass(frozen=True)
class Resolved:
    session: Session
    path: Path


def _damage(error: DamagedSessionFile, path: Path) -> ResolveError:
    damage = error.damage
    reason = t(f"damage.{damage.reason}", detail=damage.detail)
    return ResolveError(t("cli.damaged", name=path.name, reason=reason))


def _in_folder(library: SessionLibrary, text: str) -> Path | None:
    """The file in the sessions folder that `text` names as `regionet list` shows it:
    an id, or a file name (a damaged file is listed by its name)."""
    name = text if text.endswith(sessionfile.SUFFIX) else f"{text}{sessionfile.SUFFIX}"
    if Path(name).name != name or name.startswith("."):
        return None  # a path, or a hidden file (the index): not a listed session
    path = library.folder / name
    return path if path.is_file() else None


def read_file(path: Path) -> Session:
    """The session in a session file or in an export file."""
    try:
        raw = importer.read_capped(path)
        data = importer.parse_json(raw)
        if isinstance(data, dict) and "format" in data:
            return importer.validate(data, raw)
    except ImportRefused as refused:
        raise ResolveError(refused.message()) from None
    try:
        return sessionfile.parse(raw)
    except DamagedSessionFile as error:
        raise _damage(error, path) from None


def resolve(library: SessionLibrary, text: str) -> Resolved:
    path = Path(text).expanduser()
    if path.is_file():
        return Resolved(read_file(path), path)
    found = _in_folder(library, text)
    if found is not None:
        try:
            return Resolved(sessionfile.read(found), found)
        except DamagedSessionFile as error:
            raise _damage(error, found) from None
    entries = [e for e in library.entries() if not e.damaged]
    matches = [e for e in entries if e.title == text]
    if not matches:
        matches = [e for e in entries if e.title.casefold() == text.casefold()]
    if len(matches) > 1:
        ids = ", ".join(e.id for e in matches)
        raise ResolveError(t("share.cli.ambiguous", title=text, ids=ids))
    if not matches:
        raise ResolveError(t("share.cli.not_found", session=text, folder=str(library.folder)))
    try:
        return Resolved(sessionfile.read(matches[0].path), matches[0].path)
    except DamagedSessionFile as error:
        raise _damage(error, matches[0].path) from None
