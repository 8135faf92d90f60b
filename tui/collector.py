"""When the garbage collector may run in the reader.

Start-up builds a great deal and frees little: a full collection walks every object,
and with the reader built one takes long enough to be felt on a keystroke. So
collection is paused while the reader starts, and what exists once it has painted
(modules, widgets, styles) is left out of later collections, as is the parser once the
first article has imported it.
"""

from __future__ import annotations

import gc


def pause_collection() -> None:
    """No collections until ``keep_out_of_collections`` (a full pass would land on the
    first paint)."""
    gc.disable()


def keep_out_of_collections() -> None:
    """Leave what exists now out of later collections, and collect from now on."""
    gc.freeze()
    gc.enable()
