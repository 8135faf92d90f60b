"""Markdown extensions the reader's Markdown view lacks, as text it can show.

Footnotes, as Markdown Extra, kramdown and GitHub write them (``text[^note]`` and
``[^note]: what it says``): the view showed the marks raw, the definitions run into one
paragraph. A mark becomes ``[note]``, and each definition a paragraph of its own that
starts so. Task lists (``- [ ] to do``, ``- [x] done``): the boxes become ☐ and ☑.
An inline ``<br>``, which the view dropped and words ran together across, is a line
break (a space in a table's row), outside HTML blocks (``line_breaks``). Notes set
apart, as GitHub and Obsidian (``> [!NOTE]``), Docusaurus, Starlight and VitePress
(``:::tip`` or ``:::tip[Title]`` … ``:::``), Nuxt (``::tip`` … ``::``) and MkDocs
(``!!! tip "Title"`` and its indented lines) write them, are led by their kind in bold;
the view showed the marks, and MkDocs's indented lines as code. Nuxt's other components
show their words only (``:read-more{title="Modes"}``).
A wiki link (Obsidian's ``[[Page|shown]]``, ``[[Page#Part]]``) is the words it shows.
GitHub's emoji codes (``:tada:``) are the emoji, in the view.
A heading's attributes (``## Setup {#setup .wide}``, as Pandoc, kramdown, Hugo, VitePress
and MkDocs read them) are not shown, nor a block's on a line of their own (Hugo's).
Markdown code keeps what it shows."""

from __future__ import annotations

import re
from typing import NamedTuple

from models.liquid import MARKDOWN_CODE, strip_liquid
from models.mdx import untagged

# A heading's closing attribute list: an id or a class first (``{#id}``, ``{ .class k=v }``).
HEADING_ATTRIBUTES = r"[ \t]+\{[ \t]*[#.][^{}\n]*\}"

_ATTRIBUTES = r"\{[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}"

# Each starts a line or at one of these characters: the guard first fails a position
# at once, where trying every branch there took twice as long in all.
_EXTRAS = re.compile(
    r"(?:^|(?=[`\[!{]))(?:"
    + MARKDOWN_CODE
    + r"|^(?P<heading>[ ]{0,3}#{1,6}[ \t][^\n]*?)"
    + HEADING_ATTRIBUTES
    + r"[ \t]*$"
    + r"|^[ ]{0,3}\[\^(?P<defined>[^][\s]+)\]:[ \t]*"  # a definition, at a line's start
    r"|\[\^(?P<note>[^][\s]+)\]"
    r"|^(?P<item>[ \t]*[-*+][ \t]+)\[(?P<box>[ xX])\](?=[ \t])"
    r"|!?\[\[(?P<wiki>[^][|\n]+)(?:\|(?P<alias>[^][\n]+))?\]\]"  # no "[": one scan a line
    r"|^(?P<quote>[ \t]*>[ \t]*)\[!(?P<alert>[A-Za-z]+)\][+-]?[ \t]*(?P<alert_title>[^\n]*)"
    r"|^[ \t]*:::+[ \t]*(?P<fence_kind>[A-Za-z][\w-]*)?(?P<fence_title>[^\n]*)$"
    # Goldmark's (Hugo's) attributes of the block above, a line of their own: ``{.wide}``.
    r"|^[ \t]*(?P<block_attributes>\{[ \t]*[#.][\w-][^{}\n]*\})[ \t]*$"
    # Pandoc's attributes of a span or an image (``[aside]{.aside}``, ``![x](y){width=5}``).
    r"|(?:(?<=\))|(?<![!\]])\[(?P<span_words>[^][\n]*)\])"
    + _ATTRIBUTES
    # Nuxt's components (MDC): ``::tip`` … ``::`` around a block, ``:read-more{…}`` a line.
    + r"|^[ \t]*(?:(?P<colons>::)(?P<component>[A-Za-z][\w-]*)?(?:\{(?P<props>[^\n]*)\})?"
    r"|:(?P<inline>[A-Za-z][\w-]*)\{(?P<inline_props>[^\n]*)\})[ \t]*$"
    r"|^(?:!!!|\?\?\?\+?)[ \t]+(?P<note_kind>[A-Za-z]+)(?:[ \t]+[^\n\"]*)?"
    r"(?:[ \t]+\"(?P<note_title>[^\n\"]*)\")?[ \t]*\n"
    r"(?P<note_body>(?:(?:[ ]{4}|\t)[^\n]*\n|[ \t]*\n)*))",
    re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
_INDENT = re.compile(r"^(?:[ ]{4}|\t)", re.MULTILINE)
_SIZE = re.compile(r"\d+(?:x\d+)?")
# Dendron writes the words first and the note after (``[[Alice|people.team.alice]]``), the
# other way round from Obsidian: an address in a vault, or a note's name of three dotted
# parts or more in lower case (an alias such as ``Node.js`` or ``setup.py`` has fewer).
_DENDRON_TARGET = re.compile(r"dendron://\S+|[a-z][\w-]*(?:\.[a-z][\w-]*){2,}")
# Obsidian's own marks: a ``%%comment%%`` in a line or over lines of their own (private:
# neither shown nor searched), a ``==highlight==`` between words, a block's id closing
# its line (`` ^abc123``, `` ^my-block``: a letter and a digit or a dash). Each as
# Obsidian writes it, not ``100%%``, ``a==b``, base64's ``==`` or ``x ^n``.
_NOTES_MARKS = re.compile(
    MARKDOWN_CODE
    + r"|%%(?=[^\s%])[^%\n]*?(?<=[^\s%])%%|^[ \t]*%%[ \t]*\n.*?\n[ \t]*%%[ \t]*$"
    + r"|(?<![=\w])==(?=[^\s=])(?P<marked>[^=\n]+?)(?<=[^\s=])==(?![=\w])"
    + r"|[ \t]\^(?=[\w-]*[A-Za-z])(?=[\w-]*[\d-])[\w-]{3,}[ \t]*$",
    re.DOTALL | re.MULTILINE,
)


_MARKS = ("[^", "[ ]", "[!", "[[", "::", "!!!", "???", "{#", "{.", "{ #", "{ .", "}\n", "]{", "){")
NOTE_KINDS = frozenset(
    ("note", "tip", "info", "important", "warning", "caution", "danger", "success", "details")
    + ("example", "question", "quote", "abstract", "bug", "failure", "hint", "error")
    + ("attention", "seealso", "todo", "summary")
)
_PROPERTY = re.compile(r"\b(?P<name>title|type)=\"(?P<value>[^\"]*)\"")
_CALLOUT = re.compile(r"\.callout-(?P<kind>[\w]+)")
_BREAKS = re.compile(MARKDOWN_CODE + r"|<br[ \t]*/?>", re.DOTALL | re.MULTILINE | re.IGNORECASE)


def _replace(match: re.Match[str]) -> str:
    if (code := match.group("fence") or match.group("span")) is not None:
        return code
    if (heading := match.group("heading")) is not None:
        return heading
    if (item := match.group("item")) is not None:
        return item + ("☐" if match.group("box") == " " else "☑")
    if (defined := match.group("defined")) is not None:
        return f"\n\\[{defined}\\] "
    if (note := match.group("note")) is not None:
        return f"\\[{note}\\]"
    if (target := match.group("wiki")) is not None:  # its words, as Obsidian shows them
        alias = match.group("alias")
        if alias and _DENDRON_TARGET.fullmatch(alias):  # Dendron's ``[[words|a.b.c]]``
            return target
        if alias and not (match.group(0).startswith("!") and _SIZE.fullmatch(alias)):
            return alias  # an embed's ``|300`` is its size: the file's name is shown
        # A note, a heading in it, a block in it (``#^id``); in a table's cell, ``\|``.
        parts = target.removesuffix("\\").split("#")
        return " › ".join(p for p in parts if p.strip() and not p.startswith("^"))
    if (alert := match.group("alert")) is not None:
        quote, title = match.group("quote"), match.group("alert_title").rstrip()
        if not title:  # the note's first line follows on the next
            return f"{quote}**{alert.capitalize()}:** "
        return f"{quote}**{alert.capitalize()}:** {title}\n{quote.rstrip()}"  # a line of its own
    if (kind := match.group("note_kind")) is not None:
        title = f" {match.group('note_title')}" if match.group("note_title") else ""
        return f"**{kind.capitalize()}:**{title}\n\n{_INDENT.sub('', match.group('note_body'))}"
    if match.group("colons") is not None:
        return _component(match.group("component"), match.group("props") or "")
    if (inline := match.group("inline")) is not None:
        named = _properties(match.group("inline_props")).get("title")
        return f"**{inline.replace('-', ' ').capitalize()}:** {named}" if named else ""
    if match.group("block_attributes") is not None:
        return ""
    if match.group("fence_title") is None:  # a span's attributes
        return match.group("span_words") or ""
    kind, title = match.group("fence_kind"), match.group("fence_title").strip()
    if title.startswith("[") and title.endswith("]"):  # Starlight's and Docusaurus's title
        title = title[1:-1].strip()
    elif title.startswith("{") and title.endswith("}"):  # Pandoc's: ``{.callout-tip}``
        callout = _CALLOUT.search(title)
        kind, title = callout and callout["kind"], _properties(title).get("title", "")
    if kind and kind.lower() not in NOTE_KINDS:  # a layout (``column-margin``): no words
        kind = None
    label = " ".join(part for part in (f"**{kind.capitalize()}:**" if kind else "", title) if part)
    return f"\n{label}\n" if label else ""


def _properties(props: str) -> dict[str, str]:
    return {m.group("name"): m.group("value") for m in _PROPERTY.finditer(props)}


def _component(name: str | None, props: str) -> str:
    """An MDC block's opening or closing line as the words it shows: a note's kind
    (``::tip``, ``::callout{type="warning"}``), else nothing."""
    kind = (_properties(props).get("type") if name == "callout" else name) or ""
    return f"\n**{kind.capitalize()}:**\n" if kind.lower() in NOTE_KINDS else ""


def plain_extras(body: str) -> str:
    """``body`` with its footnotes, task lists' boxes, line breaks and notes set apart as
    the view can show them."""
    if "%%" in body or "==" in body or " ^" in body:
        body = _NOTES_MARKS.sub(_notes_mark, body)
    if not any(mark in body for mark in _MARKS) and "[x]" not in body.lower():
        return body
    return _EXTRAS.sub(_replace, body)


def _notes_mark(match: re.Match[str]) -> str:
    if (code := match.group("fence") or match.group("span")) is not None:
        return code
    marked = match.group("marked")
    return f"**{marked}**" if marked is not None else ""


def line_breaks(markdown: str) -> str:
    """``markdown`` (no HTML block) with each inline ``<br>`` a line break, or a space in a
    table's row, which must stay one line."""
    if "<br" not in markdown and "<BR" not in markdown:
        return markdown
    return _BREAKS.sub(_break, markdown)


_EMOJI_CODE = re.compile(MARKDOWN_CODE + r"|:[\w+-]+:", re.DOTALL | re.MULTILINE)


def with_emoji(markdown: str) -> str:
    """``markdown`` with GitHub's emoji codes (``:tada:``) outside code as the emoji they
    stand for, as GitHub, Jekyll's jemoji and Hugo show them; the view showed the codes.
    For the view alone: the index keeps the words, which a search may ask for."""
    if ":" not in markdown:
        return markdown
    return _EMOJI_CODE.sub(_emoji, markdown)


def _emoji(match: re.Match[str]) -> str:
    from rich.emoji import Emoji

    if (code := match.group("fence") or match.group("span")) is not None:
        return code
    return Emoji.replace(match.group())


def _break(match: re.Match[str]) -> str:
    if (code := match.group("fence") or match.group("span")) is not None:
        return code
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    return " " if match.string[line_start:].lstrip().startswith("|") else "\\\n"


# A heading of the first level a text opens with (``# Title``), after what a page shows
# nothing of: a script or style (VitePress's ``<script setup>``), a comment, MDX's imports.
# Possessive, a space at a time, and its line taken whole: spaces that could be split
# among the repeats, or between the text and what closes it, made a long line of them
# take hours.
_OPENING_HEADING = re.compile(
    r"(?:[ \t\r\n]|(?s:<(?P<element>script|style)\b[^>]*>.*?</(?P=element)>|<!--.*?-->)"
    # An MDX statement runs over the lines after it up to a blank one (``import {`` … ``}
    # from …``, ``export default function …``), or a heading.
    r"|(?:import|export)[ \t][^\n]*\n(?:[^#\n][^\n]*\n)*)*+#[ \t]+(?P<line>[^\n]*)(?:\n|\Z)"
)
_ATTRIBUTE_LIST = re.compile(r"\{[ \t]*[#.][^{}\n]*\}")


class Heading(NamedTuple):
    text: str  # as written: Markdown (``Using `git` for *faster* builds``)
    end: int  # where the text after it starts


# What inline Markdown shows of itself: a link or an image its words (a wiki link its
# alias, else its note), code its text, emphasis nothing; a backslash's sign is the sign.
_INLINE_MARKUP = re.compile(
    r"\[\[(?:[^\]|\n]*\|)?(?P<wiki>[^\]\n]*)\]\]"
    r"|!?\[(?P<words>[^\]\n]*)\]\([^)\n]*\)"
    r"|(?P<ticks>`+)(?P<code>[^`\n]+?)(?P=ticks)"
    r"|(?P<stars>\*{1,3})(?=\S)(?P<starred>[^*\n]+?)(?<=\S)(?P=stars)"
    r"|(?<!\w)(?P<lines>_{1,3})(?=\S)(?P<underlined>[^_\n]+?)(?<=\S)(?P=lines)(?!\w)"
    r"|\\(?P<escaped>[!-/:-@\[-`{-~])"
)


def inline_text(markdown: str) -> str:
    """A line of Markdown as the words it shows: a heading that titles a page, a name
    written as a link (Docsy's ``[Ada](https://…)``, Obsidian's ``[[Jane Doe]]``)."""
    if not any(sign in markdown for sign in "[`*_\\"):
        return markdown
    return _INLINE_MARKUP.sub(_shown_inline, markdown)


_HTML_COMMENT = re.compile(r"<!--.*?-->")


def heading_text(line: str) -> str:
    """A heading's words as its page shows them, to title the page by: template code, tags
    and comments show nothing of themselves (an Eleventy heading's ``{% addedin "1.0" %}``
    and ``<!-- Beta 7 -->`` titled its page), a component its words (VitePress's ``<Badge
    text="beta" />``), code spans as written."""
    if "{" in line or "<" in line:
        line = " ".join(untagged(_HTML_COMMENT.sub("", strip_liquid(line))).split())
    return inline_text(line)


def _shown_inline(match: re.Match[str]) -> str:
    shown = match.group("wiki", "words", "code", "starred", "underlined", "escaped")
    return next(filter(None, shown), "")


def opening_heading(markdown: str) -> Heading | None:
    """The heading ``markdown`` opens with, if any: an untitled page is titled by it, and a
    page that repeats its title so shows it once. Without its attributes (``{#id}``) or a
    closing run of ``#`` after a space, as CommonMark reads it (``# Learn C#`` keeps its
    ``#``)."""
    found = _OPENING_HEADING.match(markdown)
    if found is None:
        return None
    text = found["line"].rstrip(" \t\r")
    opening = text.rfind("{")
    if opening > 0 and text[opening - 1] in " \t" and _ATTRIBUTE_LIST.fullmatch(text, opening):
        text = text[:opening].rstrip(" \t")
    unclosed = text.rstrip("#")
    if unclosed != text and (not unclosed or unclosed[-1] in " \t"):
        text = unclosed.rstrip(" \t")
    return Heading(text, found.end())
