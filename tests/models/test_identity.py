"""An article's identity: its normalised link, found by a short cut for plain links, else
its path."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.synthetic import generate
from models.article import Article
from models.identity import normalise_url, normalise_url_parts
from tests.conftest import REAL_CORPUS, SITE, needs_real_corpus


@pytest.mark.parametrize(
    ("url", "identity"),
    [
        ("https://www.Example.com/a/b/", "https://example.com/a/b"),
        ("http://example.com/a/b", "https://example.com/a/b"),
        ("https://example.com:443/a/b#comments", "https://example.com/a/b"),
        ("https://example.com/a?utm_source=x&id=3&fbclid=y", "https://example.com/a?id=3"),
        ("https://example.com:8080/a", "https://example.com:8080/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("not a url", "not a url"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
        ("https://[::1", "https://[::1"),
    ],
)
def test_normalise_url(url: str, identity: str) -> None:
    assert normalise_url(url) == identity


def corpus_urls(corpus: Path) -> list[str]:
    """Every link of ``corpus`` (front matter lines ending in Url), as written."""
    found = []
    for path in sorted(corpus.rglob("*.md")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.strip().partition(": ")
            if key.endswith("Url") and value:
                found.append(value.strip("\"'"))
    return found


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com",
        "https://example.com/a/b",
        "https://sub.example.com//a//b",
        "https://example.com/a%20b;c@d",
        "https://example.com/a/",
        "https://example.com/",
        "https://www.example.com/a",
        "https://wwwexample.com/a",
        "https://www/a",
        "https://Example.com/a",
        "HTTPS://example.com/a",
        "https://example.com.:80/a",
        "https://user@example.com/a",
        "https://example.com/a?b=1",
        "https://example.com/a#b",
        "https://example.com/é",
        "https://exa_mple.com/a",
        "https://example.com/a\tb",
        "ftp://example.com/a",
    ],
)
def test_plain_links_take_a_short_cut_to_the_same_identity(url: str) -> None:
    assert normalise_url(url) == normalise_url_parts(url)


@needs_real_corpus
def test_every_link_of_the_sample_corpus_has_the_same_identity_by_the_short_cut() -> None:
    urls = corpus_urls(REAL_CORPUS)
    assert len(urls) > 100
    assert [normalise_url(url) for url in urls] == [normalise_url_parts(url) for url in urls]


def test_every_link_of_the_sites_has_the_same_identity_by_the_short_cut(tmp_path: Path) -> None:
    generate(tmp_path / "synthetic", 200, seed=5)
    urls = corpus_urls(SITE) + corpus_urls(tmp_path / "synthetic")
    assert len(urls) > 500
    assert [normalise_url(url) for url in urls] == [normalise_url_parts(url) for url in urls]


def test_identity_is_the_normalised_url_else_the_path() -> None:
    with_url = Article(path="/a.md", original_url="http://www.x.test/story/?utm_medium=rss")
    assert with_url.identity == "https://x.test/story"
    web_only = Article(path="/b.md", web_url="https://x.test/story")
    assert web_only.identity == "/b.md"
