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
are Jekyll's: a pattern names a path from the site's folder and excludes what it matches
as a glob (``*`` crosses folders) or as a prefix (``LICENSE`` takes ``LICENSE-MIT``);
``include`` takes a path back, by its path or its name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from fnmatch import fnmatchcase
from typing import Any

from library.astro_site import astro_folders
from library.docusaurus_site import docusaurus_content
from library.eleventy_input import eleventy_ignored, eleventy_templates
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
_GLOB = frozenset("*?[")


class SiteExclusions:
    """The paths under ``root`` a site leaves out, asked of one folder at a time."""

    def __init__(self, root: str, exclude: list[str], include: list[str]) -> None:
        self.root = os.path.join(root, "")
        self._exclude = _by_kind(exclude)
        self._include = _by_kind(include)
        self.ignored: tuple[re.Pattern[str], ...] = ()  # files whose path one is found in

    def within(self, folder: str) -> SiteExclusions | None:
        """These exclusions if one may match an entry of ``folder`` (a folder of the
        site), else None: most folders are matched by none, and their files are not asked."""
        inside = os.path.join(folder, "")[len(self.root) :]
        literal, glob = self._exclude
        if self.ignored or glob or any(pattern.startswith(inside) for pattern in literal):
            return self
        return None

    def excludes(self, path: str, folder: bool) -> bool:
        """Whether the site leaves out ``path`` (a file, or a ``folder`` and all it holds)."""
        entry = path[len(self.root) :]
        if not folder and any(pattern.search(path) for pattern in self.ignored):
            return True
        if not _matches(entry, folder, *self._exclude):
            return False
        name = os.path.basename(entry)
        return not any(_matches(taken, folder, *self._include) for taken in (entry, name))

    def covers(self, path: str) -> bool:
        """Whether ``path`` or a folder it is in is left out (for a path a watcher names)."""
        parts = path[len(self.root) :].split(os.sep)
        for depth in range(1, len(parts) + 1):
            here = self.root + os.sep.join(parts[:depth])
            if self.excludes(here, folder=depth < len(parts) or os.path.isdir(here)):
                return True
        return False


def _by_kind(patterns: list[str]) -> tuple[list[str], list[str]]:
    """Patterns without a glob's characters (tested as prefixes), and globs."""
    globs = [pattern for pattern in patterns if _GLOB & set(pattern)]
    return [pattern for pattern in patterns if pattern not in globs], globs


def _matches(entry: str, folder: bool, literal: list[str], glob: list[str]) -> bool:
    """Jekyll's test of one path against patterns: as a glob, as a prefix, or (a folder)
    as the pattern with a slash after it."""
    for pattern in literal:
        if entry.startswith(pattern) or (folder and pattern == entry + "/"):
            return True
    return any(fnmatchcase(entry, pattern) for pattern in glob)


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


def nested_site(folder: str) -> SiteExclusions | None:
    """The rules of a site inside a corpus, known by its configuration (a folder of several
    blogs, a project with its site in ``docs``): below the top, anything less (a ``_data``
    folder) is too weak a sign. Within it they are its rules, not those of a site around
    it: Flink's repository, taken for a Jekyll site by an old ``_include`` folder, had the
    Hugo site in its ``docs`` read whole, its 25 layouts warned of and its Chinese pages
    listed beside the English ones."""
    if (
        reads_content_alone(folder)
        or any(
            os.path.isfile(os.path.join(folder, name)) for name in (*CONFIG_FILES, *QUARTO_CONFIGS)
        )
        or (os.path.isdir(os.path.join(folder, "content")) and is_lektor_project(folder))
        or is_vault(folder)
    ):  # a Lektor project's pages are in ``content``: a look for it costs less than a listing
        return site_exclusions(folder)
    return None


# How deep below a site another may be, a project's site in ``docs`` or ``website/site``:
# deeper folders are the site's own, and looking for one costs a folder several stats.
_NESTED_DEPTH = 2


def rules_within(
    folder: str,
    around: SiteExclusions | None,
    nested: Callable[[str], SiteExclusions | None] = nested_site,
) -> SiteExclusions | None:
    """The rules that hold in ``folder``, where those of the folder it is in are
    ``around``: a site's inside (``nested``, as ``nested_site``), anywhere in a folder that
    is none and near the top of one, whose rules they are within it; else ``around``."""
    if around is not None and folder[len(around.root) :].count(os.sep) >= _NESTED_DEPTH:
        return around
    return nested(folder) or around


def rules_for(
    path: str, root: str, of_root: SiteExclusions | None, known: dict[str, SiteExclusions | None]
) -> SiteExclusions | None:
    """The rules of the site ``path`` is in, as a scan from ``root`` meets them on its way
    down (``rules_within`` each folder, but one the rules around it leave out); ``of_root``
    are the root's; ``known`` keeps what each folder is, for the next path (a watcher's
    burst names many in one folder)."""

    def nested(folder: str) -> SiteExclusions | None:
        if folder not in known:
            known[folder] = nested_site(folder)
        return known[folder]

    folders = []
    folder = os.path.dirname(path)
    while len(folder) > len(root) and folder.startswith(root):
        folders.append(folder)
        folder = os.path.dirname(folder)
    rules = of_root
    for folder in reversed(folders):  # outermost first
        if rules is not None and rules.covers(folder):
            break
        rules = rules_within(folder, rules, nested)
    return rules


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
