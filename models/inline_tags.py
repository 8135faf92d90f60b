"""The tags an Obsidian note writes in its body (``#project/alpha``), which Obsidian counts
as it counts those of its front matter's ``tags:``.

A tag is ``#`` at a line's start or after a blank, then letters (of any script), digits,
``_``, ``-`` and ``/`` (a nested tag), at least one of them no digit: ``#1984`` is none,
``#y1984`` is one. A ``#`` in code (a span, a fenced block, one in a quote or a
callout: Obsidian's help tagged its notes ``ff0000`` from a colour in its CSS), in a
comment (Obsidian's ``%%…%%``, HTML's), in an HTML tag (``<span style="color: #fff">``)
or in a link's address (``[x](https://a/ #b)``, ``[[Note#Part]]``) is no tag, nor is a
heading's (``# Heading``).
"""

from __future__ import annotations

import re

from models.liquid import MARKDOWN_CODE
from models.topic import topic_key

# A ``#`` that may open a tag: most notes have none (a heading's ``# `` is none), and
# this one, starting with ``#``, is looked for as fast as the character is.
_MAYBE = re.compile(r"#(?<!\S#)[\w/-]")
# What holds a ``#`` that is no tag is matched first, as a whole, and passed over. Each
# starts at a line's start or at one of a few characters: the lookahead turns every
# other place down at once, where the alternatives were each tried there in turn.
_TAGS = re.compile(
    r"(?=[`~%<\[\]#]|^)(?:"
    + MARKDOWN_CODE
    + r"|^[ \t]{0,3}>[ \t]?(?P<quoted>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}>[ \t]?(?P=quoted)|\Z)"
    + r"|%%.*?(?:%%|\Z)"  # Obsidian's comment, in a line or over lines (to the end if open)
    + r"|<!--.*?(?:-->|\Z)"
    + r"|<[A-Za-z/][^<>\n]*>"  # an HTML tag, or an address written as one (<https://…>)
    + r"|\[\[[^][\n]*\]\]"  # a wiki link: its ``#`` is a part of the note
    + r"|\]\([^()\n]*\)"  # a link's address
    + r"|(?<!\S)#(?P<tag>[\w/-]+))",
    re.DOTALL | re.MULTILINE,
)


def inline_tags(body: str) -> list[str]:
    """The tags written in ``body``, each once, as first written."""
    if _MAYBE.search(body) is None:  # most notes: nothing more is done
        return []
    # A slash at either end nests nothing (``#project/`` is ``project``).
    found = ((match.group("tag") or "").strip("/") for match in _TAGS.finditer(body))
    return with_tags([], [tag for tag in found if tag and not _digits(tag)])


def with_tags(topics: list[str], tags: list[str]) -> list[str]:
    """``topics`` and, after them, those of ``tags`` they do not hold: Obsidian's tags
    differ in more than case, and the first spelling is the one shown. A tag YAML read as
    no text (``- 2020``, a date, a blank) is compared as it is, and named by the model."""
    seen = {_key(topic) for topic in topics}
    merged = list(topics)
    for tag in tags:
        if (key := _key(tag)) not in seen:
            seen.add(key)
            merged.append(tag)
    return merged


def _key(tag: object) -> object:
    return topic_key(tag) if isinstance(tag, str) else tag


def _digits(tag: str) -> bool:
    """Whether ``tag`` is digits alone (a number, an issue's ``#42``), which is no tag."""
    return all(character.isdigit() for character in tag)
