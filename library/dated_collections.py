"""A Jekyll site's collections of dated documents, which are news as its posts are.

Jekyll dates a document of any collection by its file's name (``2021-11-10-1.2.2-
released.md``), as it dates a post. A site that keeps announcements in a collection of
their own (Crystal's ``_releases``, which its feed merges with its posts) streamed its
posts alone: 114 release announcements were one ``--all`` away. A collection whose
files are named by their dates joins the stream of a site without news.
"""

from __future__ import annotations

import contextlib
import os
import re
from itertools import islice

from library.site import subfolders
from models.collection import NOT_COLLECTIONS

_DATED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}-")  # Jekyll's: ``2014-3-3-hello.md`` too
_LOOKED_AT = 20  # files of a collection looked at: its first are as dated as the rest
_NOT_STREAMED = frozenset({"drafts"})  # a blog's posts to be, which it does not publish


def dated_collections(root: str) -> frozenset[str]:
    """The collections of the site at ``root`` (at its top and one folder down) whose
    documents, of the first looked at, are most of them named by a date."""
    found: set[str] = set()
    for folder in (root, *subfolders(root)):
        for name in subfolders(folder, names=True):
            if (
                len(name) > 1
                and name.startswith("_")
                and name not in NOT_COLLECTIONS
                and name[1:] not in _NOT_STREAMED
                and named_by_dates(os.path.join(folder, name))
            ):
                found.add(name[1:])
    return frozenset(found)


def named_by_dates(folder: str) -> bool:
    """Whether most of the first files of ``folder`` are named by a date."""
    names: list[str] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        names = [entry.name for entry in islice(entries, _LOOKED_AT) if "." in entry.name]
    dated = sum(1 for name in names if _DATED.match(name))
    return dated > 0 and dated * 2 > len(names)
