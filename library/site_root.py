"""The site a file is in: the nearest folder above it that holds a site's settings.

A site's settings say how its pages are read: the zone of their dates
(``library.site_zone``) and, on a Hugo or Docusaurus site, which section each page is in
(``library.site_sections``). Every folder is asked once per process, so the indexing
workers can ask it of every file they parse.
"""

from __future__ import annotations

import functools
import os
from typing import Any, NamedTuple

from library.app_site import is_app_site
from library.hugo_settings import read_settings_file, reads_content_alone, site_settings
from library.jbake_site import is_jbake_site
from library.middleman_site import is_middleman_site
from library.mkdocs_site import is_mkdocs_site
from library.nikola_site import nikola_folders
from library.pelican_settings import pelican_settings
from library.site import CONFIG_FILES, is_lektor_project, is_quarto_project
from library.zine_site import is_zine_site
from models.file_folder import folder_of

DOCUSAURUS_CONFIGS = tuple(
    f"docusaurus.config.{kind}" for kind in ("js", "ts", "mjs", "cjs", "mts", "cts")
)


ELEVENTY_CONFIGS = (
    ".eleventy.js",
    *(f"eleventy.config.{kind}" for kind in ("js", "mjs", "cjs", "ts", "mts", "cts")),
)


ASTRO_CONFIGS = tuple(f"astro.config.{kind}" for kind in ("mjs", "js", "ts", "mts", "cjs", "cts"))
ASTRO_CONTENT = os.path.join("src", "content")  # its content collections, one folder each


VITEPRESS_CONFIGS = tuple(
    os.path.join(".vitepress", f"config.{kind}")
    for kind in ("js", "ts", "mjs", "mts", "cjs", "cts")
)
VUEPRESS_CONFIGS = tuple(config.replace(".vitepress", ".vuepress") for config in VITEPRESS_CONFIGS)


class Site(NamedTuple):
    """A site's folder and what made it: ``jekyll``, ``hugo`` (Zola's too, which reads its
    ``content`` alike), ``pelican``, ``docusaurus``, ``eleventy``, ``astro``,
    ``vitepress``, ``vuepress``, ``lektor``, ``nikola``, ``jbake``, ``middleman``,
    ``mkdocs``, ``quarto`` or ``app`` (SvelteKit's, Next.js's, Nuxt's, React Router's)."""

    folder: str
    kind: str


def site_kind(folder: str) -> str | None:
    """What site ``folder`` holds the settings of, if any."""
    if any(os.path.isfile(os.path.join(folder, name)) for name in CONFIG_FILES):
        return "jekyll"
    if is_jbake_site(folder):
        return "jbake"
    if is_middleman_site(folder):
        return "middleman"
    if is_quarto_project(folder):
        return "quarto"
    if reads_content_alone(folder):
        return "pelican" if os.path.isfile(os.path.join(folder, "pelicanconf.py")) else "hugo"
    if any(os.path.isfile(os.path.join(folder, name)) for name in DOCUSAURUS_CONFIGS):
        return "docusaurus"
    if any(os.path.isfile(os.path.join(folder, name)) for name in ELEVENTY_CONFIGS):
        return "eleventy"
    if any(os.path.isfile(os.path.join(folder, name)) for name in ASTRO_CONFIGS):
        return "astro"
    if os.path.isdir(os.path.join(folder, ".vitepress")) and any(  # one look, most folders
        os.path.isfile(os.path.join(folder, name)) for name in VITEPRESS_CONFIGS
    ):
        return "vitepress"
    if os.path.isdir(os.path.join(folder, ".vuepress")) and any(
        os.path.isfile(os.path.join(folder, name)) for name in VUEPRESS_CONFIGS
    ):
        return "vuepress"
    if os.path.isdir(os.path.join(folder, "content")) and is_lektor_project(folder):
        return "lektor"
    if is_app_site(folder):
        return "app"
    if is_mkdocs_site(folder):
        return "mkdocs"
    if nikola_folders(folder) is not None:
        return "nikola"
    if is_zine_site(folder):
        return "zine"
    return None


def splits_labels_at_spaces(path: str) -> bool:
    """Whether the site holding ``path`` reads a line of tags as words (``tags: second
    tag``: two), as Jekyll does and lede does where no site is known; Eleventy, Hugo and
    Docusaurus read it as one name."""
    site = site_of(path)
    return site is None or site.kind == "jekyll"


def site_of(path: str) -> Site | None:
    """The innermost site holding the file ``path``, or ``None``."""
    global _last
    last = _last
    if last[0] == path:
        return last[1]
    site = _nearest(folder_of(path))
    _last = (path, site)
    return site


# The last file asked of and its site: parsing a file asks its zone, its schedule, its
# section, its language... of one site, and a path's lookup cost more than all the rest.
_last: tuple[str, Site | None] = ("", None)


def forget_last_site() -> None:
    """Forget the last file's site, as a site's settings changed (``site_settings_files``)."""
    global _last
    _last = ("", None)


@functools.lru_cache(maxsize=4096)  # each folder once, however many files it holds
def _nearest(folder: str) -> Site | None:
    kind = site_kind(folder)
    if kind is not None:
        return Site(folder, kind)
    parent = os.path.dirname(folder)
    return None if parent == folder else _nearest(parent)


@functools.lru_cache(maxsize=256)  # each site's settings read once
def settings_of(site: Site) -> dict[str, Any]:
    """The settings of a Jekyll site (its first ``_config`` file that reads), of a Hugo
    site (keys in lower case, as Hugo reads them) or of a Pelican site (the values its
    settings file assigns, by their names); none of other sites."""
    if site.kind == "jekyll":
        for name in CONFIG_FILES:
            found = read_settings_file(os.path.join(site.folder, name))
            if found is not None:
                return found
        return {}
    if site.kind == "pelican":
        return pelican_settings(site.folder)
    return site_settings(site.folder) if site.kind == "hugo" else {}
