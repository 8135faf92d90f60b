"""An article's words reduced to the terms that tell its story apart, as one string.

Two write-ups of one event word it differently: "exposes" / "exposed", "38 million" /
"38M", "misconfiguration" / "misconfigured". The signature lower-cases, splits, drops
function words, writes amounts one way and strips common suffixes, so those meet on
the same term; Chinese, Japanese and Thai, written without spaces, are cut into pairs
of letters (``library.unspaced``). It is pure and cheap, so the indexing workers compute
it and the storing process only compares signatures (``library.stories``).

Format: three lists separated by ``|``: the title's terms its excerpt repeats, the
title's other terms, then the excerpt's terms not in the title; each in order of first
appearance without repeats, terms separated by spaces. A title term the excerpt repeats
is what the article is about (the lede restates the headline's who, where and what, and
rewords its verbs): two look-alike titles each holding one the other article lacks are
two events (``library.stories``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import chain, filterfalse
from typing import NamedTuple

from library.unspaced import UNSPACED, pieces

SEPARATOR = "|"

# "A.I." is "ai"; dotted initialisms otherwise split into letters no one searches for.
_INITIALISM = re.compile(r"\b(?:[a-z]\.){2,}")
_DOTTED = re.compile(r"\.[a-z]\.")  # in every initialism, and found by a fast scan
_DIGIT = re.compile(r"\d")
_DIGITS = b"0123456789"
# A number with its scale: "38 million", "38M", "$16.5 billion", "38,000,000", "40k".
_AMOUNT = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(trillion|billion|million|thousand|tn|bn|mln|mn|[tbmk])?(?![\w])"
)
_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}
_UNITS = ((1e12, "t"), (1e9, "b"), (1e6, "m"))
_WORD = re.compile(r"\d+(?:\.\d+)?[^\W\d_]*|[^\W_]+")


@functools.cache
def _marked_word() -> re.Pattern[str]:
    """``_WORD``, a word going on through combining marks (Unicode's M categories): a
    vowel sign of Hindi or Thai is a mark, not a letter, and cut words at each one
    ("दिल्ली" was "ल्ली" less its signs), so Hindi titles kept one term or two and
    unrelated Thai ones met on fragments. Made on first use: it reads Unicode's table."""
    marks, start, previous = [], -2, -2
    for code in chain(range(0x300, 0x20000), range(0xE0100, 0xE01F0)):
        if unicodedata.category(chr(code))[0] != "M":
            continue
        if code != previous + 1:
            if start >= 0:
                marks.append(f"{chr(start)}-{chr(previous)}")
            start = code
        previous = code
    marks.append(f"{chr(start)}-{chr(previous)}")
    return re.compile(rf"\d+(?:\.\d+)?[^\W\d_]*|[^\W_](?:[^\W_]|[{''.join(marks)}])*")


# A lower-case ASCII letter as itself, a digit as ``0`` and any other byte as a space: in
# one pass over lower-case ASCII text, whether it holds a digit and, where it holds none,
# the runs of letters that are ``_WORD``'s words, which a split finds faster.
_LETTERS = bytes(
    byte if 0x61 <= byte <= 0x7A else 0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256)
)
# A possessive goes whole, other quotes alone: "OpenAI's" is "openai", "don't" "dont".
_QUOTED = re.compile(r"['’]s\b|['’‘]")
# Longest first; a suffix is stripped only if at least three letters remain.
_SUFFIXES = (
    "izations",
    "ization",
    "isations",
    "isation",
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ed",
    "es",
    "ly",
    "s",
)
_STOP_WORDS = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just let me more most my myself new no nor not now of off
    on once only or other our ours ourselves out over own same say says said she should so
    some such than that the their theirs them themselves then there these they this those
    through to too under until up very via vs was we were what when where which while who
    whom why will with would you your yours yourself yourselves"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


def _amount(match: re.Match[str]) -> str:
    """One spelling per amount: ``38m`` for "38 million", "38M" and "38,000,000"."""
    digits, scale = match.group(1), match.group(2)
    if scale is None and "," not in digits:
        return digits
    value = float(digits.replace(",", "")) * _SCALES.get(scale or "", 1.0)
    for size, unit in _UNITS:
        if value >= size:
            return f"{value / size:g}{unit}"
    return f"{value:g}"


def stem(word: str) -> str:
    """A light suffix stripper: inflections and -ation/-ment nouns meet their verb."""
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("sses"):
        return word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


class _Terms(dict[str, str]):
    """Each word's term ("" for a function word), remembered: a title and excerpt are two
    dozen words, so a look-up each instead of the checks and the stemmer's cache. A word
    looked up and not yet remembered is made its term: the look-ups of a text's words
    then run in one call, with no step of a Python loop for each word."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _TERMS_KEPT:
            self.clear()
        dropped = word in STOP_WORDS or (len(word) == 1 and not word.isdigit())
        term = self[word] = "" if dropped else stem(word)
        return term


_TERMS = _Terms()
_TERMS_KEPT = 1 << 16


def words(text: str) -> list[str] | None:
    """The words of lower-case ASCII text as ``_WORD`` finds them, where it holds no digit
    (its runs of letters); ``None`` where it holds one, which ``_AMOUNT`` rewrites first."""
    letters = text.encode("ascii").translate(_LETTERS)
    return None if b"0" in letters else letters.decode("ascii").split()


def terms(text: str) -> list[str]:
    """The distinct terms of ``text`` in order of first appearance."""
    return list(_term_keys(text))


def _term_keys(text: str) -> dict[str, None]:
    """``terms`` as the keys of a mapping, which also tells whether it holds a term.

    Each rewriting runs only on text that holds what it rewrites: most titles and
    excerpts are ASCII with no initialism, quote or digit, and the scans cost more
    than the rest."""
    ascii_only = text.isascii()
    if not ascii_only:  # ASCII is its own NFKC form
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if "." in text and _DOTTED.search(text):
        text = _INITIALISM.sub(lambda m: m.group(0).replace(".", ""), text)
    if "'" in text or "’" in text or "‘" in text:
        text = _QUOTED.sub("", text)
    found = words(text) if ascii_only else None
    if found is None:
        if has_digit(text, ascii_only):
            text = _AMOUNT.sub(_amount, text)
        # ASCII holds no combining mark: its words are ``_WORD``'s, a shorter pattern.
        found = (_WORD if ascii_only else _marked_word()).findall(text)
        # Chinese, Japanese, Thai: pairs of letters.
        if not ascii_only and UNSPACED.search(text):
            found = list(chain.from_iterable(map(pieces, found)))
    seen = dict.fromkeys(map(_TERMS.__getitem__, found))  # each term once, in order
    seen.pop("", None)  # the function words'
    return seen


def has_digit(text: str, ascii_only: bool) -> bool:
    """Whether ``text`` holds a digit. ASCII text is looked over as bytes: the expression
    asks each character's class, and took longer than the rest of an excerpt's terms."""
    if ascii_only:
        raw = text.encode("ascii")
        return len(raw.translate(None, _DIGITS)) != len(raw)
    return _DIGIT.search(text) is not None


def signature(title: str, excerpt: str) -> str:
    """The article's comparable terms (see the module for the format). Each list is
    filtered by the other text's terms in C: a step of a Python loop for each term, and
    a set of each text's terms, were a large share of a news article's indexing."""
    head = _term_keys(title)
    said = _term_keys(excerpt)
    repeated, known = said.__contains__, head.__contains__
    return SEPARATOR.join(
        (
            " ".join(filter(repeated, head)),
            " ".join(filterfalse(repeated, head)),
            " ".join(filterfalse(known, said)),
        )
    )


class SplitSignature(NamedTuple):
    """A signature's terms: ``title`` (all of them), ``rest`` (the excerpt's others), and
    ``repeated``, the title terms the excerpt repeats (the first of ``title``)."""

    title: list[str]
    rest: list[str]
    repeated: list[str]


def split_signature(text: str) -> SplitSignature:
    """The title terms, the other excerpt terms and the repeated terms of a signature."""
    repeated, _, others = text.partition(SEPARATOR)
    title_only, _, rest = others.partition(SEPARATOR)
    first = repeated.split()
    return SplitSignature(first + title_only.split(), rest.split(), first)


def signature_terms(text: str) -> list[str]:
    """Every term of a signature, each once (its lists never share one)."""
    return text.replace(SEPARATOR, " ").split()
