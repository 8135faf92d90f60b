"""Counts in words: ``1 article``, ``2 articles``, ``0 problems``, ``3 stories``, and
``8,000 articles``: thousands are set apart, as the progress bar and ``lede stats`` do."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and ``noun``, in its plural (``nouns``, else with an ``s``) unless
    ``count`` is one."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"
