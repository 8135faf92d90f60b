"""Posts written in Org mode (``.org``, as Hugo reads them): their ``#+KEY:`` lines are
their front matter and their body is shown as Markdown. They were passed over unread."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from models.document import parse_document
from models.org_body import org_markdown
from tests.conftest import LedeRunner

POST = """\
#+TITLE: Emacs 30 is out
#+DATE: <2024-07-28 Sun 10:00>
#+FILETAGS: :emacs:release:
#+AUTHOR: Jo Hacker
#+DESCRIPTION: What is new.

* What is new
:PROPERTIES:
:CUSTOM_ID: new
:END:
Read the [[https://www.gnu.org/software/emacs/news/NEWS.30.1][NEWS file]], *all* of it.

#+BEGIN_SRC emacs-lisp
(setq *x* 1)
#+END_SRC
"""


def test_an_org_post_is_read_from_its_keyword_lines() -> None:
    parsed = parse_document(POST, "content/posts/emacs-30.org")
    article = parsed.article
    assert article is not None, parsed.problems
    assert parsed.problems == []
    assert article.title == "Emacs 30 is out"
    assert article.published_at is not None and article.published_at.date() == date(2024, 7, 28)
    assert article.published_at.hour == 10
    assert article.topics == ["emacs", "release"]
    assert article.authors == ["Jo Hacker"]
    assert article.excerpt == "What is new."
    assert article.body.strip().split("\n") == [
        "# What is new",
        "Read the [NEWS file](https://www.gnu.org/software/emacs/news/NEWS.30.1), **all** of it.",
        "",
        "```emacs-lisp",
        "(setq *x* 1)",
        "```",
    ]


@pytest.mark.parametrize(
    ("line", "topics"),
    [
        ("#+TAGS[]: emacs org", ["emacs", "org"]),
        ("#+HUGO_TAGS: emacs, org", ["emacs", "org"]),
    ],
)
def test_hugo_and_ox_hugo_tags(line: str, topics: list[str]) -> None:
    text = f"#+title: T\n#+date: 2024-01-02\n{line}\n\nText.\n"
    article = parse_document(text, "content/posts/t.org").article
    assert article is not None
    assert article.topics == topics


@pytest.mark.parametrize(
    "text",
    [
        "#+title: A note\n\nNo date: an org-roam page.\n",
        "* An agenda\n** TODO call\n",
    ],
)
def test_a_note_without_a_date_is_passed_over_quietly(text: str) -> None:
    parsed = parse_document(text, "notes/n.org", require_front_matter=False)
    assert parsed.article is None
    assert parsed.problems == []


def test_marks_and_blocks_become_markdown() -> None:
    body = "#+begin_quote\n/so/ =it= ~is~ +not+\n#+end_quote\n# a comment\n** TODO Two :tag:\n"
    assert org_markdown(body).split("\n") == ["> *so* `it` `is` ~~not~~", "## Two", ""]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("See http://example.com/ now.", "See http://example.com/ now."),
        ("~/.emacs.d/init.el or ~/.config/ files", "~/.emacs.d/init.el or ~/.config/ files"),
        ("In /usr/bin/python3, c:/x/y/z.", "In /usr/bin/python3, c:/x/y/z."),
        ("Run /usr/bin/env python, then /opt/x/y.", "Run /usr/bin/env python, then /opt/x/y."),
        ("a*b*c is 2*3*4, a.*b*, x=1 and [/y/]", "a*b*c is 2*3*4, a.*b*, x=1 and [/y/]"),
        ("snake_case_name, C++ and C++", "snake_case_name, C++ and C++"),
        ("* a list item, not bold *", "* a list item, not bold *"),
        ('(/it/) "=x=" -~v~- {*b*}: +s+! _u_.', '(*it*) "`x`" -`v`- {**b**}: ~~s~~! _u_.'),
        ("/ not italic/ and /not italic /", "/ not italic/ and /not italic /"),
    ],
    ids=[
        "address",
        "home",
        "paths",
        "path-then-word",
        "stars",
        "words",
        "spaced",
        "bounds",
        "blank-inside",
    ],
)
def test_marks_are_read_within_orgs_bounds(line: str, shown: str) -> None:
    """A mark is one where Org reads one: after a blank or one of ``-({'"``, before a
    blank or punctuation, with no blank just inside it. ``/usr/bin/`` in prose showed
    ``usr`` in italics."""
    article = parse_document(f"#+title: T\n#+date: 2024-01-02\n\nx\n  {line}\n", "p/t.org").article
    assert article is not None
    assert article.body.strip().split("\n") == ["x", f"  {shown}"]


def test_lede_lists_an_org_post(run_lede: LedeRunner, tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "emacs-30.org").write_text(POST, encoding="utf-8")
    (tmp_path / "posts" / "note.org").write_text("#+title: Note\n\nText.\n", encoding="utf-8")
    listed = run_lede("list", "--json", tmp_path / "posts")
    assert [json.loads(line)["title"] for line in listed.stdout.splitlines()] == ["Emacs 30 is out"]
    assert run_lede("check", tmp_path / "posts").returncode == 0


ONE_FILE_BLOG = """\
#+hugo_base_dir: ../
#+seq_todo: TODO DRAFT | DONE
#+filetags: :blog:

* Posts                                                          :@notes:
** DONE Emacs 30 is out                                          :emacs:
CLOSED: [2024-07-28 Sun 10:12]
:PROPERTIES:
:EXPORT_FILE_NAME: emacs-30
:END:
What is /new/.
*** The details
In /usr/bin/emacs.
** DRAFT Half written
:PROPERTIES:
:EXPORT_FILE_NAME: half
:EXPORT_DATE: 2024-08-01
:END:
Not yet.
** COMMENT Left out
:PROPERTIES:
:EXPORT_FILE_NAME: left-out
:END:
* Pages
:PROPERTIES:
:EXPORT_HUGO_SECTION: pages
:END:
** [#A] About :noexport:
:PROPERTIES:
:EXPORT_FILE_NAME: about
:END:
** Colophon
:PROPERTIES:
:EXPORT_FILE_NAME: emacs-30
:EXPORT_DATE: <2023-01-02 Mon>
:EXPORT_DESCRIPTION: How it is made.
:END:
Made in Org.
"""


def test_a_posts_problem_is_told_at_its_headline_in_its_file() -> None:
    """``lede check`` named ``all.org#later`` (no file an editor opens) and the line of a
    text the file does not hold."""
    text = ONE_FILE_BLOG + "* Later\n:PROPERTIES:\n:EXPORT_FILE_NAME: later\n"
    text += ":EXPORT_DATE: 2012-2017\n:END:\nText.\n"
    parsed = parse_document(text, "content-org/all.org", require_front_matter=False)
    [problem] = [problem for post in parsed.posts for problem in post.problems]
    assert (problem.path, problem.line) == (
        "content-org/all.org",
        text.count("\n", 0, text.index("* Later")) + 1,
    )
    assert "is no date" in problem.message


def test_a_one_file_blog_is_a_post_per_subtree() -> None:
    """ox-hugo's one file of many posts was passed over: it opens with no title or date."""
    parsed = parse_document(ONE_FILE_BLOG, "content-org/all.org", require_front_matter=False)
    assert parsed.article is None and parsed.problems == []
    assert [post.path for post in parsed.posts] == [
        "content-org/all.org#emacs-30",
        "content-org/all.org#half",
        "content-org/all.org#pages/emacs-30",  # a name again, in another section
    ]
    articles = [post.article for post in parsed.posts]
    assert all(article is not None for article in articles)
    emacs, half, colophon = (article for article in articles if article is not None)
    assert emacs.title == "Emacs 30 is out" and emacs.published
    assert emacs.identity == "content-org/all.org#emacs-30"
    assert emacs.published_at is not None and emacs.published_at.date() == date(2024, 7, 28)
    assert (emacs.published_at.hour, emacs.published_at.minute) == (10, 12)
    assert emacs.topics == ["notes", "emacs", "blog"]  # an @ tag is a category
    assert emacs.body.strip().split("\n") == [
        "What is *new*.",
        "## The details",
        "In /usr/bin/emacs.",
    ]
    assert half.title == "Half written" and not half.published
    assert half.published_at is not None and half.published_at.date() == date(2024, 8, 1)
    assert colophon.excerpt == "How it is made."
    assert colophon.published_at is not None and colophon.published_at.date() == date(2023, 1, 2)
