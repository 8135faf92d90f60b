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


RELEASE = {"en": "Ruby released", "ja": "Ruby リリース", "de": "Ruby veröffentlicht"}


def translated_by_folder(root: Path, languages: dict[str, str] = RELEASE) -> Path:
    """A site translated by folder: ``en/news/_posts``, ``ja/news/_posts``... each holding
    the same announcement in its language, and an older post."""
    root.mkdir(parents=True)
    (root / "_config.yml").write_text("title: A language\n")
    for code, title in languages.items():
        write_document(root / code / "news" / "_posts", "2024-05-01-released.md", f"title: {title}")
        write_document(root / code / "news" / "_posts", "2024-04-01-older.md", "title: Older")
    return root
