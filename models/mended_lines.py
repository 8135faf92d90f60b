"""Front matter lines YAML refuses though their value is plainly text.

Hashnode's backups put a title or description in double quotes without escaping the
quotes it holds (``title: "Why "this" works"``); Qiita's exports leave a title bare that
opens with a bracket (``title: [go] cgo without cgo``) or holds a colon (``title: Go for
Windows: builds``). A quote opened and never closed (``title: "Half a title``), and
lines indented with tabs, which YAML forbids and editors type, are as common. YAML
refuses each, and the whole post was lost. Where YAML refuses a document, its tabs of
indentation are read as spaces, then each ``key: value`` line it would refuse on its own
is read as the text its writer meant (between the quotes, or as written), and the
document read again.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

import yaml

from models.bounded_yaml import load_yaml
from models.bracketed_text import TEXT_KEYS, closes_at_end
from models.dashed_toml import dashed_toml
from models.frontmatter import DocumentError, blank_blocks

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# ``key: value`` on a line of its own (at any depth), the value to the line's end.
_KEY_LINE = re.compile(r"^([ \t]*[A-Za-z_][\w-]*:[ \t]+)(\S.*?)[ \t]*$")
# What opens a block scalar, an anchor, an alias, a tag or a comment: YAML's own syntax.
_SYNTAX = frozenset("|>&*!#")
_CLOSERS = {"[": "]", "{": "}"}
# The indentation of a line that holds a tab.
_TAB_INDENT = re.compile(r"^ *\t[ \t]*", re.MULTILINE)

MENDED = "{!r} is no YAML as written (quote it, escaping quotes inside): read as its text"
TABS = "indented with tabs, which YAML does not allow: each read as two spaces"


def mend_lines(text: str) -> tuple[str, list[tuple[str, int]]]:
    """``text`` with each ``key: value`` line YAML refuses alone, and whose value is text,
    written with that text single-quoted; and the key and line (from 0) of each."""
    lines = text.split("\n")
    mended: list[tuple[str, int]] = []
    block = -1  # the indent of the key whose block scalar (``|``, ``>``) the lines are in
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" \t"))
        if block >= 0 and (indent > block or not line.strip()):
            continue  # a block's text is its own, whatever it looks like
        block = -1
        found = _KEY_LINE.match(line)
        if found is not None and found[2][0] in "|>":
            block = indent
        if found is None or found[2][0] in _SYNTAX or _reads(line):
            continue
        meant = _meant(found[2], found[1].strip()[:-1], lines[number + 1 :])
        if meant is not None:
            lines[number] = found[1] + "'" + meant.replace("'", "''") + "'"
            mended.append((found[1].strip().rstrip(":"), number))
    return "\n".join(lines), mended


def _reads(line: str) -> bool:
    """Whether YAML's parser takes the line: its events only, nothing built (a line of
    brackets nested thousands deep is no deeper a stack for it)."""
    try:
        for _event in yaml.parse(line, Loader=_SAFE_LOADER):
            pass
    except yaml.YAMLError:
        return False
    return True


def _meant(value: str, key: str, later: list[str]) -> str | None:
    """The text a refused value of ``key`` means, or None where it may be YAML cut short
    (a list, a mapping or a quoted text going on past the line, onto the ``later`` ones)."""
    opening = value[0]
    if opening in "\"'":
        if len(value) > 1 and value.endswith(opening):
            return value[1:-1]
        if any(opening in line for line in later):
            return None  # its quote may close on a later line
        return value[1:]  # a quote never closed
    if opening in _CLOSERS:  # text after a bracket's close: ``[go] cgo``; a text key's
        if _text_after_close(value, opening, _CLOSERS[opening]):  # phrase: ``{#if ...}``
            return value
        return value if key in TEXT_KEYS and closes_at_end(value) else None
    return value


def _text_after_close(value: str, opening: str, closer: str) -> bool:
    """Whether text follows where the bracket ``value`` opens with closes."""
    depth = 0
    for place, character in enumerate(value):
        depth += (character == opening) - (character == closer)
        if depth == 0:
            return bool(value[place + 1 :].strip())
    return False


def _untabbed(text: str) -> tuple[str, int | None]:
    """``text`` with each tab of indentation two spaces, and the first such line (from 0)."""
    first = _TAB_INDENT.search(text)
    if first is None:
        return text, None
    spaced = _TAB_INDENT.sub(lambda indent: indent[0].replace("\t", "  "), text)
    return spaced, text.count("\n", 0, first.start())


def load_yaml_mending_lines(
    text: str, first_line: int, repeated: list[tuple[str, int]], skips: tuple[str, ...] = ()
) -> tuple[Any, list[tuple[str, int]]]:
    """The YAML document in ``text`` (its ``skips`` blocks left out), and what had to be
    mended for YAML to read it, each said on its file line; the first error stands where
    mending does not help. What is mended is decided on the whole text, skipped blocks
    too, so that a summary and a whole parse mend alike."""
    try:
        return load_yaml(blank_blocks(text, skips), first_line, repeated), []
    except DocumentError as refused:
        said: list[tuple[str, int]] = []
        spaced, tab_line = _untabbed(text)
        if tab_line is not None:
            said.append((TABS, first_line + tab_line))
            with contextlib.suppress(DocumentError):
                return load_yaml(blank_blocks(spaced, skips), first_line, repeated), said
        mended_text, mended = mend_lines(spaced)
        if mended:
            said += [(MENDED.format(key), first_line + line) for key, line in mended]
            with contextlib.suppress(DocumentError):
                return load_yaml(blank_blocks(mended_text, skips), first_line, repeated), said
        if (toml := dashed_toml(text)) is not None:  # Gleam's, between ``---`` lines
            return toml, []
        raise refused
