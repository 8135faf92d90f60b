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

from models.legacy_encoding import guess_encoding

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
    guessed = guess_encoding(body)
    return guessed[0] if guessed else body.decode("utf-8", errors="replace")
