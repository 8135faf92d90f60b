"""The sites whose generator renders every Markdown file of its pages, front matter or
none (``models.plain_pages`` reads them so): MkDocs's docs folder, and a VitePress or
VuePress site's pages, which need front matter only to set what a heading cannot say.
Vite's guide and API reference, 39 pages of its docs, were each warned of as "no front
matter" and missing from ``lede list --all``."""

from __future__ import annotations

import functools
import os

from library.mkdocs_site import in_docs
from library.site_root import Site
from library.vitepress_locales import vitepress_source


def renders_plain_pages(path: str, site: Site) -> bool:
    """Whether ``path`` is one of the pages of ``site`` its generator renders without
    front matter."""
    if site.kind == "mkdocs":
        return in_docs(path, site.folder)
    if site.kind in ("vitepress", "vuepress"):
        return path.startswith(_pages(site.folder, site.kind))
    return False


@functools.lru_cache(maxsize=256)  # each site's settings read once
def _pages(folder: str, kind: str) -> str:
    """The folder of the pages of the site at ``folder``, with a separator after it: a
    VitePress site's ``srcDir``, a VuePress site's own (its source folder)."""
    source = vitepress_source(folder) if kind == "vitepress" else os.curdir
    return os.path.join(os.path.normpath(os.path.join(folder, source)), "")
