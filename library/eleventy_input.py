"""The folders of an Eleventy site, as its configuration names them: the one it reads its
pages from (``dir.input``, ``setInputDirectory("src")``, else the site's own folder) and
those it keeps its templates in and writes its pages to, which hold none of its pages
(``dir.includes``, ``dir.layouts``, ``dir.output``; ``_includes`` and ``_site`` unless
named).

The configuration is JavaScript, and is never run: a folder is read where the file
writes it as a plain string, as Eleventy's starters and most sites do.
"""

from __future__ import annotations

import functools
import os
import re

from library.named_folder import folder_inside
from models.regular_file import settings_text


def _setting(key: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """How a configuration names the folder ``key`` (``input``): in its ``dir`` object,
    or by its setter (``setInputDirectory``)."""
    within_dir = re.compile(rf"""\bdir\s*:\s*\{{[^{{}}]*?\b{key}\s*:\s*(["'`])([^"'`\n]+)\1""")
    setter = re.compile(rf"""\bset{key.title()}Directory\(\s*(["'`])([^"'`\n]+)\1\s*\)""")
    return setter, within_dir


_FOLDERS = {key: _setting(key) for key in ("input", "includes", "layouts", "output")}


@functools.lru_cache(maxsize=256)  # each site's configuration read once
def eleventy_input(folder: str, configs: tuple[str, ...]) -> str:
    """The folder (from ``folder``) the Eleventy site at ``folder`` keeps its pages in,
    by the first of its configuration files ``configs`` that names one; ``""`` for the
    site's own folder. A folder outside the site's is not followed."""
    return _named(folder, configs, "input") or ""


@functools.lru_cache(maxsize=256)
def eleventy_templates(folder: str, configs: tuple[str, ...]) -> tuple[str, ...]:
    """The folders (from ``folder``) the Eleventy site at ``folder`` keeps its templates
    in and writes its pages to: 18F's layouts, in its ``templates``, were listed as seven
    articles (``post``, ``primary``)."""
    includes = _named(folder, configs, "includes") or "_includes"
    layouts = _named(folder, configs, "layouts") or includes  # Eleventy's default
    output = _named(folder, configs, "output") or "_site"
    source = eleventy_input(folder, configs)
    inside = (os.path.normpath(os.path.join(source, name)) for name in (includes, layouts))
    return tuple(dict.fromkeys(path for path in (*inside, output) if path != os.curdir))


def _named(folder: str, configs: tuple[str, ...], key: str) -> str | None:
    """The folder the first of the site's configuration files that names its ``key``
    names, inside the site's (``""`` for its own); None where none does."""
    for name in configs:
        text = settings_text(os.path.join(folder, name))
        if text is None:
            continue
        found = next(filter(None, (pattern.search(text) for pattern in _FOLDERS[key])), None)
        if found is None:
            continue
        return folder_inside(found[2])
    return None


IGNORE_FILE = ".eleventyignore"


@functools.lru_cache(maxsize=256)
def eleventy_ignored(folder: str, configs: tuple[str, ...]) -> tuple[str, ...]:
    """What the Eleventy site at ``folder`` lists in its ``.eleventyignore`` files, at its
    top and in its input folder, one glob a line, as paths from ``folder``: Ceph's site
    leaves its READMEs out so (``src/**/README.md``), and each was warned of. A ``**/``
    matches no folder too, as Eleventy's globs do."""
    source = eleventy_input(folder, configs)
    patterns: list[str] = []
    for base in dict.fromkeys(("", source)):
        text = settings_text(os.path.join(folder, base, IGNORE_FILE)) or ""
        for line in text.splitlines():
            line = line.strip().removeprefix("./").lstrip("/")
            if line and not line.startswith(("#", "!")):
                pattern = os.path.join(base, line).replace(os.sep, "/")
                patterns += [pattern, pattern.replace("**/", "")] if "**/" in line else [pattern]
    return tuple(dict.fromkeys(patterns))
