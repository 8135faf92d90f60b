"""A Hugo, Zola or Docusaurus site's sections, which are its collections.

Such a site keeps its kinds of page in folders of their own: Hugo's and Zola's
``content/blog`` and ``content/docs``, Docusaurus's ``blog`` and ``docs``. Read as one
folder, a site's docs buried its posts (797 rows of pnpm.io held 42 posts). As its
collections, the tree lists each, and the default stream is the blog
(``library.stream``). A page at the top of the content (About) is in none, as a Jekyll
site's pages are. Pelican's folders are categories, not kinds of page, and are left so.
"""

from __future__ import annotations

import functools
import os

from library.hugo_settings import content_folders, site_settings
from library.site import subfolders
from library.site_root import site_kind, site_of

# A Docusaurus site's folders that hold no pages of its own: its pages' code (``src``,
# whose pages are the site's), files served as they are, the built site, translations.
_NOT_SECTIONS = frozenset({"src", "static", "build", "i18n", "node_modules"})


def section_of(path: str, root: str) -> str | None:
    """The section of the file ``path``, when its site lies within the corpus ``root``
    (a site above the root is not the one opened); ``None`` for a page in none."""
    site = site_of(path)
    if site is None or site.kind not in ("hugo", "docusaurus"):
        return None
    if site.folder != root and not site.folder.startswith(os.path.join(root, "")):
        return None
    base = _content(site.folder, site.kind)
    inside = os.path.relpath(os.path.abspath(path), base).split(os.sep)
    if len(inside) < 2 or inside[0] in (os.pardir, *_NOT_SECTIONS):
        return None
    return inside[0]


def sections(root: str) -> frozenset[str]:
    """The sections of the Hugo or Docusaurus site at ``root`` (none for other folders),
    by its folders: a section with no page yet is still one the site has."""
    kind = site_kind(root)
    if kind not in ("hugo", "docusaurus"):
        return frozenset()
    return frozenset(subfolders(_content(root, kind), names=True)) - _NOT_SECTIONS


@functools.lru_cache(maxsize=256)  # each site's settings read once
def _content(folder: str, kind: str) -> str:
    """The folder whose folders are the site's sections."""
    if kind == "docusaurus":
        return folder
    return os.path.join(folder, content_folders(folder, site_settings(folder))[0])
