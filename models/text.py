"""Text repair and sanitising for every string that comes from a file or the network.

Untrusted text must never reach the terminal as escape sequences, and mojibake
from the scraping pipeline (``Chinaâ€™s``) should read as the author meant it.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

# Sequences introduced by ESC (CSI, OSC, DCS/SOS/PM/APC, two-byte ESC x), C0 controls
# except tab and newline, DEL, and the bidi overrides that can make a line display
# differently from what it contains. An operating system command (a title, a link) holds
# no line end: one left open takes the rest of its line, not the text up to the next ESC.
_ESC_SEQUENCES = (
    r"\x1b\[[0-?]*[ -/]*[@-~]?",
    r"\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?",
    r"\x1b[PX^_][^\x1b]*(?:\x1b\\)?",
    r"\x1b[ -~]?",
)
_C0 = "\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069"
# Everything, C1 controls and C1 CSI/OSC sequences included.
_CONTROLS = re.compile(
    "|".join(
        [*_ESC_SEQUENCES, r"\x9b[0-?]*[ -/]*[@-~]?", r"\x9d[^\x07\x1b\x9c\n]*(?:\x07|\x9c)?"]
        + [f"[{_C0}\x80-\x9f]"]
    )
)
# Before ftfy, only what cannot be mojibake: C1 CSI and OSC only when complete. Lone C1
# characters are what mojibake is made of (``â€\x9d`` is a mis-decoded ``”``, ``Ã\x81``
# an ``Á``), so they are left for ftfy to turn back into text; what it leaves is
# stripped after.
_SEQUENCES = re.compile(
    "|".join(
        [*_ESC_SEQUENCES, r"\x9b[0-?]*[ -/]*[@-~]", r"\x9d[^\x07\x1b\x9c\n]*(?:\x07|\x9c)"]
        + [f"[{_C0}]"]
    )
)
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


_INLINE = "a|abbr|b|bdi|bdo|big|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|q|s|samp|small|"
_INLINE += "span|strike|strong|sub|sup|time|tt|u|var|wbr"
_BREAKING = "blockquote|br|div|h[1-6]|hr|li|ol|p|ul"
_TAGS = re.compile(rf"<(/?)(?:(?P<inline>{_INLINE})|{_BREAKING})(?:\s[^<>]*)?/?>", re.IGNORECASE)


def plain_line_ends(text: str) -> str:
    """``text`` without a byte order mark and with ``\\n`` line ends, as the readers of a
    document's head and body take it."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def strip_tags(text: str) -> str:
    """``text`` without the HTML tags a site renders in a title or an excerpt (``<em>``,
    ``<p>``), which a terminal would show as written; a break between words stays one.
    Only HTML's own elements: ``Vector<int>`` is text. Run before entities are decoded,
    so ``&lt;em&gt;`` stays as written."""
    if "<" not in text:
        return text
    return _TAGS.sub(lambda match: "" if match.group("inline") else "\n", text).strip("\n")


# Controls that end a line where a terminal or an old editor meets them: a carriage return
# alone (old Mac files), a vertical tab, a form feed, a next-line. Each stands for a line
# break, not for nothing: dropped, "two\rlines" read "twolines".
_LINE_BREAKS = "\r\x0b\x0c\x85"
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")


def _line_break_or_nothing(match: re.Match[str]) -> str:
    return "\n" if match.group() in _LINE_BREAKS else ""


def _without_controls(expression: re.Pattern[str], text: str) -> str:
    """``text`` without what ``expression`` finds, a line-breaking control a line break."""
    if _LINE_BREAK.search(text):
        return expression.sub(_line_break_or_nothing, text.replace("\r\n", "\n"))
    return expression.sub("", text)


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (keeps ``\\n``, ``\\t``;
    a carriage return, vertical tab or form feed becomes ``\\n``)."""
    if text.isascii() and text.isprintable():
        return text  # the common case, without running the expression
    return _without_controls(_CONTROLS, text)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if "\udc80" <= char <= "\udcff":  # a byte of a file name that is not UTF-8
        return f"\\x{ord(char) - 0xDC00:02x}"
    return ascii(char)[1:-1]


def printable(text: str) -> str:
    """``text`` with control characters and undecodable bytes written as escapes.

    For file names, which must stay recognisable: a name holding a newline or
    an escape sequence must neither break a one-line message nor reach the
    terminal, and one with bytes that are not UTF-8 must still be writable.
    """
    return text if text.isascii() and text.isprintable() else _UNPRINTABLE.sub(_escape, text)


# Unicode format characters (category Cf, as of Unicode 14): zero-width spaces and joiners,
# the word joiner, the byte-order mark, the soft hyphen, bidi marks, tags... Invisible, they
# still split a word for search and shift columns in a terminal. Two uses are kept (see
# ``_keep_format``): joiners inside emoji sequences and scripts that shape with them, and
# the tags of subdivision flags.
_FORMAT = re.compile(
    "[\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
# Every character that starts something stripped or changed here other than mojibake:
# controls and their sequences, format characters, and what ftfy fixes besides mojibake
# (line separators, surrogates). One class, so that a text without any is told in one
# scan; the format characters past the first plane are taken as one range (emoji too),
# as a class of their many ranges took four times as long to scan.
_SUSPECT = re.compile(
    f"[{_C0}\x80-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffc"
    "\ud800-\udfff\U000110bd-\U000e007f]"
)
_JOINERS = "\u200c\u200d"
_BLACK_FLAG = "\U0001f3f4"


def _is_tag(char: str) -> bool:
    return "\U000e0020" <= char <= "\U000e007f"


def _keep_format(text: str, at: int) -> bool:
    """Whether the format character at ``at`` carries meaning: a zero-width joiner between
    emoji (👩‍💻), a joiner or non-joiner between letters of a script that is shaped with them
    (Persian, Hindi), or a tag of a subdivision flag (🏴 followed by tags)."""
    char = text[at]
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if char in _JOINERS and before and after:
        if not (before.isascii() or after.isascii()):
            left, right = unicodedata.category(before), unicodedata.category(after)
            if left[0] in "LM" and right[0] == "L":
                return True
            emoji_before = left in ("So", "Sk") or before == "\ufe0f"
            return char == "\u200d" and emoji_before and right == "So"
        return False
    if _is_tag(char):
        start = at
        while start and _is_tag(text[start - 1]):
            start -= 1
        return start > 0 and text[start - 1] == _BLACK_FLAG
    return False


def strip_invisible(text: str) -> str:
    """Remove invisible format characters (zero-width spaces, soft hyphens, BOMs...)."""
    if text.isascii() or _FORMAT.search(text) is None:
        return text
    return _FORMAT.sub(
        lambda match: match.group() if _keep_format(text, match.start()) else "", text
    )


def one_line(text: str) -> str:
    """Collapse all whitespace so a value fits on one row of a list, and drop the marks
    it opens with (accents with no letter to sit on): a terminal puts them on the cell
    before, where they stayed after the row was painted over."""
    line = text.lstrip()
    while line and not line[0].isascii() and unicodedata.category(line[0])[0] == "M":
        line = line[1:].lstrip()
    return " ".join(line.split())


def repaired_line(text: str) -> str:
    """``one_line(repair_text(text))`` in one call: a line of printable ASCII with nothing
    to decode and no space to collapse (most titles, names and links) is as it is, with
    no call to either; it is read for each such field of each document."""
    if (
        text.isascii()
        and text.isprintable()
        and "&" not in text
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text
    return one_line(repair_text(text))


@lru_cache(maxsize=1)
def _ftfy() -> tuple[Callable[[str], str], re.Pattern[str]]:
    """ftfy's fixer (imported lazily), and what text must hold for it to find mojibake."""
    from ftfy import TextFixerConfig, chardata, fix_text

    config = TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
        explain=False,
    )

    def shown_as(values: Iterable[int], encodings: Iterable[str]) -> str:
        """What these bytes read as in these single-byte encodings."""
        found = {
            bytes([value]).decode(name, errors="ignore") for name in encodings for value in values
        }
        return re.escape("".join(sorted("".join(found))))

    # UTF-8 read in such an encoding shows the start of a character followed by one of
    # its continuations, or by what replaced a continuation lost (``?``, U+FFFD; a space
    # for a no-break space, after the starts ftfy restores it for, outside Mac Roman):
    # no fix can be found in text without such a pair.
    encodings = chardata.CHARMAP_ENCODINGS
    starts = shown_as(range(0xC0, 0xF5), encodings)
    continued = shown_as(range(0x80, 0xC0), encodings) + re.escape("?\ufffd\x1a")
    spaced = shown_as(b"\xc2\xc3\xc5\xce\xd0\xd9\xe2\xe3\xf0", set(encodings) - {"macroman"})
    clue = re.compile(f"[{starts}](?:[{continued}]|(?<=[{spaced}]) )")
    return (lambda text: fix_text(text, config)), clue


_LINES = re.compile(r"[^\n]*\n|[^\n]+")


def _fixed(text: str, suspect: bool) -> str:
    """``text`` as ftfy fixes it; ``suspect``: it holds a character of ``_SUSPECT``.

    ftfy reads a text line by line through a dozen expressions: for bodies with accents
    or curly quotes that was most of a cold index's time. So it reads only the lines
    where it could change more than the normal form."""
    fix, clue = _ftfy()
    if not (suspect or clue.search(text)):
        return unicodedata.normalize("NFC", text)
    return "".join(  # each line with its end, as ftfy reads it
        fix(line)
        if clue.search(line) or _SUSPECT.search(line)
        else unicodedata.normalize("NFC", line)
        for line in _LINES.findall(text)
    )


def _unseen_dropped(entity: re.Match[str]) -> str:
    """An entity kept as written, for the Markdown renderer to read, unless it stands for
    a control or an invisible character (``&#x202e;`` turns a line around): then nothing."""
    character = html.unescape(entity.group())
    seen = character and strip_invisible(strip_controls(character)) == character
    return entity.group() if seen else ""


def repair_text(text: str, entities: bool = True) -> str:
    """Fix mojibake, decode HTML ``entities`` and strip control and invisible characters.

    Escape sequences are stripped before ftfy (which would otherwise drop just
    the ESC and leave the payload of a sequence), all controls after it and
    after decoding entities.

    ASCII text cannot hold mojibake, so ftfy (slow, imported lazily) only sees
    strings that need it; that keeps a cold index of 50,000 documents fast.
    """
    if text.isascii():
        if text.isprintable() and "&" not in text:
            return text  # nothing to repair: most fields of most documents
        clean = False
    else:
        suspect = _SUSPECT.search(text) is not None
        repaired = _fixed(_without_controls(_SEQUENCES, text) if suspect else text, suspect)
        clean = not suspect and (repaired == text or _SUSPECT.search(repaired) is None)
        text = repaired
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text) if entities else _ENTITY.sub(_unseen_dropped, text)
        clean = False  # ``&#27;`` is an escape
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    return text if clean else strip_invisible(strip_controls(text))


def with_entities_decoded(text: str) -> str:
    """``text`` with its HTML entities as the characters they stand for, and no controls
    (``&#27;`` is one)."""
    if "&" not in text or not _ENTITY.search(text):
        return text
    return strip_controls(html.unescape(text))


# What JSON leaves as it is but a terminal acts on: DEL, the C1 controls (``\x9b`` is a
# CSI), bidi overrides and isolates, and the line separators some readers end lines at.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_line(record: object, encoding: str | None) -> str:
    """``record`` as one line of JSON that a stream in ``encoding`` can carry: text as it
    is where the stream takes it, else as escapes, which read back the same (a terminal
    that is not UTF-8; a file name's raw bytes). Characters a terminal would act on (a
    file named with a C1 control or a bidi override) are always escapes."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return json.dumps(record)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", line)


SHOWN_URL = 200  # of an address a message names: one of 100 kB filled the pane or screen


def shown_part(text: str, limit: int) -> str:
    """``text`` whole within ``limit`` characters, else its start and how much follows:
    for a message or a pane drawn whole, which a text of megabytes would hold up."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"
