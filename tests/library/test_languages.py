"""A site in several languages: each article's language (its front matter's, else its
site's language folder)."""

from __future__ import annotations

from pathlib import Path

from library.index import CorpusIndex
from tests.conftest import write_document
from tests.site_corpus import translated_by_folder


def test_each_article_knows_the_language_its_site_says(tmp_path: Path) -> None:
    """Its front matter's first, else its site's language folder, in one spelling."""
    root = translated_by_folder(tmp_path / "site", {"en": "Hello", "zh_CN": "你好"})
    write_document(root / "en" / "news" / "_posts", "2024-05-02-salut.md", "title: Salut\nlang: FR")
    index = CorpusIndex([str(root)], tmp_path / "index.db")
    index.refresh()
    found = index.db.execute("SELECT title, language FROM articles WHERE title != 'Older'")
    assert sorted(found) == [("Hello", "en"), ("Salut", "fr"), ("你好", "zh-cn")]
    index.close()
