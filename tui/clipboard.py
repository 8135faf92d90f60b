"""Copying to the user's own clipboard from wherever lede runs (OSC 52), and whether a
browser would open on the user's side at all.

OSC 52 travels with the terminal output, so it reaches the local clipboard
over SSH. tmux stores it (``set-clipboard on``) and passes it on; GNU screen
only passes it when wrapped in a DCS string.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping


def osc52(text: str) -> str:
    """The OSC 52 sequence that sets the clipboard to ``text``."""
    return f"\x1b]52;c;{base64.b64encode(text.encode('utf-8')).decode('ascii')}\x07"


def screen_passthrough(sequence: str, environ: Mapping[str, str]) -> str | None:
    """The sequence wrapped for GNU screen, when running inside screen (not tmux)."""
    if environ.get("STY") and not environ.get("TMUX"):
        return f"\x1bP{sequence}\x1b\\"
    return None
