"""Reading a document's bytes: whole, once, and never past the size limit."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from library import loader

DOCUMENT = b"---\ntitle: Growing\n---\n" + b"body " * 100


def stale_size(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """Make the size taken when the file is opened ``size``: as if it grew right after."""
    monkeypatch.setattr(loader.os, "fstat", lambda fd: SimpleNamespace(st_size=size))


def test_a_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(DOCUMENT)
    assert loader.load_file(str(path)).article.title == "Growing"  # type: ignore[union-attr]


def test_a_file_that_grew_after_its_size_was_taken_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(DOCUMENT)
    stale_size(monkeypatch, 10)
    parsed = loader.load_file(str(path))
    assert parsed.problems == []
    assert parsed.article is not None and parsed.article.body.count("body") == 100


def test_a_file_that_grew_past_the_limit_is_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(DOCUMENT)
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    stale_size(monkeypatch, 10)
    parsed = loader.load_file(str(path))
    assert parsed.article is None
    assert [p.message for p in parsed.problems] == ["file is too large (101 bytes; limit 100)"]
