"""ox-hugo's one-file blog: one ``.org`` file of many posts, a subtree each, its
``:EXPORT_FILE_NAME:`` in its property drawer::

    #+hugo_base_dir: ../
    #+filetags: emacs

    * Posts
    ** DONE Emacs 30 is out                                     :release:
    CLOSED: [2024-07-28 Sun 10:12]
    :PROPERTIES:
    :EXPORT_FILE_NAME: emacs-30
    :EXPORT_DATE: 2024-07-28
    :END:
    What is new.

Each such subtree is a post of its own: its title the headline's (or
``:EXPORT_TITLE:``), its date ``:EXPORT_DATE:`` or the ``CLOSED`` timestamp, its topics
the tags of its headline and of those above it and ``#+FILETAGS`` (an ``@`` tag a
category, as ox-hugo takes it), a ``TODO`` or ``DRAFT`` keyword (any ``#+SEQ_TODO``
state before its ``|``) a draft, and its body shown as the subtree's text. Its path, and
so its identity, is the file's with ``#`` and where ox-hugo writes it (its section and
bundle, where given, and its export name): it stays as the file changes around it. A
``COMMENT`` or ``:noexport:`` subtree is left out, as ox-hugo leaves it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from models.org_mode import org_values

_HEADLINE = re.compile(r"(\*+)[ \t]+(.*?)[ \t]*")
_TAGS = re.compile(r"(.*?)[ \t]+(:[^\s:]+(?::[^\s:]+)*:)")
_PRIORITY = re.compile(r"\[#\w\][ \t]*")
_PROPERTY = re.compile(r":(?P<key>[\w-]+):(?:[ \t]+(?P<value>.*?))?[ \t]*")
_CLOSED = re.compile(
    r"CLOSED:[ \t]*\[(\d{4}-\d\d-\d\d)(?:[ \t]+[^\d\s\]]+)?(?:[ \t]+(\d\d?:\d\d))?"
)
_STATES = re.compile(r"#\+(?:seq_)?todo:[ \t]*(.*)", re.IGNORECASE)
_KEYS = {  # ox-hugo's properties, and the keys they are of a post
    "export_title": "title",
    "export_date": "date",
    "export_hugo_publishdate": "publishdate",
    "export_hugo_lastmod": "lastmod",
    "export_description": "description",
    "export_author": "author",
    "export_hugo_draft": "draft",
    "export_hugo_tags": "tags",
    "export_hugo_categories": "categories",
}
_LEFT_OUT = frozenset({"noexport", "ATTACH"})
EXPORT_NAME = ":EXPORT_FILE_NAME:"

# Parses the text of one post (``models.document.parse_document``, handed in: it calls this).
Parse = Callable[[str, str], Any]


def subtree_posts(text: str, path: str, parse: Parse) -> list[Any]:
    """The parsed posts of the one-file blog ``text`` at ``path``, in file order."""
    lines = text.replace("\r\n", "\n").split("\n")
    first = next((n for n, line in enumerate(lines) if line.startswith("*")), len(lines))
    head = org_values("\n".join(lines[:first]))
    drafts, keywords = _states(lines[:first])
    file_tags = head.get("tags", [])
    posts = []
    above: list[tuple[int, list[str], dict[str, str]]] = []  # the headlines above, and this
    number = first
    while number < len(lines):
        found = _HEADLINE.fullmatch(lines[number])
        if found is None:
            number += 1
            continue
        level = len(found[1])
        keyword, title, tags = _headline(found[2], keywords)
        end = _subtree_end(lines, number + 1, level)
        properties, closed, body_start = _drawer(lines, number + 1)
        above = [item for item in above if item[0] < level] + [(level, tags, properties)]
        name = properties.get("export_file_name")
        if keyword == "COMMENT" or _LEFT_OUT.intersection(tags):
            number = end
            continue
        if not name:
            number += 1
            continue
        inherited = [tag for _, t, _ in above for tag in t] + list(file_tags)
        data = _post_data(title, properties, closed, inherited, keyword in drafts)
        body = "\n".join(_promoted(line, level) for line in lines[body_start:end])
        posts.append(_post(parse, data, body, f"{path}#{_where(above)}", number + 1))
        number = end
    return posts


def _where(above: list[tuple[int, list[str], dict[str, str]]]) -> str:
    """Where ox-hugo writes the post of the last subtree of ``above``: its section (its own
    or one above it), its bundle, its file name; two sections may each have an ``index``."""
    parts = []
    for key in ("export_hugo_section", "export_hugo_bundle"):
        found = next((p[key] for _, _, p in reversed(above) if p.get(key)), "")
        parts.append(found.strip("/"))
    return "/".join(part for part in (*parts, above[-1][2]["export_file_name"]) if part)


def _states(lines: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The keywords a headline may open with, and those of them that are a draft's."""
    drafts, done = {"TODO", "DRAFT"}, {"DONE"}
    for line in lines:
        if found := _STATES.fullmatch(line.strip()):
            words = [re.sub(r"\(.*\)$", "", word) for word in found[1].split()]
            bar = words.index("|") if "|" in words else len(words) - 1
            drafts.update(words[:bar])
            done.update(word for word in words[bar:] if word != "|")
    return frozenset(drafts), frozenset(drafts | done | {"COMMENT"})


def _headline(text: str, keywords: frozenset[str]) -> tuple[str, str, list[str]]:
    """A headline's keyword (``TODO``), title and tags."""
    keyword = ""
    first, _, rest = text.partition(" ")
    if first in keywords:
        keyword, text = first, rest.strip()
    text = _PRIORITY.sub("", text, count=1)
    tags: list[str] = []
    if found := _TAGS.fullmatch(text):
        text, tags = found[1], [tag for tag in found[2].split(":") if tag]
    return keyword, text.strip(), tags


def _subtree_end(lines: list[str], number: int, level: int) -> int:
    """The line of the next headline at ``level`` or above, or the end of the text."""
    for index in range(number, len(lines)):
        line = lines[index]
        if line.startswith("*") and (found := _HEADLINE.fullmatch(line)) and len(found[1]) <= level:
            return index
    return len(lines)


def _drawer(lines: list[str], number: int) -> tuple[dict[str, str], str, int]:
    """The properties of the drawer after a headline (after its planning line, if it has
    one), its ``CLOSED`` time, and the line its text starts at."""
    closed = ""
    if number < len(lines) and (found := _CLOSED.search(lines[number])):
        closed = found[1] + (f" {found[2]}" if found[2] else "")
        number += 1
    elif number < len(lines) and lines[number].strip().startswith(("SCHEDULED:", "DEADLINE:")):
        number += 1
    properties: dict[str, str] = {}
    if number < len(lines) and lines[number].strip().upper() == ":PROPERTIES:":
        for index in range(number + 1, min(len(lines), number + 200)):
            line = lines[index].strip()
            if line.upper() == ":END:":
                return properties, closed, index + 1
            if found := _PROPERTY.fullmatch(line):
                properties[found["key"].lower()] = found["value"] or ""
    return properties, closed, number


def _post_data(
    title: str, properties: dict[str, str], closed: str, tags: list[str], draft: bool
) -> dict[str, Any]:
    """A subtree's keys, as front matter gives them."""
    data: dict[str, Any] = {"title": title}
    if closed:
        data["date"] = closed
    for key, value in properties.items():
        if key in _KEYS and value:
            data[_KEYS[key]] = org_values(f"#+{_KEYS[key]}: {value}").get(_KEYS[key], value)
    topics = [tag for tag in dict.fromkeys(tags) if not tag.startswith("@")]
    categories = [tag[1:] for tag in dict.fromkeys(tags) if tag.startswith("@") and tag[1:]]
    data["tags"] = list(dict.fromkeys([*data.get("tags", []), *topics]))
    if categories:
        data["categories"] = list(dict.fromkeys([*data.get("categories", []), *categories]))
    if draft:
        data["draft"] = True
    if "description" in data:
        data["excerpt"] = data.pop("description")
    return data


def _promoted(line: str, level: int) -> str:
    """A headline inside a post one level below the post's title, as ox-hugo writes it."""
    if level > 1 and line.startswith("*" * level) and _HEADLINE.fullmatch(line):
        return line[level - 1 :]
    return line


def _post(parse: Parse, data: dict[str, Any], body: str, path: str, line: int) -> Any:
    """One post parsed, at its own path; its problems the file's, at its headline's line."""
    org_path = path.partition("#")[0]  # its body read as the Org it is
    parsed = parse(f"---json\n{json.dumps(data)}\n---\n{body}", org_path)
    parsed.path = path
    if parsed.article is not None:
        parsed.article.path = path
    # Said of the file at the post's headline, where an editor or a check's reader finds it.
    parsed.problems = [replace(p, path=org_path, line=line) for p in parsed.problems]
    return parsed
