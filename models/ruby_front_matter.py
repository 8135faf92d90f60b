"""Bridgetown's Ruby front matter: a block of Ruby between lines of three or more ``-``,
``~``, ``#`` or backticks, the opening one naming it (``~~~ruby``, ``---<%``, ``~~~{%``)::

    ~~~ruby
    front_matter do
      title "Supercharge Your Site"
      author "jared"
      tags ["ruby", "front matter"]
    end
    ~~~

or a hash (``{ title: "A page", layout: :default }``). What Bridgetown would work out by
running the code (``example_title "The #{title}"``, a ``begin`` block, a call) is passed
over; the values written plainly (text, a symbol, a number, a flag, a list of those) are
the page's keys. Ruby is never run.
"""

from __future__ import annotations

import re
from typing import Any

from models.frontmatter import SplitDocument
from models.text import plain_line_ends

# Bridgetown's own patterns (``FrontMatter::Loaders::Ruby``).
_HEADER = re.compile(r"[~`#-]{3,}(?:ruby|<%|\{%)[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:%>|%\})?[~`#-]{3,}[ \t]*$\n?", re.MULTILINE)
_OPENERS = frozenset("~`#-")

_TEXT = r'"(?:[^"\\#]|\\.|#(?!\{))*"|\'(?:[^\'\\]|\\.)*\''
_SCALAR = rf"{_TEXT}|:\w+[?!]?|-?\d+(?:\.\d+)?|true|false|nil"
_LIST = rf"\[\s*(?:(?:{_SCALAR})\s*,\s*)*(?:{_SCALAR})?\s*,?\s*\]"
_VALUE = re.compile(rf"(?:{_SCALAR}|{_LIST})\Z")
_ITEM = re.compile(_SCALAR)
_CALL = re.compile(r"[ \t]*([a-z_]\w*)(?:\((.*)\)|[ \t]+(.*))")
_PAIR = re.compile(
    rf"(?:([a-z_]\w*):|[\"':]([a-z_]\w*)[\"']?\s*=>)\s*({_SCALAR}|{_LIST})\s*(?:,|\}}\s*\Z)",
    re.IGNORECASE,
)
_OPENS_BLOCK = re.compile(
    r"(?:\bdo(?:[ \t]*\|[^|]*\|)?|\bbegin)[ \t]*$|^(?:if|unless|case|while|until|def|class)\b"
)


def split_ruby(text: str) -> SplitDocument | None:
    """The page's Ruby and its body; ``None`` for a file that opens otherwise (most: its
    first character is looked at first)."""
    start = 1 if text.startswith("\ufeff") else 0
    if text[start : start + 1] not in _OPENERS:
        return None
    opening = _HEADER.match(text, start)
    if opening is None:
        return None
    text = plain_line_ends(text)
    opening = _HEADER.match(text)
    if opening is None:
        return None
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return None
    code = text[opening.end() : closing.start()]
    if text.startswith("`") and "front_matter" not in code and not code.lstrip().startswith("{"):
        return None  # a note that opens with Ruby's code, to show: Bridgetown's only here
    return SplitDocument(code, text[closing.end() :], code.count("\n") + 3, "ruby")


def ruby_values(code: str) -> dict[str, Any]:
    """The keys ``code`` gives plain values: a ``front_matter`` block's calls at its top
    level, else a hash's pairs."""
    stripped = code.strip()
    if stripped.startswith("{"):
        return {(found[1] or found[2]): _value(found[3]) for found in _PAIR.finditer(stripped)}
    data: dict[str, Any] = {}
    depth = 0
    for line in code.split("\n"):
        bare = line.strip()
        if not bare or bare.startswith("#"):
            continue
        if bare == "end" or bare.startswith("end "):
            depth -= 1
            continue
        if _OPENS_BLOCK.search(bare):
            depth += 1
            continue
        if depth == 1 and (found := _CALL.fullmatch(line)):
            written = (found[2] if found[2] is not None else found[3]).strip()
            if _VALUE.match(written):
                data[found[1]] = _value(written)
    return data


def _value(written: str) -> Any:
    """A Ruby literal as the value it is."""
    if written.startswith("["):
        return [_value(item[0]) for item in _ITEM.finditer(written)]
    if written[0] in "\"'":
        inner = written[1:-1]
        return re.sub(r"\\(.)", r"\1", inner)
    if written.startswith(":"):
        return written[1:]
    if written in ("true", "false"):
        return written == "true"
    if written == "nil":
        return None
    return float(written) if "." in written else int(written)
