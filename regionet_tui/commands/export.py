"""`regionet export SESSION [-o FILE]`: the session as an export file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..i18n import t

if TYPE_CHECKING:
    from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help=t("share.cli.export_help"))
    parser.add_argument("session", metavar="SESSION", help=t("share.cli.session_help"))
    parser.add_argument("-o", "--output", metavar="FILE", help=t("share.cli.output_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    from ..share.export import export_bytes
    from .output import deliver, fail
    from .resolve import ResolveError, resolve

    try:
        found = resolve(library, args.session)
    except ResolveError as error:
        return fail(str(error))
    return deliver(export_bytes(found.session), args.output, library.folder)
