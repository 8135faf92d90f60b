"""Text saved in an encoding older than UTF-8, told from its bytes.

Before UTF-8 was everywhere, editors saved in the system's code page: an old archive's
files, or a page served without its charset, are windows-1252, windows-1251, Shift_JIS...
and nothing in the bytes names which. The encoding is guessed, among those a browser can
decode: a guess among all of Python's codecs picks DOS and Mac code pages no one writes
in (a short French page came out as cp775).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

# The encodings a browser can decode a page in (WHATWG Encoding, as Python codecs).
WEB_ENCODINGS = (
    *(f"cp{page}" for page in (1252, 1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258, 874, 866)),
    *(f"iso8859_{part}" for part in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    *("koi8_r", "koi8_u", "mac_roman", "mac_cyrillic"),
    *("gb18030", "big5hkscs", "cp932", "euc_jp", "iso2022_jp", "cp949"),
)


def guess_encoding(raw: bytes) -> tuple[str, str] | None:
    """``raw`` decoded in the encoding it most likely is, and that encoding's name as
    people know it (``windows-1252``); None where no encoding reads it cleanly."""
    from charset_normalizer import from_bytes  # only text that is not UTF-8 needs it

    matches = list(from_bytes(raw, cp_isolation=list(WEB_ENCODINGS)))
    if not matches:
        return None
    # Western text often reads equally well in several Latin code pages (naïve is
    # naďve in cp1250); a tie goes to windows-1252, as a browser's default does.
    best = min(matches, key=_plausibility)
    text = str(best)
    if best.encoding != "cp1252" and _same_in_windows_1252(raw, text):
        return text, "windows-1252"  # "été" reads alike in cp1250: named as the usual one
    return text, _known_name(best.encoding)


def _same_in_windows_1252(raw: bytes, text: str) -> bool:
    try:
        return raw.decode("cp1252") == text
    except UnicodeDecodeError:
        return False


def _plausibility(match: CharsetMatch) -> tuple[float, float, bool]:
    """Sort key of a guess: least garbled, then most like a language, then windows-1252."""
    return round(match.chaos, 3), -round(match.coherence, 3), match.encoding != "cp1252"


# Python's codec names people know by other names (Shift_JIS, not cp932).
_KNOWN_NAMES = {
    "cp874": "windows-874",
    "cp866": "IBM866",
    "cp932": "Shift_JIS",
    "cp949": "EUC-KR",
    "big5hkscs": "Big5",
    "iso2022_jp": "ISO-2022-JP",
    "mac_roman": "Mac Roman",
    "mac_cyrillic": "Mac Cyrillic",
}


def _known_name(codec: str) -> str:
    """``cp1251`` as ``windows-1251``, ``iso8859_2`` as ``ISO-8859-2``: the names editors
    and browsers give these encodings."""
    if codec in _KNOWN_NAMES:
        return _KNOWN_NAMES[codec]
    if codec.startswith("cp125"):
        return f"windows-{codec[2:]}"
    return codec.replace("iso8859", "iso-8859").replace("_", "-").upper()
