"""Every file of the real sample corpus (read where it is, never copied): it checks clean,
every document loads as what it is, and the topic tree and its counts are right.

The expected counts are worked out here independently of ``models.topic``, straight
from the YAML, so the tree and the index are checked against a second opinion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from library.index import CorpusIndex
from library.loader import load_file
from library.scan import FoundFile, scan
from library.site import is_jekyll_site
from models.html import html_to_text
from tests.conftest import REAL_CORPUS, needs_real_corpus
from tui.records import json_records

pytestmark = needs_real_corpus
CORPUS = REAL_CORPUS
NEWSLETTER = CORPUS / "_newsletters" / "ai-every-day-2021-04-27.html"
DUPLICATE = CORPUS / "_news" / "2022-07-22-healthcare-ai-a-trend-towards-a-zero-click-solution.md"
ORIGINAL = (
    CORPUS
    / "_archive"
    / "_news"
    / "2022-07-22-healthcare-ai-a-trend-towards-a-zero-click-solution.md"
)
# The folders of data records (profiles, companies, sponsorships: no title, blurb, date, link
# or body), which are not articles; told here by folder, a second opinion on the shape rule.
DATA_FOLDERS = ("_people", "_companies", "_sponsorships")
PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+): (?P<severity>error|warning): (?P<msg>.+)$")
_CLOSING = re.compile(r"^---[ \t]*$", re.MULTILINE)


def documents() -> Iterator[Path]:
    """The corpus files that are documents, found without the project's scanner."""
    for path in sorted(CORPUS.rglob("*")):
        parts = path.relative_to(CORPUS).parts
        hidden = any(part.startswith(".") for part in parts)
        if path.is_file() and not hidden and path.suffix in (".md", ".html"):
            yield path


def is_data(path: Path) -> bool:
    return path.relative_to(CORPUS).parts[0] in DATA_FOLDERS


def front_matter(path: Path) -> dict[str, Any] | None:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return None
    end = _CLOSING.search(text, 4)
    assert end is not None, path
    data = yaml.safe_load(text[4 : end.start()])
    return data if isinstance(data, dict) else None


def test_the_shared_corpus_is_there() -> None:
    """The tests below are drawn from it: a missing corpus must fail here, not leave them
    with nothing to run."""
    assert len(list(documents())) == 110, f"{CORPUS} is missing or incomplete"


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusIndex]:
    index = CorpusIndex([str(CORPUS)], tmp_path_factory.mktemp("real") / "index.db")
    index.refresh()
    yield index
    index.close()


# -- lede check --------------------------------------------------------------------------


def test_lede_check_passes_with_exactly_the_known_warnings(run_lede: Callable[..., Any]) -> None:
    done = run_lede("check", CORPUS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    *lines, summary = done.stdout.splitlines()
    problems = [PROBLEM_LINE.match(line) for line in lines]
    assert all(problems), lines
    found = {(m["path"], m["severity"], m["msg"]) for m in problems if m}
    # The sponsorship has no title or name: it is called by its file's, as Jekyll calls it.
    assert found == {(str(DUPLICATE), "warning", f"duplicate of {ORIGINAL} (same URL)")}
    assert re.fullmatch(
        r"checked 136 files \(101 articles, 22 topics\): 0 invalid, 0 errors, 1 warning", summary
    )


def test_the_scan_finds_every_document_and_taxonomy_and_nothing_else() -> None:
    found = {Path(item.path) for item in scan([str(CORPUS)]) if isinstance(item, FoundFile)}
    expected = {
        path
        for path in CORPUS.rglob("*")
        if path.is_file()
        and path.suffix in (".md", ".html", ".yaml")
        and not any(part.startswith(".") for part in path.relative_to(CORPUS).parts)
    }
    assert found == expected
    assert len(found) == 136
    assert CORPUS / "_people" / ".template" not in found
    assert CORPUS / "_data" / "organizations" / "theguardian.com" not in found


# -- every document ------------------------------------------------------------------------


@pytest.mark.parametrize("path", list(documents()), ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_document_loads_as_what_it_is(path: Path) -> None:
    data = front_matter(path)
    parsed = load_file(str(path))
    assert [p for p in parsed.problems if p.severity == "error"] == []
    if data is None or "taxonomy" in data:
        assert parsed.article is None
        return
    if is_data(path):
        assert parsed.article is None
    article = parsed.record if is_data(path) else parsed.article
    assert article is not None
    if data.get("title") or data.get("name"):
        assert article.title, "a titled document lost its title"
        if not data.get("title"):
            assert article.title == " ".join(str(data["name"]).split())
    if data.get("publishedDateTime"):
        assert article.published_at is not None and article.published_at.tzinfo is not None
    for field in ("title", "excerpt", "body"):
        assert "â€" not in getattr(article, field)
    # The index reads a summary through a faster path: it must agree with the full parse.
    summarised = load_file(str(path), summary=True)
    summary = summarised.record if is_data(path) else summarised.article
    assert summary is not None
    for name in ("title", "excerpt", "published_at", "provider", "topics", "quality", "kind"):
        assert getattr(summary, name) == getattr(article, name), name
    assert summary.identity == article.identity


def test_the_newsletter_loads_with_its_html_body() -> None:
    parsed = load_file(str(NEWSLETTER), explicit=True)
    assert parsed.problems == []
    article = parsed.article
    assert article is not None
    assert article.title == "A.I. Every Day (2021-04-27)"
    assert article.kind == "article"
    assert article.topics == ["AI"]
    assert article.body.lstrip().startswith("<html>")
    text = html_to_text(article.body)
    assert "Tesla is becoming more of an artificial intelligence and robotic company" in text
    assert "<" not in text and "mso" not in text


@pytest.mark.parametrize(
    ("folder", "kinds"),
    [
        ("_people", {"profile"}),
        ("_companies", {"profile"}),
        ("_events", {"conference"}),
        ("_projects", {"code"}),
    ],
)
def test_named_entries_load_with_their_name_as_title(folder: str, kinds: set[str]) -> None:
    """People and companies are data records; events and projects (a blurb, a link) are
    articles."""
    paths = sorted((CORPUS / folder).glob("*.md"))
    assert paths
    for path in paths:
        data = front_matter(path)
        assert data is not None
        parsed = load_file(str(path), explicit=True)
        assert parsed.problems == []
        entry = parsed.record if folder in DATA_FOLDERS else parsed.article
        assert entry is not None
        assert (parsed.article is None) == (folder in DATA_FOLDERS)
        assert entry.title == data["name"]
        assert entry.kind in kinds


def test_learning_entries_keep_their_own_kind() -> None:
    kinds = {load_file(str(path)).article.kind for path in (CORPUS / "_learning").rglob("*.md")}
    assert kinds == {"answer", "book", "collection", "course"}


# -- the index: stories, search, topic tree and counts --------------------------------------


def stories() -> dict[str, tuple[Path, dict[str, Any]]]:
    """Distinct stories by original URL (else path), the first path winning, as documented."""
    found: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in documents():
        data = front_matter(path)
        if data is None or "taxonomy" in data or is_data(path):
            continue
        key = str(data.get("originalUrl") or path)
        if key not in found or str(path) < str(found[key][0]):
            found[key] = (path, data)
    return found


def test_duplicates_are_listed_once(corpus_index: CorpusIndex) -> None:
    rows = corpus_index.search("")
    assert len(rows) == corpus_index.count() == len(stories()) == 101
    paths = {row.path for row in rows}
    assert str(ORIGINAL) in paths and str(DUPLICATE) not in paths
    warnings = [p for p in corpus_index.problems() if p.path == str(DUPLICATE)]
    assert [(p.severity, p.message) for p in warnings] == [
        ("warning", f"duplicate of {ORIGINAL} (same URL)")
    ]


def test_search_reads_the_newsletter_text_not_its_markup(corpus_index: CorpusIndex) -> None:
    titles = {row.title for row in corpus_index.search("Tesla robotic company")}
    assert "A.I. Every Day (2021-04-27)" in titles
    for markup in ("viewport", "td", "mso", "style", "http-equiv"):
        assert corpus_index.search(markup) == [], markup


def test_topic_tree_shape(corpus_index: CorpusIndex) -> None:
    tree = corpus_index.topic_tree()
    assert [tree.nodes[key].name for key in tree.roots] == ["AI"]
    children = {tree.nodes[child].name for child in tree.nodes[tree.roots[0]].children}
    assert {"Machine Learning", "Computer Vision", "Natural Language Processing"} <= children
    assert {"Google AI", "AI Ethics", "AWS AI", "Microsoft AI"} <= children
    tensorflow = tree.resolve("TensorFlow")
    assert tensorflow is not None
    assert [tree.nodes[key].name for key in tree.ancestors(tensorflow)] == [
        "TensorFlow",
        "Google AI",
        "AI",
    ]
    assert tree.resolve("google-ai") == tree.resolve("Google AI")
    assert tree.warnings == []


def expected_counts() -> dict[str, int]:
    """Stories per topic including descendants, from the YAML alone."""
    parents: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for path in sorted((CORPUS / "_data" / "topics").glob("*.yaml")):
        for entry in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if isinstance(entry, dict) and entry.get("taxonomy") == "topic":
                name = entry["name"]
                for alias in (name, entry.get("_id"), entry.get("shortname")):
                    if alias:
                        canonical.setdefault(str(alias).casefold(), name)
                parents[name] = entry.get("parent") or ""

    def resolve(name: str) -> str:
        return canonical.get(name.casefold(), name)

    counts: dict[str, int] = {}
    for _, data in stories().values():
        topics = data.get("topics") or []
        nodes: set[str] = set()
        for topic in topics if isinstance(topics, list) else [topics]:
            node = resolve(str(topic))
            while node and node not in nodes:
                nodes.add(node)
                node = resolve(parents.get(node, ""))
        for node in nodes:
            counts[node] = counts.get(node, 0) + 1
    for name in parents:
        counts.setdefault(name, 0)
    return counts


def test_topic_counts_include_descendants(corpus_index: CorpusIndex) -> None:
    tree = corpus_index.topic_tree()
    counts = corpus_index.topic_counts()
    shown = {node.name: counts.get(key, 0) for key, node in tree.nodes.items()}
    expected = expected_counts()
    assert shown == expected
    # Every topic in use is in the taxonomy under AI, so AI holds each story with a topic.
    with_ai_topic = sum(1 for _, data in stories().values() if data.get("topics"))
    assert shown["AI"] == with_ai_topic == 101
    google, tensorflow = shown["Google AI"], shown["TensorFlow"]
    assert google >= tensorflow > 0


def test_topic_queries_match_the_counts(corpus_index: CorpusIndex) -> None:
    tree = corpus_index.topic_tree()
    counts = corpus_index.topic_counts()
    for key, node in tree.nodes.items():
        rows = corpus_index.search(f'topic:"{node.name}"')
        assert len(rows) == counts.get(key, 0), node.name


def test_lede_topics_prints_the_tree_with_counts(run_lede: Callable[..., Any]) -> None:
    """Of the site's stream, as lede list and the reader count (it counted every
    collection); of everything with --all."""
    listed = run_lede("list", CORPUS)
    streamed = run_lede("topics", CORPUS)
    assert streamed.returncode == 0, streamed.stderr
    count = len(listed.stdout.splitlines())
    assert count < 101
    assert streamed.stdout.splitlines()[:2] == [f"All articles ({count})", f"  AI ({count})"]
    done = run_lede("topics", "--all", CORPUS)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "All articles (101)"
    assert lines[1] == "  AI (101)"
    expected = expected_counts()
    google = lines.index(f"    Google AI ({expected['Google AI']})")
    assert lines[google + 1] == f"      TensorFlow ({expected['TensorFlow']})"
    assert f"    Machine Learning ({expected['Machine Learning']})" in lines
    assert len(lines) == 1 + len(expected)


# -- the site: collections, the published flag, links ---------------------------------------


def test_the_sample_is_a_jekyll_site_and_its_collections_are_not() -> None:
    assert is_jekyll_site(str(CORPUS))
    assert not is_jekyll_site(str(CORPUS / "_news"))


def test_every_story_is_in_the_collection_of_its_folder(corpus_index: CorpusIndex) -> None:
    rows = corpus_index.search("")
    records = {r["path"]: r for r in json_records(corpus_index, [row.id for row in rows])}
    expected: dict[str, str | None] = {}
    for path, _ in stories().values():
        folders = [part for part in path.relative_to(CORPUS).parts[:-1] if part.startswith("_")]
        expected[str(path)] = folders[-1][1:] if folders else None  # _archive/_news: news
    assert {path: r["collection"] for path, r in records.items()} == expected
    collections = [str(r["collection"]) for r in records.values()]
    assert {name: collections.count(name) for name in set(collections)} == {
        "news": 90,  # 69 in _news, 22 in _archive/_news, one story in both
        "newsletters": 1,
        "learning": 4,
        "events": 3,
        "projects": 3,
    }


def test_the_published_flag_and_links_of_the_sample(corpus_index: CorpusIndex) -> None:
    rows = corpus_index.search("")
    records = {r["path"]: r for r in json_records(corpus_index, [row.id for row in rows])}
    unpublished = {str(p) for p, data in stories().values() if data.get("published") is False}
    assert {path for path, r in records.items() if not r["published"]} == unpublished
    assert len(unpublished) == 26  # of the 27 files, one is a duplicate
    with_url = {
        str(p): data.get("originalUrl") or data.get("webUrl") or data.get("website")
        for p, data in stories().values()
    }
    assert {path: r["original_url"] or None for path, r in records.items()} == with_url
    newsletter = records[str(NEWSLETTER)]
    assert newsletter["original_url"] == newsletter["web_url"] != ""


def test_unknown_heat_is_none(corpus_index: CorpusIndex) -> None:
    unknown = [p for p in documents() if (front_matter(p) or {}).get("heat") == -1]
    assert len(unknown) == 18
    for path in unknown:
        article = load_file(str(path)).article
        assert article is not None and article.heat is None
