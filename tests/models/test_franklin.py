"""Pages of a Franklin.jl site: their variables are Julia assignments, ``@def`` lines or
a ``+++`` block, where TOML's reading refused them or found no front matter at all."""

from __future__ import annotations

from datetime import UTC, datetime

from models.document import parse_document

DEFINED = (
    "@def rss_pubdate = Date(2012, 2, 27)\n"
    '@def rss_description = """ Talk | I will be speaking (at the\n'
    'colloquium) about Julia... """\n'
    '@def published = "27 February 2012"\n'
    '@def title = "Stanford Talk Announcement"\n'
    '@def authors = """<a href="https://github.com/jb">Jeff Bezanson</a>, Stefan K and Viral S"""\n'
    '@def tags = ["talks", "julia"]\n'
    "@def hascode = true\n"
    "\n"
    "I will be speaking about Julia.\n"
)

BLOCK = (
    "+++\n"
    'title = "Time Traveling Bug Reporting"\n'
    'authors = "Keno Fischer"\n'
    "rss_pubdate = Date(2020, 05, 02)\n"
    "meta = [\n"
    '    ("property", "og:video", "https://example.org/preview.mp4"),\n'
    "]\n"
    'website_url = get(ENV, "URL", "https://example.org/")\n'
    "+++\n"
    "\n"
    "A new bug reporting capability.\n"
)


def test_def_lines_are_a_page_s_variables() -> None:
    """They were no front matter: Franklin's posts were left out, not read."""
    parsed = parse_document(DEFINED, "/site/blog/2012/02/talk.md")
    assert parsed.problems == []
    article = parsed.article
    assert article is not None
    assert article.title == "Stanford Talk Announcement"
    assert article.published_at == datetime(2012, 2, 27, tzinfo=UTC)
    assert article.authors == ["Jeff Bezanson", "Stefan K", "Viral S"]
    assert article.topics == ["talks", "julia"]
    assert article.excerpt == "Talk | I will be speaking (at the\ncolloquium) about Julia..."
    assert article.body.strip() == "I will be speaking about Julia."


def test_a_julia_block_is_read_where_toml_refuses_it() -> None:
    """Its ``Date(...)`` and tuples made it an error: 'invalid TOML: Invalid value'."""
    parsed = parse_document(BLOCK, "/site/blog/2020/05/rr.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.title == "Time Traveling Bug Reporting"
    assert parsed.article.published_at == datetime(2020, 5, 2, tzinfo=UTC)


def test_a_toml_block_that_is_no_julia_is_still_an_error() -> None:
    """Hugo's and Zola's TOML (whose values hold no parenthesis) is not read as Julia."""
    parsed = parse_document("+++\ntitle = A (draft)\n+++\nBody.\n", "/site/a.md")
    assert [(problem.line, problem.message) for problem in parsed.problems] == [
        (2, "invalid TOML: Invalid value")
    ]


def test_the_site_s_config_is_no_page() -> None:
    parsed = parse_document(BLOCK, "/site/config.md")
    assert parsed.problems == []
    assert parsed.article is None


def test_a_value_that_is_code_is_passed_over() -> None:
    text = '@def title = "T"\n@def date = Date(now())\n@def n = length([1, 2])\n\nBody.\n'
    parsed = parse_document(text, "/site/t.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.title == "T"
    assert parsed.article.published_at is None
