"""`regionet import FILE`: add the session in an export file to the folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import t
from ..storage.problems import os_reason

if TYPE_CHECKING:
    from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("import", help=t("share.cli.import_help"))
    parser.add_argument("file", metavar="FILE", help=t("share.cli.file_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    from ..share import importer
    from ..share.errors import ImportRefused
    from .output import fail

    try:
        session, renamed = importer.import_file(library, Path(args.file).expanduser())
    except ImportRefused as refused:
        return fail(t("share.cli.import_refused", path=args.file, reason=refused.message()))
    except OSError as error:
        return fail(t("share.cli.write_failed", path=str(library.folder),
                      cause=os_reason(error)))
    if renamed:
        print(t("share.imported_renamed", title=session.title, id=session.id))
    else:
        print(t("share.imported", title=session.title, id=session.id))
    return 0
