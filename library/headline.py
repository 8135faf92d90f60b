"""Which member of a story stands for it: the corpus's own judgement of a write-up
(quality) first, then the first report."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Member(NamedTuple):
    """What ``headline`` needs of one member of a story."""

    id: int
    published: int | None
    quality: int | None
    identity: str


def best_first(member: Member) -> tuple[bool, int, bool, int, str]:
    """Sorts members best headline first (see ``headline``)."""
    return (
        member.quality is None,
        -(member.quality or 0),
        member.published is None,
        member.published or 0,
        member.identity,
    )


def headline(members: Iterable[Member]) -> int:
    """The member shown for the story: the highest quality, then the earliest.

    Quality is the corpus's own judgement of a write-up; among equals the first
    report wins. Missing quality ranks below any given one, a missing date after any
    date, identity breaks the last ties so the choice is stable.
    """
    return min(members, key=best_first).id
