"""A SvelteKit, Next.js, Nuxt, React Router (Remix), Gatsby or Gridsome site: an
application whose pages include Markdown (MDX, mdsvex, Nuxt Content's, those its source
plugins read).

Such a site keeps its blog beside its docs in a folder its code reads them from
(``content/blog`` and ``content/docs``, svelte.dev's and Nuxt Content's; ``data/blog``, a
Next.js starter's; ``content/blog``, Gatsby's starter blog's; ``blog``, Gridsome's)
or in its routes (``src/routes/blog/…/+page.md``, ``app/blog/…/page.mdx``, Remix's
``app/routes/blog/….mdx``). Opened as a
plain folder it was listed whole: svelte.dev's 105 posts above 343 undated docs pages. Its
folders of pages are its sections, as a Hugo site's are, and its blog is the stream.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re

from library.scan import MARKUP_SUFFIXES
from library.site import subfolders
from models.language import folder_language
from models.regular_file import settings_text

APP_CONFIGS = (
    *(
        f"{name}.{kind}"
        for name in ("svelte.config", "next.config", "nuxt.config", "gatsby-config")
        for kind in ("js", "mjs", "cjs", "ts")
    ),
    "react-router.config.ts",
    "react-router.config.js",
    "remix.config.js",
    GRIDSOME_CONFIG := "gridsome.config.js",
)
# The packages a site on Vite's settings alone is built by: SvelteKit, Remix, React Router.
_VITE_FRAMEWORKS = ('"@sveltejs/kit"', '"@remix-run/dev"', '"@react-router/dev"')
_VITE_CONFIGS = tuple(f"vite.config.{kind}" for kind in ("js", "mjs", "cjs", "ts", "mts"))
# Where such a site keeps its pages, most particular first; the site's own folder last.
_PAGE_FOLDERS = (
    "content",
    os.path.join("src", "content"),
    "data",
    os.path.join("src", "routes"),
    os.path.join("src", "app"),
    os.path.join("app", "routes"),  # Remix's, whose MDX routes are pages
    "app",
    os.path.join("src", "pages"),
    "pages",
)


def is_app_site(folder: str) -> bool:
    """Whether ``folder`` is a SvelteKit, Next.js, Nuxt, React Router, Gatsby or Gridsome
    site: its ``svelte.config.js``, ``next.config.js``, ``nuxt.config.ts``,
    ``react-router.config.ts``, ``remix.config.js``, ``gatsby-config.js`` or
    ``gridsome.config.js`` (or another of their kinds), or Vite's settings beside a
    ``package.json`` that depends on SvelteKit (svelte.dev's, which has no
    ``svelte.config.js``) or on Remix's or React Router's Vite plugin. Read as a folder,
    nuxt.com listed its 50 posts among 47 undated pages of the hosts it deploys to and the
    agencies it works with, kentcdodds.com its 214 posts among its 13 pages, and
    gridsome.org its 5 posts among its 10 examples and a docs page."""
    if any(os.path.isfile(os.path.join(folder, name)) for name in APP_CONFIGS):
        return True
    if not any(os.path.isfile(os.path.join(folder, name)) for name in _VITE_CONFIGS):
        return False
    package = settings_text(os.path.join(folder, "package.json")) or ""
    return any(framework in package for framework in _VITE_FRAMEWORKS)


@functools.lru_cache(maxsize=256)  # each site's once
def app_pages(folder: str) -> str:
    """The folder whose folders are the sections of the site at ``folder``: the first of
    those it keeps pages in that holds a blog of pages (in a route group too:
    ``(website)/blog``), else the site's own folder (``posts`` at its top). A blog route
    of code alone (prometheus.io's ``src/app/blog``, which reads its posts from
    ``blog/posts``) is no blog of pages: taken for one, it hid the site's 59 posts."""
    from library.site_sections import BLOGS

    for name in _PAGE_FOLDERS:
        base = os.path.join(folder, name)
        for inner in (base, *_groups(base)):
            if any(_holds_pages(os.path.join(inner, blog)) for blog in BLOGS):
                return inner
        if any(  # its pages in a folder of each language (``pages/en/blog``)
            _holds_pages(os.path.join(base, locale, blog))
            for locale in locale_folders(base)
            for blog in BLOGS
        ):
            return base
    return folder


# What a Gridsome site's source plugins read (``baseDir: './docs'``, ``path:
# 'blog/*/index.md'``), as far as it names a folder; an address (``path: '/docs/:slug'``)
# starts with a slash and names none.
_SOURCE = re.compile(r"""\b(?:baseDir|path)\s*:\s*(["'`])(?!/)([^"'`\n]+)\1""")
_GLOB = frozenset("*?[{")


@functools.lru_cache(maxsize=256)  # each site's settings read once
def gridsome_sources(folder: str) -> tuple[str, ...]:
    """The folders, from ``folder``, that the Gridsome site there reads its pages from with
    its source plugins: it renders every Markdown file in them, front matter or none
    (gridsome.org's 73 docs pages, each titled by its heading)."""
    found = []
    for match in _SOURCE.finditer(settings_text(os.path.join(folder, GRIDSOME_CONFIG)) or ""):
        parts = os.path.normpath(match[2]).split(os.sep)
        literal = list(itertools.takewhile(lambda part: not _GLOB & set(part), parts))
        if not literal or literal[0] in (os.curdir, os.pardir):  # the site whole, or outside
            continue
        if os.path.isdir(os.path.join(folder, source := os.path.join(*literal))):
            found.append(source)
    return tuple(found)


def locale_folders(folder: str) -> list[str]:
    """The names of the folders of ``folder`` named as languages (``en``, ``zh-cn``), where
    there are two or more: nodejs.org keeps its pages in one for each of its 16
    languages, and listed its 1,050 posts among 209 pages in all of them."""
    found = [name for name in subfolders(folder, names=True) if folder_language(name)]
    return found if len(found) > 1 else []


def _holds_pages(folder: str) -> bool:
    """Whether ``folder`` or one below it holds a page of Markdown (or HTML...)."""
    for _, _, files in os.walk(folder):
        if any(name.lower().endswith(MARKUP_SUFFIXES) for name in files):
            return True
    return False


def _groups(folder: str) -> list[str]:
    """A routes folder's groups (``(marketing)``), which take no part in an address."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        return sorted(
            entry.path
            for entry in entries
            if entry.name.startswith("(") and entry.name.endswith(")") and entry.is_dir()
        )
    return []
