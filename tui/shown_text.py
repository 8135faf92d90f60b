"""How much of a long text the detail pane shows, and not its title twice.

A title, an excerpt or a list of topics is drawn whole as one block on the UI thread at
each move to the article: one of some megabytes (within what a file may hold) took
seconds a move, to it and away. Each is cut well past what a real one holds.

The pane draws Markdown as a widget per block, at a cost that grows faster than the
number of blocks, and one update waits for the one before it: a body of some
megabytes (within what a file may hold) kept the previous article's text on screen for
a minute while the pane drew, and every article after it waited too. What is shown is
bounded so that drawing stays well under a second; a line says how much was left out.
"""

from __future__ import annotations

import re

from models.markdown_extras import heading_text, opening_heading
from models.text import shown_part, with_entities_decoded

SHOWN_CHARACTERS = 200_000  # a long read is some 60,000, a digest of links some 100,000
SHOWN_LINE = 1_000  # a title, or a list of authors or topics: a long one is some 200
SHOWN_EXCERPT = 5_000  # a long lede is some 1,000
SHOWN_BLOCKS = 250  # paragraphs, headings, lists...: blank-line separated parts
ITEMS_A_BLOCK = 4  # a list's items are lines of one widget (see ``markdown_lists``)


def without_title(markdown: str, title: str) -> str:
    """``markdown`` without a first heading that repeats ``title`` (many sites' bodies
    open with it), which the pane showed under the title again, boxed and large."""
    found = opening_heading(markdown)
    heading = with_entities_decoded(found.text) if found else ""
    if found and _plain(heading) == _plain(title):
        return markdown[found.end :].lstrip("\n")
    return markdown


def _plain(text: str) -> str:
    """``text`` as words to compare, without markup (``# **Title**``) or case."""
    return " ".join(heading_text(text).split()).casefold()


def shown_markdown(markdown: str) -> str:
    """``markdown`` whole when it is within bounds, else its start, cut at the end of a
    block where it can be, and a line that says how many characters follow; a heading
    longer than a title is shown by its start, as a title is."""
    cut = _end_of_blocks(markdown, SHOWN_BLOCKS)
    if cut > SHOWN_CHARACTERS:
        block_end = markdown.rfind("\n\n", 0, SHOWN_CHARACTERS + 1)
        cut = block_end if block_end > SHOWN_CHARACTERS // 2 else SHOWN_CHARACTERS
    if cut < len(markdown):
        left = len(markdown) - cut
        markdown = (
            f"{markdown[:cut].rstrip()}\n\n---\n\n*{left:,} more characters are not shown here.*\n"
        )
    return _LONG_HEADING.sub(_heading_start, markdown)


# A heading of a page's title (a preview's, or a body's first line) as long as a body: one
# of 10,000 characters filled the pane for a hundred rows, the text below it.
_LONG_HEADING = re.compile(rf"^(#{{1,6}}[ \t]+)([^\n]{{{SHOWN_LINE + 1},}})", re.MULTILINE)


def _heading_start(found: re.Match[str]) -> str:
    return found.group(1) + shown_part(found.group(2), SHOWN_LINE)


# Where a block ends: at a blank line, or before a line that starts one of its own with
# no blank line before it (a list's item, a heading or a heading's underline, a table's
# row, a code fence, a rule), in a quote too, or before a quote's line left blank. Each
# of those is drawn at a cost of its own: a long list one item to a line, counted as one
# block, kept the pane drawing for minutes, and so did quoted headings, items quoted by
# turns once and twice (a reply's reply), or code fences one after the other. An item
# costs a fraction of a paragraph, as it is drawn as lines of its list: a weekly digest
# of some hundred links is shown whole; but not one that starts a list of its own, in or
# out of a quote or by a marker of another kind (``-`` after ``*``, ``1)`` after ``1.``).
_QUOTES = r"[ \t]*((?:>[ \t]*)*)"
_ITEM = r"([-*+]|\d{1,9}([.)]))[ \t]"
_OTHER_START = r"#{1,6}[ \t]|\||\n|`{3}|~{3}|\*{3}|_{3}|[=-]+[ \t]*(?:\n|\Z)"
_BLOCK_END = re.compile(rf"\n\n|\n(?={_QUOTES}(?:{_ITEM}|{_OTHER_START}))")
_BLOCK_START = re.compile(rf"{_QUOTES}(?:{_ITEM}|(`{{3}}|~{{3}}))?")


def _end_of_blocks(markdown: str, count: int) -> int:
    """Where the first ``count`` blocks end (the whole length when there are no more),
    a list's item counted as a part of a block when it goes on the list before it, and a
    code fence that closes a block as none."""
    cost = start = 0
    before: tuple[int, str | None] | None = None  # the quotes and marker of the item before
    fenced = False  # within a fenced block of code
    for found in _BLOCK_END.finditer(markdown):
        block = _BLOCK_START.match(markdown, start)
        assert block is not None  # each of its parts may match nothing
        item = (block.group(1).count(">"), block.group(3) or block.group(2))
        fence = bool(block.group(4))
        if not (fence and fenced):
            cost += 1 if item[1] and item == before else ITEMS_A_BLOCK
        if cost >= count * ITEMS_A_BLOCK:
            return found.start()
        start, before, fenced = found.end(), item, fenced != fence
    return len(markdown)
