"""Counts in words: ``1 article``, ``2 articles``, ``0 problems``."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an ``s`` unless ``count`` is one."""
    return f"{count} {noun if count == 1 else noun + 's'}"
