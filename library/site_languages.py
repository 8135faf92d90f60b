"""The language of a site's page, and the language a site of several is listed in.

A site translated by folder (``en/news/_posts``, ``ja/news/_posts``...) listed each post
once per language. A page's language is what its front matter says (``lang``), else the
folder of its site it is in: a language the site's settings list, or, where they list
none, a folder named as a language beside another one (``en/`` and ``ja/``; a lone
``go/`` is no language); on VitePress and VuePress, a folder its ``locales`` name, and on Docusaurus
``i18n/<code>/``, their other pages being in their default language; on Astro, a folder
named as a language in a content collection (``src/content/docs/fr``); on Lektor, the file's
name (``contents+de.lr``), else its project's primary alternative. Each site is looked
at once per process, so the indexing workers can ask it of every file they parse.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from library.app_site import app_pages, locale_folders
from library.lektor_project import lektor_alternatives
from library.site import subfolders
from library.site_exclusions import hexo_source
from library.site_root import (
    ASTRO_CONFIGS,
    ASTRO_CONTENT,
    DOCUSAURUS_CONFIGS,
    Site,
    settings_of,
    site_kind,
    site_of,
)
from library.vitepress_locales import vitepress_locales, vuepress_locales
from models.collection import NOT_COLLECTIONS
from models.language import folder_language, language_code
from models.regular_file import settings_text

# Docusaurus's ``i18n.defaultLocale``, read from its JavaScript settings where written plainly
# (Astro's and Starlight's too), and the language of Starlight's ``root`` locale.
_DEFAULT_LOCALE = re.compile(r"""defaultLocale\s*:\s*['"]([\w-]+)['"]""")
_ASTRO_ROOT = re.compile(r"""\broot\s*:\s*\{[^{}]*?\blang\s*:\s*['"]([\w-]+)['"]""")


class SiteLanguages(NamedTuple):
    """The languages a site keeps in folders of their own, the one it says is its default
    (``None``: it does not say), and the folder those are in (a Hexo site's ``source``, a
    Next.js site's ``pages``)."""

    folders: frozenset[str]
    default: str | None
    pages: str = ""


def language_of(path: str, said: str) -> str | None:
    """The language of the page at ``path`` whose front matter ``said`` one (a code, or
    empty), else that of the folder of its site it is in; ``None`` when neither says."""
    if said:
        return said
    site = site_of(path)
    if site is None:
        return None
    inside = os.path.relpath(os.path.abspath(path), site.folder).split(os.sep)
    if site.kind == "docusaurus":  # its own pages are in its default language
        if len(inside) > 2 and inside[0] == "i18n":
            return language_code(inside[1])
        return languages_of(site).default
    if site.kind == "lektor":  # a ``contents.lr`` is its primary alternative's page
        return languages_of(site).default
    if site.kind == "astro":
        return _astro_language(inside, languages_of(site))
    languages = languages_of(site)
    if languages.pages:  # a Hexo site's ``source/ja/``
        inside = os.path.relpath(os.path.abspath(path), languages.pages).split(os.sep)
    if len(inside) > 2 and inside[0][:1] == "_":  # a collection's ``_articles/hu/``
        inside = inside[1:]
    code = language_code(inside[0]) if len(inside) > 1 else None
    if code in languages.folders:
        return code
    # A VitePress or VuePress page outside its locales' folders is in its ``root``'s (``/``).
    return languages.default if site.kind in ("vitepress", "vuepress") else None


@functools.lru_cache(maxsize=256)  # each site looked at once
def languages_of(site: Site) -> SiteLanguages:
    """What ``site`` says of its languages: jekyll-polyglot's and most plugins'
    ``languages`` and ``default_lang``, a theme's ``lang``, Hexo's ``language`` (of the
    folders in its ``source``); Docusaurus's ``defaultLocale``."""
    if site.kind == "docusaurus":
        return SiteLanguages(frozenset(), _docusaurus_default(site.folder))
    if site.kind == "astro":
        return _astro_languages(site.folder)
    if site.kind == "lektor":  # its alternatives, each page's copy named by its file
        codes, primary = lektor_alternatives(site.folder)
        return SiteLanguages(frozenset(codes) if len(codes) > 1 else frozenset(), primary)
    pages = ""
    if site.kind in ("vitepress", "vuepress"):
        read = vitepress_locales if site.kind == "vitepress" else vuepress_locales
        listed, default = read(site.folder)
    else:
        settings = settings_of(site) if site.kind == "jekyll" else {}
        said = settings.get("languages") or settings.get("language")
        listed = [code for code in map(language_code, _codes(said)) if code]
        default = language_code(settings.get("default_lang") or settings.get("lang"))
        default = default or (listed[0] if listed else None)  # the plugins' first: the default
        source = hexo_source(site.folder, settings) if settings else None
        pages = os.path.join(site.folder, source) if source else ""
        if site.kind == "app" and locale_folders(app_pages(site.folder)):
            pages = app_pages(site.folder)  # nodejs.org's ``pages/en``, ``pages/ja``
    if len(set(listed) | {default} - {None}) < 2:  # one language said, or none: by folders
        found = (folder_language(name) for name in subfolders(pages or site.folder, names=True))
        listed = [code for code in found if code]
        # Translations sit beside the language they are made from: the site's own, else
        # English (Hexo's own is its ``source``). A handbook's ``it/`` and ``hr/`` beside
        # ``finance/`` are subjects.
        source = (default or "en").split("-")[0]
        if not pages and not any(code.split("-")[0] == source for code in listed):
            listed = []
        if not listed and site.kind == "jekyll":
            listed = _collection_languages(site.folder)
    return SiteLanguages(frozenset(listed) if len(listed) > 1 else frozenset(), default, pages)


_TRANSLATED = 3  # language folders in one collection that make it translated: a guide's
# ``_articles/hu``, ``es``, ``ja``... beside its own, where two may be subjects (``it``, ``hr``)


def _collection_languages(folder: str) -> list[str]:
    """The languages a Jekyll site at ``folder`` keeps in folders of a collection, its own
    pages at the collection's top (the Open Source Guides' ``_articles/hu/``, in 28
    languages beside its English): those of the collection with the most, where it has
    ``_TRANSLATED`` or more; else none."""
    best: list[str] = []
    for collection in subfolders(folder, names=True):
        if collection[:1] != "_" or collection in NOT_COLLECTIONS:
            continue
        named = subfolders(os.path.join(folder, collection), names=True)
        found = [code for code in map(folder_language, named) if code]
        if len(found) >= _TRANSLATED and len(found) > len(best):
            best = found
    return best


def _codes(value: Any) -> list[Any]:
    """The codes of a settings' ``languages``: a list of them, a table by code, or one."""
    if isinstance(value, dict):
        return list(value)
    return value if isinstance(value, list) else [value]


def _astro_language(inside: list[str], languages: SiteLanguages) -> str | None:
    """The language of an Astro site's page at ``inside`` (its path's parts from the site):
    that of its collection's folder (``src/content/docs/fr/``), else, in a collection of a
    site of several, the default one's (Starlight's ``root`` locale)."""
    if not languages.folders or inside[:2] != ["src", "content"] or len(inside) < 4:
        return None
    code = language_code(inside[3]) if len(inside) > 4 else None
    return code if code in languages.folders else languages.default


def _astro_languages(folder: str) -> SiteLanguages:
    """The languages of the Astro site at ``folder`` whose settings name a default locale
    (Astro's ``i18n``, Starlight's): the folders named as languages in its collections
    (``src/content/docs/fr``); its default, that locale (Starlight's ``root``: English,
    unless its ``root`` locale says its ``lang``). A site without is in none: a blog's
    ``go/`` folder is no language."""
    for name in ASTRO_CONFIGS:
        text = settings_text(os.path.join(folder, name))
        if text is None or (said := _DEFAULT_LOCALE.search(text)) is None:
            continue
        default = language_code(said[1]) if said[1] != "root" else None
        if default is None and (root := _ASTRO_ROOT.search(text)):
            default = language_code(root[1])
        content = os.path.join(folder, ASTRO_CONTENT)
        found = {
            code
            for collection in subfolders(content)
            for code in map(folder_language, subfolders(collection, names=True))
            if code
        }
        return SiteLanguages(frozenset(found) if found else frozenset(), default or "en")
    return SiteLanguages(frozenset(), None)


def _docusaurus_default(folder: str) -> str | None:
    """The default locale of a Docusaurus site that keeps translations (``i18n``), as its
    settings write it, else English; ``None`` for one without."""
    if not os.path.isdir(os.path.join(folder, "i18n")):
        return None
    for name in DOCUSAURUS_CONFIGS:
        found = _DEFAULT_LOCALE.search(settings_text(os.path.join(folder, name)) or "")
        if found:
            return language_code(found[1]) or "en"
    return "en"


def listed_languages(roots: Iterable[str], counts: Mapping[str, int]) -> tuple[str, ...]:
    """The languages the sites at ``roots`` are listed in by default, of a corpus whose
    articles are in the languages ``counts`` (how many in each): each site's default, else
    English where there is any, else the language most are in. Only a site that keeps
    translations (in folders, or its settings list its languages) is listed in one: a blog
    with a post in another language has no copy of it to show instead."""
    common = "en" if "en" in counts else max(sorted(counts), key=counts.__getitem__)
    chosen = set()
    for root in roots:
        kind = site_kind(root)
        site = languages_of(Site(root, kind)) if kind else None
        if site is None or not (site.folders or (kind == "docusaurus" and site.default)):
            return ()
        chosen.add(site.default or common)
    # A site in ``en-us`` writes its posts ``lang: en`` too, and one in ``en`` ``en-gb``:
    # each is the same language, more or less precisely said.
    return tuple(sorted(code for code in {*chosen, *counts} if _said_of(code, chosen)))


def _said_of(code: str, chosen: set[str]) -> bool:
    """Whether ``code`` is one of the ``chosen`` languages, or it more or less precisely."""
    return any(
        code == one or code.startswith(f"{one}-") or one.startswith(f"{code}-") for one in chosen
    )
