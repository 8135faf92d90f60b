"""Double-quoted values holding unescaped double quotes, as Hashnode's backups write them."""

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
    assert parsed.valid
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


def test_single_quotes_inside_keep_their_words() -> None:
    parsed = parse_document('---\ntitle: "It\'s "fine" here"\n---\n', "/a.md")
    assert parsed.article is not None
    assert parsed.article.title == 'It\'s "fine" here'


@pytest.mark.parametrize(
    "text",
    [
        '---\ntitle: "a "b" c"\ntags: [unclosed\n---\n',  # another mistake remains
        '---\ntitle: "unclosed\n---\n',  # no quote to read to
    ],
    ids=["another-mistake", "unclosed"],
)
def test_front_matter_that_mending_does_not_save_is_still_an_error(text: str) -> None:
    parsed = parse_document(text, "/a.md")
    assert not parsed.valid
    assert [problem.severity for problem in parsed.problems] == ["error"]


def test_well_quoted_values_are_left_as_yaml_reads_them() -> None:
    parsed = parse_document('---\ntitle: "a \\"b\\" c"\nnote: "x"\n---\n', "/a.md")
    assert parsed.article is not None
    assert parsed.article.title == 'a "b" c'
    assert parsed.problems == []
