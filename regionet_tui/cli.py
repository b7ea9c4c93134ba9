"""The `regionet` command: starts the app, or runs a sub-command."""

from __future__ import annotations

import argparse
import codecs
import importlib
import io
import sys
from collections.abc import Sequence

from . import i18n, locations, settings
from .commands import COMMANDS
from .i18n import t
from .storage import SessionLibrary


def _add_common_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    """The options every command takes, before or after its name."""
    parser.add_argument("--sessions-dir", metavar="DIR", default=default,
                        help=t("cli.sessions_dir_help"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=default,
                        help=t("cli.lang_help"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="regionet", description=t("cli.description"))
    parser.add_argument("--demo", action="store_true", help=t("cli.demo_help"))
    _add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS.values():
        importlib.import_module(f"{__package__}.commands.{module}").register(subparsers)
    for command in subparsers.choices.values():
        # Suppressed: given only before the command, the value from there stays.
        _add_common_options(command, default=argparse.SUPPRESS)
    return parser


def _language(argv: Sequence[str]) -> str:
    """The language before parsing, so that --help is in it too; the last --lang
    wins, as it does when parsed."""
    chosen = None
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
        elif arg == "--lang" and index + 1 < len(argv):
            chosen = argv[index + 1]
    return chosen or settings.load().language


def utf8_output() -> None:
    """Write what goes to a file or a pipe as UTF-8, as on Linux and macOS.

    On Windows, output sent to a file or a pipe (`regionet flowchart X >
    schema.txt`) is encoded in the ANSI code page (cp1252), which has no
    `┌`, `✔` or `○`: printing them raised UnicodeEncodeError. A terminal is
    left as it is (Windows' console takes Unicode as it is).
    """
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper) or stream.isatty():
            continue
        if codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    language = _language(argv)
    i18n.set_language(language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE)
    args = build_parser().parse_args(argv)
    folder = locations.sessions_folder(args.sessions_dir)
    library = SessionLibrary(folder)
    try:
        library.prepare()
    except OSError as error:
        print(t("cli.folder_error", path=str(folder), reason=error.strerror or str(error)),
              file=sys.stderr)
        return 2
    if args.command:
        module = importlib.import_module(f"{__package__}.commands.{COMMANDS[args.command]}")
        code: int = module.run(args, library)
        return code
    from .app import RegionetApp
    from .config import AppConfig

    RegionetApp(AppConfig(folder, i18n.language(), args.demo)).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
