"""HTML in document bodies as text: a newsletter's HTML body, and the HTML blocks of a
Markdown one, without pulling in a parser library."""

from __future__ import annotations

import html
import re

from models.fences import fence_closed, fence_opened
from models.kramdown import strip_kramdown
from models.liquid import fenced, strip_liquid
from models.markdown_extras import line_breaks, plain_extras
from models.mdx import MDX_SUFFIX, imports_components, mdx_markdown
from models.myst import myst_markdown
from models.quarto import QUARTO_SUFFIX, quarto_markdown

_BLOCKS = {  # each starts a paragraph: the text on either side is not one run of words
    *("p", "div", "br", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd", "hr", "blockquote"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "figure", "figcaption"),
    *("section", "article", "aside", "header", "footer", "nav", "main", "address"),
}
_SKIP = {"script", "style", "head", "title"}
_CELLS = {"td", "th"}  # a table row reads as its cells set off by bars, a paragraph each row
_ROWS = {"tr", "table"}
_MARKUP = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>|<[!?][^<>]*>")
"""A comment's start, a tag, or a declaration. A tag ends before the next ``<``: one left
open then costs the text up to it, not the rest of the document."""
_SKIPPED_TO = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _SKIP}
# Embedded players, which hold no text: each is shown as the address of what it plays.
# A ``<source>`` counts only in a player that names none itself (one of its formats).
_PLAYERS = {"iframe", "video", "audio", "embed"}
_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_WATCHED = (  # a player's page, where its embedding address has one: a link to watch it
    (
        re.compile(r"(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)"),
        "www.youtube.com/watch?v=",
    ),
    (re.compile(r"player\.vimeo\.com/video/([0-9]+)"), "vimeo.com/"),
)


def html_to_text(markup: str) -> str:
    """Paragraph text of an HTML document; scripts, styles and the head are dropped.
    Read in one pass (the standard library's parser takes time that grows with the square
    of a run of unclosed comments: a minute for 400 kB of them)."""
    parts: list[str] = []
    at = 0
    in_row = in_cell = False  # a cell of this row was met (the next is set off); in one
    sourceless = False  # in a player that named no address: its first ``<source>``'s
    while (found := _MARKUP.search(markup, at)) is not None:
        parts.append(html.unescape(markup[at : found.start()]))
        at = found.end()
        name = found.group(2)
        if found.group() == "<!--":
            end = markup.find("-->", at)
            at = len(markup) if end < 0 else end + 3
        elif name is None:  # a declaration (<!DOCTYPE ...>) or processing instruction
            continue
        elif (name := name.lower()) in _SKIP and not found.group(1):
            closed = _SKIPPED_TO[name].search(markup, at)
            at = len(markup) if closed is None else closed.end()
        elif name in _PLAYERS or (name == "source" and sourceless):
            address = "" if found.group(1) else _played(found.group())
            sourceless = name in ("video", "audio") and not found.group(1) and not address
            if address:
                parts.append(f"\n\n{address}\n\n")
        elif name in _CELLS:
            parts.append(" | " if in_row and not found.group(1) else " ")
            in_row = True
            in_cell = not found.group(1)
        elif in_cell and name not in _ROWS:  # a cell's paragraphs stay in its row
            parts.append(" ")
        elif name in _BLOCKS:
            parts.append("\n\n")
            in_row = in_cell = False
    parts.append(html.unescape(markup[at:]))
    text = "".join(parts)
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p.strip("| "))  # not a row of empty cells


def _played(tag: str) -> str:
    """The web address a player's tag plays (its page, for a known video site), or ``""``
    for none or one that is not on the web (``javascript:``, a path of the site's)."""
    found = _SRC.search(tag)
    address = html.unescape(next(filter(None, found.groups()), "")).strip() if found else ""
    if address.startswith("//"):
        address = f"https:{address}"
    if not address.lower().startswith(("https://", "http://")):
        return ""
    for embedding, page in _WATCHED:
        if watched := embedding.match(address.split("://", 1)[1]):
            return f"https://{page}{watched.group(1)}"
    return address


HTML_SUFFIXES = (".html", ".htm")

_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|"
    "optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|"
    "track|ul"
)
_RAW_START = re.compile(
    r" {0,3}(?:<(?P<raw>script|pre|style|textarea)(?=[\s>]|$)|(?P<comment><!--)|"
    r"(?P<pi><\?)|(?P<cdata><!\[CDATA\[)|(?P<decl><![A-Za-z])"
    rf"|</?(?:{_BLOCK_NAMES})(?=[\s>]|/>|$))",
    re.IGNORECASE,
)
"""The start of an HTML block that may follow a paragraph's line (CommonMark's kinds 1-6)."""
_ONE_TAG = r"(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)"
_ALONE = re.compile(rf" {{0,3}}{_ONE_TAG}(?:\s*{_ONE_TAG})*\s*$")
"""A line of tags alone, which starts an HTML block after a blank line: CommonMark's kind 7
is one tag, and reads ``<video src=…></video>`` as a paragraph whose tags, all it holds,
the Markdown view drops."""
_ENDS = {"comment": "-->", "pi": "?>", "cdata": "]]>", "decl": ">"}
_TAG_LINE = re.compile(r"(?m)^ {0,3}<[A-Za-z/!?]")
_CONTAINER = re.compile(
    r"<(/?)(?:div|table|center|section|article|aside|header|footer|main|nav|form|figure|"
    r"html|body)(?=[\s>])",
    re.IGNORECASE,
)
"""Elements whose text may lie past blank lines and is still theirs; not those whose end
tag is often left out (``p``, ``li``), which would take the rest of a post with them."""
_ANY_TAG = re.compile(r"<[^<>]*>")  # not past the next <: see _MARKUP


def readable_body(body: str, path: str = "") -> str:
    """A document body as people read it: without template code or the Markdown
    renderer's own markup, Markdown as it is with its HTML blocks as their text (a
    newsletter's HTML body, in a ``.md`` file, is one block), MDX without its code, an
    ``.html`` file as its text. The reader shows this (its Markdown view drops
    HTML blocks, and the words in them) and the index searches it, so a search for ``td``,
    ``style`` or ``endraw`` does not match every newsletter's markup."""
    if not body or body.isspace():  # most news articles: their front matter is all
        return "" if path.lower().endswith(HTML_SUFFIXES) else body
    if path.lower().endswith(QUARTO_SUFFIX):
        body = quarto_markdown(body)
    body = strip_liquid(body)
    if path.lower().endswith(HTML_SUFFIXES):
        return _html_as_markdown(body)
    if path.lower().endswith(MDX_SUFFIX) or imports_components(body):
        body = mdx_markdown(body)
    body = plain_extras(strip_kramdown(myst_markdown(body)))
    if not _TAG_LINE.search(body):
        return line_breaks(body)
    runs = _runs(body.split("\n"))
    return "\n".join(_as_markdown(is_html, lines) for is_html, lines in runs).strip("\n")


def _as_markdown(is_html: bool, lines: list[str]) -> str:
    """A run as Markdown: an HTML block as its text, in paragraphs of their own."""
    if not is_html:
        return line_breaks("\n".join(lines))
    text = _html_as_markdown("\n".join(lines))
    return f"\n{text}\n" if text else ""


_PRE_ELEMENT = re.compile(r"<pre(?:\s[^<>]*)?>(.*?)(?:</pre\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_LINE_BREAK = re.compile(r"<br\s*/?>\n?", re.IGNORECASE)


def _html_as_markdown(markup: str) -> str:
    """HTML as Markdown: its text in paragraphs, and each ``<pre>`` within it as code, its
    lines kept (a highlighter's ``<br />`` a line's end); a blog's code in a ``<div>`` or
    an ``.html`` post ran into one paragraph, or one a line."""
    if "<pre" not in markup and "<PRE" not in markup:
        return _as_markdown_text(html_to_text(markup))
    parts = []
    at = 0
    for pre in _PRE_ELEMENT.finditer(markup):
        parts.append(_as_markdown_text(html_to_text(markup[at : pre.start()])))
        code = html.unescape(_ANY_TAG.sub("", _LINE_BREAK.sub("\n", pre.group(1))))
        parts.append(fenced(code.strip("\n")) if code.strip() else "")
        at = pre.end()
    parts.append(_as_markdown_text(html_to_text(markup[at:])))
    return "\n\n".join(part for part in parts if part)


def _as_markdown_text(text: str) -> str:
    """HTML's text in Markdown, where ``<video>`` (HTML's ``&lt;video&gt;``) would be a tag
    and dropped: its ``&`` and ``<`` as entities, which the Markdown renderer reads back;
    but an address between ``<`` and ``>`` (an embed's, ``{% twitter … %}`` in a
    ``<center>``) stays a link: escaped, it showed as ``<https://…?s=20`` and ``gt;``."""
    escaped = html.escape(text, quote=False)
    if "&lt;http" not in escaped:
        return escaped
    return _AUTOLINK.sub(lambda found: f"<{html.unescape(found[1])}>", escaped)


_AUTOLINK = re.compile(r"&lt;(https?://[^\s<>&]*(?:&amp;[^\s<>&]*)*)&gt;")


# The attribute by which Python-Markdown (MkDocs) and kramdown read an element's content
# as Markdown (``<div class="grid" markdown>``, ``markdown="1"``).
_MARKDOWN_INSIDE = re.compile(
    r"<[a-z][^>]*\smarkdown(?:\s*=\s*[\"']?(?:1|block|span)[\"']?)?[\s/>]", re.IGNORECASE
)


def _runs(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """The body's lines in runs, each with whether it is an HTML block, found as CommonMark
    finds them, except that a block goes on past blank lines while a container it opened
    is open (a newsletter's table, a centred ``div``: what lies between is HTML's text),
    unless the container says its content is Markdown (``markdown``). A fenced code
    block is never HTML, whatever it shows."""
    runs: list[tuple[bool, list[str]]] = [(False, [])]
    fence = end = ""  # the open code fence; the marker an open HTML block ends with
    depth = 0  # containers the open HTML block has opened and not closed
    after_blank = True
    for line in lines:
        is_html, run = runs[-1]
        blank = not line.strip()
        if fence:
            run.append(line)
            if fence_closed(fence, line):
                fence = ""
        elif end:
            run.append(line)
            if end in line.lower():
                end = ""
                runs.append((False, []))
        elif is_html and (not blank or depth > 0):
            run.append(line)
            depth += _opened(line)
        elif not blank and (start := _html_start(line, after_blank)) is not None:
            runs.append((True, [line]))
            depth = _opened(line)
            if _MARKDOWN_INSIDE.search(line):  # its content is Markdown, up to its closing tag
                start, depth = _ENDS_HERE, 0
            if start == _ENDS_HERE:
                runs.append((False, []))
            end = start if start != _ENDS_HERE else ""
        elif blank and is_html:
            runs.append((False, [line]))
        else:
            fence = fence_opened(line)
            run.append(line)
        after_blank = blank
    return runs


def _opened(line: str) -> int:
    """How many more containers ``line`` opens than it closes."""
    return sum(-1 if closing else 1 for closing in _CONTAINER.findall(line))


_ENDS_HERE = "\n"  # a block that ends on the line it starts on


def _html_start(line: str, after_blank: bool) -> str | None:
    """Whether ``line`` starts an HTML block: ``None`` if not; else the marker it ends with,
    ``""`` for a blank line, ``_ENDS_HERE`` for this one."""
    start = _RAW_START.match(line)
    if start is None:
        return "" if after_blank and _ALONE.match(line) else None
    kind = start.lastgroup
    if kind == "raw":
        marker = f"</{start.group('raw').lower()}>"
    elif kind in _ENDS:
        marker = _ENDS[kind]
    else:
        return ""
    return _ENDS_HERE if marker in line[start.end() :].lower() else marker
