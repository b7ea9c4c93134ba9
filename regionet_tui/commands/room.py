"""`regionet room SESSION [--network] [--port N]`: the app on that session, its room open."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..i18n import t

if TYPE_CHECKING:
    from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("room", help=t("room.cli.help"))
    parser.add_argument("session", metavar="SESSION", help=t("share.cli.session_help"))
    parser.add_argument("--network", action="store_true", help=t("room.cli.network_help"))
    parser.add_argument("--port", type=int, metavar="N", help=t("room.cli.port_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    from .. import i18n
    from ..app import RegionetApp
    from ..config import AppConfig
    from ..storage import DamagedSessionFile, sessionfile
    from .output import fail
    from .resolve import ResolveError, resolve

    try:
        found = resolve(library, args.session)
    except ResolveError as error:
        return fail(str(error))
    try:
        sessionfile.read(found.path)  # an export file is no session to open
    except DamagedSessionFile:
        return fail(t("room.cli.not_a_session", name=found.path.name))
    config = AppConfig(library.folder, i18n.language(), open_path=found.path,
                       open_room="network" if args.network else "local", room_port=args.port)
    RegionetApp(config).run()
    return 0
