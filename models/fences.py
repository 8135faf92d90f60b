"""Fenced code blocks, opened and closed as CommonMark does it: what the readers of
bodies (HTML blocks, MDX components) leave as they are, line by line."""

from __future__ import annotations

import re

_OPENING = re.compile(r" {0,3}(`{3,}|~{3,})")


def fence_opened(line: str) -> str:
    """The fence ``line`` opens a code block with (```` ``` ````, ``~~~~``), else ``""``."""
    found = _OPENING.match(line)
    return found.group(1) if found else ""


def fence_closed(fence: str, line: str) -> bool:
    """Whether ``line`` closes the block ``fence`` opened: its character, at least as
    many times, and nothing else."""
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])
