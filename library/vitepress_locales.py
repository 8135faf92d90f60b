"""The languages a VitePress site keeps, as its settings (``.vitepress/config.ts``) say.

Its ``locales`` name each translation's folder, and ``root`` the site's own language::

    locales: {
      root: { label: 'English', lang: 'en-US' },
      ja: { label: '日本語', lang: 'ja' },
    },

VuePress's (``.vuepress/config.js``) name each by its path, ``/`` being the site's own::

    locales: {
      '/': { lang: 'en-US' },
      '/zh/': { lang: 'zh-CN' },
    },

The settings are code: lede runs none, and reads the names only where written plainly.
"""

from __future__ import annotations

import os
import re

from library.site_root import VITEPRESS_CONFIGS, VUEPRESS_CONFIGS
from models.language import language_code
from models.regular_file import settings_text

_LOCALES = re.compile(r"\blocales\s*:\s*\{")
_ENTRY = re.compile(r"""(?:^|[{,\s])['"]?([\w-]+)['"]?\s*:\s*\{""")
_LANG = re.compile(r"""\blang\s*:\s*['"]([\w-]+)['"]""")
_SOURCE = re.compile(r"""\bsrcDir\s*:\s*['"]([^'"\n]+)['"]""")
_PATH_ENTRY = re.compile(r"""(?:^|[{,\s])['"]/([\w-]*)/?['"]\s*:\s*\{""")


def vitepress_locales(folder: str) -> tuple[list[str], str | None]:
    """The languages of the VitePress site at ``folder``: its default (``root``'s
    ``lang``, else VitePress's own, ``en-US``) first, then its folders' codes; none
    where its settings name no locales."""
    return _locales(_settings(folder, VITEPRESS_CONFIGS), _ENTRY, "root")


def vuepress_locales(folder: str) -> tuple[list[str], str | None]:
    """The languages of the VuePress site at ``folder``: its default (``/``'s ``lang``,
    else English) first, then its folders' codes; none where its settings name no
    locales."""
    return _locales(_settings(folder, VUEPRESS_CONFIGS), _PATH_ENTRY, "")


def vitepress_source(folder: str) -> str:
    """The folder of the VitePress site at ``folder`` its pages are in, from the site's:
    its ``srcDir`` (``src``, ``./docs``) where written plainly, else the site's own."""
    found = _SOURCE.search(_settings(folder, VITEPRESS_CONFIGS))
    named = os.path.normpath(found[1].strip()) if found else os.curdir
    return os.curdir if named.startswith((os.pardir, os.sep)) else named


def _locales(text: str, entries: re.Pattern[str], own: str) -> tuple[list[str], str | None]:
    """The languages of a site's settings ``text``: the ``lang`` of its ``own`` entry of
    ``locales`` (else ``en-us``) first, then the codes its other entries are named by."""
    found = _LOCALES.search(text)
    if found is None:
        return [], None
    block = _braced(text, found.end() - 1)
    default = "en-us"
    folders = []
    for entry in entries.finditer(block):
        if _depth(block, entry.start(1)) != 1:
            continue  # a key of an entry's own settings (``themeConfig: {``)
        if entry[1] == own:
            said = _LANG.search(_braced(block, entry.end() - 1))
            default = (said and language_code(said[1])) or default
        elif code := language_code(entry[1]):
            folders.append(code)
    return [default, *folders], default


def _settings(folder: str, names: tuple[str, ...]) -> str:
    """The text of the first of the settings files ``names`` the site has, else none."""
    for name in names:
        if (written := settings_text(os.path.join(folder, name))) is not None:
            return written
    return ""


def _braced(text: str, start: int) -> str:
    """The text from the brace at ``start`` to the one that closes it (or the end)."""
    depth = 0
    for at in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        if depth == 0:
            return text[start : at + 1]
    return text[start:]


def _depth(text: str, at: int) -> int:
    """How many braces are open at ``at``."""
    return text.count("{", 0, at) - text.count("}", 0, at)
