"""What a Nikola site reads as its pages: the folders its ``conf.py`` names in ``POSTS``
and ``PAGES`` (``posts`` and ``pages`` where it names none), and nothing else of the
site's folder. Beside them are files it copies as they are (``files``: old slide decks,
a verification page), its galleries and listings, its themes, and the site it built
(``output``), none of them a post: each was listed, or warned of as a document without
front matter. Its posts' folders and its pages' are its sections (``library.site_sections``)."""

from __future__ import annotations

import functools
import os
from typing import Any

from library.pelican_settings import literal_settings

SETTINGS_FILE = "conf.py"
# What only Nikola's settings assign (Sphinx's ``conf.py`` assigns none of them).
_OWN_SETTINGS = ("POSTS", "PAGES", "BLOG_TITLE")
_DEFAULT_FOLDERS = ("posts", "pages")


@functools.lru_cache(maxsize=256)  # each site's settings read once
def nikola_folders(root: str) -> tuple[str, ...] | None:
    """The folders (from ``root``) the Nikola site at ``root`` reads its posts and pages
    from, or None where ``root`` is no Nikola site."""
    if not os.path.isfile(os.path.join(root, SETTINGS_FILE)):
        return None
    settings = literal_settings(os.path.join(root, SETTINGS_FILE))
    if not any(name in settings for name in _OWN_SETTINGS):
        return None
    folders: list[str] = []
    for name, default in zip(("POSTS", "PAGES"), _DEFAULT_FOLDERS, strict=True):
        declared = settings.get(name)
        if name not in settings:
            folders.append(default)
        for entry in declared if isinstance(declared, list | tuple) else ():
            folder = _top_folder(entry)
            if folder == "":  # pages at the site's top: it is read whole
                return None
            if folder and folder not in folders:
                folders.append(folder)
    return tuple(folders)


def _top_folder(entry: Any) -> str | None:
    """The first folder of a ``POSTS`` entry's pattern (``("posts/*.rst", "blog",
    "post.tmpl")``: ``posts``), ``""`` for a pattern at the site's top (``*.rst``), or
    None for an entry of another shape."""
    if not isinstance(entry, list | tuple) or not entry or not isinstance(entry[0], str):
        return None
    pattern = entry[0].removeprefix("./").lstrip("/")
    folder = pattern.split("/")[0]
    if "/" not in pattern or not folder or set(folder) & set("*?[") or folder == "..":
        return ""
    return folder
