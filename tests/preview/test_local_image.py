"""An image a document names by a path: read from its site or corpus, never from
elsewhere on the disk, and never from what is not a regular file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from preview.local_image import LocalImageError, is_local, read_local_image
from tests.conftest import write_document
from tests.images import png

LIMIT = 5_000_000


def test_a_path_or_file_link_is_local_and_a_web_address_is_not() -> None:
    assert is_local("cover.png") and is_local("/img/a.png") and is_local("file:///tmp/a.png")
    assert not is_local("https://example.test/a.png") and not is_local("//cdn.test/a.png")


def test_a_page_bundles_image_is_read_beside_its_page(tmp_path: Path) -> None:
    """Hugo's page bundle: ``cover.png`` beside ``index.md`` (an escaped name too)."""
    page = write_document(tmp_path / "content" / "post", "index.md", "title: Bundle")
    (page.parent / "my cover.png").write_bytes(png())
    assert read_local_image("my%20cover.png", str(page), [str(tmp_path)], LIMIT) == png()


def test_an_exported_posts_cover_is_read_from_its_images_folder(tmp_path: Path) -> None:
    """wordpress-export-to-markdown writes ``coverImage: "shot.png"`` and saves the file
    in the ``images`` folder beside the post."""
    post = write_document(tmp_path / "posts" / "2019-05-01-exported", "index.md", "title: A")
    (post.parent / "images").mkdir()
    (post.parent / "images" / "shot.png").write_bytes(png())
    assert read_local_image("shot.png", str(post), [str(tmp_path)], LIMIT) == png()


def test_a_path_from_the_root_is_read_where_the_site_serves_it(tmp_path: Path) -> None:
    """A Hugo site serves ``/images/a.png`` from ``static/images/a.png``."""
    site = tmp_path / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text('title = "A site"\n')
    page = write_document(site / "content" / "posts", "a.md", "title: A")
    (site / "static" / "images").mkdir(parents=True)
    (site / "static" / "images" / "a.png").write_bytes(png())
    assert read_local_image("/images/a.png?v=2", str(page), [str(site)], LIMIT) == png()


@pytest.mark.parametrize("url", ["../../../../../../etc/hostname", "file:///etc/hostname"])
def test_a_file_outside_the_corpus_is_not_read(tmp_path: Path, url: str) -> None:
    page = write_document(tmp_path / "corpus", "a.md", "title: A")
    with pytest.raises(LocalImageError, match="outside the corpus"):
        read_local_image(url, str(page), [str(tmp_path / "corpus")], LIMIT)


def test_a_link_out_of_the_corpus_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(png())
    page = write_document(tmp_path / "corpus", "a.md", "title: A")
    os.symlink(tmp_path / "secret.png", page.parent / "cover.png")
    with pytest.raises(LocalImageError, match="outside the corpus"):
        read_local_image("cover.png", str(page), [str(tmp_path / "corpus")], LIMIT)


def test_a_fifo_named_as_the_image_is_refused_at_once(tmp_path: Path) -> None:
    page = write_document(tmp_path / "corpus", "a.md", "title: A")
    os.mkfifo(page.parent / "cover.png")
    started = time.monotonic()
    with pytest.raises(LocalImageError, match=r"cover.png is a named pipe \(FIFO\)"):
        read_local_image("cover.png", str(page), [str(tmp_path / "corpus")], LIMIT)
    assert time.monotonic() - started < 5


def test_a_missing_or_too_large_image_says_so(tmp_path: Path) -> None:
    page = write_document(tmp_path / "corpus", "a.md", "title: A")
    with pytest.raises(LocalImageError, match="no file gone.png in the corpus"):
        read_local_image("gone.png", str(page), [str(tmp_path / "corpus")], LIMIT)
    (page.parent / "big.png").write_bytes(png())
    with pytest.raises(LocalImageError, match="image too large"):
        read_local_image("big.png", str(page), [str(tmp_path / "corpus")], 100)
