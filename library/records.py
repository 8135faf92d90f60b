"""The compact, picklable records that indexing workers send back to the index.

A list of 50,000 articles holds these small rows, never 50,000 pydantic models;
the full Article is parsed again from its file when it is shown.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from library.loader import load_file
from library.scan import FoundFile
from models.document import Problem


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What the article list shows for one article."""

    id: int
    title: str
    provider: str
    published: int | None  # Unix seconds, UTC
    quality: int | None
    identity: str
    url: str
    path: str


@dataclass(frozen=True, slots=True)
class IndexedFile:
    """Everything the index stores about one scanned file."""

    found: FoundFile
    article: dict[str, object] | None
    topics: list[str]
    taxonomy: list[dict[str, str]]
    problems: list[Problem]


def index_one(found: FoundFile) -> IndexedFile:
    """Parse a file's summary into an IndexedFile (runs in a worker process)."""
    parsed = load_file(found.path, explicit=found.explicit, summary=True)
    taxonomy = [
        {
            "name": topic.name,
            "parent": topic.parent,
            "id": topic.id,
            "shortname": topic.shortname,
            "description": topic.description,
        }
        for topic in parsed.topics
    ]
    article = parsed.article
    if article is None:
        return IndexedFile(found, None, [], taxonomy, parsed.problems)
    provider = article.provider
    row = {
        "identity": article.identity,
        "kind": article.kind,
        "title": article.title or _fallback_title(found.path),
        "excerpt": article.excerpt,
        "body": article.body,
        "provider_name": provider.name if provider else "",
        "provider_domain": provider.domain if provider else "",
        "published": int(article.published_at.timestamp()) if article.published_at else None,
        "quality": article.quality,
        "url": article.url,
        "original_url": article.original_url,
    }
    return IndexedFile(found, row, list(article.topics), taxonomy, parsed.problems)


def index_many(batch: list[FoundFile]) -> list[IndexedFile]:
    """A batch per task keeps inter-process overhead small."""
    return [index_one(found) for found in batch]


def _fallback_title(path: str) -> str:
    """Untitled documents are listed by their file name."""
    return os.path.splitext(os.path.basename(path))[0]
