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
# Settings named for a build (``mkdocs-online.yml``, ``mkdocs.insiders.yml``), given to
# ``mkdocs build -f``, which are MkDocs's where they name the site or the settings they extend.
_BUILD_CONFIG = re.compile(r"mkdocs[-._][\w.-]*\.ya?ml")
_MKDOCS_KEYS = re.compile(r"^(?:site_name|INHERIT)\s*:", re.M)


def is_mkdocs_site(folder: str) -> bool:
    return bool(mkdocs_configs(folder))


def mkdocs_configs(folder: str) -> tuple[str, ...]:
    """The settings files of the MkDocs site at ``folder``: ``mkdocs.yml``, else, beside a
    ``docs`` folder, those named for a build (Textual's ``mkdocs-online.yml`` and the
    ``mkdocs-common.yml`` it extends: its 43 posts were listed among 79 undated pages of
    its manual and API)."""
    found = tuple(name for name in MKDOCS_CONFIGS if os.path.isfile(os.path.join(folder, name)))
    if found or not os.path.isdir(os.path.join(folder, "docs")):
        return found
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return ()
    return tuple(
        name
        for name in names
        if _BUILD_CONFIG.fullmatch(name)
        and _MKDOCS_KEYS.search(settings_text(os.path.join(folder, name)) or "")
    )


@functools.lru_cache(maxsize=256)  # each site's settings read once
def mkdocs_docs(folder: str) -> str:
    """The folder of the pages of the site at ``folder``, from it: what its ``docs_dir``
    names inside it, else ``docs``."""
    for name in mkdocs_configs(folder):
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
