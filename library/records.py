"""The compact, picklable records that indexing workers send back to the index.

The full Article is parsed again from its file when it is shown. Records are flat
tuples because they cross a process boundary by the thousand. This module imports
nothing else: the index unpickles records without importing the parser.
"""

from __future__ import annotations

from typing import NamedTuple


class ArticleSummary(NamedTuple):
    """The indexed fields of one article, in the order of the ``articles`` columns."""

    identity: str
    kind: str
    title: str
    provider_name: str
    provider_domain: str
    published: int | None
    quality: int | None
    url: str  # the link: the original article, else the site's page
    web_url: str
    collection: str | None  # the Jekyll collection folder (``news``), if any
    is_published: bool  # the site's flag: false for ``published: false``
    authors: str | None  # their names, a line each
    publish_at: int | None  # when its site puts it up, if still to come (Unix seconds)
    expire_at: int | None  # when its site takes it down
    language: str | None  # its code (``library.site_languages``), if its site says it
    title_key: str | None  # its place in the order by title (``library.title_order``)


class IndexedFile(NamedTuple):
    """Everything the index stores about one scanned file."""

    path: str
    size: int
    mtime_ns: int
    article: ArticleSummary | None
    excerpt: str  # the excerpt and the body as the full-text index takes them (spaced)
    body: str
    who: str  # the provider and the authors, as the full-text index takes them (spaced)
    topics: tuple[str, ...]
    # name, parent, id, short name, description, line
    taxonomy: tuple[tuple[str, str, str, str, str, int], ...]
    problems: tuple[tuple[int | None, str, str], ...]  # line, severity, message
    signature: str = ""  # a news article's story terms (``library.signature``), else empty
    in_vault: bool = False  # an Obsidian vault's note, whose tags nest (``models.vault``)
    # ox-hugo's one-file blog: its posts, each at its own path (``library.file_posts``)
    posts: tuple[IndexedFile, ...] = ()
    # Site settings files read since the worker's last batch: path, size, mtime_ns
    # (``library.site_settings_files``).
    settings: tuple[tuple[str, int, int], ...] = ()
