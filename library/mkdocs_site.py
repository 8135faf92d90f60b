"""An MkDocs site: its settings (``mkdocs.yml``) and the folder of its pages (``docs``
unless its ``docs_dir`` names another), where its blog plugin keeps the blog
(``docs/blog``, its posts in ``blog/posts``).

Each folder of its pages is a section, as a Hugo site's are (``library.site_sections``),
so the reader streams the blog, not the manual: Material for MkDocs's 13 posts were
listed among 33 pages of its docs. Its settings are YAML with Python's tags in them
(``!!python/name:…``), which no safe loader reads: ``docs_dir`` is read from its line.
"""

from __future__ import annotations

import functools
import os
import re

from library.regular_file import settings_text

MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
_DOCS_DIR = re.compile(r"""^docs_dir\s*:\s*(["']?)([^"'#\n]+?)\1\s*(?:#.*)?$""", re.M)


def is_mkdocs_site(folder: str) -> bool:
    return any(os.path.isfile(os.path.join(folder, name)) for name in MKDOCS_CONFIGS)


@functools.lru_cache(maxsize=256)  # each site's settings read once
def mkdocs_docs(folder: str) -> str:
    """The folder of the pages of the site at ``folder``, from it: what its ``docs_dir``
    names inside it, else ``docs``."""
    for name in MKDOCS_CONFIGS:
        found = _DOCS_DIR.search(settings_text(os.path.join(folder, name)) or "")
        named = os.path.normpath(found[2].strip()) if found else ""
        if named and not os.path.isabs(named) and named.split(os.sep)[0] != os.pardir:
            return named
    return "docs"


def in_docs(path: str, site_folder: str) -> bool:
    """Whether ``path`` is one of the pages of the MkDocs site at ``site_folder``: in its
    docs folder, each Markdown file of which it renders, front matter or none."""
    docs = os.path.join(site_folder, mkdocs_docs(site_folder), "")
    return path.startswith(docs)
