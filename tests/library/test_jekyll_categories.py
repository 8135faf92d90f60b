"""A Jekyll post's folders above ``_posts`` are its categories, and so its topics, as
Jekyll files it: in the detail, in the index and in ``topic:``."""

from __future__ import annotations

from pathlib import Path

from library.loader import load_file
from library.scope import ALL
from tests.library.test_stream import session_on
from tests.site_corpus import write_files


def category_site(root: Path) -> Path:
    """A Jekyll site with posts in ``releases/_posts`` (one naming its category too, in
    other case, and one more), in a folder inside ``_posts`` (which Jekyll reads as no
    category), in ``_posts`` itself, and a page in ``releases``; and a site translated
    by folder, whose language folders are no category."""
    return write_files(
        root,
        {
            "_config.yml": "title: A project\n",
            "releases/_posts/2024-03-01-one-point-two.md": "---\ntitle: 1.2 is out\n---\n",
            "releases/_posts/2024-02-01-one-point-one.md": (
                "---\ntitle: 1.1 is out\ncategories: [Releases, security]\n---\n"
            ),
            "_posts/archive/2020-01-01-old.md": "---\ntitle: An old post\n---\n",
            "_posts/2024-01-05-hello.md": "---\ntitle: Hello\ntags: [intro]\n---\n",
            "releases/index.md": "---\ntitle: All releases\n---\nThe list.\n",
            "en/news/_posts/2024-04-01-ruby.md": "---\ntitle: Ruby released\n---\n",
            "ja/news/_posts/2024-04-01-ruby.md": "---\ntitle: Ruby リリース\n---\n",
        },
    )


def test_a_posts_folder_above_posts_is_its_first_topic(tmp_path: Path) -> None:
    """A release note in ``releases/_posts`` was in no topic, though Jekyll files it in
    the category ``releases`` (and its address said so)."""
    site = category_site(tmp_path / "site")
    topics = {
        name: load_file(str(site / name)).article.topics  # type: ignore[union-attr]
        for name in (
            "releases/_posts/2024-03-01-one-point-two.md",
            "releases/_posts/2024-02-01-one-point-one.md",
            "_posts/archive/2020-01-01-old.md",
            "_posts/2024-01-05-hello.md",
            "en/news/_posts/2024-04-01-ruby.md",
        )
    }
    assert topics == {
        "releases/_posts/2024-03-01-one-point-two.md": ["releases"],
        "releases/_posts/2024-02-01-one-point-one.md": ["releases", "security"],
        "_posts/archive/2020-01-01-old.md": [],
        "_posts/2024-01-05-hello.md": ["intro"],
        "en/news/_posts/2024-04-01-ruby.md": ["news"],
    }
    assert load_file(str(site / "releases/index.md")).article.topics == []  # type: ignore[union-attr]


def test_a_topic_of_a_posts_folder_finds_its_posts_in_the_index(tmp_path: Path) -> None:
    session = session_on(category_site(tmp_path / "site"))
    try:
        found = {row.title for row in session.results(ALL, "topic:releases", "date")}
        assert found == {"1.2 is out", "1.1 is out"}
        assert {row.title for row in session.results(ALL, "topic:news", "date")} == {
            "Ruby released"
        }
    finally:
        session.close()


def test_a_hexo_or_bridgetown_source_folder_is_no_category(tmp_path: Path) -> None:
    """Hexo (a ``_config.yml`` beside its ``scaffolds``) keeps its posts in
    ``source/_posts`` and files none by its folders; Bridgetown keeps them in ``src``,
    whose folders above ``_posts`` are categories as Jekyll's are: neither is "source" or
    "src" (Hexo's 58 release notes were in a topic "source")."""
    hexo = write_files(
        tmp_path / "hexo",
        {
            "_config.yml": "title: Hexo\nurl: https://hexo.test\n",
            "scaffolds/post.md": "---\ntitle: {{ title }}\n---\n",
            "source/_posts/2024-01-02-released.md": "---\ntitle: Released\n---\n",
            "source/news/_posts/2024-01-03-more.md": "---\ntitle: More\n---\n",
        },
    )
    bridgetown = write_files(
        tmp_path / "bridgetown",
        {
            "bridgetown.config.yml": "title: Bridgetown\n",
            "src/releases/_posts/2024-01-02-released.md": "---\ntitle: Released\n---\n",
        },
    )
    for post, topics in (
        (hexo / "source/_posts/2024-01-02-released.md", []),
        (hexo / "source/news/_posts/2024-01-03-more.md", []),
        (bridgetown / "src/releases/_posts/2024-01-02-released.md", ["releases"]),
    ):
        assert load_file(str(post)).article.topics == topics, post  # type: ignore[union-attr]
