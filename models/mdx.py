"""MDX (Markdown with JSX components, as Docusaurus, Astro, Next.js and Gatsby sites write
their posts) read as the Markdown around its components.

What a reader sees of an MDX page is its Markdown and the text inside its components;
the lines that import the components, the comments, and the component tags themselves
are the page's code, which the Markdown view showed as text (``import Tabs from …``,
``<Release.Provider>``). Code blocks are kept as they are.
"""

from __future__ import annotations

import re

from models.fences import fence_closed

MDX_SUFFIX = ".mdx"

_ESM = re.compile(r"(?:import|export)\s")
_TAG = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>|<>|</>")
"""A component's tag (``Release.Provider`` too), an element's, or a fragment's: in MDX
all are JSX, the page's layout. A tag ends before the next ``<``, so one left open costs
the text up to it."""
_BACKTICKS = re.compile(r"`+")
_OPEN_TAG = re.compile(r"\s*<[A-Za-z][\w.-]*(?:\s[^<>]*)?$")
"""A line that starts a tag and leaves it open: its attributes follow on the next lines."""
_TAG_ALONE = re.compile(r"\s*</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>\s*$")
_INDENTED_FENCE = re.compile(r"( *)(`{3,}|~{3,})")


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
    in_statement = False  # an import or export, which runs to a blank line
    in_tag = False  # a tag written over several lines (``<img`` then its attributes)
    for line in lines:
        if in_tag:
            if ">" in line:
                in_tag = False
                kept.append(_untagged(line[line.index(">") + 1 :]))
            elif not line.strip():
                in_tag = False  # no tag runs past a blank line
                kept.append(line)
        elif in_statement or _ESM.match(line):
            in_statement = bool(line.strip())
        elif _OPEN_TAG.match(line):
            in_tag = True
        elif not _TAG_ALONE.match(line):
            line = _untagged(line)
            kept.append(line.lstrip() if line.startswith(("    ", "\t")) else line)
    return kept


def _untagged(line: str) -> str:
    """``line`` without its tags, but for those in code spans (```<Tabs>```)."""
    if "<" not in line:  # most lines: no tag to look for, nor code spans
        return line
    parts: list[str] = []
    at = 0
    for start, end in _code_spans(line):
        parts += [_TAG.sub("", line[at:start]), line[start:end]]
        at = end
    return "".join([*parts, _TAG.sub("", line[at:])])


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
