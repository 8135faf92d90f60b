"""Every field of a document's front matter: names in either case, unknown keys kept,
dates, entities and escapes, wrong types on their lines, missing titles and front matter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from models.article import Article, RelatedArticle
from models.document import parse_document
from tests.conftest import MODES, article_of, parse

CONTROL_CHARACTERS = {chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]} | {
    chr(code) for code in range(0x80, 0xA0)
}


def assert_clean(text: str) -> None:
    """No control character, and no payload of a stripped escape sequence."""
    assert not set(text) & CONTROL_CHARACTERS, repr(text)
    assert "52;" not in text and "[2J" not in text and "31m" not in text, repr(text)


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
        "title: x\nvenue: Palo Alto, CA\nsomeNumber: 3\nnested:\n  a: 1\n", summary=summary
    )
    assert article.model_extra == {
        "venue": "Palo Alto, CA",
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
    related = RelatedArticle.model_validate({"title": "y", "publishedDateTime": "2021-03-02"})
    assert related.published_at == datetime(2021, 3, 2, tzinfo=UTC)
    assert related.published_at.tzinfo is not None
    east = timezone(timedelta(hours=8))
    assert Article(published_at=datetime(2021, 1, 1, 8, tzinfo=east)).published_at == datetime(
        2021, 1, 1, tzinfo=UTC
    )


@MODES
@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("9999-12-31T23:59:59-14:00", None),  # year 10000 in UTC
        ("0001-01-01T00:00:00+14:00", None),  # year 0 in UTC
        ("9999-12-31T23:59:59Z", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("0001-01-01", datetime(1, 1, 1, tzinfo=UTC)),
    ],
)
def test_a_moment_past_the_calendar_in_utc_is_an_error_and_the_article_stays(
    value: str, kept: datetime | None, summary: bool
) -> None:
    """Such a moment has no date in UTC: stored, it stopped every list of the corpus."""
    parsed = parse(f"title: Edge\npublishedDateTime: {value}\n", summary=summary)
    assert parsed.article is not None and parsed.article.title == "Edge"
    assert parsed.article.published_at == kept
    assert [(p.line, p.message) for p in parsed.problems] == (
        []
        if kept
        else [
            (
                3,
                "field 'publishedDateTime': Value error, "
                "the moment is outside the years 1 to 9999 in UTC",
            )
        ]
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
        "topics: {a: 1}\n",  # line 7
        "the body\n",
        summary=summary,
    )
    errors = [(p.line, p.message) for p in parsed.problems if p.severity == "error"]
    assert [line for line, _ in errors] == [4, 6, 7]
    assert "quality" in errors[0][1]
    assert "provider" in errors[1][1]
    assert "topics" in errors[2][1]
    assert [p for p in parsed.problems if p.severity == "error"]
    article = parsed.article
    assert article is not None
    assert (article.title, article.excerpt, article.body) == (
        "Still here",
        "Also here",
        "the body\n",
    )
    assert article.published_at == datetime(2021, 1, 1, tzinfo=UTC)
    assert (article.quality, article.provider, article.topics) == (None, None, [])


@pytest.mark.parametrize(
    "text",
    [
        '+++\ntitle = "Still here"\n\nquality = "high"\n+++\nBody.\n',  # Hugo's TOML
        '---json\n{\n  "title": "Still here",\n  "quality": "high"\n}\n---\nBody.\n',
        "Title: Still here\nDate: 2024-01-02\nX: y\nQuality: high\n\nBody.\n",  # Pelican's
    ],
    ids=["toml", "json", "metadata"],
)
def test_a_wrong_type_is_an_error_on_its_line_in_every_language(text: str) -> None:
    parsed = parse_document(text, "a.md")
    assert [(p.line, p.message.split(":")[0]) for p in parsed.problems] == [(4, "field 'quality'")]
    assert parsed.article is not None and parsed.article.title == "Still here"


def test_a_wrong_type_inside_related_is_reported_on_the_related_line() -> None:
    parsed = parse(
        "title: x\nquality: 3\nrelated:\n  - title: ok\n    quality: lots\n", summary=False
    )
    assert [(p.line, p.severity) for p in parsed.problems] == [(4, "error")]
    assert "related.0.quality" in parsed.problems[0].message
    assert parsed.article is not None and parsed.article.quality == 3


def test_an_entry_of_the_wrong_shape_leaves_the_others_of_its_list() -> None:
    """One topic, related article or image that does not fit is reported, and the
    entries beside it stay (the whole list was left out for it)."""
    parsed = parse(
        "title: x\n"
        "topics: [1, null, true, AI]\n"  # line 3
        "related:\n"  # line 4
        "  - [not, an, article]\n"
        "  - title: Kept\n"
        "images:\n"  # line 7
        "  - url: https://a.test/wide.jpg\n"
        "    width: wide\n"
        "  - url: https://a.test/kept.jpg\n",
        summary=False,
    )
    assert [(p.line, p.message.split(":")[0]) for p in parsed.problems] == [
        (3, "field 'topics.1'"),
        (4, "field 'related.0'"),
        (7, "field 'images.0.width'"),
    ]
    article = parsed.article
    assert article is not None
    assert article.topics == ["1", "AI"]
    assert [related.title for related in article.related] == ["Kept"]
    assert [image.url for image in article.images] == ["https://a.test/kept.jpg"]


@MODES
def test_entries_that_fit_alone_but_not_together_leave_the_rest_of_the_document(
    summary: bool,
) -> None:
    """A nested list alone reads as a link to a note, so each of these topics fits on its
    own; together they do not. Only the topics went: the title and the other fields were
    all lost with them, and the file was said to have no title."""
    parsed = parse("title: Kept\nexcerpt: Also kept\ntopics:\n  - 1\n  - [a]\n", summary=summary)
    assert [(p.line, p.message.split(":")[0]) for p in parsed.problems] == [(4, "field 'topics.1'")]
    article = parsed.article
    assert article is not None
    assert (article.title, article.excerpt, article.topics) == ("Kept", "Also kept", [])


@pytest.mark.parametrize(
    "related", ["{a: b}", "[{}]", "[{excerpt: only words}]", "[{images: [{url: x.jpg}]}]"]
)
def test_a_related_article_with_no_title_or_link_is_reported_not_kept(related: str) -> None:
    """Such an entry points nowhere; it was kept as a blank line of the related list."""
    parsed = parse(f"title: x\nrelated: {related}\n", summary=False)
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "field 'related.0': Value error, a related article needs a title or a link")
    ]
    assert parsed.article is not None and parsed.article.related == []


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
def test_a_number_or_a_date_among_the_topics_is_a_name(summary: bool) -> None:
    """YAML reads ``- 2020`` as a number: the whole list was refused, and the article
    left every topic it named."""
    text = "title: x\ntopics:\n  - AI\n  - 2020\n  - 3.5\n  - 2021-03-01\ntopics_end: 1\n"
    assert article_of(text, summary=summary).topics == ["AI", "2020", "3.5", "2021-03-01"]
    assert article_of("title: x\ntopics: 2020\n", summary=summary).topics == ["2020"]


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


def test_a_record_without_a_name_is_no_untitled_article() -> None:
    """A translation's stub (``slug`` and ``untranslated`` alone) is listed nowhere, and
    Let's Encrypt's 507 of them each warned "no title or name"."""
    parsed = parse_document("---\nslug: about\nuntranslated: 1\n---\n", "content/fr/about.md")
    assert parsed.article is None and parsed.problems == []


@pytest.mark.parametrize(
    ("front_matter", "keys"),
    [("category: news\n", "category"), ("tags: [ai]\ntype: article\n", "tags, type")],
)
def test_a_record_that_only_files_an_article_says_why_it_is_not_listed(
    front_matter: str, keys: str
) -> None:
    """``category: news`` and no body was taken for a data record: listed nowhere, and
    ``lede check`` gave no reason (a lone ``tags:``, not a word)."""
    parsed = parse_document(f"---\n{front_matter}---\n", "news/stub.md")
    assert parsed.article is None and parsed.record is not None
    message = f"not listed as an article: it has {keys} but no title, excerpt, date, link or body"
    assert ("warning", message, 1) in [(p.severity, p.message, p.line) for p in parsed.problems]
    for record in (
        "name: Ada Lovelace\nbio: Wrote the first program.\ntype: profile\ntopics: [AI]\n",
        "",  # nothing written at all: a section's index page (Hugo's ``_index.md``)
    ):
        assert parse_document(f"---\n{record}---\n", "_people/ada.md").problems == []


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("# Role-based Access Control\n\nText.\n", "Role-based Access Control"),
        ("\n# Closed heading ##\nText.\n", "Closed heading"),
        ("# Built-in Components {#built-in-components}\n", "Built-in Components"),
        ('<script setup>\nimport { ref } from "vue"\n</script>\n\n# Quick Start\n', "Quick Start"),
        ("import Tabs from '@theme/Tabs';\n<!-- draft -->\n# Tabs\n", "Tabs"),
        # Nextra's: statements over several lines, as MDX reads them, to a blank line.
        ("import {\n  CloudIcon\n} from 'icons'\n\n# Advanced\n", "Advanced"),
        ("export default function L(p) {\n  return p\n}\n\n# About Nextra\n", "About Nextra"),
        ("<div>\n\n# Inside a block\n", ""),
        ("Intro.\n\n# Later heading\n", ""),  # not the page's own heading
        ("## A section\n", ""),
        # Material for MkDocs' blog: the heading as the page shows it, not as written.
        (
            "# Using `git sparse-checkout` for *faster* [docs](https://x.test) \\#1\n",
            "Using git sparse-checkout for faster docs #1",
        ),
        ("# Why *args_ matter in File_name_\n", "Why *args_ matter in File_name_"),  # unpaired
        # Eleventy's and VitePress's: template code, comments and tags show nothing of
        # themselves, a component its words; code spans show what they hold.
        ('# Render {% addedin "1.0.0" %}<!-- Beta 7 -->\n', "Render"),
        ('# MPA Mode <Badge type="warning" text="experimental" />\n', "MPA Mode experimental"),
        ('# HTML `<base>` {% addedin "2.0.0" %}\n', "HTML <base>"),
    ],
)
def test_an_untitled_page_is_titled_by_the_heading_it_opens_with(body: str, title: str) -> None:
    """As Docusaurus, MkDocs and GitHub Pages title it: its file name ("rbac") was shown."""
    parsed = parse_document(f"---\nsidebar_position: 6\n---\n{body}", "docs/rbac.md")
    assert parsed.article is not None and parsed.article.title == title
    assert ("no title or name" in [p.message for p in parsed.problems]) == (not title)


@pytest.mark.parametrize(
    ("navigation", "title"),
    [
        ("  key: Collections API\n", "Collections API"),
        ("  key: API\n  title: The API\n", "The API"),
        ("  parent: Docs\n", ""),
    ],
)
def test_an_eleventy_page_without_title_or_heading_is_called_as_its_menu_calls_it(
    navigation: str, title: str
) -> None:
    """Its layout writes its heading: the page was called by its file's name."""
    parsed = parse_document(f"---\neleventyNavigation:\n{navigation}---\nText.\n", "a.md")
    assert parsed.article is not None and parsed.article.title == title


@pytest.mark.parametrize(
    ("front", "title"),
    [
        ('pagetitle: "Gallery"\nformat:\n  html:\n    toc: false\n', "Gallery"),
        ("format: revealjs\n", ""),
        ("format:\n  revealjs:\n    incremental: true\n", ""),
        ("format: [beamer, pdf]\n", ""),
        ("output: ioslides_presentation\n", ""),
        ("output:\n  xaringan::moon_reader:\n    lib_dir: libs\n", ""),
    ],
)
def test_a_page_titled_in_its_window_or_a_deck_without_a_title_is_not_warned_of(
    front: str, title: str
) -> None:
    """Pandoc (and so Quarto and R Markdown) titles a page by its ``pagetitle`` where it
    shows no ``title``, and a slide deck with neither by its file's name, as decks often
    are: quarto-web's 30 examples of Reveal.js and its two pages of a ``pagetitle`` were
    32 warnings of "no title or name"."""
    parsed = parse_document(f"---\n{front}---\n\n## A first slide\n\nText.\n", "deck.qmd")
    assert parsed.article is not None and parsed.article.title == title
    assert parsed.article.heading == (title or "deck")
    assert parsed.problems == []


@pytest.mark.parametrize(
    ("name", "warned"),
    [("2021-03.md", False), ("2021-03-31.md", False), ("2021-03-launch.md", True)],
)
def test_a_changelog_entry_named_as_its_date_is_titled_by_it_without_a_warning(
    name: str, warned: bool
) -> None:
    """Gitpod's changelog keeps an entry a month (``changelog/2021-03.md``, ``date:`` alone),
    which its site heads with its date: each was "no title or name", though the name
    lede lists it by is that date. A name that is more than a date still warns."""
    parsed = parse_document("---\ndate: 2021-03-31\n---\n\nDashboard redesign.\n", name)
    assert parsed.article is not None and parsed.article.heading == name.removesuffix(".md")
    assert ("no title or name" in [p.message for p in parsed.problems]) == warned


@pytest.mark.parametrize(
    ("name", "version", "warned"),
    [
        ("4.07.0.md", "4.07.0", False),
        ("v1.2.md", "1.2", False),
        ("1.2.md", "v1.2", False),
        ("notes.md", "4.07.0", True),
        ("4.08.0.md", "4.07.0", True),
    ],
)
def test_a_release_page_named_as_its_version_is_titled_by_it_without_a_warning(
    name: str, version: str, warned: bool
) -> None:
    """ocaml.org keeps a page for each release (``data/releases/4.07.0.md``, ``version:``
    and ``date:``, no title), which its site heads with that version: each of its 38 was
    "no title or name", though the name lede lists it by is that version. A name that is
    not the version still warns."""
    parsed = parse_document(f"---\nversion: {version}\ndate: 2018-07-10\n---\n\nNew.\n", name)
    assert parsed.article is not None and parsed.article.heading == name.removesuffix(".md")
    assert ("no title or name" in [p.message for p in parsed.problems]) == warned


def test_documents_without_a_title_warn_and_news_without_a_date_warns() -> None:
    parsed = parse("excerpt: x\ntype: article\n")
    assert [(p.severity, p.message) for p in parsed.problems] == [
        ("warning", "no title or name"),
        ("warning", "no publishedDateTime"),
    ]
    assert [p for p in parsed.problems if p.severity == "error"] == []


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


def test_related_images_and_provider_may_be_given_as_plain_text() -> None:
    """Real sites write them so (``related: [metrics, leadership]``, ``images: x.png``,
    ``provider: Reuters``); each was an error and left out."""
    parsed = parse(
        "title: x\n"
        "related: [metrics, https://a.test/story]\n"
        "images: /assets/kid.png\n"
        "provider: Reuters\n",
        summary=False,
    )
    assert [p for p in parsed.problems if p.severity == "error"] == []
    article = parsed.article
    assert article is not None
    assert [(r.title, r.url) for r in article.related] == [
        ("metrics", ""),
        ("", "https://a.test/story"),
    ]
    assert [image.url for image in article.images] == ["/assets/kid.png"]
    assert article.provider is not None and article.provider.name == "Reuters"


def test_a_related_page_named_by_its_slug_is_called_by_it() -> None:
    """PCLOB's reports name their board members' statements by slug and collection
    (``{slug: …, collection: statements}``): each was "a related article needs a title or a
    link", its report "invalid". An entry that names none of these stays an error."""
    parsed = parse(
        "title: Report on Section 215\n"
        "related:\n"
        "  - slug: report-215-collins-statement\n    collection: statements\n"
        "  - slug: report-215-brand\n    title: Board Member Brand's statement\n"
        "  - collection: statements\n",
        summary=False,
    )
    assert parsed.article is not None
    assert [r.title for r in parsed.article.related] == [
        "report-215-collins-statement",
        "Board Member Brand's statement",
    ]
    assert [(p.severity, p.message) for p in parsed.problems] == [
        ("error", "field 'related.2': Value error, a related article needs a title or a link")
    ]


def test_a_topic_named_twice_is_the_article_s_once() -> None:
    """The detail read "Topics AI, AI", and ``lede list --json`` gave ``["AI", "AI"]``."""
    article = Article.model_validate({"topics": ["AI", "", "Robots", "AI", "ai"]})
    assert article.topics == ["AI", "Robots", "ai"]
