"""The filter field: an Input whose typing repaints only itself.

Textual's Input sets its virtual size on every keystroke, and a virtual size
change asks for a layout of the whole screen, which then repaints everything:
about a fifth of a filter keystroke's cost on a large corpus. This field has a
fixed size (see lede.tcss), so a repaint of the field is all a keystroke needs.

It has no validators, so it never validates: Input's validation sets its
``-valid`` class on the first keystroke, and a class change applies the
stylesheet again, a large part of that keystroke. ``-invalid`` is the reader's own, for
a query it cannot run.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FilterField(Input):
    """The ``/`` filter: an Input that never changes the layout while typing."""

    virtual_size = Reactive(Size(0, 0), layout=False)

    def __init__(self, **options: Any) -> None:
        super().__init__(validate_on=(), **options)
