"""The README's query examples find articles in the bundled ``feeds/``, as it says."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from library.index import CorpusIndex
from library.query import QueryError
from library.state import StateStore

REPO = Path(__file__).resolve().parents[2]
# Reading state depends on what the reader has been used for, not on the corpus.
STATEFUL = {"is:read", "is:starred"}


def query_examples() -> list[str]:
    """The queries in the first column of the README's query table."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text.split("| query | matches |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|")[1] for line in table.splitlines()[2:]]
    return [query for row in rows for query in re.findall(r"`([^`]+)`", row)]


def test_every_query_example_finds_a_bundled_article(
    index_factory: Callable[..., CorpusIndex], state_store: StateStore
) -> None:
    """The engine of ``lede list -q`` and the reader's filter, on the bundled feeds."""
    index = index_factory(REPO / "feeds", state=state_store)

    def finds(query: str) -> bool:
        try:
            return bool(index.search(query))
        except QueryError:
            return False

    examples = query_examples()
    assert len(examples) >= 10
    assert [query for query in examples if query not in STATEFUL and not finds(query)] == []
