"""Where a document belongs on a Jekyll site: its collection, whether it is an article or a
data record, whether a root is a site at all, and what a check says of files it skips."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from library.loader import load_file
from library.site import is_jekyll_site
from models.collection import collection_of, is_data_record
from models.document import parse_document
from tests.conftest import write_document
from tests.site_corpus import write_files

ROOT = os.path.join(os.sep, "srv", "site")


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("_news/a.md", "news"),
        ("_archive/_news/a.md", "news"),
        ("_newsletters/2021-04-27.html", "newsletters"),
        ("_learning/a/b/x.md", "learning"),
        ("sites/ai/_news/x.md", "news"),
        ("_samples/x.md", "samples"),
        ("_posts/2024-01-01-hello.md", "posts"),
        ("about.md", None),
        ("pages/about.md", None),
        ("_data/organizations/amazon.com.md", None),
        ("_includes/card.html", None),
        ("_/odd.md", None),
    ],
)
def test_collection_of_a_path_below_its_root(relative: str, expected: str | None) -> None:
    path = os.path.join(ROOT, *relative.split("/"))
    assert collection_of(path, [ROOT]) == expected


def test_only_the_part_below_the_root_counts() -> None:
    root = os.path.join(os.sep, "home", "_me", "_news")
    assert collection_of(os.path.join(root, "a.md"), [root]) is None
    assert collection_of(os.path.join(root, "a.md"), [root + os.sep]) is None
    # The innermost root holding the file is its root.
    site = os.path.join(os.sep, "home", "_me")
    assert collection_of(os.path.join(root, "a.md"), [site, root]) is None
    assert collection_of(os.path.join(root, "a.md"), [site]) == "news"
    # A file given as its own root, or outside every root, has none.
    assert collection_of(os.path.join(root, "a.md"), [os.path.join(root, "a.md")]) is None
    assert collection_of(os.path.join(os.sep, "elsewhere", "_news", "a.md"), [site]) is None


@pytest.mark.parametrize(
    ("front", "body"),
    [
        ({"name": "Andrew Ng", "bio": "Co-Founder of Coursera", "heat": 274}, ""),
        ({"name": "Ada Health", "overview": "A health company", "website": "https://ada.com"}, ""),
        ({"sponsor": {"name": "Scale"}, "placements": ["SplashScreen"]}, "\n\n"),
        ({"name": "Jane", "title": "  ", "webUrl": ""}, ""),
        ({}, ""),
    ],
    ids=["person", "company", "sponsorship", "blank-fields", "empty"],
)
def test_a_document_without_title_blurb_date_link_or_body_is_a_data_record(
    front: dict[str, Any], body: str
) -> None:
    assert is_data_record(front, body)


@pytest.mark.parametrize(
    ("front", "body"),
    [
        ({"title": "A note"}, ""),
        ({"name": "NeurIPS 2019", "excerpt": "The 33rd conference"}, ""),
        ({"name": "fast.ai", "originalUrl": "https://docs.fast.ai/"}, ""),
        ({"name": "Daily", "webUrl": "https://site.test/daily/"}, ""),
        ({"publishedDateTime": "2021-04-27T19:04:32Z"}, ""),
        ({"name": "Jane Doe"}, "Jane writes about robots."),
    ],
    ids=["title", "event", "project", "web-url", "date", "body"],
)
def test_a_document_with_any_of_them_is_an_article(front: dict[str, Any], body: str) -> None:
    assert not is_data_record(front, body)


def test_a_data_record_is_parsed_and_checked_but_is_not_an_article() -> None:
    parsed = parse_document(
        '---\nname: "Andrew Ng"\nbio: "Co-Founder"\nheat: lots\ntopics:\n  - AI\n---\n',
        "_people/andrew-ng.md",
    )
    assert parsed.article is None
    assert parsed.record is not None and parsed.record.title == "Andrew Ng"
    assert [(p.line, p.severity) for p in parsed.problems] == [(4, "error")]


def test_a_jekyll_site_is_told_from_a_plain_folder(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    write_document(plain, "a.md", "title: A")
    (plain / "_attachments").mkdir()
    (plain / "_attachments" / "photo.png").write_bytes(b"\x89PNG")
    write_document(plain / "_layouts", "default.html", "layout: none")
    assert not is_jekyll_site(str(plain))
    assert not is_jekyll_site(str(plain / "a.md"))
    assert not is_jekyll_site(str(tmp_path / "missing"))

    configured = tmp_path / "configured"
    configured.mkdir()
    (configured / "_config.yml").write_text("title: A site\n", encoding="utf-8")
    with_data = tmp_path / "with-data"
    (with_data / "_data" / "topics").mkdir(parents=True)
    nested = tmp_path / "nested"
    write_document(nested / "_learning" / "a" / "b", "x.md", "title: X")
    for site in (configured, with_data, nested):
        assert is_jekyll_site(str(site)), site.name


def test_check_warns_of_markdown_and_html_without_front_matter(
    run_lede: Any, tmp_path: Path
) -> None:
    root = tmp_path / "site"
    write_document(root / "_news", "a.md", 'title: "A"\noriginalUrl: https://a.test/a')
    readme = root / "README.md"
    readme.write_text("# About this site\n", encoding="utf-8")
    page = root / "_newsletters" / "plain.html"
    page.parent.mkdir()
    page.write_text("<html><body>No front matter</body></html>\n", encoding="utf-8")
    (root / "notes.txt").write_text("plain text is no document\n", encoding="utf-8")
    (root / "_include.md").write_text("A part other pages include.\n", encoding="utf-8")
    done = run_lede("check", root)
    assert done.returncode == 0, done.stdout + done.stderr
    *lines, summary = done.stdout.splitlines()
    assert lines == [
        f"{readme}:1: warning: no front matter: not read as a document",
        f"{page}:1: warning: no front matter: not read as a document",
    ]
    assert summary.startswith("checked 5 files (1 article")
    # The reader's list still skips them quietly.
    listed = run_lede("list", root)
    assert listed.returncode == 0 and listed.stderr == ""
    assert listed.stdout.count("\n") == 1 and "A" in listed.stdout
    assert load_file(str(readme)).problems == []


@pytest.mark.parametrize(
    ("settings", "gemfile", "pages"),
    [
        ("title: Notes\n", 'gem "github-pages", "~> 209", group: :jekyll_plugins\n', True),
        ("plugins:\n  - jekyll-optional-front-matter\n", "", True),
        ("title: Notes\n", 'gem "jekyll", "~> 4.3"\n# gem "github-pages"\n', False),
        ("require_front_matter: true\n", 'gem "github-pages"\n', False),
    ],
    ids=["github-pages", "plugin", "plain-jekyll", "required"],
)
def test_a_github_pages_sites_markdown_without_front_matter_is_its_pages(
    run_lede: Any, tmp_path: Path, settings: str, gemfile: str, pages: bool
) -> None:
    """GitHub Pages builds a Jekyll site with jekyll-optional-front-matter, which makes a
    page of each Markdown file outside its ``_`` folders, titled by its heading: Foam's docs
    listed 3 of their 86 pages, and warned of the other 104 files as having no front
    matter. The repository's own files (its README) are no pages."""
    root = tmp_path / "site"
    files = {
        "_config.yml": settings,
        "Gemfile": gemfile,
        "index.md": "# Welcome\n\nNotes on notes.\n",
        "user/features/daily-notes.md": "# Daily Notes\n\nA note for each day.\n",
        "README.md": "# How to build the docs\n\nRun Jekyll.\n",
        "_notes/plain.md": "A note of a collection, which needs its front matter.\n",
    }
    write_files(root, files)
    listed = run_lede("list", "--all", root).stdout
    assert ("Daily Notes" in listed and "Welcome" in listed) == pages, listed
    assert "How to build" not in listed and "plain" not in listed
    warned = [
        line.split(":")[0].removeprefix(f"{root}/")
        for line in run_lede("check", root).stdout.splitlines()
        if ": warning: no front matter" in line
    ]
    unread = ["README.md", "_notes/plain.md"]
    if not pages:
        unread += ["index.md", "user/features/daily-notes.md"]
    assert sorted(warned) == sorted(unread)
