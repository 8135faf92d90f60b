"""Text repair and sanitising for every string that comes from a file or the network.

Untrusted text must never reach the terminal as escape sequences, and mojibake
from the scraping pipeline (``Chinaâ€™s``) should read as the author meant it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

# Sequences introduced by ESC (CSI, OSC, DCS/SOS/PM/APC, two-byte ESC x), C0 controls
# except tab and newline, DEL, and the bidi overrides that can make a line display
# differently from what it contains.
_ESC_SEQUENCES = (
    r"\x1b\[[0-?]*[ -/]*[@-~]?",
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?",
    r"\x1b[PX^_][^\x1b]*(?:\x1b\\)?",
    r"\x1b[ -~]?",
)
_C0 = "\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069"
# Everything, C1 controls and C1 CSI/OSC sequences included.
_CONTROLS = re.compile(
    "|".join(
        [*_ESC_SEQUENCES, r"\x9b[0-?]*[ -/]*[@-~]?", r"\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?"]
        + [f"[{_C0}\x80-\x9f]"]
    )
)
# Before ftfy, only what cannot be mojibake: C1 CSI and OSC only when complete. Lone C1
# characters are what mojibake is made of (``â€\x9d`` is a mis-decoded ``”``, ``Ã\x81``
# an ``Á``), so they are left for ftfy to turn back into text; what it leaves is
# stripped after.
_SEQUENCES = re.compile(
    "|".join(
        [*_ESC_SEQUENCES, r"\x9b[0-?]*[ -/]*[@-~]", r"\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)"]
        + [f"[{_C0}]"]
    )
)
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (keeps ``\\n``, ``\\t``)."""
    if text.isascii() and text.isprintable():
        return text  # the common case, without running the expression
    return _CONTROLS.sub("", text)


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


def one_line(text: str) -> str:
    """Collapse all whitespace so a value fits on one row of a list."""
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _ftfy_fix() -> Callable[[str], str]:  # pragma: no cover - trivial import indirection
    from ftfy import TextFixerConfig, fix_text

    config = TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
    )
    return lambda text: fix_text(text, config)


def repair_text(text: str) -> str:
    """Fix mojibake, decode HTML entities and strip control characters.

    Escape sequences are stripped before ftfy (which would otherwise drop just
    the ESC and leave the payload of a sequence), all controls after it and
    after decoding entities.

    ASCII text cannot hold mojibake, so ftfy (slow, imported lazily) only sees
    strings that need it; that keeps a cold index of 50,000 documents fast.
    """
    if not text.isascii():
        text = _ftfy_fix()(_SEQUENCES.sub("", text))
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    return strip_controls(text)
