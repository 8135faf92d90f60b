"""The categories a Jekyll post's folders give it.

Jekyll files a post kept in ``releases/_posts/`` in the category ``releases``: each
folder above ``_posts`` (below the site's ``source`` and ``collections_dir``) is one of
its categories, before those its front matter names, and its address is made of them
all. A folder inside ``_posts`` is none (Jekyll reads only those above), and neither is
a folder of the site's languages (``en/news/_posts``): the language is the post's own.
Bridgetown reads its posts from ``src`` where its settings name no ``source``, Hexo from
its ``source_dir``, and Hexo files a post in no category by its folders.
"""

from __future__ import annotations

import functools
import os

from library.site_exclusions import bridgetown_source, hexo_source
from library.site_languages import language_of
from library.site_root import Site, settings_of, site_of
from models.article import Article
from models.inline_tags import with_tags
from models.language import language_code

POSTS = "_posts"


@functools.lru_cache(maxsize=256)  # each site's once
def posts_within(site: Site) -> tuple[str, bool]:
    """The folder of ``site`` its posts' folders are counted from (its ``source`` and its
    ``collections_dir``; ``""`` for the site's own folder), and whether those folders are
    categories: Hexo's posts are in none by their folders."""
    settings = settings_of(site)
    hexo = hexo_source(site.folder, settings)
    source = hexo or bridgetown_source(site.folder, settings) or settings.get("source")
    within = [
        folder.strip("/ ")
        for folder in (source, settings.get("collections_dir"))
        if isinstance(folder, str) and folder.strip("/ .")
    ]
    return "/".join(within), hexo is None


def folder_categories(site: Site, path: str) -> list[str] | None:
    """The categories the folders of the post at ``path`` in ``site`` give it, in order;
    ``None`` where it is no post (in no ``_posts`` folder)."""
    within, categorised = posts_within(site)
    relative = os.path.relpath(path, site.folder).replace(os.sep, "/")
    folders = relative.removeprefix(within + "/" if within else "").split("/")[:-1]
    if POSTS not in folders:
        return None
    return [name for name in folders[: folders.index(POSTS)] if name and categorised]


def with_folder_categories(path: str, article: Article) -> None:
    """``article``, the post at ``path``, with the categories its folders give as its first
    topics (those it names already, in any case, once)."""
    site = site_of(path)
    if site is None or site.kind != "jekyll":
        return
    categories = folder_categories(site, path)
    if not categories:
        return
    if language_code(categories[0]) is not None and language_of(path, "") == language_code(
        categories[0]
    ):
        categories = categories[1:]
    if categories:
        article.topics = with_tags(categories, article.topics)
