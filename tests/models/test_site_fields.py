"""The fields a real site's documents carry: the published flag, the kind of item, and
scores where a negative means unknown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.document import parse_document
from tests.conftest import MODES, article_of, parse


@MODES
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("published: false\n", False),
        ("published: true\n", True),
        ("", True),
        ("published:\n", True),
    ],
    ids=["false", "true", "missing", "blank"],
)
def test_published_is_the_sites_flag_and_true_unless_it_says_false(
    line: str, expected: bool, summary: bool
) -> None:
    article = article_of(f'title: "A story"\n{line}', summary=summary)
    assert article.published is expected


@pytest.mark.parametrize(
    ("lines", "location"),
    [
        ("location:\n  lat: 48.8566\n  long: 2.3522\n", ""),
        ("location:\n  city: Paris\n  country: France\n", "Paris, France"),
        ('published: "2014"\nlocation: Chennai\n', "Chennai"),
        ("published: 2004\n", ""),
        ('published: "2008-06"\n', ""),
    ],
    ids=["coordinates", "named", "year-text", "year", "month"],
)
def test_a_place_as_a_mapping_and_a_year_of_publication_are_no_mistake(
    lines: str, location: str
) -> None:
    """ocaml.org places its events and universities by their coordinates
    (``location: {lat: …, long: …}``), and its books say the year they came out in
    ``published``: 54 of its pages were "invalid", a place "should be a valid string" and
    a year "a valid boolean". A place is its parts' names (none in coordinates); a year is
    no flag of the site's, and the page is published."""
    parsed = parse(f"title: A page\n{lines}")
    assert parsed.article is not None and parsed.problems == []
    assert (parsed.article.location, parsed.article.published) == (location, True)


@MODES
def test_kind_is_the_front_matter_type(summary: bool) -> None:
    assert article_of('title: "A"\ncategory: news\ntype: article\n', summary=summary).kind == (
        "article"
    )
    assert article_of('title: "A"\ntype: course\n', summary=summary).kind == "course"
    assert article_of('title: "A"\ncategory: news\n', summary=summary).kind == "article"


@MODES
@pytest.mark.parametrize("key", ["description", "summary", "intro", "abstract"])
def test_a_pages_blurb_is_its_excerpt(key: str, summary: bool) -> None:
    """As sites name it: GitHub's docs ``intro``, Quarto's and papers' ``abstract``."""
    article = article_of(f'title: "A"\n{key}: "What it is about."\n', summary=summary)
    assert article.excerpt == "What it is about."


@MODES
def test_negative_scores_and_sizes_are_unknown_not_shown(summary: bool) -> None:
    article = article_of(
        'title: "A"\nheat: -1\nquality: -5\nimages:\n  - url: https://i.test/a.png\n'
        "    width: -1\n    height: 300\n",
        summary=summary,
    )
    assert (article.heat, article.quality) == (None, None)
    if not summary:  # the summary skips images
        assert (article.images[0].width, article.images[0].height) == (None, 300)
    kept = article_of('title: "A"\nheat: 0\nquality: 37\n', summary=summary)
    assert (kept.heat, kept.quality) == (0, 37)


@MODES
@pytest.mark.parametrize(
    ("path", "line", "expected"),
    [
        ("site/_posts/a.md", "date: 2021-02-04 10:00:00 +0100\n", "2021-02-04T10:00:00+01:00"),
        ("site/_posts/a.md", "date: 2021-02-04 10:00\n", "2021-02-04T10:00:00+00:00"),
        ("site/_posts/a.md", "date: 2021-02-04\n", "2021-02-04T00:00:00+00:00"),
        ("site/_posts/2021-02-03-no-date.md", "", "2021-02-03T00:00:00+00:00"),
        ("site/_posts/2021-02-03-no-date.md", "date: 2021-02-05\n", "2021-02-05T00:00:00+00:00"),
        (
            "site/_posts/2021-02-03-x.md",
            "publishedDateTime: 2020-01-01T08:00:00Z\ndate: 2021-02-05\n",
            "2020-01-01T08:00:00+00:00",
        ),
        ("site/_posts/2014-3-3-Hello-World.md", "", "2014-03-03T00:00:00+00:00"),  # as Jekyll
        ("blog/x.md", "date: '2017-01-20T09:00:00.000Z'\n", "2017-01-20T09:00:00+00:00"),
        ("blog/x.md", 'date: "2020-05-06T12:00:00+02:00"\n', "2020-05-06T12:00:00+02:00"),
        ("site/_news/2021-02-03-in-a-collection.md", "", "2021-02-03T00:00:00+00:00"),
        ("site/about/2021-02-03-eleventy.md", "", "2021-02-03T00:00:00+00:00"),
        ("blog/2021-08-26-welcome/index.md", "", "2021-08-26T00:00:00+00:00"),  # Docusaurus
        ("blog/welcome/index.md", "", None),
        ("src/content/blog/x.md", "pubDate: 'Jul 08 2022'\n", "2022-07-08T00:00:00+00:00"),
        ("x.md", "date: September 5, 2021\n", "2021-09-05T00:00:00+00:00"),
        ("src/content/blog/x.md", "pubDate: 2022-07-08\n", "2022-07-08T00:00:00+00:00"),
        ("blog/x.md", "pubDatetime: 2022-09-21T05:17:19Z\n", "2022-09-21T05:17:19+00:00"),
        ("content/x.md", "publishDate: 2019-01-02\n", "2019-01-02T00:00:00+00:00"),
        ("content/x.md", "published: 2019-01-03\n", "2019-01-03T00:00:00+00:00"),  # Hugo's
        ("x.md", "datePublished: 2019-01-04\ndate: 2019-01-05\n", "2019-01-05T00:00:00+00:00"),
        ("site/_posts/2021-02-30-no-such-day.md", "", None),
        ("site/_posts/a.md", "date: last week\n", None),
        (
            "src/content/blog/2024/12/05/react-19.md",
            "date: 2024/12/05\n",
            "2024-12-05T00:00:00+00:00",
        ),
        ("x.md", "date: Thu, 05 Dec 2024 10:00:00 +0000\n", "2024-12-05T10:00:00+00:00"),
        ("posts/x/index.qmd", 'date: "2/13/2022"\n', "2022-02-13T00:00:00+00:00"),  # Quarto
        # Pelican's, as dateutil reads them: month first, else day first
        ("content/x.rst", "date: 02-04-2012\n", "2012-02-04T00:00:00+00:00"),
        ("content/x.rst", "date: 27-12-2012\n", "2012-12-27T00:00:00+00:00"),
        ("content/x.rst", "date: 16/03/2011\n", "2011-03-16T00:00:00+00:00"),
        ("content/x.rst", "date: 2015.10.18\n", "2015-10-18T00:00:00+00:00"),
        # Nikola's, with its zone named
        ("posts/x.md", "date: 2015-09-04 12:40:00 UTC-03:00\n", "2015-09-04T12:40:00-03:00"),
        ("posts/x.md", "date: 05/05/2014 03:00:00 PM UTC\n", "2014-05-05T15:00:00+00:00"),
        ("_content/blog/x.md", "date: 2024-4-09\n", "2024-04-09T00:00:00+00:00"),  # Go's blog
        ("docs/blog/posts/x.md", "date:\n  created: 2026-02-18\n", "2026-02-18T00:00:00+00:00"),
        ("content/blog/x.md", "created_at: 2021-05-04\n", "2021-05-04T00:00:00+00:00"),  # nanoc
        ("posts/x.rst", "date: 3rd November 2021\n", "2021-11-03T00:00:00+00:00"),  # ABlog's
        ("posts/x.md", "date: November 22nd, 2021\n", "2021-11-22T00:00:00+00:00"),
        # A month alone, as Jekyll (Ruby's Time.parse) reads it: PCLOB's semiannual reports
        ("_reports/x.md", "date: December 2018\n", "2018-12-01T00:00:00+00:00"),
        ("_reports/x.md", "date: Aug 2016\n", "2016-08-01T00:00:00+00:00"),
    ],
)
def test_a_jekyll_post_is_dated_by_its_date_or_its_file_name(
    path: str, line: str, expected: str | None, summary: bool
) -> None:
    """Jekyll's own date sources, and those of the other generators, where a feed's
    publishedDateTime is missing: a site's posts were all undated and sorted last (an
    Astro blog's ``pubDate``, a Docusaurus blog's folder names)."""
    from models.document import parse_document

    parsed = parse_document(f'---\ntitle: "A post"\n{line}---\nBody.\n', path, summary=summary)
    assert (
        parsed.article is not None and [p for p in parsed.problems if p.severity == "error"] == []
    )
    published = parsed.article.published_at
    assert (published.isoformat() if published else None) == expected


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo"])
@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("site/_posts/2016-05-20-x.md", ""),
        ("a.md", "date: 2016-05-20\n"),
        ("a.md", "date: 2016-05-20 09:30\n"),
    ],
)
def test_a_day_without_a_zone_is_that_day_where_it_is_read(
    path: str, line: str, zone: str, time_zone: Callable[[str], None]
) -> None:
    """Taken as UTC, a post of May 20 showed on May 19 west of it (as Jekyll does, a
    date without an offset is local)."""
    from models.document import parse_document

    time_zone(zone)
    parsed = parse_document(f"---\ntitle: x\n{line}---\n", path)
    assert parsed.article is not None and parsed.article.published_at is not None
    assert parsed.article.published_at.astimezone().date().isoformat() == "2016-05-20"


@MODES
@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("site/_posts/2014-3-3-hello-world.md", "Hello World"),
        ("site/_posts/2021-02-03-iOS-tips--and-tricks.markdown", "Ios Tips And Tricks"),
        ("site/_drafts/my-next-post.md", "My Next Post"),
        ("site/_news/2015-11-26-thanksgiving.md", "Thanksgiving"),  # every collection's
        ("site/_speakers/ada-lovelace.md", "Ada Lovelace"),
        ("site/_posts/notes.md", ""),  # no date in its name: Jekyll reads no post from it
        ("site/about.md", ""),
        ("src/blog/2026-05-13-sponsorship-tiers.md", "Sponsorship Tiers"),  # Eleventy's
    ],
)
def test_an_untitled_jekyll_post_is_titled_by_its_file_name(
    path: str, title: str, summary: bool
) -> None:
    """As Jekyll titles it: the list showed the file name, the detail "(untitled)"."""
    from models.document import parse_document

    parsed = parse_document("---\nlayout: post\n---\nBody.\n", path, summary=summary)
    assert parsed.article is not None
    assert parsed.article.title == title
    named = parse_document("---\ntitle: Own title\n---\n", path, summary=summary).article
    assert named is not None and named.title == "Own title"
    if not title:
        assert parsed.article.heading == path.rsplit("/", 1)[1].rsplit(".", 1)[0]
        assert any("no title" in problem.message for problem in parsed.problems)


@MODES
def test_html_in_a_title_or_an_excerpt_is_read_as_the_site_shows_it(summary: bool) -> None:
    """A site renders the tags in a title (``<em>``); the list and detail showed them."""
    article = article_of(
        'title: "Why <em>Rust</em> &lt;3 &amp; C"\n'
        'excerpt: "<p>Part <b>one</b>.</p><p>Part two.</p>"\n',
        summary=summary,
    )
    assert article.title == "Why Rust <3 & C"
    assert article.excerpt == "Part one.\n\nPart two."


@MODES
@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ('+++\npath = "2025/08/05/july-update"\ntitle = "Goals"\n+++\n', "2025-08-05"),
        ("---\ntitle: Hello\npermalink: /2014/3/3/hello/\n---\n", "2014-03-03"),
        ('---\ntitle: Own date\ndate: 2020-01-02\npath: "2025/08/05/x"\n---\n', "2020-01-02"),
        ('---\ntitle: No day\npath: "2025/13/05/x"\n---\n', None),
        ('---\ntitle: No date\npath: "guides/2025/intro"\n---\n', None),
    ],
)
def test_a_page_is_dated_by_the_date_in_its_own_address(
    front: str, expected: str | None, summary: bool
) -> None:
    """A site that keeps a post's date in its address alone (the Rust blog's Zola
    ``path``, a Jekyll ``permalink``): its posts were undated and sorted last."""
    from models.document import parse_document

    parsed = parse_document(f"{front}Body.\n", "blog/content/post.md", summary=summary)
    assert (
        parsed.article is not None and [p for p in parsed.problems if p.severity == "error"] == []
    )
    published = parsed.article.published_at
    assert (published.date().isoformat() if published else None) == expected


@MODES
def test_an_event_is_dated_by_its_start_and_has_its_place_and_website(summary: bool) -> None:
    """Events were listed undated, below every article, with no link to open."""
    event = article_of(
        "name: NeurIPS 2019\ntype: conference\nstartDateTime: 2019-12-08T08:00:00-08:00\n"
        "endDateTime: 2019-12-14T18:00:00-08:00\nlocation: Vancouver, BC, Canada\n"
        "website: https://nips.cc/Conferences/2019\n",
        summary=summary,
    )
    assert event.published_at == event.starts_at
    assert (
        event.starts_at is not None and event.starts_at.isoformat() == "2019-12-08T08:00:00-08:00"
    )
    assert event.ends_at is not None and event.ends_at.day == 14
    assert event.location == "Vancouver, BC, Canada"
    assert event.url == "https://nips.cc/Conferences/2019"
    dated = article_of(
        "title: A report\npublishedDateTime: 2020-01-01\nstartDateTime: 2019-01-01\n",
        summary=summary,
    )
    assert dated.published_at is not None and dated.published_at.year == 2020


@MODES
@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        ("author: The Node.js Project\n", ["The Node.js Project"]),
        ("author: [Ada, Grace]\n", ["Ada", "Grace"]),
        ("authors:\n  - name: Ada Lovelace\n    url: https://a.test\n", ["Ada Lovelace"]),
        ('authors: ["The Rust Release Team"]\n', ["The Rust Release Team"]),
        ("", []),
        ('authors: [Bob, {noname: x}, "", "  ", true, [a]]\n', ["Bob"]),
        ("author: {name: null}\n", []),
        (
            "author: '[Patrice Chalin](https://github.com/chalin), [Bo](x) and Cy'\n",
            ["Patrice Chalin, Bo and Cy"],
        ),
        ("author_name: Julius Volz\n", ["Julius Volz"]),  # nanoc's (Prometheus's blog)
        ("params:\n  author:\n    name: Dominik Táskai\n", ["Dominik Táskai"]),  # Hugo's
        (  # fastpages': shown as raw HTML in the reader before
            "author: \"<a href='https://t.test/hh'>Hamel Husain</a> &amp; "
            "<a href='https://t.test/jh'>Jeremy Howard</a>\"\n",
            ["Hamel Husain", "Jeremy Howard"],
        ),
        ("authors: [<b>Ada</b>, <br/>]\n", ["Ada"]),
    ],
    ids=[
        "one",
        "list",
        "entries",
        "authors",
        "none",
        "blanks",
        "nameless",
        "markdown-links",
        "nanoc",
        "hugo-params",
        "html-links",
        "html-tags",
    ],
)
def test_authors_are_read_as_blogs_write_them(
    lines: str, authors: list[str], summary: bool
) -> None:
    assert article_of(f"title: A post\n{lines}", summary=summary).authors == authors


@MODES
def test_a_companys_locations_are_one_line(summary: bool) -> None:
    company = parse("name: Ada\nlocations:\n  - Berlin\n  - London\n", summary=summary).record
    assert company is not None and company.location == "Berlin; London"
    odd = parse("name: Ada\nlocations: [Rome, [a, b], {c: d}, 3.5, true, '']\n").record
    assert odd is not None and odd.location == "Rome; 3.5"


def test_an_event_that_ends_before_it_starts_is_warned_of() -> None:
    parsed = parse(
        "name: Backwards\nstartDateTime: 2024-07-05T09:00:00Z\nendDateTime: 2024-07-01\n"
    )
    assert [(p.line, p.severity, p.message) for p in parsed.problems] == [
        (4, "warning", "endDateTime is before startDateTime")
    ]
    assert parsed.article is not None and parsed.article.ends_at is not None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("lastmod: 2024-02-03T10:00:00Z\n", "2024-02-03T10:00:00+00:00"),  # Hugo
        ("last_modified_at: 2024-02-04\n", "2024-02-04T00:00:00+00:00"),  # Jekyll's plugin
        ("updatedDate: 2024-02-05\n", "2024-02-05T00:00:00+00:00"),  # Astro
        ("last_update:\n  date: 2024-02-06\n", "2024-02-06T00:00:00+00:00"),  # Docusaurus
        (
            "updatedDateTime: 2024-02-07T00:00:00Z\nlastmod: 2024-01-01\n",
            "2024-02-07T00:00:00+00:00",
        ),
        ("lastmod: soon\n", None),
        ("", None),
    ],
)
def test_when_a_post_was_last_changed_is_read(line: str, expected: str | None) -> None:
    parsed = parse(f"title: A post\ndate: 2024-01-01\n{line}")
    assert parsed.article is not None
    updated = parsed.article.updated_at
    assert (updated.isoformat() if updated else None) == expected


def test_an_mkdocs_post_is_dated_and_updated_by_its_dates() -> None:
    parsed = parse("title: A post\ndate:\n  created: 2026-02-18\n  updated: 2026-04-13\n")
    assert parsed.article is not None and not parsed.problems
    assert (parsed.article.published_at, parsed.article.updated_at) == (
        datetime(2026, 2, 18, tzinfo=UTC),
        datetime(2026, 4, 13, tzinfo=UTC),
    )


@pytest.mark.parametrize("value", ["2021-02-30", "last week", "2020"])
def test_a_date_no_form_reads_is_warned_of_on_its_line(value: str) -> None:
    """Such a post was undated, below every other, and ``lede check`` passed it."""
    parsed = parse(f"title: A post\nauthor: Ada\ndate: {value}\n")
    written = int(value) if value.isdigit() else value
    assert [(p.line, p.severity, p.message) for p in parsed.problems] == [
        (4, "warning", f"date {written!r} is no date; it is not used")
    ]


@pytest.mark.parametrize("value", ["last-modified", "today", "now"])
def test_quartos_words_for_when_a_page_is_built_are_no_mistake(value: str) -> None:
    """Quarto's pages say ``date: last-modified``: each was warned of at every check, as if
    its date were mistyped; the page is undated, as its source holds no date."""
    parsed = parse(f"title: Release notes\ndate: {value}\n")
    assert parsed.article is not None and parsed.article.published_at is None
    assert not parsed.problems


@MODES
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("created: 2025-03-16T16:43\n", datetime(2025, 3, 16, 16, 43, tzinfo=UTC)),
        ("created: 1616983302480\n", datetime(2021, 3, 29, 2, 1, 42, 480000, tzinfo=UTC)),
        ("date_published: 2019-01-05T10:00:00Z\n", datetime(2019, 1, 5, 10, tzinfo=UTC)),
        ("date: 1577836800\n", datetime(2020, 1, 1, tzinfo=UTC)),
        ("date: 1577836800\ncreated: 2001-01-01\n", datetime(2020, 1, 1, tzinfo=UTC)),
    ],
    ids=["obsidian-created", "dendron-milliseconds", "ghost", "hugo-seconds", "date-first"],
)
def test_a_notes_creation_and_a_moment_as_a_number_date_it(
    line: str, expected: datetime, summary: bool
) -> None:
    """Every note of an Obsidian vault or a Dendron workspace was undated, and so was a
    Hugo post dated by a number, without a word."""
    parsed = parse(f"title: A note\n{line}", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert parsed.article.published_at == expected


@MODES
@pytest.mark.parametrize(("written", "title"), [("2021-05-03", "2021-05-03"), ("0", "0")])
def test_a_title_read_as_a_day_or_a_number_is_the_title(
    written: str, title: str, summary: bool
) -> None:
    """Such a post was an error, titled by its file name (Dendron's ``title: 0``)."""
    parsed = parse(f"title: {written}\ndate: 2021-05-03\n", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert parsed.article.title == title


@MODES
def test_a_web_clippers_note_has_its_link_date_and_authors(summary: bool) -> None:
    """Obsidian's Web Clipper: no link (``o`` said there was none), the day it was
    clipped for the day it was published, and its authors as ``[[Jane Doe]]``."""
    front = (
        'title: "Boston bans facial recognition"\n'
        'source: "https://news.test/2024/05/01/boston"\n'
        'author:\n  - "[[Jane Doe]]"\n  - "[[people/Roe|John Roe]]"\n'
        "published: 2024-05-01\ncreated: 2024-05-03\n"
        'type: ["[[Clipping]]"]\n'
    )
    parsed = parse(front, summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    article = parsed.article
    assert article.url == "https://news.test/2024/05/01/boston"
    assert article.published_at == datetime(2024, 5, 1, tzinfo=UTC)
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.kind == "article"


def test_hugos_page_parameters_give_a_byline_not_a_kind_or_a_flag() -> None:
    """A theme's ``params.type`` or ``params.published`` is none of Hugo's own."""
    front = "title: A\nparams:\n  author: Ada\n  type: string\n  published: false\n"
    article = article_of(front)
    assert (article.authors, article.kind, article.published) == (["Ada"], "article", True)


def test_a_news_post_dated_by_its_sites_own_key_is_not_warned_of() -> None:
    """rubyonrails.org: ``categories: news`` and ``date:`` gave "no publishedDateTime"."""
    dated = parse("title: A post\ncategory: news\ndate: 2016-01-19 16:00:00\n")
    assert not dated.problems, dated.problems
    undated = parse("title: A post\ncategory: news\n")
    assert [p.message for p in undated.problems] == ["no publishedDateTime"]


def test_a_hugo_date_in_published_is_no_flag() -> None:
    """Hugo reads ``published`` as a date, Jekyll as a flag: a date there hid nothing."""
    dated = parse("title: x\npublished: 2019-01-03\n")
    assert dated.article is not None and dated.article.published and not dated.problems
    hidden = parse("title: x\npublished: false\ndate: 2019-01-03\n")
    assert hidden.article is not None and not hidden.article.published


def test_a_dated_entry_without_a_body_is_listed() -> None:
    """An event given a ``date`` (no ``startDateTime``) and no body was taken for a data
    record: neither listed nor warned of."""
    assert parse("name: Meetup\ndate: 2024-05-01\n").article is not None
    assert parse("name: Ada\nbio: Wrote the first program\n").article is None
    assert parse("name: Post\npubDate: 2024-05-01\n").article is not None


def test_a_blogs_authors_are_named_from_its_authors_file(tmp_path: Path) -> None:
    """A Docusaurus post names its authors by key (``authors: vjeux``): the detail read
    "By vjeux", and a search for the author's name found nothing."""
    from models.document import parse_document

    blog = tmp_path / "blog"
    (blog / "2021-08-26-bundle").mkdir(parents=True)
    (blog / "authors.yml").write_text(
        "vjeux:\n  name: Christopher Chedeau\n  url: https://x.test\nbare: Not an entry\n"
    )
    for path, line, expected in (
        (blog / "a.md", "authors: vjeux", ["Christopher Chedeau"]),
        (
            blog / "b.md",
            "authors: [vjeux, {name: Ada}, someone]",
            ["Christopher Chedeau", "Ada", "someone"],
        ),
        (
            blog / "2021-08-26-bundle" / "index.md",
            "authors: [vjeux, bare]",
            ["Christopher Chedeau", "bare"],
        ),
        (blog / "c.md", "author: vjeux", ["vjeux"]),  # Docusaurus looks up authors alone
    ):
        parsed = parse_document(f"---\ntitle: A post\n{line}\n---\nWords.\n", str(path))
        assert parsed.article is not None and parsed.article.authors == expected, line
    elsewhere = tmp_path / "other" / "x.md"
    parsed = parse_document("---\ntitle: x\nauthors: vjeux\n---\n", str(elsewhere))
    assert parsed.article is not None and parsed.article.authors == ["vjeux"]


@pytest.mark.parametrize(
    ("file", "text", "post", "line"),
    [
        (
            "_data/authors.yml",
            "virginia:\n  name: Virginia Lee\n",
            "_posts/2019-08-08-t.md",
            "author: virginia",
        ),
        (
            "_data/authors.yml",
            "virginia:\n  name: Virginia Lee\n",
            "_posts/2019-08-08-t.md",
            "authors: [virginia]",
        ),
        (
            "docs/blog/.authors.yml",
            "authors:\n  virginia:\n    name: Virginia Lee\n    avatar: x.png\n",
            "docs/blog/posts/t.md",
            "authors: [virginia]",
        ),
        (  # Linkerd's: a bundle in a year's folder, its author among the page's params
            "data/authors.yaml",
            "virginia:\n  email: v@x.test\n  name: Virginia Lee\n",
            "content/blog/2026/0623-t/index.md",
            "params:\n  author: virginia",
        ),
        (  # the Next.js starter blog's: a page each, its posts nested a folder down
            "data/authors/virginia.mdx",
            "---\nname: Virginia Lee\navatar: /v.png\n---\n\nShe writes.\n",
            "data/blog/nested/t.mdx",
            "authors: ['virginia']",
        ),
        (  # an Astro site's collection of authors, an entry of data each
            "src/content/authors/virginia.json",
            '{"name": "Virginia Lee", "url": "https://v.test"}\n',
            "src/content/blog/t.md",
            "author: virginia",
        ),
        (  # Biome's: starlight-blog's options, beside another object of a name
            "astro.config.ts",
            'import starlightBlog from "starlight-blog";\nconst head = { attrs: { name: "a" } };\n'
            'starlightBlog({ authors: {\n  virginia: { name: "Virginia Lee", url: "x" },\n'
            "  team: {\n    name: 'The team', picture: { src: '/t.png' } } } })\n",
            "src/content/docs/blog/t.mdx",
            "authors: [virginia]",
        ),
        (  # Tauri's: an object given to the plugin by its name
            "astro.config.mjs",
            "import starlightBlog from 'starlight-blog';\n"
            "const authors = {\n  virginia: {\n    name: 'Virginia Lee',\n  },\n};\n",
            "src/content/docs/blog/t.md",
            "authors: virginia",
        ),
        (  # Artsy's: the site's settings hold its authors, which its layouts read
            "_config.yml",
            "title: A blog\nauthor: The team\nauthors:\n  virginia:\n    name: Virginia Lee\n"
            "    github: vlee\n",
            "_posts/2019-08-08-t.md",
            "author: [virginia]",
        ),
        (  # Podman's: the name its layouts show is ``display_name``
            "_config.yml",
            "authors:\n  virginia:\n    display_name: Virginia Lee\n",
            "_posts/2019-08-08-t.md",
            "author: virginia",
        ),
        (  # Gridsome's: a list of contributors by id, its posts in a folder each
            "contributors/contributors.yaml",
            "- id: ada\n  name: Ada Lovelace\n- id: virginia\n  name: Virginia Lee\n"
            "  avatar: ./images/v.png\n",
            "blog/2019-02-19-t/index.md",
            "author: [virginia]",
        ),
        (  # digital.gov's: a Hugo taxonomy's term page each, named as its theme shows it
            "content/authors/virginia/_index.md",
            "---\ndisplay_name: Virginia Lee\nslug: virginia\n---\n",
            "content/news/2025/01/t.md",
            "authors: [virginia]",
        ),
        (  # a term page titled by the author's name, as Hugo titles it
            "content/authors/virginia/_index.md",
            "---\ntitle: Virginia Lee\n---\n\nShe writes.\n",
            "content/blog/t.md",
            "author: virginia",
        ),
        (  # an authors file written as a list by id
            "authors.yml",
            "- id: virginia\n  name: Virginia Lee\n- name: No id\n",
            "blog/t.md",
            "authors: virginia",
        ),
    ],
    ids=[
        "jekyll-author",
        "jekyll-authors",
        "mkdocs",
        "hugo-data",
        "nextjs-authors-folder",
        "astro-authors-collection",
        "starlight",
        "starlight-const",
        "jekyll-config",
        "jekyll-config-display-name",
        "gridsome-contributors",
        "hugo-author-terms",
        "hugo-author-terms-titled",
        "authors-listed-by-id",
    ],
)
def test_authors_are_named_from_jekyll_and_mkdocs_authors_files(
    tmp_path: Path, file: str, text: str, post: str, line: str
) -> None:
    """Chirpy's ``_data/authors.yml``, MkDocs's ``.authors.yml``, a Hugo site's
    ``data/authors.yaml``, a Jekyll site's ``authors`` in ``_config.yml`` and a Starlight
    site's blog plugin's ``authors``, a folder of a page or an entry each
    (``data/authors/virginia.mdx``): "By virginia" was shown, and a search for her name
    found nothing."""
    from models.document import parse_document

    (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / file).write_text(text)
    parsed = parse_document(f"---\ntitle: T\n{line}\n---\n", str(tmp_path / post))
    assert parsed.article is not None and parsed.article.authors == ["Virginia Lee"]


def test_settings_that_name_no_authors_leave_a_post_its_authors_file(tmp_path: Path) -> None:
    """A site's ``_config.yml`` whose ``author`` is the site's own (an entry with a name),
    in the blog's folder below the authors file, is no list of authors: the post's key is
    looked up above it."""
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "authors.yml").write_text("virginia:\n  name: Virginia Lee\n")
    (tmp_path / "blog" / "_posts").mkdir(parents=True)
    (tmp_path / "blog" / "_config.yml").write_text("author:\n  name: The team\n")
    post = tmp_path / "blog" / "_posts" / "2019-08-08-t.md"
    parsed = parse_document("---\ntitle: T\nauthor: virginia\n---\n", str(post))
    assert parsed.article is not None and parsed.article.authors == ["Virginia Lee"]


def test_keys_of_an_authors_file_in_one_line_name_each(tmp_path: Path) -> None:
    """A Hugo post that names two keys of its site's authors file in one line (``author:
    virginia, sam``) was by one author of that whole name, found in no search for hers."""
    from models.document import parse_document

    (tmp_path / "data").mkdir()
    authors = "virginia:\n  name: Virginia Lee\nsam:\n  name: Sam Ray\n"
    (tmp_path / "data" / "authors.yaml").write_text(authors)
    post = tmp_path / "content" / "posts" / "t.md"
    parsed = parse_document("---\ntitle: T\nauthor: virginia, sam\n---\n", str(post))
    assert parsed.article is not None and parsed.article.authors == ["Virginia Lee", "Sam Ray"]


@MODES
@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Dan Abramov, Lauren Tan, and Joe Savona", ["Dan Abramov", "Lauren Tan", "Joe Savona"]),
        ("Matt Carroll and Ricky Hanlon", ["Matt Carroll", "Ricky Hanlon"]),
        ("'Anna Henningsen & Rod Vagg'", ["Anna Henningsen", "Rod Vagg"]),
        ("Doe, John", ["Doe, John"]),  # one name, family name first
        ("christinfrohne, ghuntley", ["christinfrohne", "ghuntley"]),  # Gitpod's user names
        ("akosyakov, csweichel, rl-gitpod", ["akosyakov", "csweichel", "rl-gitpod"]),
        ("svenefftinge, JohannesLandgraf", ["svenefftinge", "JohannesLandgraf"]),
        ("Doe, John, Jr.", ["Doe, John, Jr."]),  # none in small letters alone
        ("Smith and Sons", ["Smith and Sons"]),  # one name
        # Marks escaped as text are read once: read twice, they became emphasis, dropped.
        ("'Ada \\*Star\\* Lovelace'", ["Ada *Star* Lovelace"]),
        ("'Ann \\*A\\* Lee, Bob Ray'", ["Ann *A* Lee", "Bob Ray"]),
        # One person, with a title and a body: were three (digital.canada.ca's)
        (
            "Eliane Dorval, Senior Learning Designer, Canada School of Public Service (CSPS)",
            ["Eliane Dorval, Senior Learning Designer, Canada School of Public Service (CSPS)"],
        ),
        ("Ada Lee, Head of Design", ["Ada Lee, Head of Design"]),
        ("Ada Lee, CTO, Bo Chen, Product Manager", ["Ada Lee, CTO", "Bo Chen, Product Manager"]),
        ("Ada Lee, Bo Head", ["Ada Lee", "Bo Head"]),  # a surname that is a title's word
        # "and" joins people, and a team is one: Scala's and Knative's blogs
        ("Chris Kipp and the Scala Center team", ["Chris Kipp", "the Scala Center team"]),
        (
            "Tomasz Godzik, VirtusLab & Scala Core Team",
            ["Tomasz Godzik, VirtusLab & Scala Core Team"],
        ),
        (
            "Paul Morie, on behalf of the Knative Steering Committee",
            ["Paul Morie, on behalf of the Knative Steering Committee"],
        ),
    ],
)
def test_a_byline_of_several_people_names_each(
    summary: bool, byline: str, names: list[str]
) -> None:
    """React's blog and nodejs.org write several authors in one line (``author: Matt
    Carroll and Ricky Hanlon``), Gitpod's their user names (``author: christinfrohne,
    ghuntley``): the detail showed one author of that whole name."""
    article = article_of(f"title: A\nauthor: {byline}\n", summary=summary)
    assert article.authors == names


@MODES
@pytest.mark.parametrize(
    ("byline", "names"),
    [
        (
            "'[Ana Lima, Acme Cloud](https://g.test/ana)'",
            ["Ana Lima, Acme Cloud"],
        ),
        (
            ">-\n  [Ana Lima](https://g.test/ana) (Acme, project lead), [Bo\n"
            "  Chen](https://g.test/bo) (Initech)",
            ["Ana Lima (Acme, project lead)", "Bo Chen (Initech)"],
        ),
        (
            '>-\n  "[Ana Lima](https://g.test/ana), [Bo\n  Chen](https://g.test/bo) (Initech)"',
            ["Ana Lima", "Bo Chen (Initech)"],
        ),
    ],
    ids=["comma-in-link", "comma-in-brackets", "quoted-folded-line"],
)
def test_a_comma_in_a_link_or_brackets_is_one_persons(
    summary: bool, byline: str, names: list[str]
) -> None:
    """OpenTelemetry's blog writes its authors as links, each with the company in brackets:
    ``[Reese Lee, New Relic](…)`` was listed as two authors, "Reese Lee" and "New Relic",
    and ``(F5, project lead)`` made an author "project lead)"."""
    article = article_of(f"title: A\nauthor: {byline}\n", summary=summary)
    assert article.authors == names


@MODES
def test_a_whole_address_in_url_is_the_link_and_by_names_the_authors(summary: bool) -> None:
    """OCaml's planet names each post's original by ``url`` (2,324 of them said "no URL"),
    and the Go blog its authors by ``by``; Hugo's ``url`` is a path of the site, no link."""
    article = article_of(
        'title: "A"\ndate: 2024-01-02\nurl: https://blog.test/2024/01/02/a/\nby:\n- Jane Gopher\n',
        summary=summary,
    )
    assert article.url == "https://blog.test/2024/01/02/a/"
    assert article.authors == ["Jane Gopher"]
    assert article_of('title: "A"\nurl: /blog/a/\n', summary=summary).url == ""
    both = 'title: "A"\nurl: https://a.test/x\noriginalUrl: https://b.test/y\n'
    assert article_of(both, summary=summary).url == "https://b.test/y"


@MODES
def test_hugos_keys_in_any_case_and_a_list_of_categories_are_read(summary: bool) -> None:
    """cncf/glossary: ``Title:`` was not read (the file's name stood in, with a warning),
    and a ``category`` list was an error that lost every topic."""
    parsed = parse("Title: Serverless\nCategory: Technology\nDate: 2019-01-15T8:00:00\n")
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert (parsed.article.title, parsed.article.topics) == ("Serverless", ["Technology"])
    assert parsed.article.published_at == datetime(2019, 1, 15, 8, tzinfo=UTC)  # Go's hour
    listed = article_of("title: T\ncategory: [methodology, platform]\n", summary=summary)
    assert listed.topics == ["methodology", "platform"]


@MODES
@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ("categories:\n  - Tech:\n    - Linux\n  - Plain\n", ["Tech", "Linux", "Plain"]),
        ("tags:\n  - {name: x}\n  - Plain\n", ["x", "Plain"]),
        ("tags: [[a, b], c, null, true]\n", ["a", "b", "c"]),
        ("tags: ['#review', C#, '#']\n", ["review", "C#"]),  # Obsidian's
        ("tags: '#review #books'\n", ["review", "books"]),
    ],
    ids=["nested-categories", "named-tags", "list-in-list", "hash-tags", "hash-words"],
)
def test_a_blogs_nested_labels_give_their_names(
    labels: str, expected: list[str], summary: bool
) -> None:
    """WordPress's and Hugo's nested categories: one entry that was no name lost the
    title, the date and every topic of its document."""
    parsed = parse(f'title: "Nested"\ndate: 2020-01-01\n{labels}', summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert parsed.article.title == "Nested"
    assert parsed.article.published_at is not None
    assert parsed.article.topics == expected


@MODES
def test_an_undated_pages_url_is_what_it_describes_not_its_link(summary: bool) -> None:
    """GitHub's explore topics name a project's home in ``url``: four Minecraft topics were
    one article, three hidden as its duplicates. A dated post's ``url`` is its original."""
    front = "display_name: Minecraft\nurl: https://minecraft.net/\n"
    page = article_of(front, "A game of blocks.", summary=summary)
    assert (page.heading, page.original_url) == ("Minecraft", "")
    post = article_of("title: A\ndate: 2024-01-02\nurl: https://a.test/p\n", summary=summary)
    assert post.original_url == "https://a.test/p"


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/site/_topics/minecraft/index.md", "Minecraft"),  # a collection's: as Jekyll titles
        ("/notes/posts/my-cool-post/index.md", "my-cool-post"),  # its folder's name
        ("/notes/posts/index.md", "posts"),
        ("/notes/posts/plain.md", "plain"),
    ],
)
def test_an_untitled_folders_page_is_called_by_its_folder(path: str, heading: str) -> None:
    """GitHub's explore: 1,354 rows all called "Index"."""
    parsed = parse_document("---\nexcerpt: About it.\n---\nText.\n", path)
    assert parsed.article is not None and parsed.article.heading == heading


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("content/posts/2016-10-08_a-post-with-dates.md", "2016-10-08"),  # Zola's ``_``
        ("content/posts/2018-10-10.md", "2018-10-10"),  # a day's alone, as Eleventy dates it
        ("content/posts/2021-01-23 -hello new world.md", "2021-01-23"),
        ("content/posts/2018-10-10T12:30:00Z_launch.md", "2018-10-10"),  # RFC 3339's
        ("content/posts/2018-10-10_bundle/index.md", "2018-10-10"),
        ("content/posts/2018-10-10x.md", None),
        ("content/posts/20181010.md", None),
    ],
)
def test_a_page_is_dated_by_its_name_as_zola_dates_it(path: str, expected: str | None) -> None:
    """Zola takes a page's date from its name before ``_`` as before ``-``: such pages of a
    Zola site were undated and sorted last."""
    parsed = parse_document("+++\ntitle = 'A post'\n+++\nBody.\n", path, summary=True)
    assert (
        parsed.article is not None and [p for p in parsed.problems if p.severity == "error"] == []
    )
    published = parsed.article.published_at
    assert (published.date().isoformat() if published else None) == expected


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ('+++\ntitle = "T"\n[extra]\nauthors = ["ada", "grace"]\n+++\n', ["ada", "grace"]),
        ('+++\ntitle = "T"\n[extra]\nauthor = { name = "Ada", social = "x" }\n+++\n', ["Ada"]),
        ("---\ntitle: T\nparams:\n  author: Grace\n---\n", ["Grace"]),  # Hugo's
        ("---\ntitle: T\nauthor: Me\nparams:\n  author: Grace\n---\n", ["Me"]),
    ],
)
def test_authors_in_a_themes_table_are_the_posts(front: str, expected: list[str]) -> None:
    """Zola's themes ask for a post's authors in its ``[extra]`` table: such posts (of a
    Zola blog, 29 of 78) had no author. Hugo's ``params`` are a page's own keys too."""
    parsed = parse_document(f"{front}Body.\n", "content/blog/post.md")
    assert parsed.article is not None and parsed.article.authors == expected


ZOLA_POST = """+++
title = "Release notes"
date = 2024-03-01
[taxonomies]
categories = ["releases"]
tags = ["rust", "wasm"]
series = ["Zola in practice"]
authors = ["Ada Lovelace"]
+++
"""


def test_a_zola_pages_taxonomies_are_its_topics_and_authors() -> None:
    """Zola reads a page's tags, categories and authors from its ``[taxonomies]`` table
    alone: a Zola post listed no topic and no author."""
    parsed = parse_document(f"{ZOLA_POST}Body.\n", "/site/content/blog/release.md")
    assert parsed.article is not None and not parsed.problems
    assert parsed.article.topics == ["releases", "rust", "wasm", "Zola in practice"]
    assert parsed.article.authors == ["Ada Lovelace"]


def test_a_zola_pages_own_keys_come_before_its_taxonomies() -> None:
    """Keys a page writes itself are kept; an empty taxonomy (a theme's ``tags = []``) adds
    nothing."""
    front = '+++\ntitle = "T"\ntags = ["own"]\n[taxonomies]\ntags = ["other"]\ncategories = []\n'
    front += "+++\n"
    parsed = parse_document(f"{front}Body.\n", "/site/content/blog/t.md")
    assert parsed.article is not None and parsed.article.topics == ["own"]
