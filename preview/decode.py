"""Bytes to text for pages whose declared charset cannot be trusted.

Servers often label UTF-8 pages ``iso-8859-1`` (a common server default), and
a single-byte codec decodes any bytes without error, so "try the declared
charset strictly" alone would turn every such page into mojibake. Valid UTF-8
is therefore believed first: text in another encoding is almost never valid
UTF-8 by accident.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_SCAN = 8192  # browsers look in the first 1024 bytes; real pages put it later
# Like browsers (WHATWG Encoding), read these labels as windows-1252, whose
# 0x80-0x9F are the curly quotes and dashes that latin-1 maps to controls.
_AS_CP1252 = frozenset({"iso8859-1", "ascii"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The encodings a browser can decode a page in (WHATWG Encoding, as Python codecs).
# A statistical guess among all of Python's codecs picks DOS and Mac code pages no
# web page is written in: a short French page came out as cp775.
_WEB_ENCODINGS = (
    *(f"cp{page}" for page in (1252, 1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258, 874, 866)),
    *(f"iso8859_{part}" for part in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    *("koi8_r", "koi8_u", "mac_roman", "mac_cyrillic"),
    *("gb18030", "big5hkscs", "cp932", "euc_jp", "iso2022_jp", "cp949"),
)


def decode_page(body: bytes, declared: str | None) -> str:
    """Decode ``body``: BOM, valid UTF-8, the header's charset, the ``<meta>`` charset,
    a statistical guess, and finally UTF-8 with replacement characters."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    meta = _META_CHARSET.search(body, 0, _META_SCAN)
    labels = ["utf-8", declared, meta.group(1).decode("ascii") if meta else None]
    for label in labels:
        text = _strict(body, label)
        if text is not None:
            return text
    return _guess(body)


def _strict(body: bytes, label: str | None) -> str | None:
    """``body`` decoded with the codec ``label`` names, or None if unknown or not matching."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
        return body.decode("cp1252" if name in _AS_CP1252 else name)
    except (LookupError, UnicodeError):  # Python's "undefined" codec fails all it decodes
        return None


def _guess(body: bytes) -> str:
    from charset_normalizer import from_bytes  # only unlabelled, non-UTF-8 pages need it

    matches = list(from_bytes(body, cp_isolation=list(_WEB_ENCODINGS)))
    if not matches:
        return body.decode("utf-8", errors="replace")
    # Western text often reads equally well in several Latin code pages (naïve is
    # naďve in cp1250); a tie goes to windows-1252, as a browser's default does.
    return str(min(matches, key=_plausibility))


def _plausibility(match: CharsetMatch) -> tuple[float, float, bool]:
    """Sort key of a guess: least garbled, then most like a language, then windows-1252."""
    return round(match.chaos, 3), -round(match.coherence, 3), match.encoding != "cp1252"
