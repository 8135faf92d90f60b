"""A Zine site (its settings in ``zine.ziggy``): its pages are SuperMD files (``.smd``)
in its content folder, beside which are its layouts, assets and i18n strings.

A site of one language names that folder (``.content_dir_path``, ``content``); a
``Multilingual`` one names a folder per locale, and the one it builds at the site's own
address (``.output_prefix_override = ""``) is its default, else the first. Its folders are
its sections, as a Hugo site's are (``news``, ``learn``), so ziglang.org streams its news.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from library.named_folder import folder_inside
from models.regular_file import settings_text

ZINE_CONFIG = "zine.ziggy"


def is_zine_site(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, ZINE_CONFIG))


@functools.lru_cache(maxsize=256)  # each site's settings read once
def zine_content(folder: str) -> str:
    """The folder (from ``folder``) of the pages the site at ``folder`` builds in its
    default language: ``content`` where its settings name none that reads."""
    from models.frontmatter import DocumentError  # once a site has settings
    from models.ziggy import ziggy_document

    try:
        settings = ziggy_document(settings_text(os.path.join(folder, ZINE_CONFIG)) or "")
    except DocumentError:
        return "content"
    locales = [one for one in _list(settings.get("locales")) if isinstance(one, dict)]
    default = [one for one in locales if one.get("output_prefix_override") == ""]
    chosen = (default or locales or [settings])[0]
    return folder_inside(chosen.get("content_dir_path")) or "content"


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
