"""``lede list`` and ``lede check`` on a Lektor project: its pages are ``contents.lr``
files of fields, in its ``content`` folder; its templates are no pages."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_list_stream import collections, rows
from tests.conftest import LedeRunner

POST = """title: Lektor 3.1 Released
---
author: Joseph Nix
---
pub_date: 2018-01-29
---
summary: What's changed with Lektor 3.1.
---
tags:

releases
themes
---
body:

#### banner ####
image: pancakes.jpg
----
height: 500-tall
#### text-block ####
text:

Lektor continues to be discovered.

-----

A line of dashes, escaped.
"""


def lektor_project(folder: Path) -> Path:
    """A Lektor project: a dated post with a flow body, a hidden draft, a redirect, a page
    without a date, and the templates and README beside ``content``."""
    folder.mkdir(parents=True)
    (folder / "Website.lektorproject").write_text("[project]\nname = Ex\n")
    pages = {
        "blog/lektor-31-released": POST,
        "blog/next": "title: Next\n---\npub_date: 2024-02-03\n---\n_hidden: yes\n",
        "old-docs": "_model: redirect\n---\ntarget: /docs/\n",
        "docs": "title: Documentation\n---\nbody:\n\nHow to use it.\n",
    }
    for name, text in pages.items():
        (folder / "content" / name).mkdir(parents=True)
        (folder / "content" / name / "contents.lr").write_text(text)
    (folder / "templates").mkdir()
    (folder / "templates" / "blog-post.html").write_text("{% extends 'layout.html' %}\n")
    (folder / "README.md").write_text("# The site\n")
    return folder


def test_a_lektor_project_lists_its_pages_as_lektor_reads_them(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """No file of a Lektor project was read (``.lr``): 0 rows, and a check warned of each
    template and the README, 29 on lektor.org's own site."""
    site = lektor_project(tmp_path / "site")
    found = {row["title"]: row for row in rows(run_lede, site, "--all")}
    assert sorted(found) == ["Documentation", "Lektor 3.1 Released", "Next"]
    post = found["Lektor 3.1 Released"]
    assert post["published_at"] == "2018-01-29T00:00:00+00:00"
    assert post["authors"] == ["Joseph Nix"]
    assert post["topics"] == ["releases", "themes"]
    assert post["published"] is True
    assert found["Next"]["published"] is False  # hidden: Lektor builds no page of it
    assert found["Documentation"]["published_at"] is None
    done = run_lede("check", site)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == [
        "checked 4 files (3 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"
    ]


def test_a_project_inside_the_corpus_is_read_by_its_own_rules(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A project below the folder given (a folder of sites, a repository with its site in
    ``website``) had its templates and README read: a warning each, 29 on lektor.org's."""
    lektor_project(tmp_path / "sites" / "website")
    assert len(rows(run_lede, tmp_path / "sites", "--all")) == 3
    done = run_lede("check", tmp_path / "sites")
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == [
        "checked 4 files (3 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"
    ]


def test_a_projects_alternatives_are_listed_in_its_primary_language(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A German copy (``contents+de.lr``) was listed beside its English page, each post
    twice; the project names its languages and its primary one."""
    site = lektor_project(tmp_path / "site")
    (site / "Website.lektorproject").write_text(
        "[project]\nname = Ex\n\n[alternatives.en]\nname = English\nprimary = yes\n\n"
        "[alternatives.de]\nname = German\nurl_prefix = /de/\n"
    )
    post = site / "content" / "blog" / "lektor-31-released"
    (post / "contents+de.lr").write_text("title: Lektor 3.1 veröffentlicht\n")
    listed = {row["title"]: row["language"] for row in rows(run_lede, site)}
    assert listed == {"Lektor 3.1 Released": "en", "Next": "en"}
    german = rows(run_lede, site, "--all", "-q", "lang:de")
    assert [row["title"] for row in german] == ["Lektor 3.1 veröffentlicht"]


def test_a_projects_folders_are_its_sections_and_its_blog_its_stream(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """lektor.org's 8 posts were listed among 283 undated pages of its docs and plugins,
    as one folder; its ``blog`` (and the blog's own page, ``blog/contents.lr``) is a
    section as a Hugo site's is."""
    site = lektor_project(tmp_path / "site")
    (site / "content" / "blog" / "contents.lr").write_text("_model: blog\n---\nsummary: News\n")
    guide = site / "content" / "docs" / "quickstart"
    guide.mkdir()
    (guide / "contents.lr").write_text("title: Quickstart\n---\nbody:\n\nInstall it.\n")
    assert [row["title"] for row in rows(run_lede, site)] == ["Next", "Lektor 3.1 Released"]
    assert collections(rows(run_lede, site, "--all")) == {"blog": 2, "docs": 1, None: 1}
