"""Where a top-level key is written in a document's front matter, in each of the
languages it may be written in, so a field's problem points at its line."""

from __future__ import annotations

import re

from models.frontmatter import SplitDocument

# How each language of front matter writes a top-level key (``{}``), at a line's start.
_KEY_FORMS = {
    "yaml": r"^['\"]?{}['\"]?[ \t]*:(?:[ \t]|$)",
    "unopened_yaml": r"^['\"]?{}['\"]?[ \t]*:(?:[ \t]|$)",  # Hexo's, from the first line
    "toml": r"^[ \t]*['\"]?{}['\"]?[ \t]*=",
    "json": r"^[ \t]*\"{}\"[ \t]*:",
    "unfenced_json": r"^[ \t]*\"{}\"[ \t]*:",  # Hugo's and Hexo's, from the first line
    "metadata": r"(?i:^{}):",  # Pelican's keys are read lower-cased
    "logseq": r"(?i:^{})::",  # and Logseq's
    "notion": r"(?i:^{}):",  # and a Notion page's properties
    "docinfo": r"(?i:^:{}:)",  # and a reStructuredText post's fields
    "franklin": r"^@def[ \t]+{}[ \t]*=",
    "julia": r"^[ \t]*{}[ \t]*=",  # Franklin's, between ``+++`` lines
    "lektor": r"^{}[ \t]*:",  # a Lektor page's fields
    "ruby": r"^[ \t]*:?{}\b",  # Bridgetown's Ruby: a call, or a hash's key
}


_UNOPENED = frozenset(
    {
        "metadata",
        "logseq",
        "docinfo",
        "franklin",
        "lektor",
        "unfenced_json",
        "notion",
        "unopened_yaml",
    }
)


def key_line(split: SplitDocument, key: str) -> int | None:
    """File line of a top-level key, so a field's problem points at the right place.

    Only called when there is a problem, so it costs nothing on good documents.
    """
    form = _KEY_FORMS.get(split.language)
    found = form and re.search(form.format(re.escape(key)), split.front_matter, re.MULTILINE)
    if not found:
        return None
    # Opened by a line of its own, or not.
    opened = split.language not in _UNOPENED
    first_line = 2 if opened else 1
    return first_line + split.front_matter.count("\n", 0, found.start())
