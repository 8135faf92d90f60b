"""The titles a Hugo site's taxonomy term pages give their terms.

A post names its topics by their keys (``topics: [human-centered-design]``), and the
site titles each term on its own page, ``content/topics/human-centered-design/_index.md``
(``title: Human-centred design``), which its pages and lists show. The term pages are
read once per site, as its settings are (``site_settings_files`` follows their changes).
"""

from __future__ import annotations

import contextlib
import functools
import os

from library.site_root import Site, settings_of, site_of
from library.site_sections import hugo_content
from models.article import Article
from models.blog_authors import entry_in

_TERM_PAGE = "_index.md"
_DEFAULT_TAXONOMIES = ("tags", "categories")  # Hugo's where its settings name none


def with_term_titles(path: str, article: Article) -> None:
    """The topics of the Hugo page at ``path`` named by their term pages' titles."""
    if not article.topics:
        return
    site = site_of(path)
    if site is None or site.kind != "hugo":
        return
    if titles := _term_titles(site):
        article.topics = [titles.get(_key(topic), topic) for topic in article.topics]


def _key(topic: str) -> str:
    """A term's folder name as Hugo makes it of the term (spaces as hyphens, small letters)."""
    return "-".join(topic.split()).lower()


@functools.lru_cache(maxsize=256)  # each site's term pages read once
def _term_titles(site: Site) -> dict[str, str]:
    """Each term's title, by its folder's name, of every taxonomy of the site."""
    taxonomies = settings_of(site).get("taxonomies")
    plurals = taxonomies.values() if isinstance(taxonomies, dict) else _DEFAULT_TAXONOMIES
    content = hugo_content(site.folder)
    titles: dict[str, str] = {}
    for plural in plurals:
        if not isinstance(plural, str) or not plural.strip():
            continue
        with contextlib.suppress(OSError), os.scandir(os.path.join(content, plural)) as terms:
            for term in terms:
                if not term.is_dir(follow_symlinks=False):
                    continue
                page = entry_in(os.path.join(term.path, _TERM_PAGE))
                title = page.get("title") if isinstance(page, dict) else None
                if isinstance(title, str) and title.strip():
                    titles.setdefault(term.name.lower(), " ".join(title.split()))
    return titles
