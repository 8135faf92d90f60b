"""The models: the seed documents, dates, text repair, wrong types, identities and topics."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from library.loader import load_file
from library.synthetic import generate
from models.article import Article, Provider, RelatedArticle
from models.document import ParsedDocument, parse_document, parse_taxonomy
from models.identity import normalise_url, normalise_url_parts
from models.taxonomy import Topic
from models.text import one_line, printable, repair_text, strip_controls
from models.topic import TopicTree
from tests.conftest import REAL_CORPUS, SITE, needs_real_corpus

FEEDS = Path(__file__).resolve().parents[2] / "feeds"
HANGZHOU = FEEDS / "hangzhou-facial-recognition-ban.md"
TWO_SESSIONS = FEEDS / "two-sessions-facial-recognition-law.md"
MODES = pytest.mark.parametrize("summary", [False, True], ids=["full", "summary"])
CONTROL_CHARACTERS = {chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]} | {
    chr(code) for code in range(0x80, 0xA0)
}


def parse(front: str, body: str = "", *, summary: bool = False) -> ParsedDocument:
    return parse_document(f"---\n{front}---\n{body}", "doc.md", summary=summary)


def article_of(front: str, body: str = "", *, summary: bool = False) -> Article:
    parsed = parse(front, body, summary=summary)
    assert parsed.article is not None, parsed.problems
    return parsed.article


def assert_clean(text: str) -> None:
    """No control character, and no payload of a stripped escape sequence."""
    assert not set(text) & CONTROL_CHARACTERS, repr(text)
    assert "52;" not in text and "[2J" not in text and "31m" not in text, repr(text)


# -- the seed documents -----------------------------------------------------------------


def test_hangzhou_seed_loads_with_its_mojibake_repaired() -> None:
    parsed = load_file(str(HANGZHOU), explicit=True)
    assert parsed.problems == []
    article = parsed.article
    assert article is not None
    assert article.title.endswith("marking China’s first")
    assert "â€" not in article.title
    assert article.published_at == datetime(2020, 10, 28, 16, 26, tzinfo=UTC)
    assert article.published_at.utcoffset() == timedelta(0)
    assert article.provider == Provider(name="Global Times", domain="globaltimes.cn")
    assert article.topics == ["Computer Vision", "AI"]
    assert article.quality == 0
    assert article.heat is None  # "heat: -1" is the site's "not known"
    assert article.published is False
    assert article.kind == "article"
    assert article.original_url == "https://www.globaltimes.cn/content/1204981.shtml"
    assert article.identity == "https://globaltimes.cn/content/1204981.shtml"
    assert [related.title for related in article.related] == [
        "Face Recognition Systems Market",
        "Speech Recognition Market Size is Projected to Reach USD 29.28 Billion by 2026 | "
        "Valuates Reports",
    ]
    first = article.related[0]
    assert first.model_extra is not None
    assert first.model_extra["ampWebUrl"].startswith("https://www.openpr.com/amp/2175976/")
    assert "cdnAmpWebUrl" in first.model_extra
    assert first.published_at == datetime(2020, 10, 29, 11, 34, tzinfo=UTC)
    assert first.quality == 59
    assert first.images[0].width == 750 and first.images[0].is_cached is True
    assert first.url == first.web_url


def test_two_sessions_seed_loads_with_related_excerpts_repaired() -> None:
    parsed = load_file(str(TWO_SESSIONS), explicit=True)
    assert parsed.problems == []
    article = parsed.article
    assert article is not None
    assert article.title == (
        "Law on collection of facial recognition data to be proposed at two sessions"
    )
    assert article.published_at == datetime(2021, 3, 2, 10, 36, tzinfo=UTC)
    assert len(article.related) == 6
    assert len(article.images) == 1 and article.images[0].height == 720
    congress = next(r for r in article.related if r.title.startswith("Congress"))
    assert "enforcement’s use" in congress.excerpt
    assert "â€" not in congress.excerpt
    assert all(r.published_at is not None and r.published_at.tzinfo for r in article.related)


@pytest.mark.parametrize("path", [HANGZHOU, TWO_SESSIONS], ids=["hangzhou", "two-sessions"])
def test_secured_is_kept_but_never_shown_or_exported(path: Path) -> None:
    token = path.read_text(encoding="utf-8").split('secured: "')[1].split('"')[0]
    article = load_file(str(path), explicit=True).article
    assert article is not None
    assert article.secured == token
    shown = [
        repr(article),
        str(article),
        json.dumps(article.model_dump(mode="json")),
        json.dumps(article.model_dump(mode="json", by_alias=True)),
        article.model_dump_json(),
        article.model_dump_json(by_alias=True),
    ]
    for text in shown:
        assert token not in text
        assert token[:12] not in text
        assert "secured" not in text


@MODES
def test_summary_and_full_parse_agree_on_the_seeds(summary: bool) -> None:
    for path in (HANGZHOU, TWO_SESSIONS):
        full = load_file(str(path), explicit=True).article
        short = load_file(str(path), explicit=True, summary=summary).article
        assert full is not None and short is not None
        for name in ("title", "excerpt", "published_at", "provider", "topics", "quality", "url"):
            assert getattr(short, name) == getattr(full, name), name


# -- fields, aliases, extras -------------------------------------------------------------


def test_camel_case_aliases_and_snake_case_names_both_populate() -> None:
    by_alias = Article.model_validate(
        {"publishedDateTime": "2021-01-01T00:00:00Z", "originalUrl": "https://a.test/x"}
    )
    by_name = Article.model_validate(
        {"published_at": "2021-01-01T00:00:00Z", "original_url": "https://a.test/x"}
    )
    assert by_alias.published_at == by_name.published_at == datetime(2021, 1, 1, tzinfo=UTC)
    assert by_alias.original_url == by_name.original_url == "https://a.test/x"
    dumped = by_alias.model_dump(by_alias=True)
    assert dumped["publishedDateTime"] == datetime(2021, 1, 1, tzinfo=UTC)
    assert dumped["originalUrl"] == "https://a.test/x"


@MODES
def test_unknown_keys_are_kept(summary: bool) -> None:
    article = article_of(
        "title: x\nlocation: Palo Alto, CA\nsomeNumber: 3\nnested:\n  a: 1\n", summary=summary
    )
    assert article.model_extra == {
        "location": "Palo Alto, CA",
        "someNumber": 3,
        "nested": {"a": 1},
    }


@MODES
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-10-28T16:26:00Z", datetime(2020, 10, 28, 16, 26, tzinfo=UTC)),
        ('"2020-10-28T16:26:00Z"', datetime(2020, 10, 28, 16, 26, tzinfo=UTC)),
        ("2020-10-28", datetime(2020, 10, 28, tzinfo=UTC)),
        ('"2020-10-28"', datetime(2020, 10, 28, tzinfo=UTC)),
        ("2020-10-28T16:26:00", datetime(2020, 10, 28, 16, 26, tzinfo=UTC)),
        ("2020-10-28 16:26:00", datetime(2020, 10, 28, 16, 26, tzinfo=UTC)),
        ("2020-10-28T16:26:00+08:00", datetime(2020, 10, 28, 8, 26, tzinfo=UTC)),
        ('"2020-10-28T16:26:00+08:00"', datetime(2020, 10, 28, 8, 26, tzinfo=UTC)),
        ("2020-10-28 16:26:00 +08:00", datetime(2020, 10, 28, 8, 26, tzinfo=UTC)),
        ("2020-10-28T16:26:00.5-05:30", datetime(2020, 10, 28, 21, 56, 0, 500000, tzinfo=UTC)),
    ],
)
def test_every_date_form_becomes_an_aware_datetime(
    value: str, expected: datetime, summary: bool
) -> None:
    article = article_of(f"title: x\npublishedDateTime: {value}\n", summary=summary)
    assert article.published_at is not None
    assert article.published_at.tzinfo is not None
    assert article.published_at.utcoffset() is not None
    assert article.published_at == expected


def test_an_offset_is_kept_as_the_same_instant() -> None:
    article = article_of("title: x\npublishedDateTime: 2020-10-28T16:26:00+08:00\n")
    assert article.published_at is not None
    assert article.published_at.utcoffset() == timedelta(hours=8)
    assert article.published_at.astimezone(UTC).hour == 8
    related = RelatedArticle.model_validate({"publishedDateTime": "2021-03-02"})
    assert related.published_at == datetime(2021, 3, 2, tzinfo=UTC)
    assert related.published_at.tzinfo is not None
    east = timezone(timedelta(hours=8))
    assert Article(published_at=datetime(2021, 1, 1, 8, tzinfo=east)).published_at == datetime(
        2021, 1, 1, tzinfo=UTC
    )


@MODES
def test_html_entities_are_decoded(summary: bool) -> None:
    article = article_of(
        'title: "Cats&nbsp;&amp;&nbsp;dogs &#8217;22 &lt;3"\n'
        'excerpt: "A&nbsp;B &quot;quoted&quot; &eacute;t&eacute;"\n'
        "provider:\n  name: Ben &amp; Jerry&#39;s\n  domain: bj.test\n",
        summary=summary,
    )
    assert article.title == "Cats & dogs ’22 <3"
    assert article.excerpt == 'A B "quoted" été'
    assert article.provider is not None
    assert article.provider.name == "Ben & Jerry's"


@MODES
def test_escape_sequences_are_stripped_from_every_shown_text(summary: bool) -> None:
    hostile = r"\e]52;c;aGFja2Vk\a\e[2J\x9b31m\x07\x00\x7f\u202e"
    front = (
        f'title: "Safe{hostile} title"\n'
        f'excerpt: "An{hostile} excerpt"\n'
        f'provider:\n  name: "Prov{hostile}ider"\n  domain: "ex{hostile}.test"\n'
        f'topics:\n  - "Top{hostile}ic"\n'
        f'related:\n  - title: "Rel{hostile}ated"\n    excerpt: "x{hostile}y"\n'
    )
    article = article_of(front, body="Body \x1b[31mred\x1b[0m\x1b]8;;https://evil.test\x07link\n")
    assert article.title == "Safe title"
    assert article.excerpt == "An excerpt"
    assert article.provider is not None
    assert (article.provider.name, article.provider.domain) == ("Provider", "ex.test")
    assert article.topics == ["Topic"]
    assert article.body == "Body redlink\n"
    assert article.related[0].title == "Related"
    assert article.related[0].excerpt == "xy"
    for text in (article.title, article.excerpt, article.body, article.related[0].title):
        assert_clean(text)
    short = article_of(front, summary=True)
    assert (short.title, short.excerpt, short.topics) == ("Safe title", "An excerpt", ["Topic"])


@MODES
def test_markup_like_titles_are_kept_literally(summary: bool) -> None:
    article = article_of(
        "title: '[bold red]x[/] and [@click=app.quit]boom[/]'\n"
        "excerpt: '[link=https://evil.test]click[/link] [/'\n",
        summary=summary,
    )
    assert article.title == "[bold red]x[/] and [@click=app.quit]boom[/]"
    assert article.excerpt == "[link=https://evil.test]click[/link] [/"


@MODES
def test_wrong_types_are_errors_on_their_lines_and_the_rest_still_loads(summary: bool) -> None:
    parsed = parse(
        "title: Still here\n"  # line 2
        "excerpt: Also here\n"
        "quality: high\n"  # line 4
        "publishedDateTime: 2021-01-01T00:00:00Z\n"
        "provider: 5\n"  # line 6
        "topics: 5\n",  # line 7
        "the body\n",
        summary=summary,
    )
    errors = [(p.line, p.message) for p in parsed.problems if p.severity == "error"]
    assert [line for line, _ in errors] == [4, 6, 7]
    assert "quality" in errors[0][1]
    assert "provider" in errors[1][1]
    assert "topics" in errors[2][1]
    assert not parsed.valid
    article = parsed.article
    assert article is not None
    assert (article.title, article.excerpt, article.body) == (
        "Still here",
        "Also here",
        "the body\n",
    )
    assert article.published_at == datetime(2021, 1, 1, tzinfo=UTC)
    assert (article.quality, article.provider, article.topics) == (None, None, [])


def test_a_wrong_type_inside_related_is_reported_on_the_related_line() -> None:
    parsed = parse(
        "title: x\nquality: 3\nrelated:\n  - title: ok\n    quality: lots\n", summary=False
    )
    assert [(p.line, p.severity) for p in parsed.problems] == [(4, "error")]
    assert "related.0.quality" in parsed.problems[0].message
    assert parsed.article is not None and parsed.article.quality == 3


@MODES
def test_numbers_in_text_fields_are_text(summary: bool) -> None:
    article = article_of("title: 2020\nexcerpt: 3.5\n", summary=summary)
    assert (article.title, article.excerpt) == ("2020", "3.5")


@MODES
def test_single_topic_and_blank_entries(summary: bool) -> None:
    assert article_of("title: x\ntopics: AI\n", summary=summary).topics == ["AI"]
    article = article_of(
        'title: x\ntopics:\n  - AI\n  -\n  - ""\n  - "   "\n  - Machine   Learning\n',
        summary=summary,
    )
    assert article.topics == ["AI", "Machine Learning"]


@MODES
def test_a_named_document_takes_its_name_as_title(summary: bool) -> None:
    parsed = parse(
        'name: "Andrew Ng"\nbio: "Co-Founder of Coursera"\ntype: "profile"\n'
        "location: Palo Alto, CA\nwebsite:\n",
        summary=summary,
    )
    article = parsed.record  # a profile is a data record, not an article
    assert article is not None and parsed.article is None
    assert article.title == "Andrew Ng"
    assert article.name == "Andrew Ng"
    assert article.excerpt == "Co-Founder of Coursera"
    assert article.kind == "profile"
    assert article.model_extra is not None and "website" not in article.model_extra


def test_documents_without_a_title_warn_and_news_without_a_date_warns() -> None:
    parsed = parse("excerpt: x\ntype: article\n")
    assert [(p.severity, p.message) for p in parsed.problems] == [
        ("warning", "no title or name"),
        ("warning", "no publishedDateTime"),
    ]
    assert parsed.valid


def test_a_taxonomy_entry_in_a_document_is_not_an_article() -> None:
    parsed = parse("taxonomy: organization\n_id: amazon.com\nname: Amazon\n")
    assert (parsed.article, parsed.topics, parsed.problems) == (None, [], [])
    topic = parse("taxonomy: topic\n_id: ai\nname: AI\n")
    assert [(t.name, t.id) for t in topic.topics] == [("AI", "ai")]


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    for front in ("- a\n- b\n", "just a string\n", "42\n"):
        parsed = parse(front)
        assert parsed.article is None
        assert [(p.line, p.severity) for p in parsed.problems] == [(2, "error")]
        assert "not a mapping" in parsed.problems[0].message


def test_an_empty_front_matter_is_an_untitled_document() -> None:
    parsed = parse("", "body only\n")
    assert parsed.article is not None and parsed.article.body == "body only\n"
    assert [p.message for p in parsed.problems] == ["no title or name"]


def test_a_document_without_front_matter_is_an_error_only_when_required() -> None:
    assert parse_document("# Readme\n", "README.md", require_front_matter=False).problems == []
    required = parse_document("# Readme\n", "README.md")
    assert [(p.line, p.severity) for p in required.problems] == [(1, "error")]


# -- text repair --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Chinaâ€™s first", "China’s first"),
        ("cafÃ©", "café"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("plain ascii", "plain ascii"),
        ("already “fine” — ok", "already “fine” — ok"),
        ("&nbsp;a&amp;b&#x27;c&#8217;", " a&b'c’"),
        ("&#27;[2J after", "[2J after"),
        ("tom & jerry &notanentity", "tom & jerry &notanentity"),
    ],
)
def test_repair_text(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


def test_strip_controls_removes_whole_sequences_and_keeps_lines_and_tabs() -> None:
    text = (
        "a\x1b]52;c;aGk=\x07b\x1b]0;title\x1b\\c\x1b[1;31md\x9b2Je\x9d8;;x\x9cf\x1bPdcs\x1b\\g\n\th"
    )
    assert strip_controls(text) == "abcdefg\n\th"
    assert strip_controls("bidi \u202eevil\u2066") == "bidi evil"
    assert strip_controls("ok") == "ok"


def test_one_line_and_printable() -> None:
    assert one_line("  a\n b\t c  ") == "a b c"
    assert printable("new\nline\x1b[2J") == "new\\nline\\x1b[2J"
    assert printable("caf\udce9.md") == "caf\\xe9.md"
    assert printable("ünï — ok") == "ünï — ok"


# -- identity ----------------------------------------------------------------------------


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


# -- topics --------------------------------------------------------------------------------


@dataclass
class Entry:
    name: str
    parent: str = ""
    id: str = ""
    shortname: str = ""
    description: str = ""


def names(tree: TopicTree, keys: list[str]) -> list[str]:
    return [tree.nodes[key].name for key in keys]


def test_tree_from_taxonomy_with_aliases_and_article_only_topics() -> None:
    tree = TopicTree.build(
        [
            Entry("AI", id="ai"),
            Entry("Google AI", "AI", id="google-ai"),
            Entry("TensorFlow", "google-ai", id="tensorflow"),
            Entry("Machine Learning", "AI", shortname="ML"),
        ],
        used=["Quantum", "tensorflow", "ai"],
    )
    assert names(tree, tree.roots) == ["AI", "Quantum"]
    assert tree.resolve("google-ai") == tree.resolve("Google AI") == tree.resolve(" google  ai ")
    assert tree.resolve("ml") == tree.resolve("Machine Learning")
    assert tree.resolve("nothing") is None
    tensorflow = tree.resolve("TensorFlow")
    assert tensorflow is not None
    assert names(tree, tree.ancestors(tensorflow)) == ["TensorFlow", "Google AI", "AI"]
    ai = tree.resolve("AI")
    assert ai is not None
    assert {tree.nodes[key].name for key in tree.nodes if ai in tree.ancestors(key)} == {
        "AI",
        "Google AI",
        "TensorFlow",
        "Machine Learning",
    }
    assert [(tree.nodes[key].name, depth) for key, depth in tree.walk()] == [
        ("AI", 0),
        ("Google AI", 1),
        ("TensorFlow", 2),
        ("Machine Learning", 1),
        ("Quantum", 0),
    ]
    assert tree.warnings == []


def test_a_topic_counts_under_itself_and_every_node_above_it() -> None:
    """The index counts an article under the ancestors of each of its topics."""
    tree = TopicTree.build(
        [Entry("AI"), Entry("Google AI", "AI"), Entry("TensorFlow", "Google AI")],
        used=["Robots"],
    )

    def above(name: str) -> list[str]:
        key = tree.resolve(name)
        return [] if key is None else [tree.nodes[k].name for k in tree.ancestors(key)]

    assert sorted(above("TensorFlow")) == ["AI", "Google AI", "TensorFlow"]
    assert above("ai") == ["AI"]  # names resolve whatever their case
    assert above("Robots") == ["Robots"]  # used but not in the taxonomy: a root of its own
    assert above("Unknown") == []


@pytest.mark.parametrize(
    "entries",
    [
        [Entry("A", "B"), Entry("B", "A")],
        [Entry("A", "A")],
        [Entry("A", "B"), Entry("B", "C"), Entry("C", "A"), Entry("D", "C")],
        [Entry("X", "Y", id="x"), Entry("Y", "x")],
    ],
    ids=["pair", "self", "triangle-with-tail", "by-id"],
)
def test_cycles_are_broken_with_a_warning(entries: list[Entry]) -> None:
    tree = TopicTree.build(entries)
    assert tree.roots  # something is at the root, so the tree is walkable
    walked = [key for key, _ in tree.walk()]
    assert sorted(walked) == sorted(tree.nodes)  # every node once, and the walk ends
    for key in tree.nodes:
        assert len(tree.ancestors(key)) <= len(tree.nodes)
    assert any("cycle" in warning for warning in tree.warnings)
    for key in tree.nodes:  # a node above itself twice would count its articles twice
        ancestors = tree.ancestors(key)
        assert len(ancestors) == len(set(ancestors))


def test_missing_parents_and_duplicate_topics_are_warnings() -> None:
    tree = TopicTree.build([Entry("Child", "Ghost"), Entry("Child", "Other"), Entry("", "x")])
    assert names(tree, tree.roots) == ["Ghost"]
    assert names(tree, tree.nodes[tree.roots[0]].children) == ["Child"]
    assert len(tree.warnings) == 2
    assert any("unknown parent 'Ghost'" in warning for warning in tree.warnings)
    assert any("more than once" in warning for warning in tree.warnings)


def test_a_long_chain_closed_into_a_cycle_builds_and_counts_quickly() -> None:
    size = 2000  # big enough that a quadratic or cubic walk takes seconds, not a hang
    chain = [Entry(f"T{i}", f"T{(i - 1) % size}") for i in range(size)]
    started = time.perf_counter()
    tree = TopicTree.build(chain)
    last = tree.resolve(f"T{size - 1}")
    assert last is not None
    ancestors = tree.ancestors(last)
    assert max(depth for _, depth in tree.walk()) == size - 1
    assert time.perf_counter() - started < 1
    assert len(tree.roots) == 1
    assert tree.roots[0] in ancestors
    assert len(tree.warnings) == 1


def test_topic_models_from_taxonomy_yaml() -> None:
    parsed = parse_taxonomy(
        "taxonomy: topic\n_id: google-ai\nname: Google AI\nparent: AI\nkeywords: [tf]\n"
        '---\ntaxonomy: tag\n_id: nlp\n---\ntaxonomy: topic\nname: "\\e[2JBad"\n',
        "topics.yaml",
    )
    assert parsed.problems == []
    google, bad = parsed.topics
    assert isinstance(google, Topic)
    assert (google.name, google.id, google.parent) == ("Google AI", "google-ai", "AI")
    assert google.model_extra == {"taxonomy": "topic", "keywords": ["tf"]}
    assert bad.name == "Bad"
    broken = parse_taxonomy("taxonomy: topic\nparent: AI\n", "broken.yaml")
    assert broken.topics == [] and [p.severity for p in broken.problems] == ["error"]
