"""The query language shared by the reader's filter and ``lede list -q``.

``words`` · ``word*`` (a prefix) · ``"exact phrase"`` (``"exact phr"*``: its last word a
prefix) · ``-word`` · ``topic:NAME`` ·
``provider:TEXT`` · ``after:YYYY-MM-DD`` · ``before:YYYY-MM-DD`` (or ``today``, ``yesterday``,
``7d``: days back from today) · ``quality>N`` / ``quality<N`` ·
``is:unread`` / ``is:read`` / ``is:starred`` · ``is:published`` / ``is:unpublished`` ·
``collection:NAME`` (``collection:*``: every collection) · ``lang:CODE`` (``lang:*``: every
language) · ``story:ID``. Dates are local days (``library.days``). Parsing is pure; the index
turns a ``Query`` into SQL, and checks the names of topics, collections and languages against
the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from library.days import local_midnight

_TOKEN = re.compile(r'\s*(-?)(?:(\w+)(:|>=|<=|>|<|=))?(?:"([^"]*)("?)(\*?)|(\S*))')
_DAYS_BACK = re.compile(r"today|yesterday|(\d{1,6})d")  # ``after:7d``: from 7 days back
_QUOTES = str.maketrans("“”„‟", '""""')  # noqa: RUF001 - the quotes a phrase may come in
FLAGS = ("unread", "read", "starred")
SITE_FLAGS = ("published", "unpublished")  # the site's own flag, not the reading state
EVERY_COLLECTION = "*"  # every collection, and with ``lang:`` every language
NEED_VALUES = (
    "topic",
    "provider",
    "after",
    "before",
    "is",
    "quality",
    "collection",
    "lang",
    "story",
)
# SQLite compares 64-bit integers: a larger bound overflows, so quality takes at most 18 digits.
QUALITY_DIGITS = 18


class QueryError(ValueError):
    """A malformed query; the message is shown to the user as it is."""


@dataclass(frozen=True)
class Term:
    """A word or an exact phrase to look for in the text of articles."""

    text: str
    phrase: bool = False
    prefix: bool = False  # ``word*``: any word that starts with ``text``


@dataclass
class Query:
    """A parsed query: every part must hold for an article to match."""

    terms: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    excluded_topics: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    excluded_providers: list[str] = field(default_factory=list)
    after: int | None = None
    before: int | None = None
    quality_min: int | None = None
    quality_max: int | None = None
    flags: set[str] = field(default_factory=set)
    excluded_flags: set[str] = field(default_factory=set)
    collections: list[str] = field(default_factory=list)
    excluded_collections: list[str] = field(default_factory=list)
    published: bool | None = None  # the site's flag: False for ``published: false``
    default_collections: tuple[str, ...] = ()
    """The collections shown when the query names none (empty: all); not parsed, set by
    whoever runs the query (see ``library.stream``)."""
    languages: list[str] = field(default_factory=list)  # codes as written (``lang:``)
    excluded_languages: list[str] = field(default_factory=list)
    default_languages: tuple[str, ...] = ()
    """The languages shown when the query names none (empty: all); set like
    ``default_collections``."""
    stories: list[str] = field(default_factory=list)  # story ids (``library.story_index``)
    excluded_stories: list[str] = field(default_factory=list)
    opened: frozenset[str] = frozenset()
    """Identities a query that leaves out read articles still lets through: those opened
    from the list (which marks them read); not parsed, set by the reader (see
    ``ReaderSession``)."""

    @property
    def empty(self) -> bool:
        """True when the query matches everything."""
        return self == Query()

    @property
    def hides_read(self) -> bool:
        """Whether read articles are left out (``is:unread``, ``-is:read``)."""
        return "unread" in self.flags or "read" in self.excluded_flags

    @property
    def names_collection(self) -> bool:
        """Whether the query says which collections it wants (``collection:``, either way):
        then the default ones do not apply."""
        return bool(self.collections or self.excluded_collections)

    @property
    def names_language(self) -> bool:
        """Whether the query says which languages it wants (``lang:``, either way)."""
        return bool(self.languages or self.excluded_languages)


def _day(value: str, operator: str) -> int:
    """The start of the day ``value`` names, at local midnight (see ``library.days``): a
    date, or a day counted back from today when the query runs, so that a saved search
    for today's news lists today's tomorrow too."""
    back = _DAYS_BACK.fullmatch(value.lower())
    try:
        if back is None:
            day = date.fromisoformat(value)
        else:
            days = int(back[1]) if back[1] else ("today", "yesterday").index(back[0])
            day = date.today() - timedelta(days=days)
    except (ValueError, OverflowError):
        raise QueryError(
            f"{operator}: expects YYYY-MM-DD, today, yesterday or 7d, not '{value}'"
        ) from None
    return local_midnight(day)


def _number(value: str, operator: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise QueryError(f"quality{operator} expects a whole number, not '{value}'") from None
    if abs(number) >= 10**QUALITY_DIGITS:
        raise QueryError(
            f"quality{operator} expects a number of at most {QUALITY_DIGITS} digits, not '{value}'"
        )
    return number


def _tokens(text: str) -> Iterator[re.Match[str]]:
    """The tokens of ``text`` in order, up to where none matches. Typographic double
    quotes, as phones and word processors type them and articles are pasted with, quote
    a phrase as ``"`` does (one character for one: the positions stay those of ``text``)."""
    text = text.translate(_QUOTES)
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            return
        position = match.end()
        yield match


def parse_query(text: str) -> Query:
    """Parse ``text``; raises ``QueryError`` with a readable message when malformed."""
    query = Query()
    for match in _tokens(text.strip()):
        negate, key, operator, quoted, closing, star, bare = match.groups()
        if quoted is not None and not closing:
            raise QueryError('a phrase is missing its closing "')
        value = quoted if quoted is not None else bare
        if key is not None and _words_not_a_filter(key, value or ""):
            key, value = None, key if not value else f"{key}{operator}{value}"
        if key is None:
            if not value or value == "-":
                continue
            if quoted is None and len(value) > 1 and value.endswith("*"):
                term = Term(value[:-1], prefix=True)
            else:
                term = Term(value, phrase=quoted is not None, prefix=bool(star))
            (query.excluded if negate else query.terms).append(term)
            continue
        _apply(query, key.lower(), operator, value or "", bool(negate))
    return query


def _words_not_a_filter(key: str, value: str) -> bool:
    """Whether a ``key:value`` no filter knows is words of a headline or an address
    (``Exclusive: robots``, ``10:30``, ``https://…``), not a filter mistyped (``topc:ai``),
    which is an error that names the filters: each was one."""
    if key.lower() in NEED_VALUES:
        return False
    return not value or not key.isalpha() or value.startswith("/")


def without_filter_being_typed(text: str) -> str | None:
    """``text`` without its last part when that part is a filter still being typed
    (``topic:``, ``is:unr``, ``after:2024-0``: nothing after it yet, not even a space),
    so that a reader can leave it out rather than call it a mistake at every key until
    it is whole; ``None`` when the last part is no filter or is followed by a space."""
    tokens = list(_tokens(text))
    last = tokens[-1] if tokens else None
    if last is None or last.end() != len(text) or not last.group(2) or text[-1].isspace():
        return None
    return text[: last.start()]


def with_prefix_last(text: str) -> str:
    """``text`` with its last word's prefix made explicit (``door hang`` becomes
    ``door hang*``): what a filter means while it is typed, and what saving it stores, so
    a saved search lists what the filter showed. The last word is the last one an
    article must hold; a phrase closed is never a prefix, but one still being typed
    (``"facial recog``) is closed, its last word a prefix (``"facial recog"*``), so the
    list follows its typing as it does a word's."""
    end = None
    for match in _tokens(text):
        negate, key, _, quoted, closing, _, bare = match.groups()
        if quoted is not None and not closing:  # the last token: it holds the rest
            if not (negate or key or quoted[-1:].isspace()):
                return f'{text.rstrip()}"*'
            text = f'{text.rstrip()}"'
            break
        if not (negate or key) and bare and bare != "-":
            end = match.end(7)
    text = text.rstrip()
    if end is None or text[end - 1] == "*":
        return text
    return f"{text[:end]}*{text[end:]}"


def _apply(query: Query, key: str, operator: str, value: str, negate: bool) -> None:
    """Apply one ``key:value`` (or ``quality>N``) part of a query."""
    if operator != ":" and key != "quality":
        raise QueryError(f"'{key}{operator}' is not understood; comparisons work with quality")
    if not value and key in NEED_VALUES:
        raise QueryError(f"{key}{operator} needs a value right after it (no space)")
    if negate and key in ("after", "before", "quality"):
        # Ignoring the dash would silently give the opposite of what was asked.
        opposite = {"after": "before:", "before": "after:", "quality": "the other comparison"}
        raise QueryError(f"-{key}{operator} cannot be negated; use {opposite[key]} instead")
    if key == "topic":
        (query.excluded_topics if negate else query.topics).append(value)
    elif key == "provider":
        (query.excluded_providers if negate else query.providers).append(value)
    elif key == "after":  # every bound holds: the latest start, the earliest end
        query.after = max(_day(value, "after"), query.after or -(2**63))
    elif key == "before":
        query.before = min(_day(value, "before"), query.before or 2**63)
    elif key == "quality":
        number = _number(value, operator)
        if operator not in (">", ">=", "<", "<=", "="):
            raise QueryError("quality needs a comparison: quality>N or quality<N")
        if operator in (">", ">=", "="):
            low = number + (operator == ">")
            query.quality_min = low if query.quality_min is None else max(query.quality_min, low)
        if operator in ("<", "<=", "="):
            high = number - (operator == "<")
            query.quality_max = high if query.quality_max is None else min(query.quality_max, high)
    elif key == "is":
        _flag(query, value, negate)
    elif key == "collection":
        (query.excluded_collections if negate else query.collections).append(value)
    elif key == "lang":
        (query.excluded_languages if negate else query.languages).append(value)
    elif key == "story":
        (query.excluded_stories if negate else query.stories).append(value.lower())
    else:
        raise QueryError(
            f"unknown filter '{key}:'; use topic:, provider:, after:, before:, quality>, is:, "
            "collection:, lang:, story:"
        )


def _flag(query: Query, value: str, negate: bool) -> None:
    """Apply one ``is:`` part: a reading-state flag, or the site's published flag."""
    flag = value.lower()
    if flag in SITE_FLAGS:
        published = (flag == "published") != negate
        if query.published is not None and query.published != published:
            raise QueryError("is:published and is:unpublished cannot both hold")
        query.published = published
    elif flag in FLAGS:
        (query.excluded_flags if negate else query.flags).add(flag)
    else:
        raise QueryError(
            f"is:{value} is not known; use is:unread, is:read, is:starred, is:published "
            "or is:unpublished"
        )
