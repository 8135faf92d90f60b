"""An AsciiDoc body read as the Markdown the detail view shows.

Its section titles (``== Fixes``) are Markdown's headings, its listing and literal blocks
(``----``, ``....``, a ``[source,java]`` before them naming the language) fenced code,
its quote blocks (``____``) quotes, its lists (``*``, ``**``, ``.``) Markdown's, its
tables (``|===``) Markdown's tables, and its links (``link:url[text]``, ``url[text]``),
pictures (``image::path[alt]``), bold (``*word*``) and references to the header's
attributes (``{version}``) what they say. Comments, block attributes and directives
(``ifdef::``, ``toc::[]``, an ``include::`` not followed: see
``models.asciidoc_include``) show nothing. What is alike in both (paragraphs,
``_emphasis_``, ```code```) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

_SECTION = re.compile(r"(={1,6})[ \t]+(\S.*?)(?:[ \t]+=+)?[ \t]*")
_BLOCK_ATTRIBUTES = re.compile(r"\[[^\]\n]*\]")
_SOURCE = re.compile(r"\[(?:source)?,[ \t]*([\w+#.-]+)")
_DIRECTIVE = re.compile(r"(?:include|ifdef|ifndef|ifeval|endif|toc)::[^\n]*\[[^\]\n]*\]")
_BLOCK_IMAGE = re.compile(r"image::([^\[\s]+)\[([^\],\n]*)[^\]\n]*\]")
_LIST = re.compile(r"([*.-]{1,5})[ \t]+(\S.*)")
_ADMONITION = re.compile(r"(NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+(.*)")
_BLOCK_TITLE = re.compile(r"\.([^\s.][^\n]*)")
_FENCES = {
    "----": "code",
    "....": "code",
    "____": "quote",
    "====": "open",
    "****": "open",
    "--": "open",
}
_ATTRIBUTE_ENTRY = re.compile(r":!?[\w-]+!?:(?:[ \t].*)?")
# Each macro begins a run of its own (after a space, a parenthesis, a quote), and each part of
# it is bounded: a line of a hundred thousand ``http://`` or ``<<`` was tried from each one
# to its end, and took minutes to read.
_INLINE = re.compile(
    r"(?<![^\s(<>\"'])(?:"
    r"(?P<link>(?:link:|(?=https?://))(?P<url>[^\s\[]{1,2048})\[(?P<text>[^\]\n]{0,1024})\])"
    r"|image:(?P<image>[^\s\[:][^\s\[]{0,2047})\[(?P<alt>[^\],\n]{0,1024})[^\]\n]{0,1024}\]"
    r"|<<(?P<xref>[^,<>\n]{1,256})(?:,[ \t]*(?P<xref_text>[^>\n]{1,1024}))?>>"
    r"|xref:[^\s\[]{1,2048}\[(?P<xref_label>[^\]\n]{0,1024})\]"
    r"|(?:kbd|btn|menu):(?:[^\s\[]{0,256})\[(?P<key>[^\]\n]{0,256})\]"
    r"|footnote:\[(?P<note>[^\]\n]{0,4096})\])"
    r"|(?<![\w*])\*(?P<bold>[^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])"
)
_REFERENCE = re.compile(r"\{([\w-]+)\}")


def asciidoc_markdown(body: str, attributes: Mapping[str, str] | None = None) -> str:
    """``body`` (AsciiDoc) as Markdown, as the module's words say; ``attributes`` are
    the header's, which ``{name}`` refers to."""
    return "\n".join(_lines(body.split("\n"), attributes or {}))


def _lines(lines: list[str], attributes: Mapping[str, str]) -> Iterator[str]:
    """The Markdown lines of ``lines``."""
    language = ""
    number = 0
    while number < len(lines):
        line = lines[number].rstrip()
        number += 1
        if line == "////":  # a comment block
            number = _closing(lines, number, line) + 1
            continue
        if line.startswith("//") or _DIRECTIVE.fullmatch(line) or _ATTRIBUTE_ENTRY.fullmatch(line):
            continue
        if found := _SOURCE.match(line):
            language = found[1]
            continue
        if _BLOCK_ATTRIBUTES.fullmatch(line) or line.startswith("[["):
            continue
        kind = _FENCES.get(line)
        if kind is not None:
            end = _closing(lines, number, line)
            block = lines[number:end]
            number = end + 1
            if kind == "code":
                yield from (f"```{language}", *block, "```")
            elif kind == "quote":
                yield from (f"> {text}".rstrip() for text in _lines(block, attributes))
            else:
                yield from _lines(block, attributes)
            language = ""
            continue
        if line.startswith("|==="):
            end = _closing(lines, number, line)
            yield from _table(lines[number:end], attributes)
            number = end + 1
            continue
        if line == "+":  # a list item's continuation
            yield ""
            continue
        yield _line(line, attributes)


def _line(line: str, attributes: Mapping[str, str]) -> str:
    """One line outside blocks as Markdown."""
    if found := _SECTION.fullmatch(line):
        return "#" * len(found[1]) + " " + _inline(found[2], attributes)
    if found := _BLOCK_IMAGE.fullmatch(line):
        return f"![{found[2]}]({found[1]})"
    if found := _ADMONITION.fullmatch(line):
        return f"**{found[1].title()}:** {_inline(found[2], attributes)}"
    if found := _LIST.fullmatch(line):
        marks, text = found[1], _inline(found[2], attributes)
        if marks[0] == "-":
            return f"- {text}"
        indent = "  " * (len(marks) - 1)
        return f"{indent}{'1.' if marks[0] == '.' else '-'} {text}"
    if found := _BLOCK_TITLE.fullmatch(line):
        return f"*{_inline(found[1], attributes)}*"
    if line.endswith(" +"):  # a hard line break
        return _inline(line[:-2], attributes) + "  "
    return _inline(line, attributes)


def _inline(text: str, attributes: Mapping[str, str]) -> str:
    """Links, pictures, bold words and attribute references in ``text`` as Markdown."""

    def replaced(found: re.Match[str]) -> str:
        if found["link"]:
            return f"[{found['text'] or found['url']}]({found['url']})"
        if found["image"]:
            return f"![{found['alt']}]({found['image']})"
        if found["xref"]:
            return found["xref_text"] or found["xref"]
        if found["bold"]:
            return f"**{found['bold']}**"
        for name in ("xref_label", "key", "note"):
            if found[name] is not None:
                return f" ({found[name]})" if name == "note" else found[name]
        return found[0]

    if attributes and "{" in text:
        text = _REFERENCE.sub(lambda found: attributes.get(found[1].lower(), found[0]), text)
    return _INLINE.sub(replaced, text)


def _closing(lines: list[str], number: int, delimiter: str) -> int:
    """The number of the line that closes the block opened before ``number``: the end
    of the text where none does."""
    for index in range(number, len(lines)):
        if lines[index].rstrip() == delimiter:
            return index
    return len(lines)


def _table(rows: list[str], attributes: Mapping[str, str]) -> Iterator[str]:
    """A table's lines (``|a |b``, a cell a line or a row a line) as a Markdown table:
    as many columns as its first line has cells."""
    first = next((row for row in rows if row.strip()), "")
    columns = max(1, first.count("|"))
    cells: list[str] = []
    for row in rows:
        if "|" in row:
            cells += (cell.strip() for cell in row.split("|")[1:])
        elif row.strip() and cells:  # a cell's text goes on
            cells[-1] = f"{cells[-1]} {row.strip()}"
    cells = [_inline(cell, attributes).replace("|", "\\|") for cell in cells]
    if not cells:
        return
    grid = [cells[start : start + columns] for start in range(0, len(cells), columns)]
    yield ""
    yield "| " + " | ".join(grid[0]) + " |"
    yield "|" + "---|" * columns
    for cells_of_row in grid[1:]:
        yield "| " + " | ".join(cells_of_row + [""] * (columns - len(cells_of_row))) + " |"
    yield ""
