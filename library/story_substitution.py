"""Two articles whose titles say nearly the same thing about different events: a
substitution ("Boston bans facial recognition in schools" / "Turin bans ...";
"Acme launches Vision Studio with offline sync" / "... with vector search").

The lede restates what the headline is about (who, where, what) and rewords its verbs,
so a term the excerpt repeats is a fact, not wording: each title holding such a term the
other article lacks entirely is another place, company, product or feature.
"""

from __future__ import annotations

from itertools import chain

from library.story_weights import Terms

SHARED = 0.5  # of each title's terms, for two titles to say nearly the same thing


def substituted(
    a: Terms,
    b: Terms,
    weights_a: dict[int, float],
    weights_b: dict[int, float],
    unspaced: dict[int, str],
) -> bool:
    """Whether two titles say nearly the same thing (they share at least ``SHARED``
    of each one's terms) but each holds a term its own excerpt repeats that the other
    article lacks entirely. ``unspaced``: the letters of the terms of writing without
    spaces, by term id."""
    if not _lacks_one(a.repeated, weights_b, b, unspaced):
        return False
    if not _lacks_one(b.repeated, weights_a, a, unspaced):
        return False
    shared = len(set(a.title).intersection(b.title))
    return shared >= SHARED * len(a.title) and shared >= SHARED * len(b.title)


def _lacks_one(
    terms: list[int], weights: dict[int, float], other: Terms, unspaced: dict[int, str]
) -> bool:
    """Whether the ``other`` article (its ``weights``) lacks one of ``terms`` entirely.
    A pair of letters of writing without spaces (``library.unspaced``) is lacked only
    where one of its letters is nowhere in the other: a rewording pairs the same words
    with other neighbours ("興建第二座" / "第二座晶圓廠 … 興建"), another place has
    letters of its own (東京 / 大阪)."""
    letters: set[str] | None = None
    for term in terms:
        if term in weights:
            continue
        text = unspaced.get(term)
        if text is None:
            return True
        if letters is None:
            letters = set().union(*(unspaced.get(t, "") for t in chain(other.title, other.rest)))
        if not letters.issuperset(text):
            return True
    return False
