"""Telling a page a site's generator wrote from a document, without waiting on what sits
at its name."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from library.built_pages import is_built_page


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
    answers: list[bool] = []
    looking = threading.Thread(target=lambda: answers.append(is_built_page(str(path), "/")))
    looking.start()
    looking.join(5)
    stuck = looking.is_alive()
    if stuck:  # a writer that comes and goes sets it free
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        looking.join()
    assert not stuck, "the page was waited on"
    assert answers == [False]
