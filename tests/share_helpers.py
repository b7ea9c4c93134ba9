"""Sessions and files shared by the share tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from regionet_tui.demo import build_demo
from regionet_tui.models import Session
from regionet_tui.share.export import export_bytes

EXPORTED_AT = datetime(2026, 11, 22, 14, 3, tzinfo=UTC)


def demo_session(session_id: str = "demo") -> Session:
    return build_demo(session_id, "nl")


def demo_export() -> bytes:
    return export_bytes(demo_session(), EXPORTED_AT)


def folder_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the sessions folder with its bytes (the index cache excepted)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".index.json" and not path.name.endswith(".lock")
    }
