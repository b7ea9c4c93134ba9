"""Sub-commands of the `regionet` command line, one module each.

Each module has `register(subparsers)` and `run(args, library) -> int`. They never
print a traceback: errors go to stderr with a non-zero exit code.
"""

from __future__ import annotations

COMMANDS = ("list", "new", "export", "import", "report", "schema", "flowchart")
