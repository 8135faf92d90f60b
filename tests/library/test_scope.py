"""A tree node's scope as a query: what a filter typed under it lists, and saves."""

from __future__ import annotations

from library.query import parse_query
from library.scope import Scope, scope_query, scoped_query


def test_a_filter_typed_under_a_language_is_saved_in_that_language() -> None:
    """Saved under the Japanese node, "ruby" must list Japanese posts, not every language."""
    japanese = Scope("language", "ja", "ja")
    assert scope_query(japanese) == "lang:ja"
    saved = parse_query(f"{scope_query(japanese)} ruby")
    typed = scoped_query(japanese, "ruby")
    assert typed.languages == saved.languages == ["ja"]
    assert typed.terms == saved.terms


def test_each_scope_adds_what_its_node_lists_to_the_filter() -> None:
    assert scoped_query(Scope("topic", "ai/vision"), "x").topics == ["ai/vision"]
    assert scoped_query(Scope("collection", "posts"), "x").collections == ["posts"]
    assert scoped_query(Scope("starred"), "x").flags == {"starred"}
    assert scoped_query(Scope("unpublished"), "x").published is False
    assert scoped_query(Scope("saved", "lang:de", "German"), "x").languages == ["de"]
