"""Front matter lines YAML refuses though their value is plainly text: Hashnode's
unescaped quotes, Qiita's bare titles that open with a bracket or hold a colon, a quote
never closed; and indentation with tabs."""

from __future__ import annotations

import pytest

from models.document import parse_document

# The shape of a Hashnode backup: JavaScript's date, a cuid, tags as one comma string.
HASHNODE = (
    "---\n"
    'title: "Why "overnight success" is a myth"\n'
    'seoTitle: "Overnight success"\n'
    'seoDescription: "Start with "What is it?"\n'
    "datePublished: Wed Apr 15 2020 17:00:00 GMT+0000 (Coordinated Universal Time)\n"
    "cuid: clzxm41sz00010alidcfu085c\n"
    "tags: habits, books\n"
    "\n"
    "---\n"
    "\n"
    "Body.\n"
)


def test_a_value_holding_bare_quotes_is_read_to_its_last_quote_with_a_warning() -> None:
    parsed = parse_document(HASHNODE, "/blog/clzxm41sz00010alidcfu085c.md")
    assert [p for p in parsed.problems if p.severity == "error"] == []
    assert parsed.article is not None
    assert parsed.article.title == 'Why "overnight success" is a myth'
    assert parsed.article.excerpt == 'Start with "What is it?'
    assert parsed.article.published_at is not None
    assert parsed.article.topics == ["habits", "books"]
    assert [(problem.line, problem.severity) for problem in parsed.problems] == [
        (2, "warning"),
        (4, "warning"),
    ]
    assert "'title'" in parsed.problems[0].message


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("title: [go] cgo without cgo [updated]", "[go] cgo without cgo [updated]"),
        ("title: Go for Windows: version numbers", "Go for Windows: version numbers"),
        ("title: {draft} notes", "{draft} notes"),
        ("title: 'It's \"fine\" here'", 'It\'s "fine" here'),
    ],
    ids=["bracket-first", "colon", "brace-first", "single-quotes"],
)
def test_a_bare_or_single_quoted_title_yaml_refuses_is_read_as_written(
    line: str, title: str
) -> None:
    parsed = parse_document(f"---\n{line}\ntags: Go:1.3 Git\nauthor: ada\n---\n", "/q.md")
    assert [p for p in parsed.problems if p.severity == "error"] == []
    assert parsed.article is not None
    assert parsed.article.title == title
    assert parsed.article.topics == ["Go:1.3", "Git"]
    assert [(problem.line, problem.severity) for problem in parsed.problems] == [(2, "warning")]


@pytest.mark.parametrize(
    "text",
    [
        '---\ntitle: "a "b" c"\ntags: [unclosed\n---\n',  # another mistake remains
        '---\ntitle: "unclosed\nnote: say "hi"\n---\n',  # it may close on a later line
        "---\ntags: [a, [b]\n---\n",  # a list cut short, not text
        "---\ntitle: x\nnote: " + "[" * 100_000 + " x\n---\n",  # too deep, still refused
    ],
    ids=["another-mistake", "closed-later", "list-cut-short", "deep"],
)
def test_front_matter_that_mending_does_not_save_is_still_an_error(text: str) -> None:
    parsed = parse_document(text, "/a.md")
    assert [p for p in parsed.problems if p.severity == "error"]
    assert [problem.severity for problem in parsed.problems] == ["error"]


def test_well_written_values_are_left_as_yaml_reads_them() -> None:
    text = '---\ntitle: "a \\"b\\" c"\ntags: [a, b]  # two\nnote: "x"\n---\n'
    parsed = parse_document(text, "/a.md")
    assert parsed.article is not None
    assert parsed.article.title == 'a "b" c'
    assert parsed.article.topics == ["a", "b"]
    assert parsed.problems == []


def test_a_block_scalars_text_is_never_mended() -> None:
    """Its lines are text already: quoting one would change what the block says."""
    text = '---\ntitle: [go] cgo\nexcerpt: |\n  note: [x] y\n  a: "b "c" d"\ntags: go\n---\n'
    parsed = parse_document(text, "/a.md")
    assert parsed.article is not None
    assert parsed.article.title == "[go] cgo"
    assert parsed.article.excerpt == 'note: [x] y\na: "b "c" d"\n'
    assert [problem.line for problem in parsed.problems] == [2]


def test_a_quote_never_closed_is_read_as_the_text_after_it() -> None:
    """It was "invalid YAML: found unexpected end of stream", and the post was lost."""
    parsed = parse_document('---\ntitle: "Half a title\ndate: 2024-01-06\n---\nBody.\n', "/a.md")
    assert parsed.article is not None
    assert parsed.article.title == "Half a title"
    assert parsed.article.published_at is not None
    assert [(problem.line, problem.severity) for problem in parsed.problems] == [(2, "warning")]


def test_indentation_with_tabs_is_read_as_spaces_with_one_warning() -> None:
    """Editors type tabs, which YAML forbids as indentation: "found character that cannot
    start any token", and the post was lost."""
    text = "---\ntitle: Tabs\ntags:\n\t- one\n\t- two\nauthor:\n\tname: Ann\n---\nBody.\n"
    parsed = parse_document(text, "/a.md")
    assert parsed.article is not None
    assert parsed.article.topics == ["one", "two"]
    assert parsed.article.authors == ["Ann"]
    assert [(problem.line, problem.message) for problem in parsed.problems] == [
        (4, "indented with tabs, which YAML does not allow: each read as two spaces")
    ]


def test_tabs_and_a_refused_line_are_both_mended() -> None:
    text = "---\ntitle: Go for Windows: builds\ntags:\n\t- go\n---\n"
    parsed = parse_document(text, "/a.md")
    assert parsed.article is not None
    assert (parsed.article.title, parsed.article.topics) == ("Go for Windows: builds", ["go"])
    assert [problem.line for problem in parsed.problems] == [2, 4]


def test_a_tab_inside_a_value_is_no_indentation() -> None:
    parsed = parse_document("---\ntitle: a\tb\ntags: [x]\n---\n", "/a.md")
    assert parsed.problems == []
    assert parsed.article is not None and parsed.article.topics == ["x"]


@pytest.mark.parametrize("summary", [False, True])
def test_a_summary_mends_as_a_whole_parse_does(summary: bool) -> None:
    """The index reads a summary, its ``images`` and ``related`` blocks left out, and a
    check the whole: a quote that closes only there must not be mended in one alone."""
    text = '---\ntitle: "Half a title\nimages:\n  - url: "a.png"\n---\n'
    parsed = parse_document(text, "/a.md", summary=summary)
    assert parsed.article is None
    assert [problem.severity for problem in parsed.problems] == ["error"]


@pytest.mark.parametrize(
    "title",
    ["{#if ...}", "{@render ...}", "{let/const ...}", "[create your own]"],
    ids=["refused-brace", "refused-at", "read-as-mapping", "read-as-list"],
)
def test_a_title_of_one_bracketed_phrase_is_read_as_written(title: str) -> None:
    # Svelte's docs are titled after their template syntax; its site reads the line as
    # text, YAML refused two of these and read the others as a mapping and a list.
    text = f"---\nNOTE: do not edit this file, it is generated\ntitle: {title}\ntags: syntax\n---\n"
    parsed = parse_document(text + "Body.\n", "/docs/03-template-syntax/02-if.md")
    assert [p for p in parsed.problems if p.severity == "error"] == []
    assert parsed.article is not None
    assert parsed.article.title == title
    assert parsed.article.topics == ["syntax"]
    assert [(problem.line, problem.severity) for problem in parsed.problems] == [(3, "warning")]


def test_a_list_of_tags_in_brackets_stays_a_list() -> None:
    parsed = parse_document("---\ntitle: Loops\ntags: [svelte, each]\n---\n", "/a.md")
    assert parsed.article is not None
    assert parsed.article.topics == ["svelte", "each"]
    assert parsed.problems == []
