"""A small hand-written site in the real sites' layout and with their untidiness: mojibake,
CRLF line endings, a byte-order mark, an HTML newsletter in Liquid tags, unpublished
items, an article kept in the news and in the archive, collections nested two folders
down, a taxonomy three levels deep. Every file loads as what it is, and the index and
``lede check`` say what a person should see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from library.index import CorpusIndex
from library.loader import load_file
from models.html import html_to_text
from tests.conftest import SITE, LedeRunner

NEWS = SITE / "_news"
LEUKEMIA = "2019-12-20-artificial-intelligence-tracks-down-leukemia.md"
ORIGINAL = SITE / "_archive" / "_news" / LEUKEMIA
DUPLICATE = NEWS / LEUKEMIA
NEWSLETTER = SITE / "_newsletters" / "ai-every-day-2021-03-05.html"
SUMMARY = re.compile(
    r"checked (\d+) files? \((\d+) articles?, (\d+) topics?\): "
    r"0 invalid, 0 errors, (\d+) warnings?"
)


def article(path: Path):  # noqa: ANN201 - the Article of a document that must load cleanly
    parsed = load_file(str(path), explicit=True)
    assert parsed.problems == [], parsed.problems
    assert parsed.article is not None
    return parsed.article


@pytest.fixture(scope="module")
def site_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusIndex]:
    index = CorpusIndex([str(SITE)], tmp_path_factory.mktemp("site") / "index.db")
    index.refresh()
    yield index
    index.close()


def test_the_untidy_bytes_are_really_there() -> None:
    """The fixture keeps its traits through git (``-text``) and editors."""
    assert (NEWS / "2021-03-03-bank-fraud-models-flag-odd-payments.md").read_bytes().count(
        b"\r\n"
    ) > 10
    assert (NEWS / "2021-03-04-google-brings-gemini-to-android-phones.md").read_bytes()[:3] == (
        b"\xef\xbb\xbf"
    )
    assert "â€™" in (NEWS / "2021-03-02-chinas-ai-push-reaches-its-courts.md").read_text()


def test_lede_check_passes_with_only_the_duplicate_warned(run_lede: LedeRunner) -> None:
    done = run_lede("check", SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    *lines, summary = done.stdout.splitlines()
    assert lines == [f"{DUPLICATE}:1: warning: duplicate of {ORIGINAL} (same URL)"]
    counts = SUMMARY.fullmatch(summary)
    assert counts, summary
    # 13 articles (the archived copy is no second one), a profile (a data record, not an
    # article) and 8 topic files; the hidden template and the organisation file without a
    # document suffix are not read.
    assert counts.groups() == ("23", "13", "8", "1")


def test_mojibake_is_repaired() -> None:
    china = article(NEWS / "2021-03-02-chinas-ai-push-reaches-its-courts.md")
    assert china.title == "China’s AI push reaches its courts"
    assert "â€" not in china.excerpt and "“smart court" in china.excerpt


def test_crlf_and_bom_documents_load_like_any_other() -> None:
    crlf = article(NEWS / "2021-03-03-bank-fraud-models-flag-odd-payments.md")
    assert crlf.title == "Bank fraud models flag odd payments"
    assert (crlf.quality, crlf.heat, crlf.published) == (40, 12, True)
    assert crlf.body == "Written on Windows: every line ends in CR LF.\n"
    bom = article(NEWS / "2021-03-04-google-brings-gemini-to-android-phones.md")
    assert bom.title == "Google brings Gemini to Android phones"
    assert bom.topics == ["Google AI"]


def test_the_published_flag_and_unknown_heat_are_read() -> None:
    unpublished = article(NEWS / "2021-03-08-pin-diode-handles-high-power-apps.md")
    assert (unpublished.published, unpublished.heat) == (False, None)  # -1: unknown
    assert unpublished.topics == ["AI Hardware"]  # a single topic, not a list
    assert unpublished.url.startswith("https://everyday.example/")  # a webUrl only
    course = article(SITE / "_learning" / "courses" / "coursera" / "ai-for-everyone.md")
    assert course.published is False
    assert article(DUPLICATE).published is False  # the news copy, not the archived one


def test_the_newsletter_is_html_inside_liquid_tags() -> None:
    newsletter = article(NEWSLETTER)
    assert newsletter.title == "A.I. Every Day (2021-03-05)"
    assert newsletter.body.startswith("{% raw %}\n<html>")
    assert newsletter.body.rstrip().endswith("{% endraw %}")
    text = html_to_text(newsletter.body)
    assert "Google brings Gemini to Android phones" in text
    assert "<" not in text and "mso" not in text


def test_collections_nested_two_folders_down_keep_their_kind() -> None:
    learning = SITE / "_learning"
    video = article(learning / "videos" / "youtube" / "what-is-a-transformer.md")
    course = article(learning / "courses" / "coursera" / "ai-for-everyone.md")
    assert (video.kind, course.kind) == ("video", "course")
    assert "𝐚𝐭𝐭𝐞𝐧𝐭𝐢𝐨𝐧" in video.excerpt  # mathematical letters are text, not damage
    person = load_file(str(SITE / "_people" / "ada-lovelace.md"), explicit=True)
    assert person.article is None and person.problems == []  # a profile is data
    assert person.record is not None
    sample = article(SITE / "_samples" / "image-classification-in-ten-lines.md")
    assert sample.kind == "sample" and "python classify.py" in sample.body


def test_an_article_in_the_news_and_the_archive_is_listed_once(site_index: CorpusIndex) -> None:
    paths = [row.path for row in site_index.search("leukemia")]
    assert paths == [str(ORIGINAL)]
    assert site_index.count() == 13


def test_search_finds_the_newsletter_by_its_text(site_index: CorpusIndex) -> None:
    titles = {row.title for row in site_index.search("Assistant users")}
    assert titles == {"A.I. Every Day (2021-03-05)"}


def test_search_never_matches_the_newsletter_markup(site_index: CorpusIndex) -> None:
    for markup in ("viewport", "td", "mso", "presentation", "http-equiv"):
        assert site_index.search(markup) == [], markup


def test_the_taxonomy_nests_three_levels_and_counts_include_descendants(
    site_index: CorpusIndex,
) -> None:
    tree = site_index.topic_tree()
    assert tree.warnings == []
    tensorflow = tree.resolve("tensorflow")
    assert tensorflow is not None
    assert [tree.nodes[key].name for key in tree.ancestors(tensorflow)] == [
        "TensorFlow",
        "Google AI",
        "AI",
    ]
    assert tree.resolve("ML") == tree.resolve("Machine Learning")
    counts = {tree.nodes[key].name: count for key, count in site_index.topic_counts().items()}
    # Read off the fixture: TensorFlow 3 is under TensorFlow and ML, the Gemini story under
    # Google AI, the leukemia story (once) and the bank story under Machine Learning.
    assert counts["TensorFlow"] == 1
    assert counts["Google AI"] == 2
    assert counts["Machine Learning"] == 3
    assert counts["AI"] == 13  # every article has a topic under AI


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in SITE.rglob("*")
        if p.suffix in (".md", ".html") and p.name[0] != "." and "_people" not in p.parts
    ),
    ids=lambda path: str(path.relative_to(SITE)),
)
def test_every_document_loads_and_its_summary_agrees(path: Path) -> None:
    """The index reads a summary through a faster path: it must agree with the full parse."""
    whole = article(path)
    assert whole.title
    summary = load_file(str(path), summary=True).article
    assert summary is not None
    for name in ("title", "excerpt", "published_at", "provider", "topics", "quality", "kind"):
        assert getattr(summary, name) == getattr(whole, name), name
    assert summary.identity == whole.identity


def test_topic_queries_match_the_counts(site_index: CorpusIndex) -> None:
    tree = site_index.topic_tree()
    counts = site_index.topic_counts()
    for key, node in tree.nodes.items():
        assert len(site_index.search(f'topic:"{node.name}"')) == counts.get(key, 0), node.name
