"""Sites written for a test in the real sites' Jekyll layout, and an Obsidian vault."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_document


def write_files(root: Path, files: dict[str, str]) -> Path:
    """Each of ``files`` (a path from ``root``: its text) written, with its folders."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


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


def tagged_vault(root: Path, *, settings: bool = True) -> Path:
    """An Obsidian vault (with its ``.obsidian`` settings, unless not ``settings``) whose
    notes carry nested tags, in the ways Obsidian writes them: ``project/alpha`` twice (once
    deeper, ``project/alpha/design``), ``#project/beta``, and ``CI/CD``."""
    notes = {
        "Kickoff.md": "tags: [project/alpha]",
        "Sketches.md": "tags:\n  - project/alpha/design",
        "Reading list.md": 'tags: ["#project/beta", reading]',
        "Pipeline.md": "tags: [CI/CD]",
    }
    for name, front in notes.items():
        write_document(root / "notes", name, front, f"What {name} holds.\n")
    if settings:
        (root / ".obsidian").mkdir()
    return root
