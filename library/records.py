"""The compact, picklable records that indexing workers send back to the index.

The full Article is parsed again from its file when it is shown. Records are flat
tuples because they cross a process boundary by the thousand.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from library.loader import load_file
from library.scan import FoundFile
from models.html import readable_body
from models.text import printable


class ArticleSummary(NamedTuple):
    """The indexed fields of one article, in the order of the ``articles`` columns."""

    identity: str
    kind: str
    title: str
    provider_name: str
    provider_domain: str
    published: int | None
    quality: int | None
    url: str
    original_url: str


class IndexedFile(NamedTuple):
    """Everything the index stores about one scanned file."""

    path: str
    size: int
    mtime_ns: int
    article: ArticleSummary | None
    excerpt: str
    body: str
    topics: tuple[str, ...]
    taxonomy: tuple[tuple[str, str, str, str, str], ...]  # name, parent, id, short, description
    problems: tuple[tuple[int | None, str, str], ...]  # line, severity, message


def index_one(found: FoundFile) -> IndexedFile:
    """Parse a file's summary into an IndexedFile (runs in a worker process)."""
    parsed = load_file(found.path, explicit=found.explicit, summary=True)
    taxonomy = tuple(
        (topic.name, topic.parent, topic.id, topic.shortname, topic.description)
        for topic in parsed.topics
    )
    problems = tuple((p.line, p.severity, p.message) for p in parsed.problems)
    article = parsed.article
    if article is None:
        return IndexedFile(
            found.path, found.size, found.mtime_ns, None, "", "", (), taxonomy, problems
        )
    provider = article.provider
    summary = ArticleSummary(
        article.identity,
        article.kind,
        article.title or printable(os.path.splitext(os.path.basename(found.path))[0]),
        provider.name if provider else "",
        provider.domain if provider else "",
        int(article.published_at.timestamp()) if article.published_at else None,
        article.quality,
        article.url,
        article.original_url,
    )
    return IndexedFile(
        found.path,
        found.size,
        found.mtime_ns,
        summary,
        article.excerpt,
        readable_body(article.body),
        tuple(dict.fromkeys(article.topics)),
        taxonomy,
        problems,
    )


def index_many(batch: list[FoundFile]) -> list[IndexedFile]:
    """A batch per task keeps inter-process overhead small."""
    return [index_one(found) for found in batch]
