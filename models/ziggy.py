"""The front matter of a Zine page (SuperMD, ``.smd``): Ziggy between ``---`` lines, a
struct's fields written as Zig writes them::

    ---
    .title = "Zig 0.7.1 Released",
    .date = @date("2020-12-13T00:00:00+00:00"),
    .author = "Andrew Kelley",
    .tags = ["release"],
    .draft = false,
    .custom = { "mobile_menu_title": "Zig 0.7.1" },
    ---

Its values are read as YAML's would be: text (``"…"``, or Zig's ``\\\\`` lines), a tagged
literal as the text it tags (``@date("…")``), ``true``, ``false``, ``null``, numbers,
lists (``[…]``) and mappings (``{ .key = … }``, ``{ "key": … }``). YAML refused it, and
ziglang.org's pages were none of them read.
"""

from __future__ import annotations

import re
from typing import Any, NoReturn

from models.frontmatter import MAX_YAML_DEPTH, DocumentError

ZINE_SUFFIX = ".smd"
_STRUCT_NAME = re.compile(r"^(?:\s|//[^\n]*)*[A-Za-z_]\w*\s*\{")

_TOKEN = re.compile(
    r"""(?P<space>(?:\s|//[^\n]*)+)"""
    r"""|(?P<field>\.(?P<name>@"[^"\n]*"|[A-Za-z_]\w*)\s*=)"""
    r"""|(?P<string>"(?:[^"\\\n]|\\.)*")"""
    r"""|(?P<lines>(?:[ \t]*\\\\[^\n]*(?:\n|$))+)"""
    r"""|(?P<tag>@[A-Za-z_]\w*\s*\()"""
    r"""|(?P<number>[+-]?(?:0x[0-9A-Fa-f_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?))"""
    r"""|(?P<word>true|false|null)\b"""
    r"""|(?P<mark>\.?\{|[}\[\],:)])"""
)
# Zine reads a day and its time joined by a colon too (``@date("2024-08-07:00:00:00")``).
_ZINE_MOMENT = re.compile(r"^(\d{4}-\d\d-\d\d):(\d\d:\d\d)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(u\{[0-9A-Fa-f]+\}|x[0-9A-Fa-f]{2}|.)")


def ziggy_values(text: str) -> dict[str, Any]:
    """The fields of a page's Ziggy front matter, or a ``DocumentError`` on the line where
    it is no Ziggy."""
    return _Reader(text).fields(end=None)


def ziggy_document(text: str) -> dict[str, Any]:
    """The fields of a Ziggy document that names its struct (Zine's settings,
    ``Multilingual { … }``), or of one that names none."""
    return ziggy_values(_STRUCT_NAME.sub("", text, count=1).rstrip().removesuffix("}"))


class _Reader:
    """Ziggy's values, read one token at a time from the front of ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.depth = 0  # values open around the one being read

    def _next(self) -> re.Match[str] | None:
        """The next token but spaces and comments, or None at the end."""
        while self.at < len(self.text):
            found = _TOKEN.match(self.text, self.at)
            if found is None:
                self._fail()
            self.at = found.end()
            if found.lastgroup != "space":
                return found
        return None

    def _peek(self) -> re.Match[str] | None:
        at = self.at
        found = self._next()
        self.at = at
        return found

    def fields(self, end: str | None) -> dict[str, Any]:
        """A struct's fields up to ``end`` (``}``, or the end of the text)."""
        fields: dict[str, Any] = {}
        while (found := self._next()) is not None and found[0] != end:
            if found.lastgroup == "mark" and found[0] == ",":
                continue
            if found.lastgroup != "field":
                self._fail()
            fields[found["name"].removeprefix("@").strip('"')] = self.value()
        if found is None and end is not None:
            self._fail()
        return fields

    def value(self) -> Any:
        """The value that starts at the next token, bounded in depth as YAML's are: lists
        opened thousands deep ran out of Python's stack."""
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH:
                self._fail(f"front matter is nested deeper than {MAX_YAML_DEPTH} levels")
            return self._value()
        finally:
            self.depth -= 1

    def _value(self) -> Any:
        found = self._next()
        kind = found.lastgroup if found else None
        if found is None or kind is None:
            return self._fail()
        if kind == "string":
            return _unescaped(found[0][1:-1])
        if kind == "lines":
            return "\n".join(line.strip()[2:] for line in found[0].rstrip("\n").split("\n"))
        if kind == "tag":  # ``@date("…")``: the text it tags
            tagged = self.value()
            self._expect(")")
            if found[0].startswith("@date") and isinstance(tagged, str):
                return _ZINE_MOMENT.sub(r"\1T\2", tagged)
            return tagged
        if kind == "number":
            return _number(found[0])
        if kind == "word":
            return {"true": True, "false": False, "null": None}[found[0]]
        if found[0] == "[":
            return self._items()
        if found[0] in ("{", ".{"):
            ahead = self._peek()
            if ahead is not None and ahead.lastgroup == "string":
                return self._entries()
            return self.fields(end="}")
        return self._fail()

    def _items(self) -> list[Any]:
        items: list[Any] = []
        while (ahead := self._peek()) is not None and ahead[0] != "]":
            items.append(self.value())
            if (after := self._peek()) is not None and after[0] == ",":
                self._next()
        self._expect("]")
        return items

    def _entries(self) -> dict[str, Any]:
        """A map's entries: ``"key": value``."""
        entries: dict[str, Any] = {}
        while (found := self._next()) is not None and found[0] != "}":
            if found[0] == ",":
                continue
            if found.lastgroup != "string":
                self._fail()
            self._expect(":")
            entries[_unescaped(found[0][1:-1])] = self.value()
        return entries

    def _expect(self, mark: str) -> None:
        found = self._next()
        if found is None or found[0] != mark:
            self._fail()

    def _fail(self, why: str = "front matter is no Ziggy a Zine page holds") -> NoReturn:
        line = self.text.count("\n", 0, self.at) + 2  # after the opening ``---``
        raise DocumentError(why, line)


def _unescaped(text: str) -> str:
    """A Zig string's text, its escapes read."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = found[1]
    if code.startswith("u{"):
        point = int(code[2:-1], 16)
        return chr(point) if point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF else "\ufffd"
    if code.startswith("x"):
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, code)


def _number(text: str) -> int | float:
    digits = text.replace("_", "")
    if digits.lstrip("+-").lower().startswith("0x"):
        return int(digits, 16)
    return float(digits) if any(mark in digits for mark in ".eE") else int(digits)
