"""Why a corpus lists no article: said the same way by ``lede list`` and the reader."""

from __future__ import annotations

import os

from library.counts import plural
from library.index import CorpusIndex
from library.scan import MARKUP_SUFFIXES
from models.text import printable


def why_no_articles(index: CorpusIndex, roots: list[str]) -> str:
    """For an index of ``roots`` that holds no article: no documents were found, or
    those found could not be read (and which command says why), or the folder is gone
    (removed while the reader ran: its "document" that could not be read was itself)."""
    if gone := [root for root in roots if not os.path.lexists(root)]:
        return f"no such file or folder: {', '.join(map(printable, gone))}"
    where = ", ".join(map(printable, roots))
    errors = len({problem.path for problem in index.problems("error")})
    if errors:
        return (
            f"no articles in {where}: {plural(errors, 'document')} could not be read "
            f"(lede check {where} says why)"
        )
    pages = sum(
        path.lower().endswith(MARKUP_SUFFIXES)
        for (path,) in index.db.execute("SELECT path FROM files WHERE size >= 0")
    )
    if pages:  # notes without front matter, as a TIL folder keeps them; a site's stubs
        return (
            f"no documents found in {where}: none of its {plural(pages, 'Markdown or HTML file')} "
            f"is an article (an article opens with front matter between '---' lines; "
            f"lede check {where} says why of each)"
        )
    return f"no documents found in {where}"
