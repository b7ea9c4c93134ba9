"""regionet: a keyboard-first terminal app for workshops of regional learning networks.

The wheel holds screens/ and styles/ inside this package (see setup.py). Run from
a checkout (`python -m regionet_tui` there puts the checkout first on the path),
they sit beside it at the top, as the design card asks; then the package looks
for its subpackages there too, so the checkout runs the same as the wheel.
"""

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CHECKOUT = _HERE.parent
if not (_HERE / "styles").is_dir() and all(
        (_CHECKOUT / folder / "__init__.py").is_file() for folder in ("screens", "styles")):
    __path__.append(str(_CHECKOUT))
