"""Text repair and sanitising for every string that comes from a file or the network.

Untrusted text must never reach the terminal as escape sequences, and mojibake
from the scraping pipeline (``Chinaâ€™s``) should read as the author meant it.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

# Whole escape sequences first (CSI, OSC, DCS/SOS/PM/APC, two-byte ESC x), then
# any lone C0 control except tab and newline, DEL, C1 controls, and the bidi
# overrides that can make a line display differently from what it contains.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (keeps ``\\n``, ``\\t``)."""
    if text.isascii() and text.isprintable():
        return text  # the common case, without running the expression
    return _CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """Collapse all whitespace so a value fits on one row of a list."""
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _ftfy_fix():  # pragma: no cover - trivial import indirection
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

    Controls are stripped before ftfy (which would otherwise drop just the ESC
    and leave the payload of a sequence) and again after decoding entities.

    ASCII text cannot hold mojibake, so ftfy (slow, imported lazily) only sees
    strings that need it; that keeps a cold index of 50,000 documents fast.
    """
    text = strip_controls(text)
    original = text
    if not text.isascii():
        text = _ftfy_fix()(text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    return text if text is original else strip_controls(text)
