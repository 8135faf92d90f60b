"""A table in an article's body, cut to what the detail pane can draw at once.

The pane draws a table as a widget per cell, each styled and laid out on the UI thread:
some milliseconds a cell. A table of 2,000 columns (a data dump, a hostile page) kept the
pane drawing for minutes, and every article after it waited. Beyond a terminal's width of
columns, or a few hundred cells, a table is cut, and a line under it says what was left
out, as for a long body (``tui.shown_text``).
"""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

SHOWN_COLUMNS = 12  # at 120 columns of terminal, ten characters each
SHOWN_CELLS = 480  # of a table, its head's included: well under a second to draw


def bounded_tables(state: StateCore) -> None:
    """Each table of ``state``'s tokens cut to ``SHOWN_COLUMNS`` and ``SHOWN_CELLS``."""
    tokens = state.tokens
    if not any(token.type == "table_open" for token in tokens):
        return
    kept: list[Token] = []
    start = None
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            start = index
        elif token.type == "table_close" and start is not None:
            kept += _bounded(tokens[start : index + 1])
            start = None
        elif start is None:
            kept.append(token)
    state.tokens = kept


def _bounded(table: list[Token]) -> list[Token]:
    """A table's tokens, its columns and rows past the bounds left out, and a note of how
    many under it."""
    columns = sum(1 for token in table if token.type == "th_open") or 1
    shown_rows = max(1, SHOWN_CELLS // min(columns, SHOWN_COLUMNS) - 1)  # the head's row
    kept: list[Token] = []
    rows = column = 0
    in_body = skipping_cell = skipping_row = False
    for token in table:
        kind = token.type
        if kind == "tbody_open":
            in_body = True
        elif kind == "tr_open":
            rows += in_body
            skipping_row = rows > shown_rows
            column = 0
        elif kind in ("th_open", "td_open"):
            column += 1
            skipping_cell = column > SHOWN_COLUMNS
        if not (skipping_row or skipping_cell):
            kept.append(token)
        if kind in ("th_close", "td_close"):
            skipping_cell = False
        elif kind == "tr_close":
            skipping_row = False
    left = [
        f"{count:,} more {name}{'s' if count != 1 else ''}"
        for count, name in ((columns - SHOWN_COLUMNS, "column"), (rows - shown_rows, "row"))
        if count > 0
    ]
    if left:
        verb = "is" if left == ["1 more row"] or left == ["1 more column"] else "are"
        text = f"{' and '.join(left)} of this table {verb} not shown here."
        kept += _note(text, table[0].level)
    return kept


def _note(text: str, level: int) -> list[Token]:
    """A paragraph of italic ``text`` at ``level``, as markdown-it would parse ``*text*``."""
    inline = Token("inline", "", 0, level=level + 1, content=text, block=True)
    inline.children = [
        Token("em_open", "em", 1, markup="*"),
        Token("text", "", 0, content=text),
        Token("em_close", "em", -1, markup="*"),
    ]
    return [
        Token("paragraph_open", "p", 1, level=level, block=True),
        inline,
        Token("paragraph_close", "p", -1, level=level, block=True),
    ]
