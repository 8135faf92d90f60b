"""Text as the full-text index takes it: Chinese, Japanese and Korean characters one word
each. The index splits words at spaces and punctuation, and these scripts write none
between words: a sentence was one word, and a word inside it was never found. A query's
text is spaced the same way and looked up as a phrase, so its characters match only
side by side, in order."""

from __future__ import annotations

import re
import unicodedata

_CJK = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)


_CJK_RUN = re.compile(_CJK.pattern + "+")


# What the index's own folding (``remove_diacritics``) leaves: the accents of Greek, which
# capitals drop (``ΚΟΣΜΟΣ`` is ``κόσμος``), and ``ß``, which Swiss German writes ``ss``.
_GREEK = (0x0370, 0x0400), (0x1F00, 0x2000)
_GREEK_CHAR = re.compile("[" + "".join(f"{chr(a)}-{chr(b - 1)}" for a, b in _GREEK) + "]")
# Symbols past the index's Unicode 6.1 tables (most emoji: 🦄, 🤖, 🧠) are letters to it,
# glued to the word beside them: a title "AI🤖 assistants" held no word "ai". They part words.
_NEWER_SYMBOL = re.compile(r"(?:(?!\w)[\U00010000-\U0010ffff])+")
_SPECIAL = re.compile(
    _CJK.pattern[:-1] + "ßẞ" + _GREEK_CHAR.pattern[1:-1] + "\U00010000-\U0010ffff]"
)  # any of them, in one pass


def _unaccented(char: str) -> str:
    plain = unicodedata.normalize("NFD", char)
    return unicodedata.normalize("NFC", "".join(c for c in plain if not unicodedata.combining(c)))


_FOLD = {
    code: _unaccented(chr(code))
    for start, end in _GREEK
    for code in range(start, end)
    if _unaccented(chr(code)) != chr(code)
}


def spaced(text: str) -> str:
    """``text`` as the full-text index takes it: a space either side of each CJK
    character, Greek without accents, ``ß`` as ``ss``, emoji a space, composed (NFC);
    text without any as it is, after one pass: most text."""
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFC", text):  # kana or Hangul decomposed, as macOS
        text = unicodedata.normalize("NFC", text)  # writes file names: で is て and ゙
    if not _SPECIAL.search(text):
        return text
    if len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text):  # beyond the BMP
        text = _NEWER_SYMBOL.sub(" ", text)
    if "ß" in text or "ẞ" in text:
        text = text.replace("ß", "ss").replace("ẞ", "SS")
    if _GREEK_CHAR.search(text):
        text = _greek_folded(text)
    if not _CJK.search(text):
        return text
    return _CJK_RUN.sub(_spaced_run, text)


# Modern Greek's accented letters, each replaced in one scan of the text where it has
# them: a lookup per character (``str.translate``) took ten times as long over a page.
_MODERN = {char: _FOLD[ord(char)] for char in "άέήίόύώΐΰϊϋΆΈΉΊΌΎΏΪΫ"}
_OLDER = re.compile("[" + "".join(chr(code) for code in _FOLD if chr(code) not in _MODERN) + "]")


def _greek_folded(text: str) -> str:
    """``text`` with its Greek letters without their accents."""
    if _OLDER.search(text):  # polytonic, or a rarer letter: each looked up
        return text.translate(_FOLD)
    for accented, plain in _MODERN.items():
        if accented in text:
            text = text.replace(accented, plain)
    return text


def _spaced_run(run: re.Match[str]) -> str:
    """A run of CJK characters as ``_CJK.sub(" \\g<0> ")`` spaces it, in one call a run,
    not one template a character (most of a Chinese page's indexing)."""
    return " " + "  ".join(run.group()) + " "


def folded(text: str) -> str:
    """``text`` as ``provider:`` compares it: without accents and case, as the full-text
    index takes words (``Zürich``, ``ZURICH`` and ``zurich`` are one), ``ß`` as ``ss``."""
    if text.isascii():
        return text.lower()
    plain = unicodedata.normalize("NFD", text)
    return "".join(char for char in plain if not unicodedata.combining(char)).casefold()
