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
as well, and stays in line. So do two kinds of characters that have no such width: a
code point the Unicode database lede runs with does not know (unassigned, a
noncharacter, or an emoji newer than the database) is drawn as ``�``, as Rich gives it
one or two cells and tmux on an older system none; a Hangul filler, blank, is drawn as
a space, as Rich gives it none and terminals one or two. Only what is drawn changes:
the index, ``lede list --json`` and copied addresses keep the text whole.
"""

from __future__ import annotations

import re
import unicodedata

# Text and emoji presentation selectors, skin tones, the zero-width joiner.
_UNSETTLED = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\u200d]")
# The marks of the combining blocks (accents, overlays, enclosing circles) past the
# third on one letter: a tower of them (“Zalgo” text) is drawn above and below its row,
# over the rows around it, where it stays after they are painted again. Writing seldom
# stacks more than three of these on a letter; the scripts whose marks are letters'
# parts (Indic, Thai, Tibetan) have blocks of their own and are left whole.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOWER = re.compile(f"(?<=[{_MARKS}]{{3}})[{_MARKS}]+")
# The Hangul fillers a name is left blank with (the Hangul Filler, its halfwidth form).
_FILLERS = re.compile("[\u3164\uffa0]")


def same_width(text: str) -> str:
    """``text`` without presentation selectors, skin tones and zero-width joiners, with
    no more than three combining marks on a letter, unknown code points as ``�`` and
    Hangul fillers as spaces."""
    if text.isascii():
        return text  # most text, told without a scan of its own
    drawn = _FILLERS.sub(" ", _TOWER.sub("", _UNSETTLED.sub("", text)))
    if drawn.isprintable():
        return drawn  # holds no unknown code point, told without a scan of its own
    return "".join("\ufffd" if unicodedata.category(c) == "Cn" else c for c in drawn)


# A flag is two regional indicators, the letters of its country's code (🇯🇵, "JP"); one
# alone is drawn as a boxed letter.
_FLAG_LETTERS = re.compile("[\U0001f1e6-\U0001f1ff]+$")


def whole_flags(kept: str) -> str:
    """``kept``, the start of a text cut to fit, without the first letter of a flag that
    the cut parted from its second, and without the space it would then end in: the cut
    drew “🇯…” where “🇯🇵” was written."""
    letters = _FLAG_LETTERS.search(kept)
    return kept[:-1].rstrip() if letters and len(letters.group()) % 2 else kept
