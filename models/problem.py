"""A problem found in a document, in the ``PATH:LINE: severity: message`` shape tools expect."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with a document; ``line`` is 1-based when known."""

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line or 1}: {self.severity}: {self.message}"
