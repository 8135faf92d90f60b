"""What a Jekyll site leaves out of itself, so the scan leaves it out too (of a Hugo, Zola
or Pelican site, all but its ``content`` folder and its translations; of a Lektor project,
all but its ``content``; of a Hexo site, all but its ``source``; of a Nikola site, all but
its posts' and pages' folders; of an Astro site, all but its ``src``; of an MkDocs site,
all but its docs; of an Eleventy site, its templates, its built pages and what its
``.eleventyignore`` lists; of a Docusaurus site, all but its content plugins' folders; of a
Hakyll site, its templates and its built pages; of an
Obsidian vault, its templates).

Jekyll never reads its built copy (``_site``), its templates (``_layouts``,
``_includes``), the packages beside it (``node_modules``, ``vendor/bundle``), what its
``_config.yml`` lists under ``exclude``, or, where it declares its collections, another
``_name`` folder; a site that was built or has a theme installed otherwise shows its
templates as articles and warns of every page it built. The rules
are Jekyll's (``exclusion_rules``); a site inside another has its own (``nested_sites``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from library.astro_site import astro_folders
from library.docusaurus_site import docusaurus_content
from library.eleventy_input import eleventy_ignored, eleventy_templates
from library.exclusion_rules import SiteExclusions
from library.hakyll_site import HAKYLL_LEFT_OUT, is_hakyll_site
from library.hugo_settings import (
    content_folders,
    ignored_files,
    read_settings_file,
    reads_content_alone,
    site_settings,
)
from library.mkdocs_site import is_mkdocs_site, mkdocs_docs, mkdocs_exclusions
from library.nikola_site import nikola_folders
from library.site import (
    BRIDGETOWN_CONFIG,
    CONFIG_FILES,
    QUARTO_CONFIGS,
    is_jekyll_site,
    is_lektor_project,
    is_quarto_project,
    subfolders,
)
from library.site_root import DOCUSAURUS_CONFIGS, ELEVENTY_CONFIGS
from library.vault_templates import is_vault, template_paths
from library.zine_site import is_zine_site, zine_content

_ALWAYS = ("_layouts/", "_includes/", "_sass/", "_plugins/")
# Jekyll's own exclusions, which its configuration adds to (since Jekyll 4).
_DEFAULTS = (
    "node_modules",
    "gemfiles",
    *(f"vendor/{name}/" for name in ("bundle", "cache", "gems", "ruby")),
)


def site_exclusions(root: str) -> SiteExclusions | None:
    """The exclusions of the Jekyll, Hugo, Zola, Pelican, Nikola... site at ``root``; None
    when it is none."""
    if reads_content_alone(root):  # a section's own page (``_index.md``) lists its pages
        settings = site_settings(root)  # read once for both
        pages, translated = content_folders(root, settings)
        leave_out = _all_but(root, pages, "*/_index.*", *translated)
        leave_out.ignored = ignored_files(settings)
        return leave_out
    if os.path.isfile(os.path.join(root, "theme.toml")):  # a Hugo theme: its example site
        return SiteExclusions(root, list(_THEME_FOLDERS), [])  # is read, not its templates
    if is_quarto_project(root):
        return _quarto_exclusions(root)
    if is_lektor_project(root):  # its pages are ``content``'s, the rest makes the site
        return _all_but(root, "content")
    if (folders := nikola_folders(root)) is not None:  # its posts' and pages' folders
        return SiteExclusions(root, _top_but(root, folders), [])
    if (sources := astro_folders(root)) is not None:  # ``src`` and its loaders' folders
        return SiteExclusions(root, _top_but(root, sources), [])
    if any(os.path.isfile(os.path.join(root, name)) for name in ELEVENTY_CONFIGS):
        eleventy = [os.path.join(path, "") for path in eleventy_templates(root, ELEVENTY_CONFIGS)]
        eleventy += eleventy_ignored(root, ELEVENTY_CONFIGS)  # and what it is told to ignore
        return SiteExclusions(root, eleventy, [])  # its templates and its built pages
    if any(os.path.isfile(os.path.join(root, name)) for name in DOCUSAURUS_CONFIGS):
        return SiteExclusions(root, _top_but(root, _docusaurus_folders(root)), [])
    if is_hakyll_site(root):  # its templates and what it built
        return SiteExclusions(root, list(HAKYLL_LEFT_OUT), [])
    if is_zine_site(root):  # its default language's pages, beside its layouts and assets
        return _all_but(root, zine_content(root))
    if is_mkdocs_site(root):  # its pages are its docs', the rest builds the site
        return _all_but(root, mkdocs_docs(root), *mkdocs_exclusions(root))
    if not is_jekyll_site(root):
        templates = template_paths(root) if is_vault(root) else []
        return SiteExclusions(root, templates, []) if templates else None
    config = _configuration(root)
    if (source := hexo_source(root, config)) is not None:
        return _all_but(root, source.split("/")[0])  # its top folder (``src/posts``: src)
    if (source := bridgetown_source(root, config)) is not None:
        return _all_but(root, source, *(f"{source}/{name}" for name in _BRIDGETOWN_TEMPLATES))
    destination = config.get("destination")
    if not isinstance(destination, str) or os.path.isabs(destination):  # outside: not met
        destination = "_site"
    exclude = [*_ALWAYS, *_DEFAULTS, *_paths(os.path.join(destination, ""))]
    exclude += _paths(config.get("exclude")) + _undeclared(root, config)
    include = _paths(config.get("include"))
    return SiteExclusions(root, [p for p in exclude if p not in include], include)


def hexo_source(root: str, config: dict[str, Any]) -> str | None:
    """The folder a Hexo site (its ``_config.yml`` beside its post templates, ``scaffolds``)
    keeps its pages in, from its own: ``source``, or its ``source_dir``; None for any
    other site."""
    if not os.path.isdir(os.path.join(root, "scaffolds")):
        return None
    return (_paths(config.get("source_dir")) or ["source"])[0]


# Where a Bridgetown site keeps its templates, beside its pages in its source folder.
_BRIDGETOWN_TEMPLATES = ("_layouts/", "_partials/", "_components/")


def bridgetown_source(root: str, config: dict[str, Any]) -> str | None:
    """The folder a Bridgetown site keeps its pages in, ``src`` unless its ``source`` says
    otherwise: beside it are its Ruby, its front end and its README, none of them pages;
    None for any other site."""
    if not os.path.isfile(os.path.join(root, BRIDGETOWN_CONFIG)):
        return None
    return (_paths(config.get("source")) or ["src"])[0].rstrip("/")


_READ_ALWAYS = frozenset({"_posts", "_drafts", "_data"})


def _undeclared(root: str, config: dict[str, Any]) -> list[str]:
    """The ``_name`` folders of a site that declares its collections, other than those and
    Jekyll's own: Jekyll reads none of them (training-kit's ``_pages``, a ``_scripts``). A
    site that declares none keeps them all: which are its collections is not known."""
    declared = config.get("collections")
    if not isinstance(declared, dict | list):
        return []
    keep = _READ_ALWAYS | {f"_{name}" for name in declared if isinstance(name, str)}
    within = _paths(config.get("collections_dir"))[:1]
    return [
        os.path.join(folder, name, "")
        for folder in ("", *within)
        for name in subfolders(os.path.join(root, folder), names=True)
        if name.startswith("_") and name not in keep
    ]


# What a Hugo theme holds besides its example: templates (``date = {{ .Date }}``), files.
_THEME_FOLDERS = ("archetypes/", "layouts/", "i18n/", "assets/", "static/", "data/")


def _all_but(root: str, pages: str, *also: str) -> SiteExclusions:
    """A site that reads its pages from one folder alone (Hugo's and Zola's ``content``, or
    the default language's ``content/en``; Hexo's ``source``): its built copy
    (``public``), themes, layouts, templates (Hexo's ``scaffolds``: ``title: {{ title }}``)
    and the site's README are no articles, nor what ``also`` names."""
    names = []
    parts = pages.split("/")
    for depth, part in enumerate(parts):
        above = "".join(f"{name}/" for name in parts[:depth])
        try:
            with os.scandir(os.path.join(root, above)) as entries:
                names += [
                    above + entry.name + ("/" if entry.is_dir() else "")
                    for entry in entries
                    if entry.name != part and not entry.name.startswith(".")
                ]
        except OSError:
            pass
    return SiteExclusions(root, [*names, *also], [])


def _docusaurus_folders(root: str) -> list[str]:
    """The folders at the top of a Docusaurus site that hold what it renders (its docs'
    versions of each instance too, ``community_versioned_docs``)."""
    versions = [name for name in subfolders(root, names=True) if name.endswith("_versioned_docs")]
    return [*docusaurus_content(root).top_folders(), *versions]


def _top_but(root: str, folders: Sequence[str]) -> list[str]:
    """The entries at the top of ``root`` other than ``folders`` (a folder's name ending
    in ``/``), as exclusions from ``root``: a site that reads its pages from those alone
    (Nikola's, Astro's). Hidden ones are never read anyway."""
    try:
        with os.scandir(root) as entries:
            return [
                entry.name + ("/" if entry.is_dir() else "")
                for entry in entries
                if entry.name not in folders and not entry.name.startswith(".")
            ]
    except OSError:
        return []


def collections_without_pages(root: str) -> frozenset[str]:
    """The folders of a Jekyll site that look like collections but are none it publishes
    items from: those it declares with ``output: false`` (pieces its pages are built of:
    a style guide's components, an install page's tabs), and a ``_name`` folder it takes
    in by ``include`` without declaring it (its pages: DjangoCon's ``_pages``)."""
    config = _configuration(root)
    declared = config.get("collections")
    if not isinstance(declared, dict | list):
        return frozenset()
    names = declared if isinstance(declared, list) else list(declared)
    included = {path.strip("/") for path in _paths(config.get("include"))}
    return frozenset(
        {str(name) for name, settings in _settings_of(declared) if settings.get("output") is False}
        | {folder[1:] for folder in included if folder.startswith("_") and folder[1:] not in names}
    )


def _settings_of(declared: dict[str, Any] | list[Any]) -> list[tuple[Any, dict[str, Any]]]:
    """Each declared collection and its settings (none when declared by name alone)."""
    if isinstance(declared, list):
        return [(name, {}) for name in declared]
    return [(name, s if isinstance(s, dict) else {}) for name, s in declared.items()]


# What Quarto renders no page of at any depth: the READMEs, ``CLAUDE.md`` and ``AGENTS.md``
# beside its pages, an HTML file (never an input: an include, a demo's frame), and the
# folders of its engines' packages.
_QUARTO_NEVER = (
    *("README.md", "README.qmd", "README.Rmd", "CLAUDE.md", "AGENTS.md", "*.llms.md", "*.html"),
    *("renv/", "packrat/", "rsconnect/", "venv/", "env/"),
)


def _quarto_exclusions(root: str) -> SiteExclusions:
    """What a Quarto project renders no page of: a file or folder whose name starts with
    ``_`` (an include's ``_footer.qmd``, ``_site``, ``_freeze``), its ``output-dir``
    (``docs``, for GitHub Pages), which holds the pages it built, and what it never takes
    as a page (``_QUARTO_NEVER``): quarto-web's READMEs and HTML includes were 11 warnings
    of "no front matter"."""
    settings = [read_settings_file(os.path.join(root, name)) for name in QUARTO_CONFIGS]
    project = next((found for found in settings if found is not None), {}).get("project")
    output = project.get("output-dir") if isinstance(project, dict) else None
    built = _paths(os.path.join(output, "")) if isinstance(output, str) else []
    never = [pattern for name in _QUARTO_NEVER for pattern in (name, f"*/{name.rstrip('/')}")]
    return SiteExclusions(root, ["_*", "*/_*", *never, *built], [])


def _configuration(root: str) -> dict[str, Any]:
    """The site's configuration, or nothing when it has none that reads (Jekyll would not
    build; the scan goes on with the default exclusions)."""
    for name in CONFIG_FILES:
        if (data := read_settings_file(os.path.join(root, name))) is not None:
            return data
    return {}


def _paths(value: Any) -> list[str]:
    """The text entries of a configuration value (one entry or a list), from the site's
    folder: a leading ``/`` or ``./`` names the same place."""
    entries = value if isinstance(value, list) else [value]
    return [
        entry.removeprefix("./").lstrip("/")
        for entry in entries
        if isinstance(entry, str) and entry.strip("./")
    ]
