"""Articles as the JSON records ``lede list --json`` prints, one object a line."""

from __future__ import annotations

from library.days import local_iso
from library.index import CorpusIndex


def json_records(index: CorpusIndex, article_ids: list[int]) -> list[dict[str, object]]:
    """Articles as plain dicts for JSON output, in the order given."""
    topics = index.topics_of(article_ids)
    return [
        {
            "path": row.path,
            "title": row.title,
            "published_at": local_iso(row.published) if row.published is not None else None,
            "original_url": row.url,  # the link: every row with any URL has one
            "web_url": row.web_url,
            "collection": row.collection,
            "language": row.language,
            "published": bool(row.is_published),
            "provider": {"name": row.provider_name, "domain": row.provider_domain},
            "authors": row.authors.split("\n") if row.authors else [],
            "topics": topics[row.id],
            "quality": row.quality,
            "identity": row.identity,
            "kind": row.kind,
            "story": row.story,
        }
        for row in index.stored(article_ids)
    ]
