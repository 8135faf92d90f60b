"""The filter field: an Input whose typing repaints only itself.

Textual's Input sets its virtual size on every keystroke, and a virtual size
change asks for a layout of the whole screen, which then repaints everything:
about a fifth of a filter keystroke's cost on a large corpus. This field has a
fixed size (see lede.tcss), so a repaint of the field is all a keystroke needs.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FilterField(Input):
    """The ``/`` filter: an Input that never changes the layout while typing."""

    virtual_size = Reactive(Size(0, 0), layout=False)
