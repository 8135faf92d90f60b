"""Splitting documents at their delimiter lines, and blanking the blocks a list never reads."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.bounded_yaml import load_yaml
from models.document import parse_document
from models.frontmatter import DocumentError, blank_blocks, split_front_matter
from models.plainyaml import load_plain

PROPERTIES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_split_gives_front_matter_body_and_the_body_line() -> None:
    split = split_front_matter("---\ntitle: x\nquality: 3\n---\n# Body\n\ntext\n")
    assert split is not None
    assert split.front_matter == "title: x\nquality: 3\n"
    assert split.body == "# Body\n\ntext\n"
    assert split.body_line == 5


@pytest.mark.parametrize(
    "text",
    ["", "title: x\n", "----\nx: 1\n----\n", "\n\n# A heading\n---\n"],
    ids=["empty", "plain", "four-dashes", "blank-lines-then-text"],
)
def test_text_without_an_opening_delimiter_line_has_no_front_matter(text: str) -> None:
    assert split_front_matter(text) is None


@pytest.mark.parametrize(
    ("text", "error_line"),
    [
        ("\n+++\ntitle = 'Z'\nx = [\n+++\nBody\n", 5),  # where it ends, as without
        ("\n \n---\ntitle: Z\nx: [\n---\nBody\n", 6),
        ("  ---\ntitle: Z\nx: [\n---\nBody\n", 4),
    ],
    ids=["toml", "yaml", "indented"],
)
def test_blank_lines_before_the_front_matter_are_skipped_and_lines_still_count(
    text: str, error_line: int
) -> None:
    """As Zola and Hugo read a page: 128 of zola.org's pages start with a blank line and
    were not read at all. Errors still name the file's own lines."""
    fixed = text.replace("x = [", "x = 1").replace("x: [", "x: 1")
    parsed = parse_document(fixed, "site/page.md")
    assert parsed.article is not None and parsed.article.title == "Z", parsed.problems
    assert parsed.article.body == "Body\n"
    broken = parse_document(text, "site/page.md")
    assert [problem.line for problem in broken.problems] == [error_line]


def test_a_url_with_dashes_does_not_close_the_front_matter() -> None:
    text = (
        "---\n"
        'image: "https://www.geektime.com/images/BLEND-Founders---CEO.-Photo---BLEND.jpg"\n'
        "note: ---\n"
        "quote: |\n"
        "  ---\n"
        "---\n"
        "body\n"
    )
    split = split_front_matter(text)
    assert split is not None
    assert split.body == "body\n"
    data = load_yaml(split.front_matter)
    assert data["image"].endswith("Founders---CEO.-Photo---BLEND.jpg")
    assert data["note"] == "---"
    assert data["quote"] == "---\n"


def test_closing_delimiter_may_have_trailing_blanks() -> None:
    split = split_front_matter("---  \ntitle: x\n--- \t\nbody")
    assert split is not None
    assert (split.front_matter, split.body) == ("title: x\n", "body")


def test_bom_crlf_and_lone_cr_are_accepted() -> None:
    """A file of old Mac line ends (a lone CR each) was said to have no front matter."""
    plain = split_front_matter("---\ntitle: x\n---\nline one\nline two\n")
    windows = split_front_matter("\ufeff---\r\ntitle: x\r\n---\r\nline one\r\nline two\r\n")
    old_mac = split_front_matter("---\rtitle: x\r---\rline one\rline two\r")
    assert plain == windows == old_mac


@pytest.mark.parametrize(
    ("text", "front", "body"),
    [
        ("---\ntitle: x\n---", "title: x\n", ""),
        ("---\ntitle: x\n---\n", "title: x\n", ""),
        ("---\r\ntitle: x\r\n---", "title: x\n", ""),
        ("---\n---\n", "", ""),
        ("---\n---\nonly a body", "", "only a body"),
        ("---\ntitle: x\n---\nno newline at the end", "title: x\n", "no newline at the end"),
    ],
)
def test_optional_body_and_missing_final_newline(text: str, front: str, body: str) -> None:
    split = split_front_matter(text)
    assert split is not None
    assert (split.front_matter, split.body) == (front, body)


@pytest.mark.parametrize(
    "text",
    [
        "---",
        "---\n",
        "---\ntitle: x\n",
        "---\ntitle: x\n--- x\n",
        "---\ntitle: x\n---\r \nbody",
        "---\ntitle: x\n ---\n",
    ],
)
def test_an_unclosed_front_matter_is_an_error_on_line_1(text: str) -> None:
    with pytest.raises(DocumentError) as raised:
        split_front_matter(text)
    assert raised.value.line == 1
    assert "not closed" in raised.value.message


# A line that closes YAML front matter: dashes (a longer line too, as Hugo takes it) or
# YAML's end of a document, with spaces or tabs around what follows the first three.
_DELIMITER_LINE = re.compile(r"(?:---[ \t]*-*|\.\.\.)[ \t]*")


front_lines = st.lists(
    st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",))).filter(
        lambda line: not _DELIMITER_LINE.fullmatch(line)
    ),
    max_size=8,
)


bodies = st.text(st.characters(blacklist_characters="\r", blacklist_categories=("Cs",)))


@PROPERTIES
@given(lines=front_lines, body=bodies)
def test_split_round_trips_any_front_matter_and_body(lines: list[str], body: str) -> None:
    front = "".join(line + "\n" for line in lines)
    split = split_front_matter("---\n" + front + "---\n" + body)
    assert split is not None
    assert split.front_matter == front
    assert split.body == body
    assert split.body_line == len(lines) + 3


@PROPERTIES
@given(lines=front_lines, body=bodies)
def test_crlf_and_bom_variants_split_the_same(lines: list[str], body: str) -> None:
    text = "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body
    expected = split_front_matter(text)
    assert split_front_matter(text.replace("\n", "\r\n")) == expected
    assert split_front_matter("\ufeff" + text) == expected
    assert split_front_matter("\ufeff" + text.replace("\n", "\r\n")) == expected


line_text = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)))


@PROPERTIES
@given(prefix=line_text, suffix=line_text)
def test_dashes_inside_a_value_are_never_a_delimiter(prefix: str, suffix: str) -> None:
    line = f"url: {prefix}---{suffix}"
    split = split_front_matter(f"---\n{line}\n---\nbody\n")
    assert split is not None
    assert split.front_matter == line + "\n"
    assert split.body == "body\n"


SAMPLE_FRONT = """\
title: "A title"
related:
  - title: "Other"
    webUrl: "https://x.test/a---b"
    images:
      - url: "https://x.test/i.jpg"

  - title: "Third"
- stray: entry at column zero belongs to related
# a comment
topics:
  - AI
images:
- url: "https://x.test/1.jpg"
  width: 10
secured: "token"
quality: 5
"""


def test_blank_blocks_removes_the_blocks_and_keeps_every_line() -> None:
    blanked = blank_blocks(SAMPLE_FRONT, ("related", "images", "secured"))
    assert blanked.count("\n") == SAMPLE_FRONT.count("\n")
    assert load_yaml(blanked) == {"title": "A title", "topics": ["AI"], "quality": 5}
    # Lines that were kept are still on their original line number.
    for number, line in enumerate(blanked.split("\n")):
        assert line in ("", SAMPLE_FRONT.split("\n")[number])


def test_blank_blocks_handles_a_block_on_the_first_line_and_absent_keys() -> None:
    front = "related:\n  - a\n  - b\ntitle: x\n"
    blanked = blank_blocks(front, ("related", "images"))
    assert blanked == "\n\n\ntitle: x\n"
    assert blank_blocks("title: x\n", ("related",)) == "title: x\n"


scalar_values = st.one_of(
    st.integers(-1000, 1000), st.text(st.characters(codec="ascii", categories=("L", "N")))
)


blocks = st.dictionaries(
    st.sampled_from(["title", "related", "images", "topics", "quality", "secured", "excerpt"]),
    st.one_of(scalar_values, st.lists(scalar_values, max_size=3)),
    min_size=1,
)


@PROPERTIES
@given(data=blocks, skip=st.sets(st.sampled_from(["related", "images", "secured"])))
def test_blank_blocks_equals_dropping_the_keys(data: dict[str, object], skip: set[str]) -> None:
    front = yaml.safe_dump(data, sort_keys=False, default_flow_style=False)
    blanked = blank_blocks(front, tuple(sorted(skip)))
    assert blanked.count("\n") == front.count("\n")
    expected = {key: value for key, value in data.items() if key not in skip}
    assert (load_yaml(blanked) or {}) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2021-02-30",
        "2021-13-01",
        "2021-01-01T25:00:00",
        "2021-01-01 10:61:00",
        "2021-01-01T00:00:00+25:00",
        "0b_",
        "0x_",
    ],
)
def test_a_scalar_that_looks_typed_and_is_not_stays_text(value: str) -> None:
    """PyYAML's constructors raise a bare ValueError for these, and one such value lost
    the whole document; both readers keep it as the text it is."""
    front_matter = f"title: x\nwhen: {value}\n"
    assert load_yaml(front_matter) == {"title": "x", "when": value}
    assert load_plain(front_matter) in ({"title": "x", "when": value}, None)  # None: YAML's


@pytest.mark.parametrize("value", [".nan", "-.inf", ".INF"])
def test_a_number_that_is_none_stays_text(value: str) -> None:
    """``title: .nan`` was the title "nan", and ``-.inf`` "-inf"."""
    assert load_yaml(f"title: {value}\n") == {"title": value}


@pytest.mark.parametrize(
    "value", ["!!bool maybe", "!!timestamp soon", "!!int", '!!float ""', '!!bool ""']
)
def test_a_tag_the_text_is_not_keeps_the_text_and_fails_its_field_alone(value: str) -> None:
    """PyYAML's constructors fail on these with a KeyError, an AttributeError or an
    IndexError, which lost the whole document as one that "cannot be read"."""
    text = f"---\ntitle: Kept\npublishedDateTime: {value}\npublished: {value}\n---\nBody\n"
    parsed = parse_document(text, "a.md")
    assert parsed.article is not None
    assert parsed.article.title == "Kept"
    assert [(p.line, p.severity, p.message.split(":")[0]) for p in parsed.problems] == [
        (3, "error", "field 'publishedDateTime'"),
        (4, "error", "field 'published'"),
    ]


def test_a_date_out_of_range_fails_its_field_alone() -> None:
    parsed = parse_document(
        "---\ntitle: Kept\npublishedDateTime: 2021-02-30\nquality: 0x_\n---\nThe body\n", "a.md"
    )
    assert parsed.article is not None
    assert (parsed.article.title, parsed.article.body) == ("Kept", "The body\n")
    assert parsed.article.published_at is None and parsed.article.quality is None
    assert [(p.line, p.severity, p.message.split(":")[0]) for p in parsed.problems] == [
        (3, "error", "field 'publishedDateTime'"),
        (4, "error", "field 'quality'"),
    ]


@pytest.mark.parametrize(
    "front_matter",
    [
        "title: First\nexcerpt: x\ntitle: Second\n",  # the plain shape
        "title: First  # a comment: PyYAML reads this one\nexcerpt: x\ntitle: Second\n",
        "title: Second\nprovider:\n  name: A\n  name: B\n",
    ],
    ids=["plain", "through-pyyaml", "nested"],
)
def test_a_key_given_twice_is_a_warning_at_its_line_and_the_last_one_is_used(
    front_matter: str,
) -> None:
    parsed = parse_document(f"---\n{front_matter}---\nBody\n", "a.md", summary=True)
    assert parsed.article is not None
    assert parsed.article.title == "Second"
    key, line = ("name", 5) if "provider" in front_matter else ("title", 4)
    assert [(p.severity, p.line, p.message) for p in parsed.problems] == [
        ("warning", line, f"key '{key}' is given more than once; the last one is used")
    ]


@pytest.mark.parametrize(
    "key", ["? [a]\n: b", "? {a: 1}\n: b", "? [a, b]: c", "x: &k [a]\n? *k\n: v"]
)
def test_a_key_that_is_a_list_or_a_mapping_is_left_out_and_the_document_loads(key: str) -> None:
    """PyYAML cannot make such a key ("found unhashable key"), and the document was lost."""
    parsed = parse_document(f"---\ntitle: Kept\n{key}\nexcerpt: Too\n---\nBody\n", "a.md")
    assert parsed.article is not None
    assert (parsed.article.title, parsed.article.excerpt) == ("Kept", "Too")
    assert parsed.problems == []


def test_a_merged_key_given_again_is_no_repeat() -> None:
    repeated: list[tuple[str, int]] = []
    data = load_yaml("base: &b {a: 1, b: 2}\nthis:\n  <<: *b\n  a: 3\n", 2, repeated)
    assert data["this"] == {"a": 3, "b": 2}
    assert repeated == []


HUGO = """+++
title = "Hugo post"
date = 2023-05-01T10:00:00+02:00
topics = ["AI", "Robots"]
originalUrl = "https://example.test/hugo"
draft = false
+++
The body, with a +++ line below that does not close anything.
+++
"""


@pytest.mark.parametrize("summary", [False, True], ids=["full", "summary"])
def test_toml_front_matter_between_plus_lines_is_read(summary: bool) -> None:
    """Hugo's TOML front matter: such a site's posts were all "no front matter"."""
    parsed = parse_document(HUGO, "site/content/posts/hugo.md", summary=summary)
    assert [
        p for p in parsed.problems if p.severity == "error"
    ] == [] and parsed.article is not None
    article = parsed.article
    assert (article.title, article.topics, article.url) == (
        "Hugo post",
        ["AI", "Robots"],
        "https://example.test/hugo",
    )
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2023-05-01T10:00:00+02:00"
    assert article.body.startswith("The body")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('+++\ntitle = "x"\nbroken =\n+++\n', 3, "invalid TOML: "),
        (  # left open: said where the front matter ends, not on its first line
            '+++\ntitle = "x"\ntags = ["a",\n  "b",\n+++\n',
            5,
            "invalid TOML at the end of the front matter: Invalid value (a bracket or quote",
        ),
        ('+++\ntitle = "never closed"\n', 1, "front matter is not closed by a '+++' line"),
        ("+++\nx = " + "[" * 5000 + "]" * 5000 + "\n+++\n", 2, "front matter is nested deeper"),
        ("+++\nx = " + "1" * 5000 + "\n+++\n", 2, "invalid TOML: Exceeds the limit"),
    ],
)
def test_bad_toml_front_matter_is_reported_on_its_line(text: str, line: int, message: str) -> None:
    parsed = parse_document(text, "site/bad.md")
    assert parsed.article is None
    assert [(p.line, p.message[: len(message)]) for p in parsed.problems] == [(line, message)]


def test_a_json_number_too_long_to_read_stays_text() -> None:
    """Python reads no integer of more than 4,300 digits: a ValueError lost the document."""
    parsed = parse_document('---json\n{"title": "Kept", "x": ' + "1" * 5000 + "}\n---\n", "a.md")
    assert parsed.article is not None and parsed.article.title == "Kept"
    assert parsed.problems == []


@pytest.mark.parametrize("summary", [False, True], ids=["full", "summary"])
def test_a_draft_is_unpublished_and_a_summary_is_its_excerpt(summary: bool) -> None:
    text = '+++\ntitle = "Draft"\ndraft = true\nsummary = "In short."\n+++\n'
    parsed = parse_document(text, "site/content/draft.md", summary=summary)
    assert parsed.article is not None
    assert (parsed.article.published, parsed.article.excerpt) == (False, "In short.")
    kept = parse_document(text.replace("draft = true", "draft = false"), "d.md", summary=summary)
    assert kept.article is not None and kept.article.published


@pytest.mark.parametrize("summary", [False, True], ids=["full", "summary"])
@pytest.mark.parametrize(
    ("front", "topics"),
    [
        ("categories: [News]\ntags: [ml, ai]\n", ["News", "ml", "ai"]),
        ("categories: release notes\n", ["release", "notes"]),  # Jekyll's words in a line
        ("tags: machine learning, python,\n", ["machine learning", "python"]),  # between commas
        ("topics: [AI]\ntags: [Academic Conference]\n", ["AI"]),  # its own topics win
        ("category: release notes\ntags: [nix]\n", ["release notes", "nix"]),  # one, whole
        ("category: news\n", []),  # a news corpus's kind of item
        # What YAML reads as no text (these stopped the parse with an AttributeError): a
        # number or a date is the name it is written as; a blank key names nothing.
        ("tags: [2020, 1.5]\n", ["2020", "1.5"]),
        ("tags: [2021-01-01]\ncategories: [2021-01-01]\n", ["2021-01-01"]),
        ("tags:\n  - {null: x}\n", ["x"]),
    ],
)
def test_a_blogs_categories_and_tags_are_its_topics(
    front: str, topics: list[str], summary: bool
) -> None:
    parsed = parse_document(f"---\ntitle: x\n{front}---\n", "blog/_posts/x.md", summary=summary)
    assert [
        p for p in parsed.problems if p.severity == "error"
    ] == [] and parsed.article is not None
    assert parsed.article.topics == topics


def test_a_longer_line_of_dashes_closes_the_front_matter() -> None:
    """Hugo closes it so (an LLVM blog post closed by 64 dashes was an error, and lost)."""
    split = split_front_matter("---\ntitle: x\n" + "-" * 64 + "\r\nBody\n")
    assert split is not None
    assert (split.front_matter, split.body) == ("title: x\n", "Body\n")


def test_yamls_end_of_document_line_closes_the_front_matter() -> None:
    """Jekyll takes ``...`` as the closing line; such a post was "not closed"."""
    split = split_front_matter("---\ntitle: x\nexcerpt: ...and so on\n...\nBody\n---\nmore\n")
    assert split is not None
    assert (split.front_matter, split.body) == (
        "title: x\nexcerpt: ...and so on\n",
        "Body\n---\nmore\n",
    )
    split = split_front_matter("---\ntitle: x\n---\nBody\n...\n")
    assert split is not None and split.body == "Body\n...\n"  # after the close: the body's


def test_a_post_in_drafts_is_unpublished() -> None:
    parsed = parse_document("---\ntitle: x\n---\n", "/site/_drafts/idea.md")
    assert parsed.article is not None and not parsed.article.published
    kept = parse_document("---\ntitle: x\npublished: true\n---\n", "/site/_drafts/idea.md")
    assert kept.article is not None and kept.article.published


def test_an_eleventy_page_written_nowhere_is_unpublished() -> None:
    """``permalink: false``: Eleventy makes no page of it, as of ``published: false``."""
    parsed = parse_document("---\ntitle: x\npermalink: false\n---\nText.\n", "/site/x.md")
    assert parsed.article is not None and not parsed.article.published
    kept = parse_document("---\ntitle: x\npermalink: /x/\n---\nText.\n", "/site/x.md")
    assert kept.article is not None and kept.article.published


def test_an_eleventy_page_its_site_lists_nowhere_is_no_article() -> None:
    """``eleventyExcludeFromCollections: true`` (a 404 page, a feed's template) was listed
    as an undated article; it is checked, as a data record is, and not listed."""
    text = "---\npermalink: 404.html\neleventyExcludeFromCollections: true\n---\n# Not found\n"
    parsed = parse_document(text, "/site/404.md")
    assert parsed.article is None and parsed.record is not None and parsed.problems == []


@pytest.mark.parametrize(
    "front_matter",
    [
        "title: Docs\nlayout: home\nhero:\n  name: Docs\nfeatures:\n  - title: Fast",  # VitePress
        "title: Docs\nhome: true\nheroText: Docs\nactionText: Start",  # VuePress's
    ],
)
def test_a_docs_sites_home_page_of_blocks_is_no_article(front_matter: str) -> None:
    """Its hero and features, no text to read, were listed as an undated article."""
    text = f"---\n{front_matter}\n---\n<HomeSponsors />\n"
    parsed = parse_document(text, "/docs/index.md")
    assert parsed.article is None and parsed.record is not None and parsed.problems == []
    titled = parse_document("---\nlayout: home\ntitle: Home\n---\nWelcome.\n", "/docs/a.md")
    assert titled.article is not None  # a theme's home layout for a page of text


@pytest.mark.parametrize(
    ("body", "listed"),
    [
        ("", False),  # the Vue blog's
        ("\n<script setup>\nimport Posts from './Posts.vue'\n</script>\n\n<Posts />\n", False),
        ("Welcome to the blog, where we write of Vue.\n", True),  # a text to read
    ],
)
@pytest.mark.parametrize(
    "marker", ["index: true", "layout: list", "layout: archive", "layout: blog-category"]
)
def test_a_blogs_list_of_posts_is_no_article(body: str, listed: bool, marker: str) -> None:
    """A VitePress blog's ``index: true`` page, whose theme draws the list of posts, was
    listed as an undated article; so was a Hugo site's news archive (``layout: list``,
    Neovim's), a Jekyll theme's archive page and nodejs.org's blog's own page, of a
    layout named for what it lists (``blog-category``)."""
    text = f"---\ntitle: The Vue Point\nsubtext: Updates\n{marker}\n---\n{body}"
    parsed = parse_document(text, "/blog/index.md")
    assert (parsed.article is not None) == listed and parsed.problems == []


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (  # jekyll-redirect-from's, titled
            "---\ntitle: Our old page\nredirect_to: https://example.org/new/\n---\n",
            "/site/old.md",
        ),
        (  # GitLab's docs: untitled, over a line that says where the page went
            "---\nredirect_to: '../install/index.md'\nremove_date: '2026-06-27'\n---\n\n"
            "This document was moved to [another location](../install/index.md).\n",
            "/docs/fr-fr/installation/_index.md",
        ),
        (  # a post its writer took down, sending its readers home
            "---\ntitle: An update\ndate: 2015-12-03\nredirect_to: /\n---\nOld words.\n",
            "/site/_posts/2015-12-03-an-update.md",
        ),
        (  # a refresh alone (an MkDocs stub)
            '---\ntitle: Moved\n---\n<meta http-equiv="refresh" content="0; url=../new/">\n',
            "/docs/moved.md",
        ),
        (  # Docusaurus's
            "---\ntitle: Moved\n---\nimport {Redirect} from '@docusaurus/router';\n\n"
            '<Redirect to="/docs/next" />\n',
            "/website/docs/moved.mdx",
        ),
        (  # a whole page of its own, as Middleman and Jekyll sites keep where a blog moved
            "---\nlayout: false\n---\n<!DOCTYPE html>\n<html>\n<head>\n"
            "  <title>Redirecting&hellip;</title>\n"
            '  <link rel="canonical" href="https://blog.example.org/2019/01/03/v2">\n'
            '  <meta http-equiv="refresh" content="0; url=https://blog.example.org/2019/01/03/v2">\n'
            "  <style>\n    body { font-family: sans-serif; }\n  </style>\n</head>\n<body>\n"
            "  <h1>Redirecting&hellip;</h1>\n  <p>The blog has moved to "
            '<a href="https://blog.example.org/">blog.example.org</a>.</p>\n</body>\n</html>\n',
            "/site/source/blog/2019/01/03/v2.html",
        ),
        (  # jekyll-redirect-from's own page, its attributes the other way round
            '---\n---\n<!DOCTYPE html>\n<html lang="en-US">\n  <meta charset="utf-8">\n'
            "  <title>Redirecting&hellip;</title>\n"
            '  <meta content="0; URL=/new/" http-equiv="refresh">\n'
            '  <h1>Redirecting&hellip;</h1>\n  <a href="/new/">Click here if you are not '
            "redirected.</a>\n</html>\n",
            "/site/old/index.html",
        ),
    ],
)
def test_a_page_published_only_as_a_redirect_is_no_article(text: str, path: str) -> None:
    """A redirect's stub was listed as an article: GitLab's were named by their folders
    ("installation"), with a warning that they had no title."""
    parsed = parse_document(text, path)
    assert parsed.article is None and parsed.record is not None and parsed.problems == []


def test_a_page_that_speaks_of_redirects_is_an_article() -> None:
    text = (
        "---\ntitle: Moving a blog\nredirect_from: /old/\n---\nEach old page says\n\n"
        '```html\n<meta http-equiv="refresh" content="0; url=/new/">\n```\n'
    )
    assert parse_document(text, "/site/_posts/2015-01-15-moving.md").article is not None


def test_a_whole_page_that_goes_on_after_a_while_is_an_article() -> None:
    """A page read first and then left (a refresh of ten seconds) is a page to read."""
    text = (
        "---\ntitle: We moved\n---\n<!DOCTYPE html>\n<html><head>"
        '<meta http-equiv="refresh" content="10; url=/new/"></head>\n'
        "<body><p>Our news now lives at the new address.</p></body></html>\n"
    )
    assert parse_document(text, "/site/moved.html").article is not None


@pytest.mark.parametrize(
    ("text", "title", "problems"),
    [
        ('---json\n{"title": "J", "tags": ["a"]}\n---\nBody\n', "J", []),
        ("---yaml\ntitle: Y\n---\n", "Y", []),
        ('---toml\ntitle = "T"\n---\n', "T", []),
        ('---json\n{"title":\n---\n', None, [(3, "invalid JSON: Expecting value")]),
        (  # an Eleventy page whose code is an object alone: the page is there, unnamed by it
            '---js\nconst eleventyNavigation = {\n  key: "About",\n};\n---\n# About\n\nMe.\n',
            "About",
            [],
        ),
        ('---js\nexport const data = {\n  title: "x",\n};\n---\n# Data\n', "Data", []),
        (  # an Eleventy blog's draft: its constants are read, its code is not
            "---js\nconst title = \"A fifth post\";\nlet date = '2023-01-23';\n"
            'const draft = true;\nconst tags = ["a", "b"];\n'
            "const eleventyComputed = { x: (data) => data.y };\n---\nBody\n",
            "A fifth post",
            [],
        ),
    ],
    ids=["json", "yaml", "toml", "bad-json", "js-object", "js-export", "js-constants"],
)
def test_front_matter_in_the_language_its_opening_line_names(
    text: str, title: str | None, problems: list[tuple[int, str]]
) -> None:
    """Eleventy's ``---json`` and ``---js``: "no front matter", said of a file that has
    some, misled; its JSON is read."""
    parsed = parse_document(text, "site/page.md")
    assert (parsed.article.title if parsed.article else None) == title
    assert [(p.line, p.message) for p in parsed.problems] == problems


_DEEP = 400_000  # levels: far past the interpreter's recursion limit


@pytest.mark.parametrize(
    "value",
    [
        "[" * _DEEP + "]" * _DEEP,
        '{"a":' * _DEEP + "1" + "}" * _DEEP,
        "[" * _DEEP,
        '[{"a":' * _DEEP + "1" + "}]" * _DEEP,
        "[" * 201 + '"a"' + "]" * 201,
    ],
    ids=["lists", "objects", "left-open", "mixed", "just-past"],
)
def test_an_eleventy_constant_nested_too_deep_is_passed_over_with_its_line(value: str) -> None:
    """Its problem was Python's own failure ("maximum recursion depth exceeded while
    decoding a JSON array…"), said of the whole page; now a warning with the constant's
    name and line, and the page's other constants read. Asked in a process of its own,
    which a hang would not end by the deadline and a crash would not leave quiet."""
    text = f"---js\nconst title = 'Kept';\nconst tags = {value};\n---\nBody\n"
    asked = (
        "import json, sys; from models.document import parse_document; "
        "parsed = parse_document(sys.stdin.read(), 'site/deep.md'); "
        "print(json.dumps([parsed.article.title, [str(p) for p in parsed.problems]]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", asked],
        input=text,
        capture_output=True,
        text=True,
        timeout=30,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr[-500:]
    assert json.loads(done.stdout) == [
        "Kept",
        ["site/deep.md:3: warning: 'tags' is nested deeper than 200 levels: not read"],
    ]


def test_an_eleventy_constant_as_deep_as_yaml_may_go_is_read() -> None:
    text = (
        "---js\nconst title = 'T';\nconst tags = "
        + "[" * 200
        + '"a"'
        + "]" * 200
        + ";\n---\nBody\n"
    )
    parsed = parse_document(text, "site/deep.md")
    assert parsed.problems == [] and parsed.article is not None
    assert parsed.article.topics == ["a"]
