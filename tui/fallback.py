"""What the command line prints for a character its output's character set lacks.

Under a locale that is not UTF-8 (``LANG=en_US`` is ISO-8859-1 on glibc; an old server's
default; ``PYTHONIOENCODING=ascii``) Python writes ``?`` for each such character: the
bars of ``lede stats`` and ``lede index`` were rows of question marks, and every dash,
curly quote and ellipsis of a title one more. Here a character the output cannot hold
becomes its nearest plain form: ``#`` for a bar's block, ``-`` for a dash, ``'`` for a
curly quote, a letter without its accent where even that is missing (``Cafe`` in
ASCII); and a character with no such form (Chinese, an emoji) a ``?`` per column it
takes, so that columns after it still line up.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

from rich.cells import cell_len

HANDLER = "lede-fallback"
"""The name of the error handler, for ``str.encode`` and ``TextIOWrapper.reconfigure``."""

SUBSTITUTES = {
    **dict.fromkeys("█▇▆▅", "#"),  # a full block, and the tall ones of a sparkline
    **dict.fromkeys("▏▎▍▌▋▊▉▄▃▂▁", "+"),  # a part of one
    "░": ".",  # an empty cell of a progress bar
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    "…": "...",
    **dict.fromkeys("·•●◆◇", "*"),
    "→": "->",
    "←": "<-",
    "×": "x",
    **dict.fromkeys("\u00a0\u2007\u2009\u202f", " "),
}


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def substitute(char: str, encoding: str) -> str:
    """What is printed in ``encoding`` for ``char``, which it cannot hold."""
    known = SUBSTITUTES.get(char)
    if known is not None and _fits(known, encoding):
        return known
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in decomposed if not unicodedata.combining(part))
    if base and base != char and _fits(base, encoding):
        return base
    return "?" * max(1, cell_len(char))


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    missing = error.object[error.start : error.end]
    return "".join(substitute(char, error.encoding) for char in missing), error.end


codecs.register_error(HANDLER, _fallback)


def plain_where_needed() -> None:
    """Standard output and error fall back to plain characters (never fail) for what
    their character set cannot hold; a UTF-8 output is left as it is."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=HANDLER)
