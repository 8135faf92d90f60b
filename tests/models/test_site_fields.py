"""The fields a real site's documents carry: the published flag, the kind of item, and
scores where a negative means unknown."""

from __future__ import annotations

import pytest

from tests.conftest import MODES, article_of


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


@MODES
def test_kind_is_the_front_matter_type(summary: bool) -> None:
    assert article_of('title: "A"\ncategory: news\ntype: article\n', summary=summary).kind == (
        "article"
    )
    assert article_of('title: "A"\ntype: course\n', summary=summary).kind == "course"
    assert article_of('title: "A"\ncategory: news\n', summary=summary).kind == "article"


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
