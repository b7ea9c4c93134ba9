"""Package mapping that pyproject.toml cannot express on its own.

The design card keeps screens/ and styles/ at the top of the checkout. In the
wheel they live under the package (regionet_tui.screens, regionet_tui.styles),
so no generic top-level name such as `screens` lands in site-packages.
"""

from setuptools import find_packages, setup

MAPPED = {"screens": "regionet_tui.screens", "styles": "regionet_tui.styles"}

packages = find_packages(include=["regionet_tui", "regionet_tui.*"])
for folder, target in MAPPED.items():
    for found in find_packages(include=[folder, f"{folder}.*"]):
        packages.append(target + found[len(folder):])

setup(
    packages=packages,
    package_dir={target: folder for folder, target in MAPPED.items()},
)
