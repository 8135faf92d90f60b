"""Whether Hugo renders a page of a file: by its build options (``build: {render:
never}``, the older ``_build``, or ``headless: true``), its own or those a section above
it cascades to its pages (``cascade: {build: {render: never}}`` in the section's
``_index.md``). A file Hugo renders no page of is a snippet its pages include (Hugo's
docs' 162 glossary terms and its ``_common`` pieces), no article.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

CASCADED_BUILD: ContextVar[Mapping[str, Any] | None] = ContextVar("cascaded_build", default=None)
"""The build options the sections above the file being read cascade to it, on a Hugo site
(``library.hugo_cascade``); None on any other."""


def renders_no_page(data: Mapping[str, Any]) -> bool:
    """Whether Hugo renders no page of a file of front matter ``data``: its own build
    option, else the one cascaded to it, says ``render: never`` (``false``, as Hugo's
    older options wrote it). Outside a Hugo site such keys are no build options."""
    cascaded = CASCADED_BUILD.get()
    if cascaded is None:
        return False
    if data.get("headless") is True:
        return True
    render = build_options(data).get("render", cascaded.get("render"))
    return render is False or (isinstance(render, str) and render.strip().lower() == "never")


def build_options(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """A page's (or a cascade's) build options, under ``build`` or the older ``_build``."""
    options = data.get("build", data.get("_build"))
    return options if isinstance(options, Mapping) else {}
