"""Logseq's pages (a graph's ``pages/`` and ``journals/``) as a reader reads them.

A page opens with its properties, ``key:: value`` lines, in place of front matter::

    title:: My page
    tags:: reading, [[notes]]

and they are read as front matter is (``title``, ``tags``, ``date``…). In the outline
that follows, Logseq's own syntax showed raw: a block's properties (``id:: 64a1…``),
references to blocks by their id (``((64a1…))``, ``{{embed ((64a1…))}}``), a task's
marker (``TODO``), its priority (``[#A]``) and its dates (``SCHEDULED: <2024-01-02 Tue>``),
a block's drawers (``:LOGBOOK:`` … ``:END:``, its clock's times). Logseq's own properties
and the drawers go, as Logseq hides them; others, a marker, a priority and a date read as
labelled words; a reference, whose block is elsewhere, is a short mark. Only a page that
is Logseq's (``is_logseq``) is read so, and code keeps what it shows: ``a:: b`` elsewhere
is prose.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from models.fences import fence_closed, fence_opened
from models.file_folder import folder_of
from models.frontmatter import SplitDocument
from models.liquid import MARKDOWN_CODE
from models.markdown_extras import inline_text
from models.text import plain_line_ends

# A property: a key of one word (Logseq's own may have dotted parts,
# ``logseq.order-list-type``), two colons and a space: ``std::vector`` and ``x :: Int``
# are none.
# The value ends at its last word, taken greedily: a lazy value before ``[ \t]*`` tried the
# line's end at every character, minutes for a line of many spaces.
_KEY = r"(?P<key>[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)::(?:[ \t]++(?P<value>.*\S))?[ \t]*"
_PAGE_PROPERTY = re.compile(_KEY)
_BULLET = r"(?P<indent>[ \t]*)(?P<bullet>[-*+][ \t]+)"
_ITEM = _BULLET + "?"
_BLOCK_PROPERTY = re.compile(_ITEM + _KEY)
# Logseq's bookkeeping, which it does not show: a block's id, its state, a flashcard's
# schedule, a highlight's place in a PDF.
_HIDDEN = frozenset(
    ("id", "collapsed", "heading", "created-at", "updated-at", "created_at", "updated_at")
    + ("background-color", "background-image", "ls-type", "hl-type", "hl-page", "hl-color")
    + ("hl-stamp", "template", "template-including-parent", "icon", "public", "filters")
    + ("exclude-from-graph-view", "query-table", "query-properties", "query-sort-by")
    + ("query-sort-desc", "now", "later", "done", "todo", "doing")
)
_MARKERS = r"TODO|DOING|DONE|LATER|NOW|WAITING|WAIT|CANCELED|CANCELLED|IN-PROGRESS"
_LEAD = re.compile(_ITEM)  # matches every line: what comes before a block's words
# A bullet's first word, and the priority after it (or first, where the block is no task).
_PRIORITY = r"\[#(?P<{}>[ABC])\]"
_TASK = re.compile(
    _BULLET + rf"(?:(?P<marker>{_MARKERS})(?:[ \t]+{_PRIORITY.format('priority')})?"
    rf"|{_PRIORITY.format('first')})(?=[ \t]|$)"
)
# A drawer's first line (``:LOGBOOK:``, ``:PROPERTIES:``); its last is ``:END:``.
_DRAWER = re.compile(r"[ \t]*:(?P<name>[A-Za-z][A-Za-z0-9_-]*):[ \t]*")
_PLANNED = re.compile(r"(?P<indent>[ \t]*)(?P<plan>SCHEDULED|DEADLINE):[ \t]*<(?P<when>[^<>]*)>")
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# A reference to a block shows that block in Logseq, whose words are in another page
# (or further on): a mark stands for it. A reference with words of its own shows them.
# Read a line at a time, outside a block's code (after its bullet, where no fence of
# ``MARKDOWN_CODE`` starts): only its code spans are to be kept.
_REFERENCES = re.compile(
    MARKDOWN_CODE
    + rf"|\[(?P<words>[^][\n]*)\]\(\(\({_UUID}\)\)\)"
    + rf"|\{{\{{embed[ \t]+\(\({_UUID}\)\)[ \t]*\}}\}}|\(\({_UUID}\)\)",
    re.DOTALL | re.MULTILINE,
)
REFERENCE_MARK = "(…)"


def split_properties(text: str) -> SplitDocument | None:
    """A page's properties and the outline after them; ``None`` when ``text`` does not
    open with a ``key:: value`` line."""
    text = plain_line_ends(text)
    lines = text.split("\n")
    count = 0
    while count < len(lines) and _PAGE_PROPERTY.fullmatch(lines[count]):
        count += 1
    if not count:
        return None
    body = "\n".join(lines[count:])
    return SplitDocument("\n".join(lines[:count]), body.lstrip("\n"), count + 1, "logseq")


def graph_page(text: str, path: str) -> SplitDocument | None:
    """A page of a graph that opens with no properties, as most of a graph's pages and
    journals do: all of it the outline (``None`` elsewhere, or for a page with no text,
    as Logseq writes each day's empty journal)."""
    if not in_graph(path) or not _EMPTY_BLOCKS.sub("", text):
        return None
    return SplitDocument("", plain_line_ends(text), 1, "logseq")


_EMPTY_BLOCKS = re.compile(r"[\s-]+")


def page_name(path: str) -> str:
    """What Logseq calls a page with no ``title::``: its file's name, its namespaces
    (``a___b``, older graphs' ``a%2Fb``) as ``a/b``."""
    name = os.path.splitext(os.path.basename(path))[0]
    return name.replace("___", "/").replace("%2F", "/").replace("%2f", "/")


def property_values(head: str) -> dict[str, Any]:
    """The properties by key, as YAML front matter would give them: the article model reads
    ``title``, ``tags``, ``date``… so. A value that names pages (``[[a]], [[b]]``) is the
    list of their names, as Logseq reads it: a ``type:: [[Feature]]`` names no kind of
    item here, as Obsidian's ``type: ["[[Feature]]"]`` does not."""
    values: dict[str, Any] = {}
    for line in head.split("\n"):
        if found := _PAGE_PROPERTY.fullmatch(line):
            value = found["value"] or ""
            names = [inline_text(name.strip()) for name in value.split(",")]
            values[found["key"].lower()] = names if "[[" in value else inline_text(value)
    return values


def in_graph(path: str) -> bool:
    """Whether the file at ``path`` is a Logseq graph's page or journal."""
    return _graph_folder(folder_of(path))


@lru_cache(maxsize=256)
def _graph_folder(folder: str) -> bool:
    """Whether ``folder`` is in a Logseq graph's pages or journals: a folder of those names
    above it has a ``logseq/config.edn`` beside it."""
    while True:
        parent, name = os.path.split(folder)
        if name in ("pages", "journals") and os.path.isfile(
            os.path.join(parent, "logseq", "config.edn")
        ):
            return True
        if not name or parent == folder:
            return False
        folder = parent


def is_logseq(split: SplitDocument, path: str) -> bool:
    """Whether a document is a Logseq page: it opens with Logseq's properties, or it is in
    a graph. Elsewhere ``a:: b`` at a line's start is prose, and stays."""
    return split.language == "logseq" or in_graph(path)


def logseq_markdown(body: str) -> str:
    """A Logseq page's outline as Markdown a reader reads (see the module's docstring)."""
    shown: list[str] = []
    fence = ""
    lines = body.split("\n")
    ends = _drawer_ends(lines)
    drawer_end = -1  # the last line of the drawer being passed over
    for number, line in enumerate(lines):
        if number <= drawer_end:
            continue
        content = _LEAD.sub("", line, count=1)
        if fence:
            fence = "" if fence_closed(fence, content) else fence
            shown.append(line)
            continue
        if fence := fence_opened(content):  # a block's code, after its bullet
            shown.append(line)
            continue
        found = _DRAWER.fullmatch(line)
        if found and found["name"].upper() != "END" and (end := ends[number]) is not None:
            drawer_end = end
            continue
        _add_line(shown, _REFERENCES.sub(_reference, line))
    return "\n".join(shown)


def _drawer_ends(lines: list[str]) -> list[int | None]:
    """For each line, where the next ``:END:`` after it is (``None`` where none is): a
    drawer left open is no drawer, and shows as written, as in Logseq."""
    ends: list[int | None] = [None] * len(lines)
    end = None
    for number in range(len(lines) - 1, -1, -1):
        ends[number] = end
        if lines[number].strip().upper() == ":END:":
            end = number
    return ends


def _add_line(shown: list[str], line: str) -> None:
    """Add one line outside code to ``shown``, Logseq's syntax in it read."""
    if found := _BLOCK_PROPERTY.fullmatch(line):
        if found["key"].lower() in _HIDDEN or found["key"].startswith(("logseq.", "card-")):
            return
        _labelled(shown, found["indent"] + (found["bullet"] or ""), found["key"], found["value"])
    elif found := _PLANNED.match(line):
        rest = line[found.end() :]
        _labelled(shown, found["indent"], found["plan"].capitalize(), found["when"] + rest)
    elif found := _TASK.match(line):
        words = [f"**{found['marker']}**"] if found["marker"] else []
        if priority := found["priority"] or found["first"]:
            words.append(f"*priority {priority}*")
        shown.append(found["indent"] + found["bullet"] + " ".join(words) + line[found.end() :])
    else:
        shown.append(line)


def _labelled(shown: list[str], lead: str, label: str, value: str | None) -> None:
    """A value on a line of its own, led by its label in bold: the line before ends in a
    hard break (two spaces), which is nothing at a paragraph's end."""
    if shown and shown[-1].strip():
        shown[-1] = shown[-1].rstrip(" ") + "  "
    shown.append(f"{lead}**{label}:** {value or ''}".rstrip())


def _reference(match: re.Match[str]) -> str:
    if (code := match.group("fence") or match.group("span")) is not None:
        return code
    return match.group("words") or REFERENCE_MARK
