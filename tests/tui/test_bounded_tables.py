"""A table in a body is cut to what the detail pane can draw at once: one of 2,000
columns (a data dump, a hostile page) kept the pane drawing for minutes, each cell a
widget, and every article after it waited."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from textual.widgets._markdown import MarkdownTableCellContents

from tests.conftest import write_document
from tests.tui.pilot import detail_text, indexed, until
from tui.app import LedeApp
from tui.bounded_tables import SHOWN_CELLS, SHOWN_COLUMNS
from tui.markdown_parser import markdown_parser


def table(columns: int, rows: int) -> str:
    head = "|" + "".join(f" h{n} |" for n in range(columns))
    rule = "|" + "---|" * columns
    body = ["|" + "".join(f" r{row}c{n} |" for n in range(columns)) for row in range(rows)]
    return "\n".join([head, rule, *body]) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        table(3, 4),
        table(SHOWN_COLUMNS, SHOWN_CELLS // SHOWN_COLUMNS - 1),  # exactly the bounds
        "- item\n\n  " + table(2, 2).replace("\n", "\n  ") + "\nafter\n",  # in a list
        "| left | right |\n|:---|---:|\n| a | b |\n\n> | q |\n> |---|\n> | 1 |\n",
    ],
    ids=["small", "at-the-bounds", "in-a-list", "aligned-and-quoted"],
)
def test_a_table_within_the_bounds_is_drawn_as_written(text: str) -> None:
    assert markdown_parser().render(text) == MarkdownIt("gfm-like").render(text)


def test_a_wide_and_long_table_is_cut_with_a_line_that_says_so() -> None:
    shown_rows = SHOWN_CELLS // SHOWN_COLUMNS - 1
    rows = shown_rows + 6  # longer than shown (rows beyond these only add to the parse)
    html = markdown_parser().render("Before.\n\n" + table(2000, rows) + "\nAfter.\n")
    assert html.count("<th>") == SHOWN_COLUMNS
    assert html.count("<td>") == SHOWN_COLUMNS * shown_rows
    assert f"<td>r{shown_rows - 1}c{SHOWN_COLUMNS - 1}</td>" in html
    note = f"{2000 - SHOWN_COLUMNS:,} more columns and {rows - shown_rows:,} more rows"
    assert f"<p><em>{note} of this table are not shown here.</em></p>\n<p>After.</p>" in html


def test_a_narrow_table_keeps_more_rows() -> None:
    html = markdown_parser().render(table(2, 1000))
    assert html.count("<td>") == 2 * (SHOWN_CELLS // 2 - 1)
    assert "<em>761 more rows of this table are not shown here.</em>" in html


@pytest.mark.parametrize(
    ("columns", "rows", "note"),
    [
        (SHOWN_COLUMNS, SHOWN_CELLS // SHOWN_COLUMNS, "1 more row of this table is not shown"),
        (SHOWN_COLUMNS + 1, 2, "1 more column of this table is not shown"),
        (SHOWN_COLUMNS + 1, 40, "1 more column and 1 more row of this table are not shown"),
    ],
)
def test_the_note_counts_one_left_out_in_the_singular(columns: int, rows: int, note: str) -> None:
    assert f"<em>{note} here.</em>" in markdown_parser().render(table(columns, rows))


async def test_the_pane_draws_a_huge_table_cut_and_goes_on_to_the_next(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_document(corpus, "dump.md", "title: Dump\ndate: 2024-01-02\n", table(2000, 200))
    write_document(corpus, "next.md", "title: Next\ndate: 2024-01-01\n", "The next one.\n")
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: "of this table are not shown here" in detail_text(app))
        cells = app.screen.query(MarkdownTableCellContents)
        assert len(cells) == SHOWN_COLUMNS * 11  # a head and the rows within the shown text
        await pilot.press("J")
        await until(pilot, lambda: "The next one." in detail_text(app), "the next article")
