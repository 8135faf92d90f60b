"""Front matter whose double-quoted values hold double quotes of their own.

Hashnode's backups (and hand-written posts) put a title or description in double quotes
without escaping the quotes it contains: ``title: "Why "this" works"``. YAML ends the
value at the second quote and refuses the document, which lost the whole post. Such a
line is read as its writer meant it, the text between the first and the last quote, and
only when YAML refused the document as written.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from models.frontmatter import DocumentError, load_yaml

# ``key: "…"`` on a line of its own, the value running to the last quote of the line.
_QUOTED_LINE = re.compile(r'^([ \t]*[A-Za-z_][\w-]*:[ \t]+)"(.*)"[ \t]*$')
# A double-quoted value YAML reads: no quote inside but one escaped.
_WELL_QUOTED = re.compile(r'(?:[^"\\]|\\.)*')


def mend_inner_quotes(text: str) -> tuple[str, list[tuple[str, int]]]:
    """``text`` with each ``key: "…"`` line that holds bare quotes written single-quoted
    instead (its words unchanged), and the key and line (from 0) of each line mended."""
    lines = text.split("\n")
    mended: list[tuple[str, int]] = []
    for number, line in enumerate(lines):
        found = _QUOTED_LINE.match(line)
        if found is None or _WELL_QUOTED.fullmatch(found[2]):
            continue
        lines[number] = found[1] + "'" + found[2].replace("'", "''") + "'"
        mended.append((found[1].strip().rstrip(":"), number))
    return "\n".join(lines), mended


def load_yaml_mending_quotes(
    text: str, first_line: int, repeated: list[tuple[str, int]]
) -> tuple[Any, list[tuple[str, int]]]:
    """The YAML document in ``text``, and the keys (with file lines) whose values had to be
    read to their line's last quote; the first error stands where mending does not help."""
    try:
        return load_yaml(text, first_line, repeated), []
    except DocumentError as refused:
        mended_text, mended = mend_inner_quotes(text)
        if mended:
            with contextlib.suppress(DocumentError):
                data = load_yaml(mended_text, first_line, repeated)
                return data, [(key, first_line + line) for key, line in mended]
        raise refused
