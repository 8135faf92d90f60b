"""How blogs write lists of names: their ``tags`` and ``categories`` (a list, one line of
names, nested lists and maps), and a single value where a list is expected.

Apart from the article model, whose validators call them, because sites write them in
more shapes than any other key.
"""

from __future__ import annotations

import html
import re
from contextvars import ContextVar
from datetime import date
from typing import Any

from models.markdown_extras import inline_text
from models.mdx import untagged

SPLIT_AT_SPACES: ContextVar[bool] = ContextVar("split_at_spaces", default=True)
"""Whether the site being read splits a line of tags at its spaces, as Jekyll does
(``library.site_root``); a site that does not keeps ``tags: second tag`` one name."""


def as_list(value: Any) -> Any:
    """A single value where a list is expected (``topics: AI``) becomes a one-item list.

    Blank entries (a bare ``-``) are ``None`` in YAML; like blank keys, they are absent.
    """
    if value is None:
        return []
    if isinstance(value, list):
        return [item for item in value if item is not None]
    return [value]


def blog_labels(value: Any) -> list[Any]:
    """A blog's ``tags`` or ``categories``: a list, names between commas in one line
    (``machine learning, python``), or Jekyll's words in one line (where the site splits
    them so: ``SPLIT_AT_SPACES``). A nested list or map
    (WordPress's and Hugo's ``- Tech: [Linux]``, ``- name: x``) gives the names in it: one
    entry of another shape lost the title, date and every topic of its document."""
    if not isinstance(value, str):
        return [name for entry in as_list(value) for name in _names_in(entry)]
    if "," in value:
        names = value.split(",")
    else:
        names = value.split() if SPLIT_AT_SPACES.get() else [value]
    return [name for written in names for name in _names_in(written.strip()) if name]


def _names_in(entry: Any) -> list[Any]:
    """The names one entry of a blog's labels holds, outermost first."""
    if isinstance(entry, dict):
        if "name" in entry:
            return _names_in(entry["name"])
        return [name for key, inner in entry.items() for name in (key, *_names_in(inner))]
    if isinstance(entry, list):
        return [name for inner in entry for name in _names_in(inner)]
    if isinstance(entry, str) and entry.startswith("#"):  # as Obsidian writes a tag
        return [entry.lstrip("#")] if entry.strip("# ") else []
    if isinstance(entry, str) and entry.startswith("[[") and entry.endswith("]]"):
        return [inline_text(entry)]  # a note linked as a tag (``"[[Clippings]]"``): its name
    if entry is None or isinstance(entry, bool):
        return []
    if isinstance(entry, int | float):  # ``- 120``: the name it is written as, which
        return [str(entry)]  # YAML read as a number and the whole document was lost for
    return [entry.isoformat()] if isinstance(entry, date) else [entry]  # ``- 2020-01-01``


def blog_category(value: Any) -> list[Any]:
    """A blog's one ``category`` (Jekyll's, Astro's), whole, or its list (Hugo's taxonomy);
    ``news`` is a news corpus's kind of item, no topic."""
    if isinstance(value, list):
        return blog_labels(value)
    if isinstance(value, str) and value.strip() and value.strip().lower() != "news":
        return _names_in(value.strip())  # a note linked as one (``"[[Clippings]]"``): its name
    return []


# What a tool writes where it knows no author: Omnivore's ``author: unknown``.
_NOBODY = frozenset({"unknown", "anonymous"})


def author_names(value: Any) -> list[Any]:
    """Authors as a list of names: a blog writes one name, a list of them, or entries with
    a ``name`` (a WordPress post brought over by jekyll-import, its ``display_name``); an
    entry without one names nobody, nor does ``unknown``. A name written as
    a link reads as its words (``[Ada](…)``, ``"[[Ada]]"``, fastpages' ``<a href=…>Ada</a>``),
    and so does one YAML read as a list in a list (an unquoted ``author: [[Ada]]``, as
    Readwise writes it); a byline of several people is their names."""
    value = _linked(value)
    if isinstance(value, str):  # one byline
        value = people(value)
    entries = (_linked(item) for item in as_list(value))
    names = (
        item.get("name") or item.get("display_name") if isinstance(item, dict) else item
        for item in entries
    )
    shown = (_shown_name(name) if isinstance(name, str) else name for name in names)
    return [
        name
        for name in shown
        if isinstance(name, str | int | float)
        and not isinstance(name, bool)
        and str(name).strip()
        and str(name).strip().casefold() not in _NOBODY
    ]


_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>")  # what ``untagged`` keeps of a line: ``<br/>``
# "A, B, and C", "A & B", as HTML writes it too ("A &amp; B")
BYLINE = re.compile(r",\s*(?:and\s+|&(?:amp;)?\s*)?|\s+(?:and|&(?:amp;)?)\s+")


# A user name as a site keys its authors by (``ghuntley``, ``rl-gitpod``, ``JesterOrNot``).
_HANDLE = re.compile(r"[A-Za-z0-9][\w.-]*", re.ASCII)


def people(byline: str) -> list[str]:
    """A byline of several people as their names (React's blog's ``author: Dan Abramov,
    Lauren Tan, and Joe Savona``, shown and searched as one name), where each is a name of
    two words or more, or each a user name, one at least in small letters alone (Gitpod's
    ``author: christinfrohne, JohannesLandgraf``, one author of that whole name): ``Doe,
    John`` and ``Smith and Sons`` stay one name.
    A comma within a link's words or in brackets is one person's (OpenTelemetry's ``[Reese
    Lee, New Relic](…)``, ``[Laurent Querel](…) (F5, project lead)``), and quotes around
    the whole line, which a folded YAML value keeps, are no part of the first and last
    name. A part that is a title or a body (``Eliane Dorval, Senior Learning Designer,
    Canada School of Public Service (CSPS)``) is the person's before it, not a person
    (after a comma alone: ``and`` joins people). The names are as written, shown by the caller."""
    byline = byline.strip()
    if len(byline) > 1 and byline[0] == byline[-1] and byline[0] in "\"'":
        byline = byline[1:-1]
    parts, start = [], 0
    titled = [False]  # each part's: whether a comma alone comes before it, as before a title
    for separator in BYLINE.finditer(byline):
        if _bracketed(byline, start, separator.start()):
            continue
        parts.append(byline[start : separator.start()].strip())
        titled.append(separator.group().strip() == ",")
        start = separator.end()
    parts.append(byline[start:].strip())
    roles = [
        after_comma and _is_role(part) for part, after_comma in zip(parts, titled, strict=True)
    ]
    if any(roles):
        people = _with_roles(parts, roles)
        return people if len(people) > 1 else [byline]
    if len(parts) > 1 and (
        all(len(_shown_name(part).split()) > 1 for part in parts)
        or (
            all(_HANDLE.fullmatch(part) for part in parts)
            and any(part == part.lower() for part in parts)
        )
    ):
        return parts  # as written: ``author_names`` shows each once
    return [byline]


# Words of a job's title or of an organisation, in English, which a name holds none of
# (surnames that are such words too, Head or Staff, are left out, and a team is one of
# the authors); and the small words that join a title's or a body's (``Head of Design``).
_ROLE_WORDS_LINE = """designer developer engineer manager director officer president editor writer
    advocate analyst architect researcher scientist specialist consultant coordinator founder
    co-founder cofounder ceo cto cfo coo cio vp professor lecturer student intern maintainer
    contributor evangelist strategist executive administrator librarian journalist reporter
    correspondent senior junior principal assistant associate advisor adviser university
    institute school college inc ltd llc gmbh corp foundation agency department ministry
    government of for at in on to with"""
_ROLE_WORDS = frozenset(_ROLE_WORDS_LINE.split())
_ASIDE = re.compile(r"\([^()]*\)")  # ``(CSPS)``, ``(Acme, project lead)``


def _is_role(part: str) -> bool:
    """Whether a part of a byline is a title or a body (``Senior Learning Designer``,
    ``Canada School of Public Service``), not a person's name."""
    words = _ASIDE.sub(" ", _shown_name(part)).lower().split()
    return any(word.strip(".,;:") in _ROLE_WORDS for word in words)


def _with_roles(parts: list[str], roles: list[bool]) -> list[str]:
    """Each person of a byline with the titles and bodies written after their name."""
    people: list[str] = []
    for part, role in zip(parts, roles, strict=True):
        if people and role:
            people[-1] += ", " + part
        else:
            people.append(part)
    return people


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether ``text[end]`` is inside brackets opened since ``start``."""
    part = text[start:end]
    return part.count("[") > part.count("]") or part.count("(") > part.count(")")


def _shown_name(name: str) -> str:
    """A name as a page shows it: the words of its links, without its tags (a name of
    tags alone, none)."""
    if "<" in name and ">" in name:
        name = " ".join(html.unescape(_ANY_TAG.sub(" ", untagged(name))).split())
    return inline_text(name)


def note_name(entry: Any) -> Any:
    """A topic written as a link to a note (a vault's ``"[[Products]]"``, or unquoted,
    which YAML reads as a list in a list) as the note's name; any other entry as it is."""
    entry = _linked(entry)
    if isinstance(entry, str) and entry.startswith("[[") and entry.endswith("]]"):
        return inline_text(entry)
    return entry


def _linked(value: Any) -> Any:
    """An unquoted wiki link, which YAML reads as a list holding a list of its text
    (``[[Ada]]``: ``[["Ada"]]``), as the link written; any other value as it is."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list):
        inner = value[0]
        if len(inner) == 1 and isinstance(inner[0], str):
            return f"[[{inner[0]}]]"
    return value
