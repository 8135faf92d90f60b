"""A Bridgetown site, run on from its project folder: its pages are in ``src``, read as
Jekyll's, and the rest of the project (Ruby, front end, README) is no page of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import LedeRunner, write_document


def bridgetown_site(root: Path, source: str = "") -> Path:
    """A Bridgetown project: its settings, two posts, a docs page, a layout and a README,
    its pages in ``source`` where its settings name one."""
    root.mkdir()
    settings = "url: https://example.org\ntimezone: America/Los_Angeles\n"
    settings += "collections:\n  docs:\n    output: true\n"
    (root / "bridgetown.config.yml").write_text(
        settings + (f"source: {source}\n" if source else "")
    )
    pages = root / (source or "src")
    write_document(
        pages / "_posts" / "2024",
        "2024-05-01-released.md",
        "title: Released\ndate: 2024-05-01 10:00:00",
    )
    write_document(
        pages / "_posts" / "2024", "2024-04-01-beta.md", "title: Beta\ncategory: release"
    )
    write_document(pages / "_docs", "installation.md", "title: Installation")
    write_document(pages / "_layouts", "post.html", "layout: default")
    write_document(root, "README.md", "title: The site's README")
    write_document(root / "frontend" / "javascript", "notes.md", "title: Front end notes")
    return root


def listed(run_lede: LedeRunner, *args: str | Path) -> list[dict[str, object]]:
    done = run_lede("list", "--json", *args)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.parametrize("source", ["", "content"])
def test_a_bridgetown_site_lists_its_posts_dated_in_its_zone(
    tmp_path: Path, run_lede: LedeRunner, source: str
) -> None:
    """Run on the project folder, its docs, layouts, README and front end were listed
    among its posts, undated, as a plain folder's documents."""
    root = bridgetown_site(tmp_path / "site", source)
    rows = listed(run_lede, root)
    assert [(row["title"], row["collection"]) for row in rows] == [
        ("Released", "posts"),
        ("Beta", "posts"),
    ]
    assert rows[0]["published_at"] == "2024-05-01T17:00:00+00:00"  # 10:00 in its zone
    everything = listed(run_lede, "--all", root)
    assert sorted(str(row["title"]) for row in everything) == ["Beta", "Installation", "Released"]
    checked = run_lede("check", root)
    assert checked.stdout.endswith(
        "checked 3 files (3 articles, 0 topics): 0 invalid, 0 errors, 0 warnings\n"
    )


RUBY_POST = """~~~{%
front_matter do
  title "Supercharge Your Site with Ruby Front Matter"
  author "jared"
  category "feature"
  calculation [2 * 4, 5 + 2].min
  example_title "This is the #{title}"
  seo_tag_version begin
    url = "https://example.org/version.rb"
    Faraday.get(url).body
  end
end
%}~~~

Real Ruby in a post's front matter.
"""


def test_a_post_with_ruby_front_matter_is_listed_with_its_plain_values(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """Bridgetown's Ruby front matter (``~~~{%``, ``---<%``, ``~~~ruby``) was no front matter:
    the post was missing from the list and a check warned of it; its values written plainly
    are read, the code is not run."""
    root = bridgetown_site(tmp_path / "site")
    (root / "src" / "_posts" / "2020" / "2020-05-05-ruby.md").parent.mkdir(parents=True)
    (root / "src" / "_posts" / "2020" / "2020-05-05-ruby.md").write_text(RUBY_POST)
    rows = {row["title"]: row for row in listed(run_lede, root)}
    post = rows["Supercharge Your Site with Ruby Front Matter"]
    assert str(post["published_at"]).startswith("2020-05-05")  # by its file's name
    assert post["authors"] == ["jared"] and post["topics"] == ["feature"]
    checked = run_lede("check", root)
    assert checked.stdout.endswith(
        "checked 4 files (4 articles, 0 topics): 0 invalid, 0 errors, 0 warnings\n"
    )
