"""What a corpus or a query holds, counted: articles per month, the top topics and the top
providers (``lede stats``).

The counts are taken over the ids the query engine returns, the very list ``lede list``
prints, so the two always agree. Months are local ones, like every date lede shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from library.days import to_local
from library.db import select_in

if TYPE_CHECKING:
    from library.index import CorpusIndex

TOP = 10  # topics and providers listed
BAR_WIDTH = 40  # columns of the longest bar
LONG_GAP = 24  # empty months in a row past which they are one line, not a row each
EIGHTHS = " ▏▎▍▌▋▊▉"
UNKNOWN_PROVIDER = "(no provider)"


@dataclass(frozen=True)
class CorpusStats:
    """The numbers ``lede stats`` shows: every month from the first to the last (empty
    ones too, so a gap shows, but for gaps of more than ``LONG_GAP`` months: one date
    mistyped by centuries is not a page of empty rows), and the most frequent topics and
    providers."""

    total: int
    undated: int
    months: list[tuple[str, int]]
    topics: list[tuple[str, int]]
    providers: list[tuple[str, int]]

    def as_record(self) -> dict[str, Any]:
        """The same numbers for ``--json``."""
        return {
            "total": self.total,
            "undated": self.undated,
            "months": [{"month": month, "count": count} for month, count in self.months],
            "topics": [{"name": name, "count": count} for name, count in self.topics],
            "providers": [{"name": name, "count": count} for name, count in self.providers],
        }


def local_month(timestamp: int) -> str:
    """``2020-10``: the local month of a Unix time (``0001-01`` for the first)."""
    moment = to_local(datetime.fromtimestamp(timestamp, UTC))
    return f"{moment.year:04d}-{moment.month:02d}"


def _number(month: str) -> int:
    """A ``YYYY-MM`` month counted from year 0, so that months subtract."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``), both included."""
    return [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(_number(first), _number(last) + 1)]


def month_rows(per_month: Counter[str]) -> list[tuple[str, int]]:
    """The months counted, in order, with the empty months between them but for runs of
    more than ``LONG_GAP``, which are left out."""
    rows: list[tuple[str, int]] = []
    for month in sorted(per_month):
        if rows and _number(month) - _number(rows[-1][0]) <= LONG_GAP + 1:
            rows += [(empty, 0) for empty in month_range(rows[-1][0], month)[1:-1]]
        rows.append((month, per_month[month]))
    return rows


def _top(counter: Counter[str]) -> list[tuple[str, int]]:
    """The most frequent first, ties by name, so the same corpus always reads the same."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0].casefold()))[:TOP]


def corpus_stats(index: CorpusIndex, ids: Iterable[int]) -> CorpusStats:
    """Count the articles ``ids`` (a query's results) by month, topic and provider."""
    ids = list(ids)
    db = index.db
    sql = "SELECT published, provider_name, provider_domain FROM articles WHERE id IN ({marks})"
    per_month: Counter[str] = Counter()
    providers: Counter[str] = Counter()
    undated = 0
    for published, name, domain in select_in(db, sql, ids):
        if published is None:
            undated += 1
        else:
            per_month[local_month(published)] += 1
        providers[name or domain or UNKNOWN_PROVIDER] += 1
    # By key, named as the tree names it: "Community" and "community" are one topic there.
    nodes = index.topic_tree().nodes
    topics: Counter[str] = Counter()
    sql = (
        "SELECT article_id, key, min(name) FROM article_topics WHERE article_id IN ({marks}) "
        "GROUP BY article_id, key"
    )
    for _, key, name in select_in(db, sql, ids):
        topics[nodes[key].name if key in nodes else name] += 1
    return CorpusStats(len(ids), undated, month_rows(per_month), _top(topics), _top(providers))


def bar(count: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A bar of block characters, ``width`` columns for ``largest``, eighths for the rest;
    any count above zero shows at least a sliver."""
    if count <= 0 or largest <= 0:
        return ""
    eighths = max(1, round(count * width * 8 / largest))
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def _padded(label: str, width: int) -> str:
    """``label`` filled to ``width`` columns: a CJK character or an emoji takes two."""
    return label + " " * (width - cell_len(label))


def _section(
    title: str, rows: list[tuple[str, int]], drawn: Callable[[str], str], months: bool = False
) -> list[str]:
    """The rows under their title, each label as ``drawn``; of ``months``, a line where a
    long gap was left out."""
    if not rows:
        return []
    rows = [(drawn(label), count) for label, count in rows]
    largest = max(count for _, count in rows)
    label_width = max(cell_len(label) for label, _ in rows)
    count_width = len(f"{largest:,}")
    lines = [title]
    for index, (label, count) in enumerate(rows):
        if months and index and (gap := _number(label) - _number(rows[index - 1][0]) - 1):
            lines.append(f"  {'…':<{label_width}}  {gap:,} months without articles")
        row = f"  {_padded(label, label_width)}  {count:>{count_width},}  {bar(count, largest)}"
        lines.append(row.rstrip())
    return [*lines, ""]


def render_stats(stats: CorpusStats, drawn: Callable[[str], str]) -> str:
    """The numbers as plain text: bars of block characters, no colour, no escapes, so the
    same text reads in a terminal, a pipe or a file. Each topic's and provider's name is
    written as ``drawn`` gives it: with only characters whose width terminals agree on,
    the counts after it stay in one column."""
    noun = "article" if stats.total == 1 else "articles"
    head = f"{stats.total:,} {noun}"
    if stats.undated:
        head += f" ({stats.undated:,} without a date)"
    lines = [head, ""]
    lines += _section("Articles per month", stats.months, drawn, months=True)
    lines += _section("Top topics", stats.topics, drawn)
    lines += _section("Top providers", stats.providers, drawn)
    return "\n".join(lines).rstrip() + "\n"
