"""``lede list`` on a site: its news by default, every collection with ``--all`` or
``collection:``, the published flag as a query, and the settings that change the default."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from library.synthetic import generate
from tests.conftest import REAL_CORPUS, SITE, LedeRunner, needs_real_corpus, write_document


def rows(run_lede: LedeRunner, *args: str | Path) -> list[dict[str, object]]:
    done = run_lede("list", "--json", *args)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def collections(found: list[dict[str, object]]) -> Counter[object]:
    return Counter(row["collection"] for row in found)


def settings(isolated_dirs: dict[str, Path], text: str) -> Path:
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")
    return config


def test_a_site_lists_its_news_and_all_lists_everything(run_lede: LedeRunner) -> None:
    assert collections(rows(run_lede, SITE)) == {"news": 9}
    every = collections(rows(run_lede, SITE, "--all"))
    assert every == {"news": 9, "learning": 2, "newsletters": 1, "samples": 1}
    assert collections(rows(run_lede, SITE, "-q", "collection:*")) == every


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("collection:learning", {("learning", True): 1, ("learning", False): 1}),
        ("collection:newsletters collection:samples",
         {("newsletters", True): 1, ("samples", True): 1}),
        ("is:unpublished", {("news", False): 3}),
        ("is:published", {("news", True): 6}),
        ("is:unpublished collection:*", {("news", False): 3, ("learning", False): 1}),
        ("-collection:news", {("learning", True): 1, ("learning", False): 1,
                              ("newsletters", True): 1, ("samples", True): 1}),
    ],
)  # fmt: skip
def test_the_query_reaches_every_collection_and_the_flag(
    run_lede: LedeRunner, query: str, expected: dict[tuple[str, bool], int]
) -> None:
    found = rows(run_lede, SITE, "-q", query)
    assert Counter((row["collection"], row["published"]) for row in found) == expected


def test_an_unknown_collection_is_a_one_line_message(run_lede: LedeRunner) -> None:
    done = run_lede("list", SITE, "-q", "collection:videos")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        "lede: bad query: unknown collection 'videos'; there are learning, news, newsletters, "
        "samples\n"
    )


def test_a_plain_folder_lists_everything(run_lede: LedeRunner, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    write_document(plain, "a.md", 'title: "A"\noriginalUrl: https://p.test/a')
    write_document(plain / "sub", "b.md", 'title: "B"\npublished: false')
    found = rows(run_lede, plain)
    assert sorted(row["title"] for row in found) == ["A", "B"]
    assert len(rows(run_lede, plain, "-q", "is:unpublished")) == 1


def test_the_settings_choose_the_stream_and_their_mistakes_warn(
    run_lede: LedeRunner, isolated_dirs: dict[str, Path]
) -> None:
    settings(isolated_dirs, 'collections = ["news", "learning"]\n')
    assert collections(rows(run_lede, SITE)) == {"news": 9, "learning": 2}
    settings(isolated_dirs, 'collections = ["*"]\nhide_unpublished = true\n')
    found = rows(run_lede, SITE)
    assert collections(found) == {"news": 6, "learning": 1, "newsletters": 1, "samples": 1}
    assert all(row["published"] for row in found)
    assert len(rows(run_lede, SITE, "-q", "is:unpublished")) == 4  # asked for, so listed
    assert len(rows(run_lede, SITE, "--all")) == 13
    config = settings(isolated_dirs, "collections = 5\n")
    done = run_lede("list", "--json", SITE)
    assert done.returncode == 0
    assert collections(map(json.loads, done.stdout.splitlines())) == {"news": 9}
    assert done.stderr == (
        f"lede: warning: {config}: collections must be a list of names, like collections = "
        '["news", "learning"] (or ["*"] for all); using the news\n'
    )


@pytest.mark.parametrize(
    ("chosen", "expected", "said"),
    [
        ('["videos"]', {"news": 9, "learning": 2, "newsletters": 1, "samples": 1},
         "'videos' in this corpus (the settings name it); there are learning, news, "
         "newsletters, samples: every collection is shown"),
        ('["news", "blog"]', {"news": 9},
         "'blog' in this corpus (the settings name it); there are learning, news, "
         "newsletters, samples: the others are shown"),
    ],
)  # fmt: skip
def test_a_collection_the_settings_name_and_the_site_lacks_is_a_warning(
    run_lede: LedeRunner,
    isolated_dirs: dict[str, Path],
    chosen: str,
    expected: dict[str, int],
    said: str,
) -> None:
    settings(isolated_dirs, f"collections = {chosen}\n")
    done = run_lede("list", "--json", SITE)
    assert done.returncode == 0
    assert collections(map(json.loads, done.stdout.splitlines())) == expected
    assert done.stderr == f"lede: warning: No collection {said}\n"
    assert run_lede("list", "--all", SITE).stderr == ""  # every collection asked for


def test_a_blog_opened_beside_a_news_site_keeps_its_posts(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """The stream is the news; a site with none has its posts in it, where it had
    vanished from the list. Its other collections (drafts) are there on request."""
    blog = tmp_path / "blog"
    write_document(blog / "_posts", "2021-02-04-hello.md", 'title: "Hello from the blog"')
    write_document(blog / "_drafts", "idea.md", 'title: "An idea"')
    (blog / "_config.yml").write_text("title: A blog\n")
    found = rows(run_lede, SITE, blog)
    assert collections(found) == {"news": 9, "posts": 1}
    assert collections(rows(run_lede, blog)) == {"posts": 1}  # alone: the same
    assert collections(rows(run_lede, blog, "--all")) == {"posts": 1, "drafts": 1}


def test_a_synthetic_site_lists_its_news(run_lede: LedeRunner, tmp_path: Path) -> None:
    generated = generate(tmp_path / "site", 60, seed=5)
    news = rows(run_lede, tmp_path / "site")
    assert set(collections(news)) == {"news"}
    assert {row["published"] for row in news} == {True, False}  # marked, not hidden
    every = collections(rows(run_lede, tmp_path / "site", "--all"))
    for name in ("newsletters", "learning", "samples"):
        assert every[name] == generated.files[name]
    assert "people" not in every


@needs_real_corpus
def test_the_real_sample_lists_its_news_and_the_rest_on_request(run_lede: LedeRunner) -> None:
    news = rows(run_lede, REAL_CORPUS)
    assert set(collections(news)) == {"news"}
    unpublished = rows(run_lede, REAL_CORPUS, "-q", "is:unpublished")
    assert unpublished and all(row["published"] is False for row in unpublished)
    assert len(unpublished) < len(news)
    every = collections(rows(run_lede, REAL_CORPUS, "--all"))
    assert every["news"] == len(news) and set(every) - {"news"}
    assert collections(rows(run_lede, REAL_CORPUS, "-q", "collection:learning")) == {
        "learning": every["learning"]
    }


def test_a_repository_with_its_site_in_a_folder_lists_the_site_s_posts(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Opened at a project's top, a site kept in a folder of its own (Nim's ``jekyll``)
    streams its posts, as it does opened itself: its pages were listed undated among
    them. Two sites side by side are shown whole."""
    repository = tmp_path / "project"
    site = repository / "jekyll"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: A language\n")
    (repository / "README.md").write_text("# A language\n")
    write_document(site / "_posts", "2025-10-31-released.md", "title: Version 2.2.6 released")
    write_document(site / "_posts", "2025-01-23-survey.md", "title: Community survey")
    write_document(site, "install.md", "title: Download\nlayout: page")
    write_document(site, "faq.md", "title: FAQ")
    assert {row["title"] for row in rows(run_lede, repository)} == {
        "Version 2.2.6 released",
        "Community survey",
    }
    assert len(rows(run_lede, repository, "--all")) == 4
    other = repository / "website"
    other.mkdir()
    (other / "_config.yml").write_text("title: Another site\n")
    write_document(other / "_posts", "2024-01-02-hello.md", "title: Hello")
    write_document(other, "about.md", "title: About")
    assert len(rows(run_lede, repository)) == 6


def test_a_collection_named_by_dates_is_streamed_with_the_posts(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Crystal keeps its release announcements in ``_releases``, named by their dates as
    posts are, and its feed merges them with its posts: they were listed with --all
    alone. Its events, named by a year, and its style guide, which it makes no pages
    of, stay out of the stream."""
    site = tmp_path / "site"
    site.mkdir()
    config = "collections:\n  releases: {output: true}\n  events: {output: true}\n"
    (site / "_config.yml").write_text(config + "  style_guide: {output: false}\n")
    write_document(site / "_posts", "2026-07-12-execution-contexts.md", "title: Contexts")
    write_document(site / "_releases", "2026-07-16-1.21.0-released.md", "title: 1.21.0 released")
    write_document(site / "_releases", "2014-6-19-0.1.0-released.md", "title: 0.1.0 released")
    write_document(site / "_events", "2025-stockholm-meetup.md", "title: Stockholm meetup")
    write_document(site / "_style_guide", "2020-01-01-teaser.html", "title: Teaser")
    write_document(site, "about.md", "title: About")
    found = rows(run_lede, site)
    assert [row["title"] for row in found] == ["1.21.0 released", "Contexts", "0.1.0 released"]
    assert collections(found) == {"releases": 2, "posts": 1}
    assert len(rows(run_lede, site, "--all")) == 6
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "_config.yml").write_text("title: A language\n")
    write_document(plain / "_posts", "2024-01-02-hello.md", "title: Hello")
    write_document(plain / "_releases", "2024-02-03-2.0-released.md", "title: 2.0 released")
    write_document(plain / "_team", "ada.md", "title: Ada")
    assert collections(rows(run_lede, plain)) == {"releases": 1, "posts": 1}


def test_a_repository_with_its_site_a_few_folders_down_lists_the_site_s_posts(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A Maven project keeps its JBake site in ``src/main/jbake``, a monorepo its site in
    ``apps/NAME``: opened at the top, their pages were listed among the posts. A corpus of
    many folders is not looked through for one, nor a project's tests."""
    repository = tmp_path / "project"
    site = repository / "src" / "main" / "jbake"
    (site / "content" / "blog").mkdir(parents=True)
    (site / "jbake.properties").write_text("site.host=https://example.org\n")
    (repository / "src" / "main" / "java").mkdir()
    (repository / "README.md").write_text("# A project\n")
    post = "title=Agent released\ndate=2017-12-11\ntype=post\nstatus=published\n~~~~~~\n\nText.\n"
    (site / "content" / "blog" / "agent.md").write_text(post)
    page = "title=Getting involved\ntype=page\nstatus=published\n~~~~~~\n\nJoin us.\n"
    (site / "content" / "community.md").write_text(page)
    assert [row["title"] for row in rows(run_lede, repository)] == ["Agent released"]
    assert len(rows(run_lede, repository, "--all")) == 2
    fixtures = tmp_path / "tool"  # a site generator's repository: its tests' sites
    shutil.copytree(site, fixtures / "test" / "site")
    (fixtures / "docs").mkdir()
    assert len(rows(run_lede, fixtures)) == 2  # shown whole
    documented = tmp_path / "documented"  # a site with no blog above the one deeper down
    shutil.copytree(site, documented / "apps" / "blog")
    write_document(documented / "doc" / "content" / "guide", "start.md", "title: Start")
    (documented / "doc" / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    assert len(rows(run_lede, documented)) == 3  # shown whole
    many = tmp_path / "many"
    for number in range(40):
        (many / f"folder{number}").mkdir(parents=True)
    write_document(many / "folder0", "about.md", "title: About")
    shutil.copytree(site, many / "folder1" / "jbake")
    assert len(rows(run_lede, many)) == 3  # shown whole
