"""Pictures drawn with Kitty's graphics that leave the terminal's memory with the screen.

``textual-image`` sends each picture to the terminal, which keeps its pixels until told
to free them: it never did when the picture left the screen (an article left, ``i``),
and where it drew one again (a resize) it asked for ``a=d`` with ``I=`` and no ``d=``,
which in Kitty's protocol hides every placement on the screen and keeps the pixels.
The terminal's memory grew with every article read. Imported with the picture
classes, once ``textual-image`` is (``image_support``).
"""

from __future__ import annotations

import sys

from textual_image.renderable.tgp import Image as KittyDrawing
from textual_image.widget import TGPImage


def free_in_terminal(image_id: int) -> None:
    """Ask the terminal to forget image ``image_id``, placements and pixels (``d=I``),
    quietly (``q=2``), where ``textual-image`` sent it: straight to the terminal, not
    through Textual, which does not know of it."""
    terminal = sys.__stdout__
    if terminal is not None:
        terminal.write(f"\x1b_Ga=d,d=I,i={image_id},q=2\x1b\\")
        terminal.flush()


class FreedDrawing(KittyDrawing):
    """A picture that, once replaced or taken down, is freed in the terminal."""

    def cleanup(self) -> None:
        if self.terminal_image_id:
            free_in_terminal(self.terminal_image_id)
            self.terminal_image_id = None


class KittyPicture(TGPImage, Renderable=FreedDrawing):
    """``textual-image``'s Kitty widget, whose picture is freed when it is removed."""

    def on_unmount(self) -> None:
        self.image = None  # the library frees the drawing it holds as its image changes
