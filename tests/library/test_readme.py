"""The README's query examples find articles in the bundled ``feeds/`` (those about a
site's flag and collections on a small Jekyll site), as it says."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from library.index import CorpusIndex
from library.query import QueryError
from library.state import StateStore

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "tests" / "fixtures" / "site"
# Reading state depends on what the reader has been used for, not on the corpus.
STATEFUL = {"is:read", "is:starred"}
# A story's id is made from its first article's identity: each corpus has its own.
PLACEHOLDERS = {"story:ID"}


def query_examples() -> list[tuple[str, bool]]:
    """The queries in the first column of the README's query table, each with whether
    its row is about a site (and so needs one)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text.split("| query | matches |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|")[1:3] for line in table.splitlines()[2:]]
    return [
        (query, "site" in meaning)
        for example, meaning in rows
        for query in re.findall(r"`([^`]+)`", example)
    ]


def test_every_query_example_finds_a_bundled_article(
    index_factory: Callable[..., CorpusIndex], state_store: StateStore
) -> None:
    """The engine of ``lede list -q`` and the reader's filter, on the bundled feeds."""
    feeds = index_factory(REPO / "feeds", state=state_store)
    site = index_factory(SITE, state=state_store)

    def finds(query: str, on_a_site: bool) -> bool:
        try:
            return bool((site if on_a_site else feeds).search(query))
        except QueryError:
            return False

    examples = query_examples()
    assert len(examples) >= 10 and sum(on_a_site for _, on_a_site in examples) >= 2
    missing = [query for query, on_a_site in examples if not finds(query, on_a_site)]
    assert [query for query in missing if query not in STATEFUL | PLACEHOLDERS] == []
