"""Front matter under other programs' YAML tags: Ruby's (written by Jekyll's and
Middleman's importers and by Psych), base64 ``!binary`` values of WordPress imports, and a
site tool's own tags. Each is read as the value it tags; none is run, and none loses the
post. Python's object tags stay refused (``test_yaml_safety``)."""

from __future__ import annotations

from pathlib import Path

from models.bounded_yaml import load_yaml
from models.document import parse_document
from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner

# As jekyll-import writes a WordPress post: its database's bytes as base64.
WORDPRESS_POST = """---
layout: post
title: !binary |-
  Q2Fmw6kgb3BlbnM=
date: 2012-03-04 10:00:00.000000000 +01:00
categories:
- !binary |-
  TmV3cw==
tags: []
status: publish
meta:
  _edit_last: !binary |-
    MQ==
  _wp_old_slug: !binary |-
    Y2FmZS1vcGVucw==
author:
  login: jane
  display_name: Jane Doe
---
The café opens on Monday.
"""

# Ruby values as Psych dumps them, and a site tool's tag.
RUBY_POST = """---
title: Ruby symbols
date: 2013-01-01
category: !ruby/symbol news
author: !ruby/hash:ActiveSupport::HashWithIndifferentAccess
  name: Jane
image: !asset cover.png
---
Body.
"""


def test_a_wordpress_import_reads_its_base64_values_as_text() -> None:
    parsed = parse_document(WORDPRESS_POST, "_posts/2012-03-04-cafe-opens.md")
    assert parsed.article is not None, parsed.problems
    assert parsed.article.title == "Café opens"
    assert parsed.article.topics == ["News"]
    assert parsed.article.authors == ["Jane Doe"]  # its ``display_name``
    assert not [problem for problem in parsed.problems if problem.severity == "error"]


def test_ruby_objects_and_a_site_tools_tags_are_read_as_the_values_they_tag() -> None:
    assert load_yaml(RUBY_POST.split("---\n")[1]) == {
        "title": "Ruby symbols",
        "date": load_yaml("d: 2013-01-01")["d"],
        "category": "news",
        "author": {"name": "Jane"},
        "image": "cover.png",
    }
    parsed = parse_document(RUBY_POST, "posts/ruby.md")
    assert parsed.article is not None, parsed.problems
    assert parsed.article.title == "Ruby symbols"


def test_a_ruby_object_reads_as_unwritten() -> None:
    # jekyll-import's WordPress posts: the excerpt is an empty parsed page of Hpricot's.
    text = WORDPRESS_POST.replace(
        "status: publish\n", "status: publish\nexcerpt: !ruby/object:Hpricot::Doc\n  options: {}\n"
    )
    parsed = parse_document(text, "_posts/2012-03-04-cafe-opens.md")
    assert parsed.article is not None
    assert parsed.problems == []
    assert parsed.article.excerpt == ""  # as with no excerpt written


def test_a_tagged_value_keeps_its_text_when_it_encodes_none() -> None:
    loaded = load_yaml('a: !binary "not base64!"\nb: !!binary /w==\nc: !seq [1, x]\n')
    assert loaded == {"a": "not base64!", "b": "/w==", "c": [1, "x"]}


def test_a_key_given_twice_under_a_tag_is_still_warned(tmp_path: Path) -> None:
    repeated: list[tuple[str, int]] = []
    load_yaml("meta: !ruby/hash:Foo\n  x: 1\n  x: 2\n", first_line=2, repeated=repeated)
    assert repeated == [("x", 4)]


def test_lede_lists_tagged_posts_and_checks_them_clean(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    posts = tmp_path / "site" / "_posts"
    posts.mkdir(parents=True)
    (posts / "2012-03-04-cafe-opens.md").write_text(WORDPRESS_POST, encoding="utf-8")
    (posts / "2013-01-01-ruby.md").write_text(RUBY_POST, encoding="utf-8")
    checked = run_lede("check", tmp_path / "site")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 errors" in checked.stdout
    assert sorted(str(row["title"]) for row in rows(run_lede, tmp_path / "site")) == [
        "Café opens",
        "Ruby symbols",
    ]
