"""Why a corpus lists no article: said the same way by ``lede list`` and the reader."""

from __future__ import annotations

from library.counts import plural
from library.index import CorpusIndex
from library.loader import load_file
from library.scan import MARKUP_SUFFIXES
from models.text import printable


def why_no_articles(index: CorpusIndex, roots: list[str]) -> str:
    """For an index of ``roots`` that holds no article: no documents were found, or
    those found could not be read (and which command says why)."""
    where = ", ".join(map(printable, roots))
    errors = len({problem.path for problem in index.problems("error")})
    if errors:
        return (
            f"no articles in {where}: {plural(errors, 'document')} could not be read "
            f"(lede check {where} says why)"
        )
    pages = [
        path
        for (path,) in index.db.execute("SELECT path FROM files WHERE size >= 0")
        if path.lower().endswith(MARKUP_SUFFIXES)
    ]
    if pages and not any(load_file(path).has_front_matter for path in pages):
        return (  # Markdown without front matter, as notes and TIL folders keep it
            f"no documents found in {where}: {plural(len(pages), 'Markdown or HTML file')} "
            f"without front matter (a document opens with a '---' line; "
            f"lede check {where} lists them)"
        )
    return f"no documents found in {where}"
