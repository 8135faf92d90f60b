"""How much of a long text the detail pane shows."""

from __future__ import annotations

import pytest

from tui.shown_text import (
    ITEMS_A_BLOCK,
    SHOWN_BLOCKS,
    SHOWN_CHARACTERS,
    shown_markdown,
    without_title,
)

NOTE = "more characters are not shown here.*\n"
ITEMS_SHOWN = SHOWN_BLOCKS * ITEMS_A_BLOCK - ITEMS_A_BLOCK + 1  # the first starts its list


def test_an_article_of_any_usual_length_is_shown_whole() -> None:
    text = "# Title\n\n" + "A sentence of a paragraph. " * 40 + "\n\n" * 1 + "- a\n- b\n"
    assert shown_markdown(text) == text
    assert shown_markdown("") == ""
    whole = "p\n\n" * (SHOWN_BLOCKS - 1) + "p"
    assert shown_markdown(whole) == whole


def test_too_many_blocks_end_after_the_last_shown_with_what_is_left() -> None:
    text = "".join(f"paragraph {n}\n\n" for n in range(SHOWN_BLOCKS * 3))
    shown = shown_markdown(text)
    kept, note = shown.split("\n\n---\n\n")
    assert kept == "\n\n".join(f"paragraph {n}" for n in range(SHOWN_BLOCKS))
    left = len(text) - len(kept)
    assert note == f"*{left:,} {NOTE}"


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("- An item", ITEMS_SHOWN),
        ("1. An item", ITEMS_SHOWN),
        ("# A heading", SHOWN_BLOCKS),
        ("| a | row |", SHOWN_BLOCKS),
        ("> # A quoted heading", SHOWN_BLOCKS),
        (">> | a | row |", SHOWN_BLOCKS),
        ("> - A quoted item", ITEMS_SHOWN),
        ("***", SHOWN_BLOCKS),  # a rule
    ],
)
def test_lines_that_each_start_a_block_count_as_blocks_without_blank_lines(
    line: str, shown: int
) -> None:
    """Thousands of list items, headings or table rows, one to a line, were one block to
    the bound, and the pane drew them all for minutes. A list's items, drawn as lines of
    one widget, each count as a part of a block."""
    text = f"{line}\n" * (SHOWN_BLOCKS * ITEMS_A_BLOCK * 2)
    kept = shown_markdown(text).split("\n\n---\n\n")[0]
    assert kept == "\n".join([line] * shown)


@pytest.mark.parametrize(
    "blocks",
    ["- An item\n* An item", "1. An item\n1) An item", "A heading\n===", "```\ncode\n```"],
    ids=["bullets by turns", "numbers by turns", "underlined headings", "fenced code"],
)
def test_blocks_of_several_lines_without_blank_lines_count_as_blocks(blocks: str) -> None:
    """Lists whose markers change by turns (each item a list), underlined headings or
    fenced code, one after the other with no blank line, were one block to the bound:
    2,000 of them kept the pane drawing for 7 to 31 s, taking no key meanwhile."""
    text = f"{blocks}\n" * SHOWN_BLOCKS * ITEMS_A_BLOCK
    kept = shown_markdown(text).split("\n\n---\n\n")[0]
    assert text.startswith(kept)
    assert SHOWN_BLOCKS // 3 <= kept.count(blocks) <= SHOWN_BLOCKS


def test_items_quoted_by_turns_once_and_twice_count_as_blocks() -> None:
    """Each opens or closes a quote, and so a list of its own: a reply's reply of
    thousands of them kept the pane drawing for 30 s."""
    lines = [">" * (n % 2 + 1) + " - an item" for n in range(SHOWN_BLOCKS * ITEMS_A_BLOCK)]
    kept = shown_markdown("\n".join(lines)).split("\n\n---\n\n")[0]
    assert kept == "\n".join(lines[:SHOWN_BLOCKS])


def test_a_quote_s_paragraphs_count_as_blocks() -> None:
    text = "> A paragraph of a quote.\n>\n" * SHOWN_BLOCKS * 2
    kept = shown_markdown(text).split("\n\n---\n\n")[0]
    assert kept.count("A paragraph") == SHOWN_BLOCKS


def test_a_weekly_digest_of_hundreds_of_links_is_shown_whole() -> None:
    """A newsletter's issue of some 600 linked items, in sections, was cut after its
    250th item with a line saying how much was left out."""
    sections = [
        f"## Section {section}\n\nWhat the week brought.\n\n"
        + "".join(
            f"* [A linked title number {n} of some words]"
            f"(https://example.com/{section}/{n}/a-long-slug-for-the-page) by its author\n"
            for n in range(60)
        )
        for section in range(10)
    ]
    digest = "# Issue 600\n\n" + "\n".join(sections)
    assert shown_markdown(digest) == digest
    # The items of a list with their paragraphs apart, one list too.
    loose = "\n".join(f"1. [Item {n}](https://example.com/{n})\n" for n in range(600))
    assert shown_markdown(loose) == loose


def test_too_many_characters_end_at_a_block_or_at_the_bound() -> None:
    blocks = ("word " * 1999 + "word\n\n") * 50  # 500,000 characters in 50 blocks
    kept = shown_markdown(blocks).split("\n\n---\n\n")[0]
    assert len(kept) <= SHOWN_CHARACTERS and blocks.startswith(kept)
    assert blocks[len(kept) :].startswith("\n\n")  # cut where a block ends
    one_line = "x" * (SHOWN_CHARACTERS * 2)
    shown = shown_markdown(one_line)
    assert shown.startswith("x" * SHOWN_CHARACTERS + "\n\n---")
    assert shown.endswith(f"*{SHOWN_CHARACTERS:,} {NOTE}")


def test_a_first_heading_that_repeats_the_title_is_not_shown_twice() -> None:
    """nodejs.org's posts open with their title as a heading: the pane showed it twice."""
    body = "\n# Node.js  v20 is  here #\n\nThe release.\n\n# Node.js v20 is here\n"
    assert without_title(body, "Node.js v20 is here") == "The release.\n\n# Node.js v20 is here\n"
    assert without_title("# Another heading\n\nText", "Title") == "# Another heading\n\nText"
    assert without_title("Text first\n# Title\n", "Title") == "Text first\n# Title\n"
    assert without_title("## Title\n\nText", "Title") == "## Title\n\nText"
    assert without_title("# Learn C#\n\nText", "Learn C#") == "Text"  # its own "#" kept
    # A title taken from the heading is its words: the heading still repeats it.
    linked = "# Using `git` for [faster](https://x.test) builds\n\nText"
    assert without_title(linked, "Using git for faster builds") == "Text"
    assert without_title("# **React 0.82**\n\nText", "React 0.82") == "Text"  # emphasised
    assert without_title("# Closed #\n\nText", "Closed") == "Text"
    tagged = '# MPA Mode <Badge text="experimental" /> {% addedin "1.0" %}\n\nText'
    assert without_title(tagged, "MPA Mode experimental") == "Text"  # titled by its words
