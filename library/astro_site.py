"""What an Astro site reads its pages from: ``src`` (its content collections in
``src/content``, its Markdown pages in ``src/pages``), and the folders its content
configuration loads collections from (``glob({ base: "./blog" })``, Astro 5's loaders).

Beside them are its built site (``dist``), the files it serves as they are (``public``)
and the project's own Markdown (a README, contributors' guides), none of them its pages.
"""

from __future__ import annotations

import os
import re

from library.regular_file import settings_text
from library.site_root import ASTRO_CONFIGS

_CONTENT_CONFIGS = tuple(
    os.path.join("src", f"{name}.{kind}")
    for name in ("content.config", os.path.join("content", "config"))
    for kind in ("ts", "mts", "js", "mjs")
)
_BASE = re.compile(r"""\bbase\s*:\s*(["'`])([^"'`\n]+)\1""")


def astro_folders(root: str) -> list[str] | None:
    """The folders at the top of the Astro site at ``root`` that hold its pages, or None
    where ``root`` is no Astro site (or one that loads pages from its top)."""
    if not os.path.isdir(os.path.join(root, "src")) or not any(
        os.path.isfile(os.path.join(root, name)) for name in ASTRO_CONFIGS
    ):
        return None  # a site with a source folder of another name: read whole
    folders = ["src"]
    for name in _CONTENT_CONFIGS:
        for found in _BASE.finditer(settings_text(os.path.join(root, name)) or ""):
            top = os.path.normpath(found[2].lstrip("/")).split(os.sep)[0]  # from the project
            if top == ".":
                return None  # collections loaded from its top: the site is read whole
            if top != os.pardir and top not in folders:
                folders.append(top)
    return folders
