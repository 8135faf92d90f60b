"""A post written in AsciiDoc (``.adoc``, ``.asciidoc``): its header in place of front matter::

    = JBake v2.6.6 released
    Jonathan Bullock
    2021-04-15
    :jbake-type: post
    :jbake-tags: community, release
    :description: A bug fix release.

The document's title, then maybe its author line and revision line (a version, a date, a
remark: ``v1.2, 2021-04-15: Fixes``, or the date alone, as JBake writes it), then its
attribute entries, up to the first blank line. JBake's ``jbake-`` attributes and
jekyll-asciidoc's ``page-`` ones are the page's keys without their prefix (``page-tags:
[a, b]`` a YAML value, as jekyll-asciidoc reads it); ``revdate`` is its date where no key
gives one, ``description`` its excerpt and ``keywords`` its topics where none are given.
A header with no date and no post's type is a page of docs (an Antora or Asciidoctor
manual's), passed over as a Sphinx page is. A Hugo or Jekyll page in AsciiDoc with YAML
front matter is read as any other; its body, either way, as Markdown
(``models.asciidoc_body``).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from models.asciidoc_body import asciidoc_markdown
from models.asciidoc_include import with_includes
from models.frontmatter import SplitDocument
from models.jekyll_post import written_date
from models.text import plain_line_ends
from models.yaml_loader import Loader

SUFFIXES = (".adoc", ".asciidoc")
_TITLE = re.compile(r"(?:=|#)[ \t]+(?P<title>\S.*)")
_ATTRIBUTE = re.compile(r":(?P<name>!?\w[\w-]*!?):(?:[ \t]+(?P<value>.*))?")
_VERSION = re.compile(r"[vV]?\d[\w.-]*")
_PREFIXES = ("jbake-", "page-")
_LISTS = ("tags", "keywords", "categories")
_POST_TYPES = frozenset({"post", "posts", "blog", "news", "article"})
_HEAD_LINES = 200  # a header is a few lines; a page with none is not read further


def is_asciidoc(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def split_asciidoc(text: str, path: str) -> SplitDocument | None:
    """The header of the AsciiDoc post at ``path`` and its body; ``None`` where it has no
    title, or neither a date nor a post's type (see the module's docstring)."""
    if not is_asciidoc(path):
        return None
    text = plain_line_ends(text)
    lines = text.split("\n", _HEAD_LINES)[:_HEAD_LINES]
    start = _skip_comments(lines, 0)
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    head = "\n".join(lines[start:end])
    attributes = header_attributes(head)
    values = asciidoc_values(head, attributes)
    if not values.get("title") or not (
        "date" in values or str(values.get("type", "")).lower() in _POST_TYPES
    ):
        return None
    parts = text.split("\n", end)
    body = parts[end] if len(parts) > end else ""
    head = "\n" * start + head
    return SplitDocument(head, body, end + 1, "asciidoc", None, values, attributes)


def asciidoc_body(split: SplitDocument, path: str) -> str:
    """The body of the AsciiDoc page at ``path`` as Markdown, its header's attributes (as
    the split read them; a YAML front matter has none) substituted, the files it includes
    in it (``models.asciidoc_include``)."""
    body = split.body
    if "include::" in body:
        body = with_includes(body, path, split.attributes)
    return asciidoc_markdown(body, split.attributes)


def _skip_comments(lines: list[str], number: int) -> int:
    """The first line at or after ``number`` that is neither blank nor a comment."""
    in_block = False
    while number < len(lines):
        line = lines[number].rstrip()
        if line == "////":
            in_block = not in_block
        elif not in_block and line and not line.startswith("//"):
            return number
        number += 1
    return number


def header_attributes(head: str) -> dict[str, str]:
    """The header's attribute entries by lower-cased name (unset ones left out), a value
    that goes on over lines (`` \\`` at their ends) joined."""
    attributes: dict[str, str] = {}
    lines = head.split("\n")
    number = 0
    while number < len(lines):
        line = lines[number]
        while line.endswith(" \\") and number + 1 < len(lines):
            number += 1
            line = line[:-2] + " " + lines[number].strip()
        number += 1
        found = _ATTRIBUTE.fullmatch(line)
        if found and "!" not in found["name"]:
            attributes[found["name"].lower()] = (found["value"] or "").strip()
    return attributes


def asciidoc_values(head: str, attributes: dict[str, str] | None = None) -> dict[str, Any]:
    """The header's title, author, date and attributes (``header_attributes``, where
    they were read already) as front matter's keys."""
    data: dict[str, Any] = {}
    lines = head.split("\n")
    number = _skip_comments(lines, 0)
    while number < len(lines) and _ATTRIBUTE.fullmatch(lines[number]):  # before the title
        number += 1
    if number < len(lines) and (found := _TITLE.fullmatch(lines[number])):
        data["title"] = found["title"].strip()
        _author_and_revision(lines, number + 1, data)
    if attributes is None:
        attributes = header_attributes(head)
    for name, value in attributes.items():
        key = next((name[len(p) :] for p in _PREFIXES if name.startswith(p)), None)
        if key is not None:
            data[key] = _value(key, value)
        elif name in ("revdate", "description", "keywords", "author", "authors", "tags"):
            data.setdefault(name, _value(name, value))
    if (revdate := data.pop("revdate", None)) is not None:
        data.setdefault("date", revdate)
    if "excerpt" not in data and "description" in data:
        data["excerpt"] = data.pop("description")
    if "tags" not in data and "keywords" in data:
        data["tags"] = data.pop("keywords")
    return data


def _author_and_revision(lines: list[str], number: int, data: dict[str, Any]) -> None:
    """Read the author line and the revision line after the title, where there are. A
    date alone (JBake's) is a revision line."""
    if number < len(lines) and _revision_date(lines[number]) is None:
        line = lines[number].strip()
        if line and not line.startswith((":", "//")):
            names = [re.sub(r"\s*<[^>]*>", "", name).strip() for name in line.split(";")]
            data["authors"] = [name for name in names if name]
            number += 1
    if number < len(lines) and (revdate := _revision_date(lines[number])) is not None:
        data["revdate"] = revdate


def _revision_date(line: str) -> str | None:
    """The date of a revision line (``v1.2, 2021-04-15: remark``, ``2021-04-15``), if
    ``line`` is one."""
    line = line.strip().partition(": ")[0]
    number, comma, rest = line.partition(",")
    if comma:
        line = rest.strip() if _VERSION.fullmatch(number.strip()) else line
    elif _VERSION.fullmatch(line) and line[:1] in "vV":
        return None  # a version alone: no date
    return line if line and written_date(line) is not None else None


def _value(key: str, value: str) -> Any:
    """An attribute's text as the key's value: a YAML list where written as one, a list
    split at commas for tags."""
    if value.startswith("[") and value.endswith("]"):
        try:
            listed = yaml.load(value, Loader=Loader)
        except yaml.YAMLError:
            listed = None
        if isinstance(listed, list):
            return [str(item) for item in listed if item is not None]
    if key in _LISTS:
        return [item.strip() for item in value.split(",") if item.strip()]
    return value
