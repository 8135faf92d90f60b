"""A Hugo, Zola, Docusaurus, Eleventy, Astro, Nikola, JBake, Middleman, MkDocs, VitePress,
VuePress, Lektor, SvelteKit, Next.js or Nuxt site's sections: its collections
(``library.app_site``: where the last two keep their pages).

Such a site keeps its kinds of page in folders of their own: Hugo's and Zola's
``content/blog`` and ``content/docs``, Docusaurus's ``blog`` and ``docs``, Eleventy's in
its input folder (``src/blog`` and ``src/docs``), MkDocs's in its ``docs`` (the blog
plugin's ``docs/blog``), a Quarto project's at its top (``posts``, ``notes``), Astro's
content collections in ``src/content``
(``src/content/blog``, ``src/content/authors``), the folders Nikola's
settings name for its posts and its pages (``posts``, ``stories``), JBake's and Lektor's
in their ``content``, Middleman's in its ``source`` (and in its i18n's ``localizable``),
and VitePress's and VuePress's at the top of its pages (``blog``, ``guide``; within a
locale's folder, ``zh/guide``, too). Read as one folder, a site's docs buried its posts
(797 rows of pnpm.io held 42 posts; nushell.org's 490 posts sat above 812 undated
pages of its book and commands). As its collections, the
tree lists each, and the default stream is the blog (``library.stream``). A page at the top of the
content (About) is in none, as a Jekyll site's pages are. Pelican's folders are
categories, not kinds of page, and are left so.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from library.app_site import app_pages
from library.astro_site import starlight_blog
from library.dated_collections import named_by_dates
from library.docusaurus_site import docusaurus_content
from library.eleventy_input import eleventy_input
from library.eleventy_locales import is_locale_folder
from library.hugo_settings import content_dir, content_folders, site_settings
from library.jbake_site import jbake_content
from library.middleman_site import (
    MIDDLEMAN_LOCALIZED,
    middleman_blogs,
    middleman_post_section,
    middleman_source,
)
from library.mkdocs_site import mkdocs_docs
from library.nikola_site import nikola_folders
from library.site import subfolders
from library.site_root import ASTRO_CONTENT, ELEVENTY_CONFIGS, Site, site_kind, site_of
from library.vitepress_locales import vitepress_source
from library.zine_site import zine_content
from models.language import language_code

# A Docusaurus site's folders that hold no pages of its own: its pages' code (``src``,
# whose pages are the site's), files served as they are, the built site, translations.
# Eleventy's: its templates and data (``_includes``, ``_data``) and its built site.
_PRESSED = ("vitepress", "vuepress")
# Whose locales' folders hold sections as the site does.
_LOCALISED = (*_PRESSED, "app", "eleventy")
_NOT_SECTIONS = frozenset(
    {"src", "static", "build", "i18n", "node_modules", "_includes", "_data", "_site"}
)
_SITES_OF_FOLDERS = (
    *("hugo", "docusaurus", "eleventy", "astro", "nikola"),
    *("jbake", "middleman", "mkdocs"),
)
_SECTIONED = (*_SITES_OF_FOLDERS, "quarto", "lektor", "app", "zine", *_PRESSED)
BLOGS = ("blog", "posts", "post", "articles")
"""What a site without news streams, of those it has: its posts, not its docs."""
_STARLIGHT_DOCS = "docs"  # the content collection a Starlight site's pages are in
_STREAMED = frozenset((*BLOGS, "news"))  # a section of news is streamed as a blog is


def section_of(path: str, root: str) -> str | None:
    """The section of the file ``path``, when its site lies within the corpus ``root``
    (a site above the root is not the one opened); ``None`` for a page in none."""
    site = site_of(path)
    if site is None or site.kind not in _SECTIONED:
        return None
    if site.folder != root and not site.folder.startswith(os.path.join(root, "")):
        return None
    base = _content(site.folder, site.kind)
    inside = os.path.relpath(os.path.abspath(path), base).split(os.sep)
    if site.kind == "nikola":  # its posts' folders and its pages', as its settings name them
        return inside[0] if len(inside) > 1 and inside[0] in sections(site.folder) else None
    if site.kind in _LOCALISED and _is_locale(site, inside[0]):
        inside = inside[1:]
    if site.kind == "middleman" and inside[0] == MIDDLEMAN_LOCALIZED:
        inside = inside[1:]
    middleman = site.kind == "middleman" and inside[0] != os.pardir
    if middleman and (post := middleman_post_section(site.folder, inside)):
        return post
    if site.kind == "astro" and (blog := _starlight_blog_of(site, inside)):
        return blog
    if len(inside) < 2 or inside[0] in (os.pardir, *_NOT_SECTIONS):
        return None
    if site.kind == "hugo" and _is_bundle(os.path.join(base, inside[0])):
        return None
    if site.kind in ("mkdocs", *_PRESSED) and inside[1:] in (["index.md"], ["README.md"]):
        return None  # the section's own page (the blog's home), a page of the site
    if site.kind == "lektor" and len(inside) == 2:
        return None  # the section's own page (``blog/contents.lr``, the blog's home)
    if site.kind == "zine" and inside[1:] == ["index.smd"]:
        return None  # the section's own page (``news/index.smd``, where its layout lists it)
    return inside[0]


def sections(root: str) -> frozenset[str]:
    """The sections of the Hugo, Docusaurus, Eleventy or Astro site at ``root`` (none for
    other folders), by its folders: a section with no page yet is still one the site has."""
    kind = site_kind(root)
    if kind not in _SECTIONED:
        return frozenset()
    if kind == "nikola":
        return frozenset(nikola_folders(root) or ())
    base = _content(root, kind)
    blog = starlight_blog(root) if kind == "astro" else None
    names = subfolders(base, names=True)
    if kind in _LOCALISED:  # the sections in its locales' folders too (``pages/en/blog``)
        locales = [name for name in names if _is_locale(Site(root, kind), name)]
        names = [name for name in names if name not in locales] + [
            name for locale in locales for name in subfolders(os.path.join(base, locale), True)
        ]
    return (
        frozenset(
            name
            for name in names
            if name not in _NOT_SECTIONS
            and not (kind == "hugo" and _is_bundle(os.path.join(base, name)))
        )
        | ({"/".join(blog)} if blog else set())
        | _middleman_blogs(root, kind)
    )


def _middleman_blogs(root: str, kind: str) -> frozenset[str]:
    """The sections of the blogs a Middleman site activates, wherever their posts are."""
    if kind != "middleman":
        return frozenset()
    return frozenset(blog.section for blog in middleman_blogs(root))


def _starlight_blog_of(site: Site, inside: list[str]) -> str | None:
    """The section of a Starlight site's blog (``library.astro_site``) when the page at
    ``inside`` (its path from the site's content) is one of its posts, in its docs or in
    a locale's folder of them (``docs/ja/blog``); else None."""
    blog = starlight_blog(site.folder)
    if blog is None or inside[0] != _STARLIGHT_DOCS:
        return None
    within = inside[2:] if len(inside) > 2 and _is_locale(site, inside[1]) else inside[1:]
    in_blog = tuple(within[: len(blog)]) == blog and len(within) > len(blog)
    return "/".join(blog) if in_blog else None


def _is_locale(site: Site, name: str) -> bool:
    """Whether the folder ``name`` at the top of a VitePress or VuePress site's pages is
    one of its locales' (``zh``), whose folders are the site's sections translated (of an
    Eleventy site, one its data gives a language: ``library.eleventy_locales``)."""
    from library.site_languages import languages_of

    if site.kind == "eleventy":
        return is_locale_folder(os.path.join(_content(site.folder, site.kind), name))
    return language_code(name) in languages_of(site).folders


def blog_sections(root: str) -> frozenset[str]:
    """The sections of the site at ``root`` that are its blog (``library.stream``), by
    their names or their files' dates: only such a site is streamed, as a site of posts at
    the top of its content and a section of others would lose its posts from the list."""
    return frozenset(name for name in sections(root) if name.lower() in _STREAMED) | dated_sections(
        root
    )


def dated_sections(root: str) -> frozenset[str]:
    """The sections of the site at ``root`` whose files are named by their dates, as
    posts are (yihui.org's ``content/en/2026-05-15-bye-stack-overflow.md`` and its
    ``content/cn``): its blogs, whatever they are called (a Docusaurus site's, as its
    settings name them: a second blog, a changelog). Read whole, the site listed its
    undated pages among its 1,885 posts."""
    kind = site_kind(root)
    if kind not in _SECTIONED or kind == "nikola":
        return frozenset()
    base = _content(root, kind)
    own = sections(root)
    named = (
        {path.split("/")[0] for path in docusaurus_content(root).blogs}
        if kind == "docusaurus"
        else set()
    )
    return frozenset(
        name for name in own if name in named or named_by_dates(os.path.join(base, name))
    )


@functools.lru_cache(maxsize=4096)  # each folder once
def _is_bundle(folder: str) -> bool:
    """Whether a folder at the top of a Hugo site's content is a page of its own (a leaf
    bundle: its ``index.md`` and the pictures beside it), not a section of pages."""
    try:
        with os.scandir(folder) as entries:
            return any(entry.name.startswith("index.") for entry in entries)
    except OSError:
        return False


def hugo_content(folder: str) -> str:
    """The folder that holds the pages of the Hugo or Zola site at ``folder`` in its
    default language (``content``, ``content/en``)."""
    return _content(folder, "hugo")


@functools.lru_cache(maxsize=256)  # each site's settings read once
def _content(folder: str, kind: str) -> str:
    """The folder whose folders are the site's sections."""
    if kind in ("docusaurus", "nikola", "quarto"):
        return folder
    if kind == "eleventy":
        return os.path.join(folder, eleventy_input(folder, ELEVENTY_CONFIGS))
    if kind == "astro":
        return os.path.join(folder, ASTRO_CONTENT)
    if kind == "jbake":
        return os.path.join(folder, jbake_content(folder))
    if kind == "middleman":
        return os.path.join(folder, middleman_source(folder) or "source")
    if kind == "lektor":
        return os.path.join(folder, "content")
    if kind == "mkdocs":
        return os.path.join(folder, mkdocs_docs(folder))
    if kind == "app":
        return app_pages(folder)
    if kind == "zine":
        return os.path.join(folder, zine_content(folder))
    if kind == "vitepress":
        return os.path.normpath(os.path.join(folder, vitepress_source(folder)))
    if kind == "vuepress":
        return folder
    settings = site_settings(folder)
    return os.path.join(folder, _mounted(settings) or content_folders(folder, settings)[0])


def _mounted(settings: dict[str, Any]) -> str | None:
    """The folder a site's settings name as its content: ``contentDir`` at the top, or a
    module's mount onto ``content`` (``content/en``, where a site keeps its pages)."""
    if named := content_dir(settings.get("contentdir")):
        return named
    module = settings.get("module")
    mounts = module.get("mounts") if isinstance(module, dict) else None
    for mount in mounts if isinstance(mounts, list) else []:
        onto_content = (
            isinstance(mount, dict) and str(mount.get("target", "")).strip("/") == "content"
        )
        if onto_content and (source := content_dir(mount.get("source"))):
            return source
    return None
