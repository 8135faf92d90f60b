"""An MkDocs site: its settings (``mkdocs.yml``) and the folder of its pages (``docs``
unless its ``docs_dir`` names another), where its blog plugin keeps the blog
(``docs/blog``, its posts in ``blog/posts``).

Each folder of its pages is a section, as a Hugo site's are (``library.site_sections``),
so the reader streams the blog, not the manual: Material for MkDocs's 13 posts were
listed among 33 pages of its docs. Its settings are YAML with Python's tags in them
(``!!python/name:…``), which no safe loader reads: ``docs_dir`` is read from its line,
and what it leaves out of its docs with those tags taken away. Every Markdown file of
its docs is a page, front matter or none (``models.plain_pages``).
"""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING, Any

from library.named_folder import folder_inside
from models.regular_file import settings_text

if TYPE_CHECKING:
    from library.site_root import Site

MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
_DOCS_DIR = re.compile(r"""^docs_dir\s*:\s*(["']?)([^"'#\n]+?)\1\s*(?:#.*)?$""", re.M)
# Settings named for a build (``mkdocs-online.yml``, ``mkdocs.insiders.yml``), given to
# ``mkdocs build -f``, which are MkDocs's where they name the site or the settings they extend.
_BUILD_CONFIG = re.compile(r"mkdocs[-._][\w.-]*\.ya?ml")
_MKDOCS_KEYS = re.compile(r"^(?:site_name|INHERIT)\s*:", re.M)
_PYTHON_TAG = re.compile(r"!!python/\S+")  # a value its plugins import: no safe loader reads it
_ALWAYS_EXCLUDED = ("templates/",)  # of the docs, as MkDocs leaves out (and hidden files)


def is_mkdocs_site(folder: str) -> bool:
    return bool(mkdocs_configs(folder))


def mkdocs_configs(folder: str) -> tuple[str, ...]:
    """The settings files of the MkDocs site at ``folder``: ``mkdocs.yml``, else, beside a
    ``docs`` folder, those named for a build (Textual's ``mkdocs-online.yml`` and the
    ``mkdocs-common.yml`` it extends: its 43 posts were listed among 79 undated pages of
    its manual and API)."""
    found = tuple(name for name in MKDOCS_CONFIGS if os.path.isfile(os.path.join(folder, name)))
    if found or not os.path.isdir(os.path.join(folder, "docs")):
        return found
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return ()
    return tuple(
        name
        for name in names
        if _BUILD_CONFIG.fullmatch(name)
        and _MKDOCS_KEYS.search(settings_text(os.path.join(folder, name)) or "")
    )


@functools.lru_cache(maxsize=256)  # each site's settings read once
def mkdocs_docs(folder: str) -> str:
    """The folder of the pages of the site at ``folder``, from it: what its ``docs_dir``
    names inside it, else ``docs``."""
    for name in mkdocs_configs(folder):
        found = _DOCS_DIR.search(settings_text(os.path.join(folder, name)) or "")
        if named := folder_inside(found[2] if found else None):
            return named
    return "docs"


def mkdocs_docs_of(path: str, site: Site) -> str | None:
    """The docs folder of the MkDocs ``site`` where ``path`` is one of its pages, else None
    (``models.mkdocs_page`` titles such a page as MkDocs does)."""
    if site.kind != "mkdocs" or not in_docs(path, site.folder):
        return None
    return os.path.join(site.folder, mkdocs_docs(site.folder))


def in_docs(path: str, site_folder: str) -> bool:
    """Whether ``path`` is one of the pages of the MkDocs site at ``site_folder``: in its
    docs folder, each Markdown file of which it renders, front matter or none."""
    docs = os.path.join(site_folder, mkdocs_docs(site_folder), "")
    return path.startswith(docs)


def mkdocs_exclusions(folder: str) -> list[str]:
    """What the MkDocs site at ``folder`` renders no page of in its docs, as patterns from
    ``folder`` (``library.site_exclusions``): its docs' ``templates``, what its
    ``exclude_docs`` lists, the globs of the ``exclude`` plugin and its theme's templates
    (``theme.custom_dir``) where they are kept among the docs. Knative and Textual keep
    snippets their pages include in ``docs/snippets``, left out so, and each was listed
    as a page."""
    found = {name: _settings(os.path.join(folder, name)) for name in mkdocs_configs(folder)}
    themes = [_custom_dir(settings.get("theme")) for settings in found.values()]
    # Of settings for several builds (Textual's offline one leaves out the blog), what
    # the ones they extend leave out, else what each leaves out.
    bases = {str(settings.get("INHERIT")) for settings in found.values()} & found.keys()
    excluded = [
        _plugin_globs(settings.get("plugins")) + _listed(settings.get("exclude_docs"))
        for name, settings in found.items()
        if name in bases or not bases
    ]
    first = dict.fromkeys(excluded[0] if excluded else [])
    patterns = [*_ALWAYS_EXCLUDED, *(p for p in first if all(p in each for each in excluded))]
    docs = mkdocs_docs(folder)
    return [
        os.path.join(docs, pattern).replace(os.sep, "/").rstrip("/")
        + ("/" if pattern.endswith("/") and not set(pattern) & set("*?[") else "")
        for pattern in patterns
    ] + [f"{theme}/" for theme in themes if theme]


def _custom_dir(theme: Any) -> str:
    """The folder of templates a theme's ``custom_dir`` names from the site's folder, or ''."""
    return folder_inside(theme.get("custom_dir") if isinstance(theme, dict) else None)


def _listed(lines: Any) -> list[str]:
    """The patterns of ``exclude_docs``, as Git reads them, from the docs' top."""
    patterns: list[str] = []
    for line in lines.splitlines() if isinstance(lines, str) else ():
        line = line.strip()
        if not line or line.startswith(("#", "!")):
            continue
        if line.startswith("/") or "/" in line.rstrip("/"):  # from the top
            patterns.append(line.lstrip("/"))
        else:  # a name, at any depth
            patterns += [line, f"*/{line}"]
    return patterns


def _plugin_globs(plugins: Any) -> list[str]:
    """The ``glob`` patterns of the ``exclude`` plugin in a list or table of plugins."""
    tables = [plugins] if isinstance(plugins, dict) else plugins
    for table in tables if isinstance(tables, list) else ():
        options = table.get("exclude") if isinstance(table, dict) else None
        globs = options.get("glob") if isinstance(options, dict) else None
        if isinstance(globs, list):
            return [glob for glob in globs if isinstance(glob, str)]
    return []


def _settings(path: str) -> dict[str, Any]:
    """A settings file's keys, its Python tags' values read as unwritten."""
    from models.bounded_yaml import load_yaml  # once a site has settings
    from models.frontmatter import DocumentError

    try:
        data = load_yaml(_PYTHON_TAG.sub("", settings_text(path) or ""))
    except DocumentError:
        return {}
    return data if isinstance(data, dict) else {}
