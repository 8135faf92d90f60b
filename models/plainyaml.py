"""A fast reader for the plain subset of YAML that feed front matter is written in.

Most front matter is flat ``key: value`` lines, a nested mapping of scalars
(``provider``), lists of scalars (``topics``) and lists of mappings, in a mapping or in
one another (a provider's ``images``, ``related`` articles). PyYAML's C parser is quick but
its constructor is Python, and dominates a cold index. This reader handles
only that subset and returns ``None`` for anything else (comments after
values, flow collections, anchors, multi-line scalars, unusual numbers...),
so the caller falls back to PyYAML and the result is always what PyYAML gives.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

# The value is taken greedily and its trailing spaces stripped after: a lazy ``(.*?) *$``
# tried the end of the line at every character, ten times slower on a long excerpt.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)$")
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$"
)
# The shape feeds write dates in, which ``datetime.fromisoformat`` reads as PyYAML does
# (the same value and offset) in a twentieth of the time.
_ISO_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[-+][0-9]{2}:[0-9]{2})?$"
)
_BOOLS = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
}
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# Keys PyYAML reads as no text (``on:`` is ``True``), which it must read.
_TYPED_KEYS = frozenset(_BOOLS) | _NULLS
# What an integer or a timestamp starts with.
_NUMERIC_START = frozenset("-+0123456789")
# Characters that start something other than a plain string, or that PyYAML rejects.
_SPECIAL_START = frozenset("-?:,[]{}#&*!|>%@`.+0123456789")
# Characters PyYAML rejects, and those it reads as line breaks (NEL, LS, PS), which the
# line reader here would take for text.
_UNSAFE = re.compile(
    r"[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\ufeff"
)
_DOUBLE_OK = re.compile(r'(?:[^"\\]|\\[\\"])*')
_ESCAPE = re.compile(r'\\([\\"])')
_constructor = SafeConstructor()


class _Unsupported(Exception):
    """The text is outside the subset; PyYAML must read it."""


def _scalar(text: str) -> Any:
    """One scalar value, typed as PyYAML's safe loader would type it."""
    if not text:
        return None
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"':
            raise _Unsupported
        if "\\" not in inner:
            if '"' in inner:
                raise _Unsupported
            return inner
        if not _DOUBLE_OK.fullmatch(inner):
            raise _Unsupported
        return _ESCAPE.sub(r"\1", inner)
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            raise _Unsupported
        return inner.replace("''", "'")
    if text in _BOOLS:
        return _BOOLS[text]
    if text in _NULLS:
        return None
    if first in _NUMERIC_START:  # neither expression can match a word
        if _INT.match(text):
            return int(text)
        if _TIMESTAMP.match(text):
            if _ISO_TIMESTAMP.match(text):
                try:
                    return datetime.fromisoformat(text)
                except ValueError:  # not one it reads: PyYAML's reading below
                    pass
            node = yaml.ScalarNode("tag:yaml.org,2002:timestamp", text)
            try:
                return _constructor.construct_yaml_timestamp(node)
            except ValueError:  # out of range: text, as ``frontmatter`` keeps it
                return text
    if first in _SPECIAL_START or ": " in text or " #" in text or text.endswith(":"):
        raise _Unsupported
    if text == "=" or text.startswith("<<"):
        raise _Unsupported
    return text


def _key_line(line: str) -> tuple[str, str | None]:
    """What ``_KEY`` matches in a line of a mapping (stripped of its indent): its key and
    value (``None`` after a bare ``key:``), or no key. Without the expression: an ASCII
    identifier is its key."""
    key, colon, after = line.partition(":")
    if not colon or not key.isascii() or not key.isidentifier():
        return "", None
    if not after:
        return key, None
    value = after.lstrip(" ")
    if len(value) == len(after):
        return "", None  # no space after the colon: not a key
    return key, value


# Blocks nested deeper than this (a list of mappings in a mapping is three) are PyYAML's.
_DEEPEST = 8
# A line (stripped of its indent) that is an entry of a block list.
_ITEM = re.compile(r"-(?: |$)")


def _block(lines: list[str]) -> Any:
    """The list or mapping under a top-level ``key:`` line: of scalars, or of lists and
    mappings nested in one another as feeds write them (a provider's list of images)."""
    rows = [
        (len(line) - len(stripped), stripped) for line in lines if (stripped := line.lstrip(" "))
    ]
    if not rows:
        return None
    value, end = _node(rows, 0, 1)
    if end < len(rows):
        raise _Unsupported  # a line less indented than the block's first
    return value


def _node(rows: list[tuple[int, str]], start: int, level: int) -> tuple[Any, int]:
    """The list or mapping whose first line is ``rows[start]``, and the row after it."""
    if level > _DEEPEST:
        raise _Unsupported
    if _ITEM.match(rows[start][1]):
        return _sequence(rows, start, level)
    return _mapping(rows, start, level)


def _mapping(rows: list[tuple[int, str]], start: int, level: int) -> tuple[Any, int]:
    """The mapping whose keys are the lines as indented as ``rows[start]``."""
    indent = rows[start][0]
    mapping: dict[str, Any] = {}
    at, count = start, len(rows)
    while at < count:
        depth, text = rows[at]
        if depth != indent:
            if depth > indent:
                raise _Unsupported  # a multi-line scalar, or an odd indentation
            break
        key, written = _key_line(text)  # as ``_KEY`` matches it
        if not key or key in _TYPED_KEYS:
            raise _Unsupported  # a list's entry at a key's indent (YAML allows it), a comment
        if key in mapping:
            raise _Unsupported  # given twice: PyYAML's reading says so
        at += 1
        if written:
            mapping[key] = _scalar(written.rstrip(" "))
        elif at < count and rows[at][0] > indent:
            mapping[key], at = _node(rows, at, level + 1)
        else:
            mapping[key] = None
    return mapping, at


def _sequence(rows: list[tuple[int, str]], start: int, level: int) -> tuple[Any, int]:
    """The list whose entries are the ``- `` lines as indented as ``rows[start]``. An
    entry ``- key: value`` starts a mapping whose keys are indented as its first one."""
    indent = rows[start][0]
    items: list[Any] = []
    at, count = start, len(rows)
    while at < count:
        depth, text = rows[at]
        if depth != indent:
            if depth > indent:
                raise _Unsupported  # a multi-line scalar, or an entry's block under ``-``
            break
        if not _ITEM.match(text):
            raise _Unsupported
        value = text[2:].strip(" ")  # YAML's blanks: a no-break space is text
        if value.startswith("- "):
            raise _Unsupported  # a list of lists
        if ":" in value and _KEY.match(value):
            if text[2] == " ":
                raise _Unsupported  # a mapping further in than one space after the dash
            rows[at] = (indent + 2, value)  # its first key, as indented as the others
            item, at = _mapping(rows, at, level + 1)
        else:
            item = _scalar(value)
            at += 1
        items.append(item)
    return items, at


_TOP_LEVEL = re.compile(r"\n(?=[^ \n])")

# A top-level key's line (and its block) read before, and what it was read as: a corpus's
# short lines and blocks come again and again (``category: news``, ``heat: -1``, a
# provider, a list of topics), and a look-up costs a fraction of a reading. A long one (a
# title, an excerpt, a link) seldom comes again, and is not kept.
_READ: dict[str, tuple[str, Any]] = {}
_READ_KEPT = 4096  # entries, before all are let go
_READ_LONGEST = 120  # characters of a chunk kept


def _nested(value: Any) -> bool:
    """Whether ``value`` is a list or mapping that holds another."""
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, list):
        return False
    return any(isinstance(item, (list, dict)) for item in value)


def _remembered(chunk: str, key: str, value: Any) -> tuple[str, Any]:
    """``key`` and ``value`` as ``chunk`` was read, kept in ``_READ`` if it is short."""
    read = (key, value)
    if len(chunk) <= _READ_LONGEST:
        if len(_READ) >= _READ_KEPT:
            _READ.clear()
        _READ[chunk] = read
    return read


def load_plain(text: str, skip: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The mapping in ``text`` if it is within the plain subset, else ``None``.

    Top-level keys in ``skip`` are left out without reading their values.
    """
    result: dict[str, Any] = {}
    try:
        for chunk in _TOP_LEVEL.split(text.strip("\n")):
            read = _READ.get(chunk)
            if read is None:
                first, _, rest = chunk.partition("\n")
                key, written = _key_line(first)
                if not key or key in _TYPED_KEYS:
                    return None
                if key in skip:
                    continue
                # One printable ASCII line (most are) holds nothing unsafe: no expression run.
                plain_line = not rest and first.isascii() and first.isprintable()
                if not plain_line and (_UNSAFE.search(chunk) or "\t" in chunk or "\r" in chunk):
                    return None
                if not written:
                    value = _block(rest.split("\n"))
                    # Kept, a block that holds another would be shared by the copies below.
                    read = (key, value) if _nested(value) else _remembered(chunk, key, value)
                elif rest and rest.strip():
                    return None  # a multi-line scalar
                else:
                    read = _remembered(chunk, key, _scalar(written.rstrip(" ")))
            elif read[0] in skip:
                continue
            key, value = read
            if key in result:
                return None  # given twice: PyYAML's reading says so
            # A list or mapping (of scalars, which no one changes, where it was kept) as a
            # copy of its own.
            result[key] = value.copy() if isinstance(value, (list, dict)) else value
    except (_Unsupported, ValueError):
        return None
    return result
