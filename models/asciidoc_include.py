"""AsciiDoc's ``include::`` lines followed, as Asciidoctor follows them, so that a page
made of chapters shows them::

    = The Guide
    :chapters: chapters

    include::{chapters}/intro.adoc[leveloffset=+1]

A target is found from the folder of the file that names it, and read only where it is
a file inside the corpus (``INCLUDE_ROOT``, which the reader of a corpus sets; with none
set, as where a text is parsed on its own, nothing is followed). Includes nest a few
levels deep, a file that includes itself again is not read twice over, and one that is
not there (or outside the corpus, or an address) is a line saying so, not an error.
``leveloffset`` moves the included file's section titles down (or up) as it says.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass

from models.regular_file import NotRegular, TooLarge, read_regular

# The folder of the corpus whose files are being parsed: includes are read inside it.
INCLUDE_ROOT: ContextVar[str | None] = ContextVar("include_root", default=None)

_INCLUDE = re.compile(r"include::(?P<target>[^\[\s][^\[]*)\[(?P<options>[^\]\n]*)\][ \t]*")
_REFERENCE = re.compile(r"\{([\w-]+)\}")
_LEVEL_OFFSET = re.compile(r"leveloffset=([+-]?)(\d)")
_SECTION = re.compile(r"(={1,6})([ \t]+\S.*)")
MAX_DEPTH = 4  # a book's chapters, and their sections: deeper is a mistake or a loop
# Bytes a page's includes may bring in all: a book, not a page that includes a page that
# includes another fifty times over, which would be read for hours.
_MAX_INCLUDED = 8 * 1024 * 1024


def with_includes(body: str, path: str, attributes: Mapping[str, str] | None = None) -> str:
    """``body`` of the AsciiDoc file at ``path``, each ``include::`` line replaced by the
    lines of the file it names, where the corpus (``INCLUDE_ROOT``) holds it."""
    root = INCLUDE_ROOT.get()
    if root is None or "include::" not in body:
        return body
    inside = os.path.join(os.path.realpath(root), "")
    if os.path.isfile(inside[:-1]):  # a file named alone: its folder is the corpus
        inside = os.path.join(os.path.dirname(inside[:-1]), "")
    reading = _Reading(inside, {os.path.realpath(path)}, _MAX_INCLUDED)
    return "\n".join(_expanded(body, path, attributes or {}, reading, 1))


@dataclass
class _Reading:
    """What one page's includes share: the corpus's folder, the files being included
    (a loop is not followed), and how many bytes more may be."""

    inside: str
    seen: set[str]
    left: int


def _expanded(
    body: str, path: str, attributes: Mapping[str, str], reading: _Reading, depth: int
) -> list[str]:
    lines: list[str] = []
    for line in body.split("\n"):
        found = _INCLUDE.fullmatch(line) if line.startswith("include::") else None
        if found is None:
            lines.append(line)
            continue
        target = _REFERENCE.sub(lambda ref: attributes.get(ref[1].lower(), ref[0]), found["target"])
        text, why = _read(target.strip(), path, reading, depth)
        if text is None:
            lines.append(f"_(include of {target}: {why})_")
            continue
        real = os.path.realpath(os.path.join(os.path.dirname(path), target.strip()))
        reading.seen.add(real)
        included = _expanded(text, real, attributes, reading, depth + 1)
        reading.seen.discard(real)
        if offset := _offset(found["options"]):
            included = [_moved(part, offset) for part in included]
        lines += included
    return lines


def _read(target: str, path: str, reading: _Reading, depth: int) -> tuple[str | None, str]:
    """The text of the file ``target`` names, or ``None`` and why it is not read."""
    if "://" in target:
        return None, "an address, not followed"
    if "{" in target:
        return None, "an attribute that is not set"
    if depth > MAX_DEPTH:
        return None, f"more than {MAX_DEPTH} levels deep, not followed"
    real = os.path.realpath(os.path.join(os.path.dirname(path), target))
    if not real.startswith(reading.inside):
        return None, "outside the corpus, not followed"
    if real in reading.seen:
        return None, "includes itself, not followed again"
    if reading.left <= 0:
        return None, "the page is long enough with what it includes, not followed"
    try:
        raw = read_regular(real, reading.left, keep_head=True)
    except TooLarge as large:  # its first part: the page is long enough with it
        raw = large.head
    except NotRegular:
        return None, "not a file, not read"
    except OSError:
        return None, "not found"
    reading.left -= len(raw)
    return raw.decode("utf-8", "replace").replace("\r\n", "\n").removeprefix("\ufeff"), ""


def _offset(options: str) -> int:
    """The ``leveloffset`` an include's options give its section titles (``+1``, ``2``):
    a relative one moves them, an absolute one is taken as moving a chapter's ``=``."""
    found = _LEVEL_OFFSET.search(options)
    if found is None:
        return 0
    return -int(found[2]) if found[1] == "-" else int(found[2])


def _moved(line: str, offset: int) -> str:
    """A section title ``offset`` levels down (up, where negative)."""
    found = _SECTION.fullmatch(line)
    if found is None:
        return line
    level = min(6, max(1, len(found[1]) + offset))
    return "=" * level + found[2]
