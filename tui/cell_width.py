"""Text as every terminal lays it out, so that what follows it on a row stays in place.

Rich (which lays out the screen) and terminals count some emoji sequences differently,
and terminals differ among themselves: a presentation selector (``❤️``, ``1️⃣``) makes a
character two cells wide in Rich, kitty, iTerm2 or Windows Terminal and one in tmux
3.3, xterm or GNOME Terminal; a skin tone (``👍🏽``) is part of its emoji in Rich and a
second emoji in tmux; a sequence joined by zero-width joiners (``👩‍💻``, and some
conjuncts of Indic scripts) is one character in Rich, tmux or iTerm2 and each of its
parts in kitty, xterm or GNOME Terminal. Whatever was drawn right of such a character
on the row (dates, counts, a pane's border) was shifted. Without the selectors, skin
tones and joiners, each character has the one width everybody gives it: ``👩💻`` reads
as well, and stays in line. Only what is drawn changes: the index, ``lede list
--json`` and copied addresses keep the text whole.
"""

from __future__ import annotations

import re

# Text and emoji presentation selectors, skin tones, the zero-width joiner.
_UNSETTLED = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\u200d]")


def same_width(text: str) -> str:
    """``text`` without presentation selectors, skin tones and zero-width joiners."""
    if text.isascii():
        return text  # most text, told without a scan of its own
    return _UNSETTLED.sub("", text)
