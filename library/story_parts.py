"""What grouping into stories is made of: an article as grouping sees it, the order
articles are placed in, a story held while grouping, and a story's id.

Order: articles are placed by (published, identity, id), so the result does not depend
on the order they are given in, and the earliest member of a batch-grouped story is its
seed. Articles without a date each stand alone (no time, no story).

Ids: a story's id is ``story_id(identity)`` of its earliest member (in placing order),
so it is the same on every run over the same corpus. An article placed later that comes
before a story's earliest member renames the story after itself, as grouping the corpus
at once would name it: else an index kept up live and one rebuilt gave one story two
ids, and a saved ``story:`` search found nothing after a rebuild. Articles with one
identity are one article, so one story.

Kept apart from the grouping itself (``library.stories``), which compares articles:
the index, the story map and splitting use these parts without it.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

DAY = 86_400
WINDOW = 6 * DAY  # the longest a story may span, first to last member


class StoryArticle(NamedTuple):
    """What grouping needs of one article (``signature`` from ``library.signature``)."""

    id: int
    published: int | None
    identity: str
    signature: str


STORY_DIGITS = 12  # hex digits of a story id: it fits a 64-bit integer


def story_id(identity: str) -> str:
    """A story's id from its seed's identity: short, stable, safe in a query."""
    return hashlib.blake2b(identity.encode(), digest_size=STORY_DIGITS // 2).hexdigest()


class Story:
    """A story while grouping: its seed, its span in time, its members and their copies."""

    __slots__ = ("id", "seed", "named_by", "first", "last", "members", "copies")

    def __init__(
        self, sid: str, seed: int, published: int, named_by: tuple[int, int, str, int]
    ) -> None:
        self.id = sid
        self.seed = seed  # index of the first member in the grouper's articles
        self.named_by = named_by  # the ``placing_order`` of the member it is named after
        self.first = published
        self.last = published
        self.members: list[int] = []
        self.copies: list[str] = []  # its members' signatures (``story_copies``)

    def spans(self, published: int) -> bool:
        """Whether the story would still fit the window with this article in it."""
        return max(self.last, published) - min(self.first, published) <= WINDOW


def placing_order(article: StoryArticle) -> tuple[int, int, str, int]:
    """The key articles are placed by: dated first, by date, then identity and id."""
    published = article.published
    return (published is None, published or 0, article.identity, article.id)
