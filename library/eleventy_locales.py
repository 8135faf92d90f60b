"""An Eleventy site's folders of a language: a folder at the top of its input whose
directory data file (``en/en.json``, ``en/en.11tydata.json``) gives every page in it that
``locale`` or ``lang``, as Eleventy's guide to sites in several languages lays them out.

Its sections are the folders inside it (``en/news``, ``en/community``), as a VitePress
locale's are: read as one section, Ceph's site streamed all of its 1,121 pages, its
events and case studies among its blog's posts.
"""

from __future__ import annotations

import functools
import json
import os

from models.language import language_code
from models.regular_file import settings_text

_DATA_SUFFIXES = (".11tydata.json", ".json")


@functools.lru_cache(maxsize=1024)  # each folder at the top of a site's input once
def is_locale_folder(folder: str) -> bool:
    """Whether ``folder`` is such a folder of a language: named as one, and its directory
    data file gives its pages that language."""
    name = os.path.basename(folder)
    code = language_code(name)
    if not code:
        return False
    for suffix in _DATA_SUFFIXES:
        text = settings_text(os.path.join(folder, name + suffix))
        if text is None:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested past what it parses
            return False
        said = [data.get(key) for key in ("locale", "lang")] if isinstance(data, dict) else []
        return any(isinstance(value, str) and language_code(value) == code for value in said)
    return False
