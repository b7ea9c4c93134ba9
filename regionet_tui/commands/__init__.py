"""Sub-commands of the `regionet` command line, one module each.

Each module has `register(subparsers)` and `run(args, library) -> int`. They never
print a traceback: errors go to stderr with a non-zero exit code.
"""

from __future__ import annotations

# Command name -> its module (`import` is a Python keyword: the module is import_session).
COMMANDS = {"list": "list", "new": "new", "export": "export", "import": "import_session",
            "report": "report", "schema": "schema", "flowchart": "flowchart",
            "room": "room", "merge": "merge"}
