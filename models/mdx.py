"""MDX (Markdown with JSX components, as Docusaurus, Astro, Next.js and Gatsby sites write
their posts) read as the Markdown around its components.

What a reader sees of an MDX page is its Markdown and the text inside its components;
the lines that import the components, the comments, and the component tags themselves
are the page's code, which the Markdown view showed as text (``import Tabs from …``,
``<Release.Provider>``). Code blocks are kept as they are, and so are what links,
pictures, rules and line breaks show.
"""

from __future__ import annotations

import re

from models.fences import fence_closed
from models.liquid import named_values

MDX_SUFFIX = ".mdx"

_ESM = re.compile(r"(?:import|export)\s")
_TAG = re.compile(r"</?(?![bB][rR][\s/>])[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>|<>|</>")
"""A component's tag (``Release.Provider`` too), an element's, or a fragment's: in MDX
all are JSX, the page's layout. A tag ends before the next ``<``, so one left open costs
the text up to it. A line break (``<br/>``) is no layout: the body's breaks are read
later, as in Markdown."""
_ELEMENT = re.compile(
    r"<a\s[^<>]*?\bhref=(?P<quote>[\"'])(?P<href>[^\"'<>]*)(?P=quote)[^<>]*>(?P<text>[^<]*)</a\s*>"
    r"|<img\s(?P<image>[^<>]*)/?>",
    re.IGNORECASE,
)
_RULE = re.compile(r"\s*<hr\s*/?>\s*$", re.IGNORECASE)
_COMPONENT = re.compile(r"<[A-Z][\w.]*\s[^<>]*>")  # a component's tag, with properties
_IMPORT = re.compile(r"^import\s[^\n]*\sfrom\s+[\"']", re.MULTILINE)
_STATEMENT_END = re.compile(r"(?:\bfrom\s+|^import\s+)([\"'])[^\"'\n]*\1\s*;?\s*$")
"""The line that ends an import (``… from 'x';``): the next line is the page's again."""
_BACKTICKS = re.compile(r"`+")
_OPEN_TAG = re.compile(r"\s*<[A-Za-z][\w.-]*(?:\s[^<>]*)?$")
"""A line that starts a tag and leaves it open: its attributes follow on the next lines."""
_TAG_ALONE = re.compile(r"\s*</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>\s*$")
_INDENTED_FENCE = re.compile(r"( *)(`{3,}|~{3,})")


def imports_components(body: str) -> bool:
    """Whether a Markdown body imports components, outside code: Docusaurus reads its
    ``.md`` files as MDX, and such a post showed ``import DiscussionBox from …``."""
    if "\nimport " not in body and not body.startswith("import "):  # quicker than the search
        return False
    if not _IMPORT.search(body):
        return False
    return any(
        not code and _IMPORT.search("\n".join(lines)) for code, lines in _runs(body.split("\n"))
    )


def mdx_markdown(body: str) -> str:
    """``body`` without its import and export statements, ``{/* comments */}`` and
    component tags, its code blocks kept as they are."""
    kept: list[str] = []
    for code, lines in _runs(body.split("\n")):
        kept += lines if code else _prose(_without_comments("\n".join(lines)).split("\n"))
    return "\n".join(kept)


def _runs(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """The lines in runs of prose and of fenced code. MDX reads a fence indented any
    depth (inside a component, as nodejs.org's home page writes its examples): its lines
    lose that indentation, which Markdown would otherwise read as code of its own."""
    runs: list[tuple[bool, list[str]]] = [(False, [])]
    fence, indent = "", 0
    for line in lines:
        if fence:
            runs[-1][1].append(line[min(indent, len(line) - len(line.lstrip(" "))) :])
            if fence_closed(fence, line):
                fence = ""
                runs.append((False, []))
        elif opened := _INDENTED_FENCE.match(line):
            fence, indent = opened.group(2), len(opened.group(1))
            runs.append((True, [line[indent:]]))
        else:
            runs[-1][1].append(line)
    return runs


def _prose(lines: list[str]) -> list[str]:
    """Prose lines without statements, tags alone on their line (a component's or an
    element's: the layout around Markdown), and component tags within a line; MDX reads
    no indented code, so an indented line is prose too."""
    kept: list[str] = []
    in_statement = False  # an import or export, which runs to its end or a blank line
    in_tag = False  # a tag written over several lines (``<img`` then its attributes)
    for line in lines:
        if in_tag:
            if ">" in line:
                in_tag = False
                kept.append(untagged(line[line.index(">") + 1 :]))
            elif not line.strip():
                in_tag = False  # no tag runs past a blank line
                kept.append(line)
        elif in_statement or _ESM.match(line):
            in_statement = bool(line.strip()) and not _STATEMENT_END.search(line)
        elif _OPEN_TAG.match(line):
            in_tag = True
        elif _RULE.match(line):  # a rule between parts, which a setext line could not be
            kept.append("***")
        elif words := _component_words(line.strip()):
            kept.append(f"**{words}**")  # a tab's label, alone
        elif not _TAG_ALONE.match(line) or _ELEMENT.match(line.strip()):
            line = untagged(line)
            kept.append(line.lstrip() if line.startswith(("    ", "\t")) else line)
    return kept


def untagged(line: str) -> str:
    """``line`` without its tags, but for those in code spans (```<Tabs>```)."""
    if "<" not in line:  # most lines: no tag to look for, nor code spans
        return line
    parts: list[str] = []
    at = 0
    for start, end in _code_spans(line):
        parts += [_layout_out(line[at:start]), line[start:end]]
        at = end
    return "".join([*parts, _layout_out(line[at:])])


def _layout_out(text: str) -> str:
    """``text`` (no code) without tags, but a link as a Markdown link and a picture as a
    Markdown picture: their address and words went with the tags."""
    return _TAG.sub(_words_of, _ELEMENT.sub(_as_markdown, text))


def _words_of(tag: re.Match[str]) -> str:
    """What a tag shows in a sentence: a component's words (``<Badge text="5.95+" />``)."""
    return _component_words(tag.group())


def _component_words(tag: str) -> str:
    """A component's words given as a property: a tab's label, a card's title, a badge's
    text; ``""`` for any other tag."""
    if not _COMPONENT.fullmatch(tag):
        return ""
    named = named_values(tag)
    return named.get("label") or named.get("title") or named.get("text") or ""


def _as_markdown(element: re.Match[str]) -> str:
    if element["image"] is None:
        return f"[{element['text']}]({_address(element['href'])})"
    named = named_values(element["image"])
    return f"![{named.get('alt', '')}]({_address(named['src'])})" if named.get("src") else ""


def _address(url: str) -> str:
    """``url`` as a Markdown link's target, which ends at a space or a parenthesis."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where ``line``'s code spans are: a run of backticks to the next run as long, as
    CommonMark pairs them, found in one pass (a run left open is no span)."""
    runs = [found.span() for found in _BACKTICKS.finditer(line)]
    closing: list[int | None] = [None] * len(runs)  # the next run of each one's length
    latest: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        closing[index] = latest.get(length)
        latest[length] = index
    spans = []
    index = 0
    while index < len(runs):
        close = closing[index]
        if close is None:
            index += 1
        else:
            spans.append((runs[index][0], runs[close][1]))
            index = close + 1
    return spans


def _without_comments(body: str) -> str:
    """``body`` (prose) without ``{/* … */}``; an unclosed one is left as it is."""
    if "{/*" not in body:
        return body
    parts: list[str] = []
    at = 0
    while (start := body.find("{/*", at)) >= 0 and (end := body.find("*/}", start + 3)) >= 0:
        parts.append(body[at:start])
        at = end + 3
    parts.append(body[at:])
    return "".join(parts)
