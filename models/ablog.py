"""A post of ABlog (Sphinx's blog), which says it is one with its ``post`` directive in
place of front matter. In reStructuredText::

    SunPy 1.0 Released
    ==================

    .. post:: June 01, 2019
       :author: Stuart Mumford
       :tags: sunpy, release
       :category: Release

and in MyST Markdown, its options as ``:key: value`` lines or a YAML block::

    ```{post} May 10 2023
    :author: David Stansby
    ```

    # The future of time series data

The directive's argument is the post's date; its title is the document's first heading
(a ``:title:`` option names it too), as ABlog titles it. ``author``, ``tags``
and ``category`` are lists split at commas, as ABlog splits them (of ``language``, the
first is the post's); ``excerpt`` and ``image`` are numbers of paragraphs and pictures,
no text. A page without the directive (a Sphinx project's other pages) is none of this.
"""

from __future__ import annotations

import re
from typing import Any

from models.docinfo import section_title
from models.frontmatter import SplitDocument
from models.markdown_extras import heading_text
from models.text import plain_line_ends

_REST_POST = re.compile(
    r"^\.\.[ \t]+post::[ \t]*(?P<date>[^\n]*)\n(?P<options>(?:[ \t]+[^\n]*\n|[ \t]*\n)*)",
    re.MULTILINE,
)
# The directive, or code shown as code (a directive written in it to show how, on ABlog's
# own pages, makes no post), whichever comes first.
_MYST_POST = re.compile(
    r"^(?P<fence>`{3,}|:{3,})[ \t]*\{post\}[ \t]*(?P<date>[^\n]*)\n"
    r"(?P<options>.*?)^(?P=fence)[ \t]*(?:\n|\Z)"
    r"|^(?P<code>`{3,}|~{3,})[^\n]*\n.*?(?:^(?P=code)[ \t]*$|\Z)",  # unclosed: to the end
    re.MULTILINE | re.DOTALL,
)
_OPTION = re.compile(r"[ \t]*:?(?P<key>[A-Za-z][\w-]*):(?:[ \t]+(?P<value>.*?))?[ \t]*")
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t#]*$", re.MULTILINE)
# What ABlog splits at commas; ``title``, ``date``, ``redirect``… are one value.
_LISTS = {"author": "authors", "tags": "tags", "category": "categories"}
_NUMBERS = frozenset({"excerpt", "image"})


def split_ablog(text: str, path: str) -> SplitDocument | None:
    """The post's directive and title as its head, and its body without them; ``None``
    for a page with no ``post`` directive (see the module's docstring)."""
    lower = path.lower()
    # Every file without front matter is asked: one without the directive's words is
    # passed by a substring test, not normalised and scanned whole.
    if lower.endswith(".rst") and "post::" in text:
        text = plain_line_ends(text)
        found = _REST_POST.search(text)
    elif lower.endswith((".md", ".markdown")) and "{post}" in text:
        text = plain_line_ends(text)
        posts = (found for found in _MYST_POST.finditer(text) if found["date"] is not None)
        found = next(posts, None)
    else:
        return None
    if found is None:
        return None
    title, title_span = _first_title(text, lower.endswith(".rst"), found.span())
    head = [f"date: {found['date'].strip()}"] if found["date"].strip() else []
    head += [_option(line) for line in found["options"].split("\n") if _OPTION.fullmatch(line)]
    if any(line.startswith("title: ") for line in head):  # named otherwise: the heading
        title_span = None  # is the page's, as it shows it
    if title:  # as the page shows it: ``**Part 1**`` is "Part 1", ```sunpy``` "sunpy"
        head.insert(0, f"title: {heading_text(title)}")
    spans = sorted([found.span(), *([title_span] if title_span else [])])
    body, last = "", 0
    for start, end in spans:
        body += text[last:start]
        last = end
    body = (body + text[last:]).strip("\n") + "\n"
    return SplitDocument("\n".join(head), body, 1, "ablog")


def _blank(match: re.Match[str]) -> str:
    """Code, or the directive, as blanks of its length: no heading is in them, and
    offsets stay the text's."""
    return re.sub(r"[^\n]", " ", match[0])


def _option(line: str) -> str:
    found = _OPTION.fullmatch(line)
    assert found is not None
    return f"{found['key'].lower()}: {found['value'] or ''}"


def _first_title(
    text: str, rest: bool, directive: tuple[int, int]
) -> tuple[str | None, tuple[int, int] | None]:
    """The document's first heading, and where it is written (left out of the body where
    it opens the page, as the header shows it)."""
    if rest:
        lines, offset, found_at = text.split("\n"), 0, None
        for number in range(len(lines)):
            found = section_title(lines, number)
            if found is not None:
                taken = sum(len(line) + 1 for line in lines[number : number + found[1]])
                title, found_at = found[0], (offset, offset + taken)
                break
            offset += len(lines[number]) + 1
        if found_at is None:
            return None, None
    else:
        heading = _ATX_HEADING.search(_MYST_POST.sub(_blank, text))
        if heading is None:
            return None, None
        title, found_at = heading["text"], heading.span()
    before = text[: found_at[0]]
    opens = not (before[: directive[0]] + before[directive[1] :]).strip()
    return title, found_at if opens else None


def ablog_values(head: str) -> dict[str, Any]:
    """The directive's date and options, and the title, as the article model reads front
    matter."""
    data: dict[str, Any] = {}
    for line in head.split("\n"):
        key, _, value = line.partition(": ")
        key, value = key.rstrip(":"), value.strip()
        if key in _NUMBERS or not value:
            continue
        if key in _LISTS:
            data[_LISTS[key]] = [item.strip() for item in value.split(",") if item.strip()]
        elif key == "language":
            data["lang"] = value.split(",")[0].strip()
        else:
            data[key] = value  # a ``:title:`` option over the heading, which comes first
    return data
