"""A Lektor page (``contents.lr``): fields separated by ``---``, read as Lektor reads them."""

from __future__ import annotations

from models.document import parse_document
from tests.cli.test_list_lektor import POST


def test_a_posts_fields_are_its_title_date_author_tags_and_text() -> None:
    parsed = parse_document(POST, "content/blog/lektor-31-released/contents.lr")
    article = parsed.article
    assert article is not None and parsed.problems == []
    assert article.title == "Lektor 3.1 Released"
    assert article.published_at is not None and article.published_at.date().isoformat() == (
        "2018-01-29"
    )
    assert article.authors == ["Joseph Nix"]
    assert article.topics == ["releases", "themes"]
    assert article.excerpt == "What's changed with Lektor 3.1."
    # The flow's text blocks, not its banner's image file and height; ``----`` is ``---``.
    assert article.body == (
        "Lektor continues to be discovered.\n\n---\n\nA line of dashes, escaped."
    )


def test_a_hidden_page_is_unpublished_and_a_redirect_no_article() -> None:
    hidden = parse_document("title: Next\n---\n_hidden: yes\n", "content/next/contents.lr")
    assert hidden.article is not None and hidden.article.published is False
    shown = parse_document("title: Now\n---\n_hidden: no\n", "content/now/contents.lr")
    assert shown.article is not None and shown.article.published is True
    moved = parse_document("_model: redirect\n---\ntarget: /docs/\n", "content/old/contents.lr")
    assert moved.article is None


def test_an_alternative_is_in_its_language_and_tags_may_be_one_line() -> None:
    parsed = parse_document(
        "title: Beitrag\n---\ntags: eins, zwei\n", "content/blog/post/contents+de.lr"
    )
    assert parsed.article is not None
    assert parsed.article.language == "de"
    assert parsed.article.topics == ["eins", "zwei"]


def test_a_field_error_names_its_line() -> None:
    parsed = parse_document(
        "title: A\n---\npublishedDateTime: soon\n---\nbody:\n\nText.\n", "content/a/contents.lr"
    )
    assert [(problem.line, problem.severity) for problem in parsed.problems] == [(3, "error")]


def test_a_file_of_another_name_is_no_lektor_page() -> None:
    parsed = parse_document("title: A\n---\nbody: text\n", "notes/a.lr", require_front_matter=False)
    assert parsed.has_front_matter is False


def test_a_page_of_one_field_is_lektors_not_pelicans() -> None:
    """One ``key: value`` line is Pelican's metadata too: the German copy of a post, its
    title alone, was read as Pelican's and lost its language."""
    parsed = parse_document("title: Beitrag\n", "content/blog/post/contents+de.lr")
    assert parsed.article is not None and parsed.article.language == "de"
