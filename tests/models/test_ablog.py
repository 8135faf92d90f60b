"""A post of ABlog (Sphinx's blog) says it is one with its ``post`` directive, in
reStructuredText or MyST Markdown, in place of front matter: such posts were passed over
as a Sphinx project's pages (of a real ABlog site's 70 posts, 66 were missing)."""

from __future__ import annotations

import time
from pathlib import Path

from models.document import parse_document
from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner

REST_POST = (
    "Version 1.0 Released\n"
    "====================\n"
    "\n"
    ".. post:: June 01, 2019\n"
    "   :author: Ada Lovelace, Grace Hopper\n"
    "   :tags: release, python\n"
    "   :category: Release\n"
    "   :excerpt: 2\n"
    "\n"
    "The project is happy to announce `its release <https://example.org/>`__.\n"
)

MYST_POST = (
    "```{post} May 10 2023\n"
    "---\n"
    "author: Alan Turing\n"
    "tags: sunspots\n"
    "---\n"
    "```\n"
    "\n"
    "# The future of time series\n"
    "\n"
    "In late 2022 a grant came.\n"
)


def test_a_restructured_text_post_is_read_from_its_directive() -> None:
    parsed = parse_document(REST_POST, "posts/2019/released.rst")
    article = parsed.article
    assert article is not None and not parsed.problems
    assert article.title == "Version 1.0 Released"
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2019-06-01"
    assert article.authors == ["Ada Lovelace", "Grace Hopper"]
    assert article.topics == ["Release", "python"]  # a category and a tag of one name: one
    assert article.excerpt != "2"  # a number of paragraphs, no text
    assert article.body == "The project is happy to announce [its release](https://example.org/).\n"


def test_a_myst_post_is_read_from_its_directive_and_heading() -> None:
    parsed = parse_document(MYST_POST, "posts/2023/series.md")
    article = parsed.article
    assert article is not None and not parsed.problems
    assert article.title == "The future of time series"
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2023-05-10"
    assert article.authors == ["Alan Turing"]
    assert article.topics == ["sunspots"]
    assert article.body == "In late 2022 a grant came.\n"


def test_a_heading_titles_a_post_as_the_page_shows_it() -> None:
    heading = "**Part 1: Bonding** \\| Week ``one``"
    rest = f"{heading}\n{'=' * len(heading)}\n\n.. post:: 2019-05-26\n"
    article = parse_document(rest, "posts/part1.rst").article
    assert article is not None and article.title == "Part 1: Bonding | Week one"
    myst = "```{post} 2023-05-10\n```\n\n# Series in `sunpy`\n\nWords.\n"
    article = parse_document(myst, "posts/series.md").article
    assert article is not None and article.title == "Series in sunpy"


def test_a_title_option_names_the_post_and_a_later_directive_counts() -> None:
    text = "Heading\n=======\n\nSome words first.\n\n.. post:: 2020-01-02\n   :title: Named\n"
    article = parse_document(text, "post.rst").article
    assert article is not None and article.title == "Named"
    assert article.body.startswith("Heading")


def test_a_page_without_the_directive_or_showing_it_as_code_is_no_post() -> None:
    page = "Install\n=======\n\nRun the installer.\n"
    assert parse_document(page, "docs/install.rst", require_front_matter=False).article is None
    shown = "# How to post\n\nWrite:\n\n```\n```{post} 2020-01-01\n```\n```\n"
    assert parse_document(shown, "docs/howto.md", require_front_matter=False).article is None
    literal = "How to post\n===========\n\nWrite::\n\n   .. post:: 2020-01-01\n"
    assert parse_document(literal, "docs/howto.rst", require_front_matter=False).article is None


def test_unclosed_code_fences_are_read_at_once() -> None:
    """Code fences left open, of many lengths (a hostile file), were each tried against
    every line after them: 20,000 of them held a parse for minutes."""
    text = "".join("`" * (3 + number % 50) + "x\n" for number in range(20_000))
    started = time.perf_counter()
    assert parse_document(text, "a.md", require_front_matter=False).article is None
    assert time.perf_counter() - started < 5


def test_lede_lists_an_ablog_sites_posts(run_lede: LedeRunner, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    (site / "conf.py").write_text("extensions = ['ablog']\n")
    (site / "index.rst").write_text("Home\n====\n\nWelcome.\n")
    (site / "posts" / "released.rst").write_text(REST_POST)
    (site / "posts" / "series.md").write_text(MYST_POST)
    listed = {row["title"]: row["published_at"] for row in rows(run_lede, site)}
    assert listed == {
        "Version 1.0 Released": "2019-06-01T00:00:00+00:00",
        "The future of time series": "2023-05-10T00:00:00+00:00",
    }
