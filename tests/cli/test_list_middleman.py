"""``lede list`` on a Middleman site: the folders of its ``source`` are its collections,
and the blog its ``blog.prefix`` keeps in a folder of its own is the default stream."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_list_stream import collections, rows
from tests.conftest import LedeRunner
from tests.site_corpus import write_files

MIDDLEMAN_CONFIG = """\
activate :i18n
activate :blog do |blog|
  blog.prefix = "blog"
  blog.permalink = "{year}/{month}/{day}/{title}.html"
end
{source}
"""


def middleman_site(root: Path, config: str, source: str = "source") -> Path:
    """A site of two posts, a guide in English and one for each language, and an About."""
    return write_files(
        root,
        {
            "config.rb": config,
            "README.md": "# Our site\n\nHow to build it.\n",
            f"{source}/blog/2024-01-02-launch.html.markdown": "---\ntitle: Launch\n"
            "date: 2024-01-02\n---\n\nWe launched.\n",
            f"{source}/blog/2024-02-03-second.html.md": "---\ntitle: Second\n"
            "date: 2024-02-03\n---\n\nAgain.\n",
            f"{source}/guides/install.html.markdown": "---\ntitle: Install\n---\n\nRun it.\n",
            f"{source}/localizable/basics/intro.html.markdown": "---\ntitle: Intro\n---\n\nHi.\n",
            f"{source}/about.html.markdown": "---\ntitle: About\n---\n\nWho we are.\n",
            f"{source}/layouts/layout.erb": "<html><%= yield %></html>\n",
        },
    )


@pytest.mark.parametrize(
    ("source", "setting"), [("source", ""), ("src", 'set :source, "src"')], ids=["source", "set"]
)
def test_a_middleman_site_streams_its_blog_and_lists_its_guides_on_request(
    run_lede: LedeRunner, tmp_path: Path, source: str, setting: str
) -> None:
    """Read as a plain folder, its posts were listed among its guides and pages, in no
    collection (Middleman's own guides: 54 pages, none in a section); the blog is its
    stream, the rest a collection away, and a guide of its i18n's ``localizable`` is in
    the section it is in there."""
    config = MIDDLEMAN_CONFIG.replace("{source}", setting)
    site = middleman_site(tmp_path / "site", config, source)
    assert [row["title"] for row in rows(run_lede, site)] == ["Second", "Launch"]
    every = collections(rows(run_lede, site, "--all"))
    assert every == {"blog": 2, "guides": 1, "basics": 1, None: 1}


def test_a_compass_projects_config_rb_is_no_middleman_site(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Compass writes a ``config.rb`` too, of assignments alone: its folder stays a plain
    folder, shown whole."""
    config = 'css_dir = "stylesheets"\nsass_dir = "sass"\n'
    site = middleman_site(tmp_path / "site", config)
    assert len(rows(run_lede, site)) == 5
    assert collections(rows(run_lede, site, "--all")) == {None: 5}


@pytest.mark.parametrize(
    ("settings", "posts", "section"),
    [
        ("", ("2024-01-02-launch", "2024-02-03-second.ja"), "blog"),  # its default sources
        ('  blog.sources = ":year-:month-:day-:title.html"', ("2024-01-02-launch",), "blog"),
        (
            '  blog.name = "news"\n  blog.sources = "articles/{year}/{title}.html"',
            ("articles/2024/launch",),
            "news",
        ),
    ],
    ids=["default", "middleman-3", "named"],
)
def test_a_middleman_blogs_posts_are_the_pages_its_sources_name(
    run_lede: LedeRunner, tmp_path: Path, settings: str, posts: tuple[str, ...], section: str
) -> None:
    """A blog of no ``blog.prefix`` keeps its posts where its ``blog.sources`` says, by
    default at the top of ``source`` beside the About page: they were in no collection,
    and the About was listed among them in the stream."""
    files = {"config.rb": f"activate :blog do |blog|\n{settings}\nend\n"}
    for number, post in enumerate(posts):
        files[f"source/{post}.html.markdown"] = f"---\ntitle: Post {number}\n---\n\nNews.\n"
    files["source/about.html.markdown"] = "---\ntitle: About\n---\n\nWho we are.\n"
    files["source/guides/install.html.md"] = "---\ntitle: Install\n---\n\nRun it.\n"
    site = write_files(tmp_path / "site", files)
    assert sorted(row["title"] for row in rows(run_lede, site)) == [
        f"Post {number}" for number in range(len(posts))
    ]
    every = collections(rows(run_lede, site, "--all"))
    assert every == {section: len(posts), "guides": 1, None: 1}
