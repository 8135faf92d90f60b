"""The sites whose generator renders every Markdown file of its pages, front matter or
none (``models.plain_pages`` reads them so): MkDocs's docs folder, a VitePress or VuePress
site's pages and a Docusaurus site's docs, blog and ``src/pages``, which need front matter
only to set what a heading cannot say, and a Jekyll site built as GitHub Pages builds it,
whose jekyll-optional-front-matter makes a page of each Markdown file outside its ``_``
folders, and a Gridsome site of those in the folders its source plugins read. Vite's
guide and API reference (39 pages of its docs), React Native's 128 pages of its versioned
docs, Foam's 104 pages of its GitHub Pages docs and gridsome.org's 73 docs pages were
each warned of as "no front matter" and missing from ``lede list --all``."""

from __future__ import annotations

import functools
import os
import re

from library.app_site import gridsome_sources
from library.docusaurus_site import docusaurus_content
from library.mkdocs_site import in_docs
from library.site_root import Site, settings_of
from library.vitepress_locales import vitepress_source
from models.regular_file import settings_text

# A Docusaurus site's folders of pages: its docs (and their versions and translations),
# its blog; and ``src/pages``. A name that starts with ``_`` is a part its pages import.
_DOCUSAURUS_PAGES = frozenset(("docs", "versioned_docs", "blog", "i18n"))
_OPTIONAL = "jekyll-optional-front-matter"
# The github-pages gem, which builds a site with GitHub Pages's plugins, that one among them.
_GITHUB_PAGES = re.compile(r"""^\s*gem\s+["']github-pages["']""", re.MULTILINE)
# What that plugin makes no page of: a repository's own files.
_NO_PAGES = frozenset(
    ("README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING")
    + ("ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE")
)


def renders_plain_pages(path: str, site: Site) -> bool:
    """Whether ``path`` is one of the pages of ``site`` its generator renders without
    front matter."""
    if site.kind == "mkdocs":
        return in_docs(path, site.folder)
    if site.kind in ("vitepress", "vuepress"):
        return path.startswith(_pages(site.folder, site.kind))
    if site.kind == "docusaurus":
        inside = os.path.relpath(path, site.folder).split(os.sep)
        named = docusaurus_content(site.folder).top_folders() - {"src"}  # a changelog's too
        pages = inside[0] in _DOCUSAURUS_PAGES | named or inside[:2] == ["src", "pages"]
        return pages and not any(part.startswith("_") for part in inside)
    if site.kind == "app":
        sources = gridsome_sources(site.folder)
        return any(path.startswith(os.path.join(site.folder, source, "")) for source in sources)
    if site.kind == "jekyll" and _optional_front_matter(site):
        inside = os.path.relpath(path, site.folder).split(os.sep)
        name = os.path.splitext(inside[-1])[0].upper()
        return not any(part.startswith(("_", ".")) for part in inside) and name not in _NO_PAGES
    return False


@functools.lru_cache(maxsize=256)  # each site's settings read once
def _pages(folder: str, kind: str) -> str:
    """The folder of the pages of the site at ``folder``, with a separator after it: a
    VitePress site's ``srcDir``, a VuePress site's own (its source folder)."""
    source = vitepress_source(folder) if kind == "vitepress" else os.curdir
    return os.path.join(os.path.normpath(os.path.join(folder, source)), "")


@functools.lru_cache(maxsize=256)
def _optional_front_matter(site: Site) -> bool:
    """Whether the Jekyll ``site`` makes pages of Markdown without front matter: its
    ``Gemfile`` builds it with the github-pages gem, or its settings name the plugin, and
    neither ``require_front_matter`` nor the plugin's own ``enabled: false`` turns it off."""
    settings = settings_of(site)
    own = settings.get("optional_front_matter")
    if settings.get("require_front_matter") or (
        isinstance(own, dict) and own.get("enabled") is False
    ):
        return False
    named = [settings.get(key) for key in ("plugins", "gems")]
    if any(isinstance(value, list) and _OPTIONAL in value for value in named):
        return True
    return bool(_GITHUB_PAGES.search(settings_text(os.path.join(site.folder, "Gemfile")) or ""))
