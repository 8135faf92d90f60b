"""A problem found in a document, in the ``PATH:LINE: severity: message`` shape tools expect."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.text import printable

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with a document; ``line`` is 1-based when known."""

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        """One line, whatever the file name holds (see ``printable``). A problem of no
        one file (a folder that cannot be read) names its path in its message."""
        if not self.path:
            return f"{self.severity}: {printable(self.message)}"
        where = f"{printable(self.path)}:{self.line or 1}"
        return f"{where}: {self.severity}: {printable(self.message)}"
