"""A Middleman site: its ``config.rb``, Ruby that activates Middleman's extensions
(``activate :blog``), and the folder of its pages, ``source`` unless ``set :source``
names another. Each folder of that one is a section (``blog``, ``docs``), as a Hugo
site's are (``library.site_sections``), so the reader streams the blog a ``blog.prefix``
keeps in its own folder, not the guides beside it."""

from __future__ import annotations

import functools
import os
import re

from library.regular_file import settings_text

MIDDLEMAN_CONFIG = "config.rb"
MIDDLEMAN_LOCALIZED = "localizable"  # its i18n's pages, one for each language: no section
_MIDDLEMAN = re.compile(r"^\s*(?:activate|set|page|configure)\s+:", re.MULTILINE)
# ``set :source, "src"``: where its pages are, if not in ``source``.
_SOURCE = re.compile(r"""^\s*set\s+:source\s*,\s*(["'])([^"'\n]+)\1""", re.MULTILINE)


def is_middleman_site(folder: str) -> bool:
    """Whether ``folder`` holds a Middleman site: a ``config.rb`` written as Middleman's
    (``activate :blog``, ``set :source``), beside the folder of its pages. Compass writes
    a ``config.rb`` too, of assignments alone."""
    if not os.path.isfile(os.path.join(folder, MIDDLEMAN_CONFIG)):
        return False
    source = middleman_source(folder)
    return source is not None and os.path.isdir(os.path.join(folder, source))


@functools.lru_cache(maxsize=256)  # each site's settings read once
def middleman_source(folder: str) -> str | None:
    """The folder of the site's pages, from ``folder``: what ``set :source`` names, else
    ``source``; None where its ``config.rb`` is no Middleman site's."""
    text = settings_text(os.path.join(folder, MIDDLEMAN_CONFIG)) or ""
    if not _MIDDLEMAN.search(text):
        return None
    named = _SOURCE.search(text)
    source = os.path.normpath(named[2].strip("/")) if named else "source"
    return "source" if source.split(os.sep)[0] in (os.curdir, os.pardir) else source
