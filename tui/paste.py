"""A paste is text, whatever escape sequences it holds.

A terminal brackets what is pasted (``ESC [200~`` ... ``ESC [201~``) so that a program
takes it as text, not as keys. Textual's parser, meeting an escape character inside a
paste (a line copied from a coloured log: ``ESC [31m ERROR``), reads on for a sequence,
finds none it knows, and hands the characters it read to the reader as keys: a pasted
line that went on with " q" quit the reader, and a page of such lines typed thousands
of keys into the filter, each over the whole text, freezing the screen for minutes.
Here a paste is held until it ends, then passed on without its escape sequences and
control characters, for the parser to read as the one paste it is.
"""

from __future__ import annotations

from models.text import strip_controls

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
_MARK = len(PASTE_START) - 1  # characters of a mark that one chunk may end with


class InertPastes:
    """Filters what the terminal sends, chunk by chunk as it is read (see the module)."""

    def __init__(self) -> None:
        self._pasted: list[str] | None = None  # the paste read so far, while in one
        self._tail = ""  # the last characters seen: a mark may begin in one chunk

    def __call__(self, data: str) -> str:
        """What of ``data`` goes on to the parser now."""
        passed: list[str] = []
        while data:
            seen = self._tail + data
            if self._pasted is None:
                start = seen.find(PASTE_START)
                if start < 0:
                    passed.append(data)
                    self._tail = seen[-_MARK:]
                    break
                begun = start + len(PASTE_START) - len(self._tail)
                passed.append(data[:begun])
                data, self._pasted, self._tail = data[begun:], [], ""
            else:
                end = seen.find(PASTE_END)
                if end < 0:
                    self._pasted.append(data)
                    self._tail = seen[-_MARK:]
                    break
                cut = end - len(self._tail)  # where the mark begins in ``data`` (or before)
                text = "".join(self._pasted) + data[: max(cut, 0)]
                text = text[:cut] if cut < 0 else text
                passed.append(strip_controls(text) + PASTE_END)
                data, self._pasted, self._tail = data[cut + len(PASTE_END) :], None, ""
        return "".join(passed)
