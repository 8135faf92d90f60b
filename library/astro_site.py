"""What an Astro site reads its pages from: ``src`` (its content collections in
``src/content``, its Markdown pages in ``src/pages``), and the folders its content
configuration loads collections from (``glob({ base: "./blog" })``, Astro 5's loaders).
A Starlight site's blog (the ``starlight-blog`` plugin's) is a folder of its docs.

Beside them are its built site (``dist``), the files it serves as they are (``public``)
and the project's own Markdown (a README, contributors' guides), none of them its pages.
"""

from __future__ import annotations

import functools
import os
import re

from library.site_root import ASTRO_CONFIGS
from models.regular_file import settings_text

_CONTENT_CONFIGS = tuple(
    os.path.join("src", f"{name}.{kind}")
    for name in ("content.config", os.path.join("content", "config"))
    for kind in ("ts", "mts", "js", "mjs")
)
_BASE = re.compile(r"""\bbase\s*:\s*(["'`])([^"'`\n]+)\1""")
_BLOG_PLUGIN = re.compile(r"""\bfrom\s*(["'])starlight-blog\1""")
_BLOG_CALL = re.compile(r"\bstarlightBlog\s*\(")
_PREFIX = re.compile(r"""\bprefix\s*:\s*(["'`])([^"'`\n]+)\1""")


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


@functools.lru_cache(maxsize=256)  # each site's configuration read once
def starlight_blog(root: str) -> tuple[str, ...] | None:
    """The folder of the Starlight site at ``root``'s docs (``src/content/docs``, or a
    locale's in it) that holds its blog, as the ``starlight-blog`` plugin reads it: its
    ``prefix`` (``blog`` unless the plugin's options name another), as parts of a path;
    None for a site without the plugin. Its posts sat among the docs: Biome's stream
    was its 684 pages."""
    for name in ASTRO_CONFIGS:
        text = settings_text(os.path.join(root, name)) or ""
        if not _BLOG_PLUGIN.search(text):
            continue
        # Here, not at the top: the JavaScript reader brings the YAML parser with it, which
        # the process storing a pooled index never loads (its workers parse).
        from models.javascript_constants import enclosed

        call = _BLOG_CALL.search(text)
        prefix = _PREFIX.search(enclosed(text, call.end(), "()")) if call else None
        parts = os.path.normpath(prefix[2].strip("/")).split(os.sep) if prefix else ["blog"]
        return tuple(parts) if os.pardir not in parts and parts != ["."] else ("blog",)
    return None
