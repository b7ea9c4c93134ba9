"""`regionet export SESSION [-o FILE]`: the session as an export file."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..i18n import t

if TYPE_CHECKING:
    from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help=t("share.cli.export_help"))
    parser.add_argument("session", metavar="SESSION", help=t("share.cli.session_help"))
    parser.add_argument("-o", "--output", metavar="FILE", help=t("share.cli.output_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    """Deliver the export; a session of the sessions folder keeps it as a base,
    so that a partner's file made from it merges three-way (share/bases.py)."""
    from ..share.bases import keep_base
    from ..share.export import exported
    from ..storage.problems import os_reason
    from .output import deliver, fail
    from .resolve import ResolveError, resolve

    try:
        found = resolve(library, args.session)
    except ResolveError as error:
        return fail(str(error))
    data, revision = exported(found.session)
    code = deliver(data, args.output, library.folder)
    if code == 0 and found.path.parent.resolve() == library.folder.resolve() \
            and found.path.name == library.path_for(found.session.id).name:
        try:
            keep_base(library.folder, found.session.id, revision, data)
        except OSError as error:
            print(t("share.base_not_kept", cause=os_reason(error)), file=sys.stderr)
    return code
