"""Only public APIs of Textual, pydantic and the other libraries are used.

A private attribute (`_name`) of a library can change in any minor release.
ruff's SLF001 (pyproject.toml) refuses `obj._name` on another object; this test
covers what it lets through, in subclasses of library classes: `self._name`,
`super()._name` and a method `_name` that overrides (or an attribute that
shadows) one the library defines for itself.

For every class of ours that derives from a library class, the private names
the library classes in its MRO define (methods, class attributes, attributes
set on `self`) are read from their source; the class's own source must use
none of them. Classes made inside a function (test and benchmark doubles)
are read from the source files: there, a `super()._name` must reach a method
of ours.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from contextlib import suppress
from functools import cache
from pathlib import Path

import regionet_tui

LIBRARIES = ("textual", "rich", "pydantic", "pydantic_core", "tinydb", "aiohttp", "filelock",
             "jinja2", "segno", "platformdirs")
CHECKOUT = Path(__file__).resolve().parents[2]
# The one exception left: the room's driver and the region benchmark time each
# paint from App._display (a headless app writes nothing, so they render the
# update themselves there); Textual's public post_display_hook gives neither the
# update nor whether there was one.
PAINT_TIMERS = {"tests/support/room_driver.py", "benchmarks/bench_region.py"}
SOURCES = ("regionet_tui", "screens", "tests", "benchmarks")


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def is_library(cls: type) -> bool:
    return cls.__module__.split(".")[0] in LIBRARIES


def defined_privates(tree: ast.AST) -> set[str]:
    """Private names a class body defines: methods, class attributes, self._x = ..."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            if isinstance(node.value, ast.Name) and node.value.id == "self":
                found.add(node.attr)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found.update(t.id for t in targets if isinstance(t, ast.Name))
    return {name for name in found if is_private(name)}


def used_privates(tree: ast.AST) -> dict[str, int]:
    """Private names a class body defines or reaches on self, cls or super(), with
    the line of the first."""
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = node.name
        elif isinstance(node, ast.Attribute):
            owner = node.value
            if (isinstance(owner, ast.Name) and owner.id in ("self", "cls")) or (
                    isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name)
                    and owner.func.id == "super"):
                name = node.attr
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and is_private(target.id):
                    found.setdefault(target.id, node.lineno)
        if name is not None and is_private(name):
            found.setdefault(name, getattr(node, "lineno", 0))
    return found


@cache
def library_privates(cls: type) -> frozenset[str]:
    """The private names a library class defines itself."""
    names = {name for name in vars(cls) if is_private(name)}
    # A class without Python source (C, generated): its __dict__ says it all.
    with suppress(OSError, TypeError, SyntaxError):
        names |= defined_privates(ast.parse(textwrap.dedent(inspect.getsource(cls))))
    return frozenset(names)


def our_classes() -> list[type]:
    # The package's __path__ also holds the checkout (for screens/): walk its own
    # folders, not __path__, or the walk finds the package inside itself.
    package = Path(regionet_tui.__file__).parent
    places = [(package, "regionet_tui."),
              (Path(importlib.import_module("regionet_tui.screens").__file__ or "").parent,
               "regionet_tui.screens."),
              (CHECKOUT / "tests" / "support", "support.")]
    modules = ["regionet_tui", "regionet_tui.screens"]
    for folder, prefix in places:
        for found in pkgutil.walk_packages([str(folder)], prefix):
            if not found.name.endswith("__main__"):
                modules.append(found.name)
    classes = []
    for name in modules:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == name:
                classes.append(value)
    return classes


def where(cls: type, line: int) -> str:
    path = Path(inspect.getsourcefile(cls) or "?")
    start = inspect.getsourcelines(cls)[1]
    return f"{path.relative_to(CHECKOUT) if path.is_relative_to(CHECKOUT) else path}:" \
           f"{start + line - 1}"


def test_no_class_of_ours_reaches_a_private_name_of_a_library_class() -> None:
    problems = []
    classes = our_classes()
    assert len(classes) > 100  # the walk found the program, screens included
    for cls in classes:
        bases = [base for base in cls.__mro__ if is_library(base)]
        if not bases:
            continue
        private = frozenset().union(*(library_privates(base) for base in bases))
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
        for name, line in used_privates(tree).items():
            if name in private:
                problems.append(f"{where(cls, line)} {cls.__qualname__}.{name}")
    assert problems == []


def test_no_super_call_reaches_a_private_method_that_is_not_ours() -> None:
    """Classes made inside a function (test and benchmark doubles) escape the
    check above: any `super()._name(...)` must reach a method a top-level class
    of ours defines."""
    trees = {path: ast.parse(path.read_text("utf-8"))
             for folder in SOURCES for path in sorted((CHECKOUT / folder).rglob("*.py"))}
    ours = {item.name for tree in trees.values() for node in tree.body
            if isinstance(node, ast.ClassDef) for item in node.body
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)}
    problems = [f"{path.relative_to(CHECKOUT)}:{node.lineno} super().{node.attr}"
                for path, tree in trees.items() for node in ast.walk(tree)
                if isinstance(node, ast.Attribute) and is_private(node.attr)
                and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "super" and node.attr not in ours
                and not (str(path.relative_to(CHECKOUT)) in PAINT_TIMERS
                         and node.attr == "_display")]
    assert problems == []
