"""A TinyDB storage that writes atomically, and the file layout TinyDB reads.

TinyDB's JSONStorage rewrites the file in place (a crash leaves it corrupt)
and re-reads the whole file on every write. This storage replaces the file
atomically on every write and reads it only when asked to.

The session store hands it the file already encoded (`write_encoded`): the
session's JSON straight from pydantic, framed as TinyDB's table layout, so a
save builds no Python dict tree of the whole session.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .atomic import atomic_write


def encode(data: Any) -> bytes:
    # No indent: with one, json falls back from its C encoder to pure Python,
    # five times slower, and a region-sized session then takes ~45 ms to encode.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def frame(table: str, doc_id: int, record: bytes,
          second: tuple[str, bytes] | None = None) -> bytes:
    """The file of a TinyDB database whose table holds one document, given as
    JSON; `second` adds another table (its name, its one document)."""
    out = b'{%s:{"%d":%s}' % (json.dumps(table).encode("utf-8"), doc_id, record)
    if second is not None:
        out += b',%s:{"%d":%s}' % (json.dumps(second[0]).encode("utf-8"), doc_id, second[1])
    return out + b"}"


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, *, backup: Path | None = None) -> None:
        self._path = Path(path)
        self._backup = backup
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            raw = self._path.read_bytes()
            self._data = json.loads(raw) if raw.strip() else None
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self._path, encode(data), backup=self._backup)
        self._data = data

    def write_encoded(self, raw: bytes) -> None:
        """Replace the file with this JSON; it is parsed again only if read."""
        atomic_write(self._path, raw, backup=self._backup)
        self._data = None

    def close(self) -> None:
        pass
