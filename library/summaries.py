"""Parsing files into the records the index stores (runs in indexing workers)."""

from __future__ import annotations

import os

from library.loader import UNREAD, load_file, read_ahead, unforeseen, with_site_address
from library.records import ArticleSummary, IndexedFile
from library.scan import FoundFile
from library.search_text import spaced
from library.signature import signature
from library.site_languages import language_of
from library.site_sections import section_of
from library.story_index import in_stories
from library.title_order import stored_title_key
from models.collection import collection_of
from models.document import ParsedDocument
from models.html import readable_body
from models.regular_file import taken_settings
from models.text import with_entities_decoded
from models.vault import in_vault


def index_one(found: FoundFile, ahead: dict[str, int] | None = None) -> IndexedFile:
    """Parse a file's summary into an IndexedFile (runs in a worker process); ``ahead`` as
    ``load_file`` takes it."""
    try:
        parsed = load_file(
            found.path, explicit=found.explicit, summary=True, root=found.root, ahead=ahead
        )
        indexed = _indexed(found, parsed)
        if parsed.posts:  # an Org file of many posts (``library.file_posts``)
            posts = (_indexed(found._replace(path=post.path), post) for post in parsed.posts)
            return indexed._replace(posts=tuple(posts))
        return indexed
    except Exception as error:  # see ``unforeseen``
        return _indexed(found, unforeseen(found.path, error))


def _indexed(found: FoundFile, parsed: ParsedDocument) -> IndexedFile:
    """What the index stores of a file parsed."""
    taxonomy = tuple(
        (topic.name, topic.parent, topic.id, topic.shortname, topic.description, line)
        for topic, line in zip(parsed.topics, parsed.topic_lines, strict=True)
    )
    problems = tuple((p.line, p.severity, p.message) for p in parsed.problems)
    article = parsed.article
    if article is None:
        # A file the system refused to read (its mode 000, a folder closed to the user) is
        # stored as no size: a chmod changes neither its size nor its mtime, and it was
        # kept out for good; now every refresh reads it again.
        refused = any(p.message.startswith(UNREAD) for p in parsed.problems)
        size = -1 if refused else found.size
        return IndexedFile(
            found.path, size, found.mtime_ns, None, "", "", "", (), taxonomy, problems
        )
    # A site's own post reports no original, whatever address its site gives it: read
    # before it is given, or a blog's monthly updates at the top of its content were one story.
    linked = article.original_url or article.web_url
    article = with_site_address(parsed).article or article
    provider = article.provider
    collection = collection_of(found.path, (found.root,)) or section_of(found.path, found.root)
    summary = ArticleSummary(
        article.identity,
        article.kind,
        article.heading,
        provider.name if provider else "",
        provider.domain if provider else "",
        int(article.published_at.timestamp()) if article.published_at else None,
        article.quality,
        article.url,
        article.web_url,
        collection,
        article.published,
        "\n".join(article.authors) or None,
        *parsed.schedule,
        language_of(found.path, article.language),
        stored_title_key(article.heading),
    )
    return IndexedFile(
        found.path,
        found.size,
        found.mtime_ns,
        summary,
        spaced(article.excerpt),  # spaced here, in a worker: not in the storing process
        spaced(with_entities_decoded(readable_body(article.body, found.path))),
        spaced(" ".join((summary.provider_name, summary.provider_domain, *article.authors))),
        tuple(dict.fromkeys(article.topics)),
        taxonomy,
        problems,
        signature(summary.title, article.excerpt) if in_stories(collection, linked) else "",
        in_vault(found.path),
    )


def index_many(batch: list[FoundFile]) -> list[IndexedFile]:
    """A batch per task keeps inter-process overhead small. A file removed between the
    scan and its reading (a checkout, a sync, an editor's save) is left out, as the next
    scan would leave it: it is gone, not a document that cannot be read."""
    with read_ahead(found.path for found in batch) as ahead:
        indexed = [index_one(found, ahead) for found in batch]
    kept = [item for item in indexed if item.article or not item.problems or _there(item)]
    if kept and (read := taken_settings()):  # the batch carries them to the index
        kept[0] = kept[0]._replace(settings=read)
    return kept


def _there(item: IndexedFile) -> bool:
    return os.path.lexists(item.path)
