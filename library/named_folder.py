"""A folder a site's settings name (its docs, its content, its templates), taken only
where it is inside the site: a settings file is the site's author's, and one naming
``/`` or ``../..`` would have lede read, or leave out, what is no part of the site."""

from __future__ import annotations

import os


def folder_inside(value: object) -> str:
    """``value``, a folder named from the site's own, normalised (``./docs/`` is ``docs``),
    or "" where it names none below the site: no text, blank, absolute, the site's own
    folder, or outside it."""
    named = os.path.normpath(value.strip()) if isinstance(value, str) and value.strip() else ""
    outside = os.path.isabs(named) or named.split(os.sep)[0] == os.pardir
    return "" if outside or named == os.curdir else named
