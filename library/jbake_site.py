"""A JBake site: its settings file (``jbake.properties``, or YAML in newer versions) and
the folder of its pages, ``content`` unless ``content.folder`` names another. Each folder
of that one is a section (``blog``, ``news``, ``docs``), as a Hugo site's are
(``library.site_sections``), so the reader streams the blog, not the manual."""

from __future__ import annotations

import os

from models.regular_file import settings_text

JBAKE_CONFIGS = ("jbake.properties", "jbake.yml", "jbake.yaml")
_CONTENT_KEY = "content.folder"


def is_jbake_site(folder: str) -> bool:
    return any(os.path.isfile(os.path.join(folder, name)) for name in JBAKE_CONFIGS)


def jbake_content(folder: str) -> str:
    """The folder of the site's pages, relative to ``folder``: what ``content.folder``
    says (``key=value``, ``key: value``), else ``content``. A FIFO at one of their names
    (beside the one that makes it a site) is passed over: opening it waited for ever."""
    for name in JBAKE_CONFIGS:
        text = settings_text(os.path.join(folder, name))
        if text is None:
            continue
        for line in text.splitlines():
            key, separator, value = line.partition("=" if name.endswith("properties") else ":")
            named = value.strip().strip("\"'")
            if separator and key.strip() == _CONTENT_KEY and named and ".." not in named:
                return named.strip("/")
    return "content"
