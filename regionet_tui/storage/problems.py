"""Why the disk refused: an OSError said in the user's language.

The system's own text ("No space left on device") is English whatever the
user's language, so the common cases get a translated reason and the
system's text follows only as a detail.
"""

from __future__ import annotations

import errno

from ..i18n import t
from .replace import FileBusyError

_REASONS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "no_permission",
    errno.EPERM: "no_permission",
    errno.ENOENT: "missing",
}


def os_reason(error: OSError) -> str:
    """The reason for `error`, translated, with the system's text as a detail."""
    detail = error.strerror or str(error) or type(error).__name__
    if isinstance(error, FileBusyError):
        key: str | None = "busy"
    else:
        key = _REASONS.get(error.errno) if error.errno is not None else None
    if key is None:
        return t("storage.other", detail=detail)
    return t("storage.with_detail", reason=t(f"storage.{key}"), detail=detail)
