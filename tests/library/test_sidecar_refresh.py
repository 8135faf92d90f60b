"""A Nikola post whose title and date are in its ``POST.meta``: an edit of that file
alone was not seen, by a start or by the reader following the corpus, until the post's
own file changed (the index keys each file by its own size and time)."""

from __future__ import annotations

import os
from pathlib import Path

from library.check import check
from library.corpus import open_index, open_state
from library.watch import wanted


def _meta(path: Path, title: str, moment: int) -> None:
    path.write_text(f".. title: {title}\n.. slug: post\n.. date: 2020-01-02 10:00:00 UTC\n")
    os.utime(path, ns=(moment, moment))  # another time, whatever the clock's grain


def test_an_edited_sidecar_has_its_post_read_again(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "posts").mkdir(parents=True)
    post, meta = root / "posts" / "post.rst", root / "posts" / "post.meta"
    post.write_text("Some words of the post.\n")
    (root / "posts" / "other.md").write_text("---\ntitle: Other\n---\nBody\n")
    _meta(meta, "First", 10**18)
    index = open_index([str(root)], open_state())
    index.refresh()
    assert sorted(row.title for row in index.search("")) == ["First", "Other"]

    _meta(meta, "Second title", 2 * 10**18)  # a warm start
    assert index.refresh().parsed == 2  # the sidecar, and its post
    assert sorted(row.title for row in index.search("")) == ["Other", "Second title"]

    _meta(meta, "Third", 3 * 10**18)  # the reader, told by its watcher
    assert wanted([str(root)], str(meta))
    index.refresh_paths([str(meta)])
    assert sorted(row.title for row in index.search("")) == ["Other", "Third"]

    meta.unlink()  # the post has no metadata left: no article
    index.refresh_paths([str(meta)])
    assert [row.title for row in index.search("")] == ["Other"]
    assert index.refresh().parsed == 0  # nothing left for a full refresh


def test_a_sidecar_is_checked_with_its_post(tmp_path: Path) -> None:
    """A check counts documents: a sidecar, kept in the index as a file, is none."""
    (tmp_path / "post.txt").write_text("Words.\n")
    _meta(tmp_path / "post.meta", "First", 10**18)
    report = check([str(tmp_path)])
    assert (report.files, report.articles, report.problems) == (1, 1, [])
