"""Telling a page a site's generator wrote from a document, without waiting on what sits
at its name."""

from __future__ import annotations

import os
from pathlib import Path

from library.built_pages import is_built_page
from tests.fifo_calls import without_waiting


def test_a_whole_page_is_told_by_its_first_characters_however_large(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_bytes(b"\xef\xbb\xbf\n\n<!DOCTYPE html>\n<html>" + b"<p>x</p>" * 1_000_000)
    fragment = tmp_path / "part.html"
    fragment.write_text("<div>an include</div>\n")
    assert is_built_page(str(page), str(tmp_path))
    assert not is_built_page(str(fragment), str(tmp_path))


def test_a_fifo_put_at_a_pages_name_is_not_waited_on(tmp_path: Path) -> None:
    """Found as a file, then replaced by a FIFO: opening it to read waited for a writer."""
    path = tmp_path / "index.html"
    os.mkfifo(path)
    assert without_waiting(path, lambda: is_built_page(str(path), "/")) is False
