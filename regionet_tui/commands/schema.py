"""`regionet schema [-o FILE]`: the JSON Schema of the export file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..i18n import t

if TYPE_CHECKING:
    from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("schema", help=t("share.cli.schema_help"))
    parser.add_argument("-o", "--output", metavar="FILE", help=t("share.cli.output_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    from ..share.export import encode
    from ..share.schema import json_schema
    from .output import deliver

    return deliver(encode(json_schema()), args.output, library.folder)
