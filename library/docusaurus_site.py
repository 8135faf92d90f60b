"""What a Docusaurus site renders pages of, as its settings (``docusaurus.config.*``)
write it plainly: its docs (``docs``, its versions and translations), its blog (``blog``)
and ``src/pages``, and the folder each further instance of its content plugins names
(``path: "changelog"`` of a second blog, ``path: "community"`` of more docs), or its
preset's ``blog`` and ``docs`` name in their place (``blog: false`` has none).

Beside them are its components, the files it serves as they are (``static``), its
README and its authors' templates, none of them a page: a copy of Docusaurus's own site
warned of seven, and listed two of them; its second blog was no blog, and not streamed.
"""

from __future__ import annotations

import functools
import os
import re
from typing import NamedTuple

from library.named_folder import folder_inside
from library.site_root import DOCUSAURUS_CONFIGS
from models.regular_file import settings_text

# A content plugin named (``"@docusaurus/plugin-content-blog"``), or the preset's option
# for one (``blog: {`` or ``blog: false``).
_PLUGIN = re.compile(
    r"""['"]@docusaurus/plugin-content-(?P<plugin>blog|docs)['"]"""
    r"""|\b(?P<preset>blog|docs)\s*:\s*(?P<value>\{|false\b)"""
)
_PATH = re.compile(r"""\bpath\s*:\s*(["'`])([^"'`\n]+)\1""")
_ALWAYS = ("src", "i18n", "versioned_docs")  # its pages, translations and docs' versions


class DocusaurusContent(NamedTuple):
    """The folders (from the site's) of a Docusaurus site's blogs and of its other pages."""

    blogs: tuple[str, ...]
    others: tuple[str, ...]

    def top_folders(self) -> frozenset[str]:
        """The folders at the site's top that hold what it renders."""
        return frozenset(path.split("/")[0] for path in (*self.blogs, *self.others)) | set(_ALWAYS)


@functools.lru_cache(maxsize=256)  # each site's settings read once
def docusaurus_content(folder: str) -> DocusaurusContent:
    """The content folders of the Docusaurus site at ``folder``."""
    texts = (settings_text(os.path.join(folder, name)) for name in DOCUSAURUS_CONFIGS)
    text = next(filter(None, texts), "")
    named: dict[str, list[str]] = {"blog": ["blog"], "docs": ["docs"]}
    marks = list(_PLUGIN.finditer(text))
    for at, mark in enumerate(marks):
        kind = mark["plugin"] or mark["preset"]
        if mark["preset"] and mark["value"] == "false":
            named[kind] = [path for path in named[kind] if path != kind]
            continue
        end = marks[at + 1].start() if at + 1 < len(marks) else len(text)
        path_set = _PATH.search(text, mark.end(), end)
        path = folder_inside(path_set[2]) if path_set else ""
        if not os.path.isdir(os.path.join(folder, path)):  # another option's ``path`` (a
            path = ""  # version's address), which names no folder of the site
        if path and mark["preset"]:  # the preset's own blog or docs, elsewhere
            named[kind] = [path if each == kind else each for each in named[kind]]
        elif path:
            named[kind].append(path)
    return DocusaurusContent(tuple(named["blog"]), (*named["docs"], "src/pages"))
