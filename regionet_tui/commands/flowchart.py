"""`regionet flowchart SESSION | --graph FILE`: print a flowchart to stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import t
from ..storage import SessionLibrary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("flowchart", help=t("cli.flowchart_help"))
    parser.add_argument("session", nargs="?", metavar="SESSION", help=t("cli.session_help"))
    parser.add_argument("--graph", metavar="FILE", help=t("cli.graph_help"))
    parser.add_argument("--ascii", action="store_true", help=t("cli.ascii_help"))
    parser.add_argument("--direction", choices=("TB", "LR"), help=t("cli.direction_help"))
    parser.add_argument("--width", type=int, metavar="N", help=t("cli.width_help"))


def run(args: argparse.Namespace, library: SessionLibrary) -> int:
    if (args.session is None) == (args.graph is None):
        print(t("cli.flowchart_one_source"), file=sys.stderr)
        return 2
    if args.width is not None and args.width < 20:
        print(t("cli.width_too_small"), file=sys.stderr)
        return 2
    direction = args.direction or "auto"
    if args.graph is not None:  # the graph file alone: neither the models nor pydantic
        from .flowchart_graph import GraphFileError, draw_graph_file

        try:
            print(draw_graph_file(Path(args.graph), ascii=args.ascii, direction=direction,
                                  width=args.width))
        except GraphFileError as error:
            print(t("cli.graph_error", path=args.graph, reason=str(error)), file=sys.stderr)
            return 1
        return 0
    from ..flowchart import render
    from .resolve import ResolveError, resolve

    try:
        resolved = resolve(library, args.session)
    except ResolveError as error:
        print(str(error), file=sys.stderr)
        return 1
    from ..core.stap6 import graph_of

    session = resolved.session
    if not session.flowchart.nodes:
        print(t("cli.flowchart_empty", title=session.title), file=sys.stderr)
        return 1
    chosen = args.direction or session.flowchart.direction
    print(render(graph_of(session), direction=chosen, ascii=args.ascii,
                 max_width=args.width).text)
    return 0
