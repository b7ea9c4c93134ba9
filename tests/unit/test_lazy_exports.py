"""The packages that load their names on first use export exactly those names.

`models` and `storage` spell out `__all__` so a type checker sees the exports;
the table that loads each name (`_WHERE`) must name the same ones, and every
exported name must load.
"""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize("package", ["regionet_tui.models", "regionet_tui.storage"])
def test_every_exported_name_loads_and_no_other(package: str) -> None:
    module = importlib.import_module(package)
    eager = {name for name in module.__all__ if name in vars(module)}
    lazy = set(module.__all__) - eager
    assert lazy == set(vars(module)["_WHERE"])
    for name in module.__all__:
        assert getattr(module, name) is not None
    with pytest.raises(AttributeError):
        module.__getattr__("NoSuchName")
