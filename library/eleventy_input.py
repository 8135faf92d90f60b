"""The folder an Eleventy site reads its pages from: its configuration's ``dir.input``
(``dir: { input: "src" }``) or ``setInputDirectory("src")``, else the site's own folder.

The configuration is JavaScript, and is never run: the folder is read where the file
writes it as a plain string, as Eleventy's starters and most sites do.
"""

from __future__ import annotations

import functools
import os
import re

from library.regular_file import settings_text

_DIR_INPUT = re.compile(r"""\bdir\s*:\s*\{[^{}]*?\binput\s*:\s*(["'`])([^"'`\n]+)\1""")
_SET_INPUT = re.compile(r"""\bsetInputDirectory\(\s*(["'`])([^"'`\n]+)\1\s*\)""")


@functools.lru_cache(maxsize=256)  # each site's configuration read once
def eleventy_input(folder: str, configs: tuple[str, ...]) -> str:
    """The folder (from ``folder``) the Eleventy site at ``folder`` keeps its pages in,
    by the first of its configuration files ``configs`` that names one; ``""`` for the
    site's own folder. A folder outside the site's is not followed."""
    for name in configs:
        text = settings_text(os.path.join(folder, name))
        if text is None:
            continue
        found = _SET_INPUT.search(text) or _DIR_INPUT.search(text)
        if found is None:
            continue
        named = os.path.normpath(found[2].strip().removeprefix("./"))
        if named == "." or os.path.isabs(named) or named.split(os.sep)[0] == os.pardir:
            return ""
        return named
    return ""
