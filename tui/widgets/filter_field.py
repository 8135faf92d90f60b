"""The filter field: an Input whose typing repaints only itself.

Textual's Input sets its virtual size on every keystroke, and a virtual size
change asks for a layout of the whole screen, which then repaints everything:
about a fifth of a filter keystroke's cost on a large corpus. This field has a
fixed size (its own ``DEFAULT_CSS``), so a repaint of the field is all a keystroke needs.

It has no validators, so it never validates: Input's validation sets its
``-valid`` class on the first keystroke, and a class change applies the
stylesheet again, a large part of that keystroke. ``-invalid`` is the reader's own,
for a query it cannot run.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from tui.textual_internals import virtual_size_without_layout


class FilterField(Input):
    """The ``/`` filter: an Input that never changes the layout while typing."""

    DEFAULT_CSS = """
    FilterField {
        width: 1fr;  /* a fixed size: typing then repaints the field, not the whole screen */
        height: 3;
    }
    """

    virtual_size = virtual_size_without_layout()

    def __init__(self, **options: Any) -> None:
        super().__init__(validate_on=(), **options)
