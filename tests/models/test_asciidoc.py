"""Posts written in AsciiDoc (JBake's, jekyll-asciidoc's, a Hugo site's ``.adoc`` pages):
their header is their front matter and their body is shown as Markdown. A site of them
was "no documents found"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from library.scope import ALL
from library.session import ReaderSession
from models import asciidoc, asciidoc_include
from models.asciidoc_body import asciidoc_markdown
from models.asciidoc_include import INCLUDE_ROOT, MAX_DEPTH
from models.document import parse_document
from tests.conftest import LedeRunner

PROJECT = Path(__file__).resolve().parents[2]

JBAKE_POST = """\
= JBake v2.6.6 released
Jonathan Bullock <jon@example.com>
2021-04-15
:jbake-type: post
:jbake-tags: community, release
:jbake-status: published
:idprefix:
:version: 2.6.6

== JBake v{version} released

I'm happy to announce that link:/download.html[JBake v{version}] has been released.

=== Fixes

* Templates are *found* again
** even nested
"""


def test_a_jbake_post_is_dated_titled_and_tagged_by_its_header() -> None:
    parsed = parse_document(JBAKE_POST, "content/news/jbake-v2-6-6-released.adoc")
    article = parsed.article
    assert article is not None, parsed.problems
    assert parsed.problems == []
    assert article.title == "JBake v2.6.6 released"
    assert article.published_at is not None and article.published_at.date() == date(2021, 4, 15)
    assert article.topics == ["community", "release"]
    assert article.authors == ["Jonathan Bullock"]
    assert article.body.split("\n")[1:7] == [
        "## JBake v2.6.6 released",
        "",
        "I'm happy to announce that [JBake v2.6.6](/download.html) has been released.",
        "",
        "### Fixes",
        "",
    ]
    assert "- Templates are **found** again\n  - even nested" in article.body


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ("= T\nAda Lovelace\nv1.2, 2020-03-04: Revised\n", date(2020, 3, 4)),
        ("= T\nv1.2, March 4, 2020\n", date(2020, 3, 4)),
        ("= T\n:revdate: 2020-03-04\n", date(2020, 3, 4)),
        ("// a comment\n:page-layout: post\n= T\n:page-date: 2020-03-04 10:00\n", date(2020, 3, 4)),
    ],
    ids=["author-and-revision", "revision-alone", "revdate", "jekyll-asciidoc"],
)
def test_the_date_is_read_from_each_place_a_header_gives_it(head: str, day: date) -> None:
    article = parse_document(head + "\nText.\n", "_posts/post.adoc").article
    assert article is not None
    assert article.title == "T"
    assert article.published_at is not None and article.published_at.date() == day


def test_jekyll_asciidoc_page_attributes_are_its_keys() -> None:
    head = (
        "= Quarkus 3.2 is out\n:page-tags: [release, quarkus]\n:page-date: 2023-07-07\n"
        ":description: The last release before summer.\n:keywords: ignored, here\n"
    )
    article = parse_document(head + "\nText.\n", "blog/_posts/quarkus.adoc").article
    assert article is not None
    assert article.topics == ["release", "quarkus"]
    assert article.excerpt == "The last release before summer."


@pytest.mark.parametrize(
    "text",
    [
        "= Installation\n:jbake-type: page\n:toc:\n\nSteps.\n",  # a manual's chapter: no date
        "Some notes, no header.\n\n== A section\n",
        "= Title alone\n\nText.\n",
    ],
)
def test_a_page_with_no_date_and_no_post_type_is_passed_over_quietly(text: str) -> None:
    parsed = parse_document(text, "docs/page.adoc", require_front_matter=False)
    assert parsed.article is None
    assert parsed.problems == []


def test_a_posts_header_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Telling a post from a page reads its header: the parse and the body's
    ``{attribute}``s use what that read, where each read the header again (three times)."""
    calls: list[str] = []

    def counted(name: str) -> Callable[..., Any]:
        read = getattr(asciidoc, name)
        return lambda *args: calls.append(name) or read(*args)

    for name in ("asciidoc_values", "header_attributes"):
        monkeypatch.setattr(asciidoc, name, counted(name))
    article = parse_document(JBAKE_POST, "content/news/jbake-v2-6-6-released.adoc").article
    assert article is not None and article.title == "JBake v2.6.6 released"
    assert "[JBake v2.6.6](/download.html)" in article.body
    assert sorted(calls) == ["asciidoc_values", "header_attributes"]


def test_a_hugo_page_in_asciidoc_has_its_body_shown_as_markdown() -> None:
    text = "---\ntitle: Hugo in AsciiDoc\ndate: 2024-01-02\n---\n\n== A section\n\nText.\n"
    article = parse_document(text, "content/posts/a.adoc").article
    assert article is not None
    assert article.body.strip().split("\n") == ["## A section", "", "Text."]


def test_blocks_become_markdown_blocks() -> None:
    body = """\
// a comment
////
a comment block
////
[source,java]
----
int x = *y*;
----

____
A quote with https://example.com[a link].
____

NOTE: Mind the gap.

.A table
[cols="1,1", options="header"]
|===
|Version |Link
|2.6.7 |image:logo.png[Logo]
|===

include::other.adoc[]
image::shot.png[A screenshot, 600]
. first
. second
"""
    assert asciidoc_markdown(body).split("\n") == [
        "```java",
        "int x = *y*;",
        "```",
        "",
        "> A quote with [a link](https://example.com).",
        "",
        "**Note:** Mind the gap.",
        "",
        "*A table*",
        "",
        "| Version | Link |",
        "|---|---|",
        "| 2.6.7 | ![Logo](logo.png) |",
        "",
        "",
        "![A screenshot](shot.png)",
        "1. first",
        "1. second",
        "",
    ]


def test_lede_lists_a_jbake_site(run_lede: LedeRunner, tmp_path: Path) -> None:
    news = tmp_path / "site" / "content" / "news"
    news.mkdir(parents=True)
    (news / "released.adoc").write_text(JBAKE_POST, encoding="utf-8")
    (news.parent / "manual.adoc").write_text("= Manual\n:jbake-type: page\n\nText.\n")
    listed = run_lede("list", "--json", tmp_path / "site")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(row["title"], row["published_at"][:10]) for row in rows] == [
        ("JBake v2.6.6 released", "2021-04-15")
    ]
    assert run_lede("check", tmp_path / "site").returncode == 0


GUIDE = """\
= The Guide
2024-01-02
:jbake-type: post
:chapters: chapters

Intro.

include::{chapters}/one.adoc[leveloffset=+1]

include::chapters/missing.adoc[]

include::../outside.adoc[]
"""


def write_book(tmp_path: Path) -> Path:
    """A page made of chapters: one that includes a section, which includes the page
    again; one that is not there; one outside the corpus (``book``)."""
    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    (book / "guide.adoc").write_text(GUIDE, encoding="utf-8")
    (book / "chapters" / "one.adoc").write_text(
        "= Chapter One\n\nZanzibar is *here*.\n\ninclude::part.adoc[]\n", encoding="utf-8"
    )
    (book / "chapters" / "part.adoc").write_text(
        "== A part\n\nPart text.\n\ninclude::../guide.adoc[]\n", encoding="utf-8"
    )
    (tmp_path / "outside.adoc").write_text("Secret words.\n", encoding="utf-8")
    return book


def test_a_page_made_of_chapters_shows_them(tmp_path: Path) -> None:
    """Its ``include::`` lines showed nothing: a book's page was its title alone."""
    book = write_book(tmp_path)
    token = INCLUDE_ROOT.set(str(book))
    try:
        parsed = parse_document(GUIDE, str(book / "guide.adoc"))
    finally:
        INCLUDE_ROOT.reset(token)
    assert parsed.article is not None and parsed.problems == []
    assert [line for line in parsed.article.body.split("\n") if line] == [
        "Intro.",
        "## Chapter One",  # a level down, as its leveloffset says
        "Zanzibar is **here**.",
        "### A part",
        "Part text.",
        "_(include of ../guide.adoc: includes itself, not followed again)_",
        "_(include of chapters/missing.adoc: not found)_",
        "_(include of ../outside.adoc: outside the corpus, not followed)_",
    ]


def test_an_include_of_a_pipe_or_a_device_is_not_read(tmp_path: Path) -> None:
    """A FIFO named by an include waited for a writer forever, and the index with it."""
    os.mkfifo(tmp_path / "pipe.adoc")
    (tmp_path / "zero.adoc").symlink_to(tmp_path / "pipe.adoc")
    script = (
        "from models.asciidoc_include import INCLUDE_ROOT\n"
        "from models.document import parse_document\n"
        f"INCLUDE_ROOT.set({str(tmp_path)!r})\n"
        "text = '= A page\\n2024-01-02\\n\\ninclude::pipe.adoc[]\\n\\ninclude::zero.adoc[]\\n'\n"
        f"print(parse_document(text, {str(tmp_path / 'page.adoc')!r}).article.body)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, cwd=PROJECT
    )
    assert [line for line in shown.stdout.splitlines() if line] == [
        "_(include of pipe.adoc: not a file, not read)_",
        "_(include of zero.adoc: not a file, not read)_",
    ]


def test_includes_of_includes_bring_in_a_bounded_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that includes a page ten times, which includes another ten times, and so
    on: read whole, fifty lines a file four deep grew to gigabytes, read for hours."""
    monkeypatch.setattr(asciidoc_include, "_MAX_INCLUDED", 100_000, raising=False)
    (tmp_path / "d.adoc").write_text("word " * 200 + "\n")
    for name, inner in (("b", "d"), ("a", "b")):
        (tmp_path / f"{name}.adoc").write_text(f"include::{inner}.adoc[]\n\n" * 10)
    token = INCLUDE_ROOT.set(str(tmp_path))
    try:
        text = "= Laughs\n2024-01-02\n\n" + "include::a.adoc[]\n\n" * 10
        article = parse_document(text, str(tmp_path / "page.adoc")).article
    finally:
        INCLUDE_ROOT.reset(token)
    assert article is not None
    assert 50_000 < len(article.body) < 200_000
    assert article.body.rstrip().endswith(
        "_(include of a.adoc: the page is long enough with what it includes, not followed)_"
    )


def test_includes_nest_a_few_levels_deep(tmp_path: Path) -> None:
    for level in range(1, 8):
        (tmp_path / f"{level}.adoc").write_text(f"Level {level}.\n\ninclude::{level + 1}.adoc[]\n")
    token = INCLUDE_ROOT.set(str(tmp_path))
    try:
        text = "= Deep\n2024-01-02\n\ninclude::1.adoc[]\n"
        article = parse_document(text, str(tmp_path / "deep.adoc")).article
    finally:
        INCLUDE_ROOT.reset(token)
    assert article is not None
    shown = [line for line in article.body.split("\n") if line]
    assert shown == [f"Level {level}." for level in range(1, MAX_DEPTH + 1)] + [
        f"_(include of {MAX_DEPTH + 1}.adoc: more than {MAX_DEPTH} levels deep, not followed)_"
    ]


def test_a_pages_chapters_are_searched_and_shown(run_lede: LedeRunner, tmp_path: Path) -> None:
    book = write_book(tmp_path)
    listed = run_lede("list", "--json", "-q", "zanzibar", book)
    assert [json.loads(line)["title"] for line in listed.stdout.splitlines()] == ["The Guide"]
    assert run_lede("list", "--json", "-q", "secret", book).stdout == ""
    assert run_lede("check", book).returncode == 0
    session = ReaderSession([str(book)])
    try:
        session.refresh()
        [row] = session.results(ALL, "", "date")
        opened = session.article(row)
    finally:
        session.close()
    assert opened.article is not None and "Zanzibar is **here**." in opened.article.body
