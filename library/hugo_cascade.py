"""The build options a Hugo site's sections cascade to the pages below them: a section's
``_index.md`` that says ``cascade: {build: {render: never}}`` makes every page in it a
snippet Hugo renders no page of (``models.hugo_build``). The nearest section that
cascades build options counts; each section's file is read once per process.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import Any

from library.site_root import site_of
from models.bounded_yaml import load_yaml
from models.frontmatter import DocumentError, load_toml, split_front_matter
from models.hugo_build import build_options
from models.regular_file import NotRegular, TooLarge, read_regular

_SECTION_PAGES = ("_index.md", "_index.markdown", "_index.html")
_LARGEST = 1_000_000  # bytes: a section's page is a page


def cascaded_build(path: str) -> Mapping[str, Any] | None:
    """The build options cascaded to the file ``path`` of a Hugo site (none: ``{}``);
    None where it is in no Hugo site."""
    site = site_of(path)
    if site is None or site.kind != "hugo":
        return None
    return _cascaded_in(os.path.dirname(os.path.abspath(path)), site.folder)


@functools.lru_cache(maxsize=4096)  # each folder once, however many pages it holds
def _cascaded_in(folder: str, top: str) -> Mapping[str, Any]:
    own = _section_cascade(folder)
    if own is not None:
        return own
    parent = os.path.dirname(folder)
    if folder == top or parent == folder or not parent.startswith(top):
        return {}
    return _cascaded_in(parent, top)


def _section_cascade(folder: str) -> Mapping[str, Any] | None:
    """The build options the section page in ``folder`` cascades, if it cascades any:
    under ``cascade`` (a mapping, or a list of them; one aimed at other pages by a
    ``target`` is passed over)."""
    for name in _SECTION_PAGES:
        try:
            text = read_regular(os.path.join(folder, name), _LARGEST).decode("utf-8", "replace")
            split = split_front_matter(text)
            if split is None:
                continue
            reader = load_toml if split.language == "toml" else load_yaml
            data = reader(split.front_matter)
        except (OSError, TooLarge, NotRegular, DocumentError):
            continue
        cascade = data.get("cascade") if isinstance(data, dict) else None
        for entry in cascade if isinstance(cascade, list) else [cascade]:
            aimed = isinstance(entry, dict) and ("target" in entry or "_target" in entry)
            if isinstance(entry, dict) and not aimed and (options := build_options(entry)):
                return options
    return None
