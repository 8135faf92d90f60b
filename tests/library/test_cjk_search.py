"""A word of Chinese, Japanese or Korean is found inside its sentence. These scripts put
no spaces between words, and the full-text index took a whole sentence for one word: a
search for 東京 found no article about Tokyo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from library.index import CorpusIndex
from library.query import with_prefix_last
from library.search_text import spaced
from tests.conftest import refreshed_index, write_document

DOCUMENTS = {
    "tokyo.md": ("東京都は新しい人工知能の研究所を開設した", "研究者は百人を超える。"),
    "kyoto.md": ("京都の大学が東アジアの言語モデルを公開", "東と京は離れている。"),
    "seoul.md": ("서울시가 인공지능 연구소를 열었다", "연구원은 백 명이 넘는다."),
    "english.md": ("Tokyo opens an AI institute", "In 東京, a new lab."),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusIndex]:
    """Written and indexed once: the tests only query it."""
    root = tmp_path_factory.mktemp("cjk") / "news"
    for name, (title, body) in DOCUMENTS.items():
        write_document(
            root / "_news", name, f"title: {title}\noriginalUrl: https://x.test/{name}", body
        )
    index = refreshed_index([root], root.parent / "index.db", None)
    yield index
    index.close()


def found(index: CorpusIndex, text: str) -> set[str]:
    return {Path(row.path).name for row in index.search(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("東京", {"tokyo.md", "english.md"}),  # inside a title, and beside a comma
        ("人工知能", {"tokyo.md"}),
        ("研究", {"tokyo.md"}),  # the body too
        ("京都", {"kyoto.md", "tokyo.md"}),  # 東京都 holds 京都 as well, as a reader reads it
        ("東京都", {"tokyo.md"}),
        ("都東", set()),  # the same characters, not side by side in this order
        ("연구소", {"seoul.md"}),
        ("東京 -研究", {"english.md"}),
        ('"言語モデル"', {"kyoto.md"}),
        ("ai 東京", {"english.md"}),
    ],
)
def test_a_word_is_found_inside_its_sentence(
    index: CorpusIndex, text: str, expected: set[str]
) -> None:
    assert found(index, text) == expected


def test_a_word_being_typed_narrows_with_each_character(index: CorpusIndex) -> None:
    assert found(index, with_prefix_last("京")) == {"tokyo.md", "kyoto.md", "english.md"}
    assert found(index, with_prefix_last("京都")) == {"tokyo.md", "kyoto.md"}
    assert found(index, with_prefix_last("京都の")) == {"kyoto.md"}


def test_only_cjk_characters_are_spaced() -> None:
    assert spaced("naïve café, «quoted»") == "naïve café, «quoted»"
    assert spaced("AI东京") == "AI 东  京 "
