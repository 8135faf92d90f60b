"""A Hakyll site: a Haskell program (``site.hs``, or a package that depends on Hakyll)
whose rules make its pages. Its templates are kept in ``templates`` (``match
"templates/*" $ compile templateBodyCompiler``, as Hakyll's tutorial and its sites write
it), its pages built into ``_site`` with its ``_cache`` beside them: none of them a page,
nor the project's README. jaspervdj.be's templates were warned of as "no front matter".
"""

from __future__ import annotations

import os
import re

from models.regular_file import settings_text

HAKYLL_LEFT_OUT = ("templates/", "_site/", "_cache/", "README")
_PROJECT_FILES = ("stack.yaml", "cabal.project", "package.yaml")  # a Haskell project's
_DEPENDS = re.compile(r"\bhakyll\b")


def is_hakyll_site(folder: str) -> bool:
    """Whether ``folder`` holds a Hakyll site's program: ``site.hs``, or a Haskell
    project whose package names Hakyll (looked for only where a project's file is)."""
    if os.path.isfile(os.path.join(folder, "site.hs")):
        return True
    if not any(os.path.isfile(os.path.join(folder, name)) for name in _PROJECT_FILES):
        return False
    try:
        names = [name for name in os.listdir(folder) if name.endswith((".cabal", "package.yaml"))]
    except OSError:
        return False
    return any(_DEPENDS.search(settings_text(os.path.join(folder, name)) or "") for name in names)
