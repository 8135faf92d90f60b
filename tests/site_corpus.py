"""Sites written for a test in the real sites' Jekyll layout."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_document


def withdrawn_news(site: Path, count: int = 3) -> Path:
    """A site at ``site`` whose only items are ``count`` news articles, all unpublished."""
    for number in range(count):
        write_document(
            site / "_news",
            f"{number}.md",
            f'title: "Withdrawn {number}"\noriginalUrl: https://n.test/{number}\npublished: false',
        )
    return site
