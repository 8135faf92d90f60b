"""Reading a document's bytes: whole, once, and never past the size limit."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

from library import loader
from models import regular_file
from tests.fifo_calls import without_waiting

DOCUMENT = b"---\ntitle: Growing\n---\n" + b"body " * 100


def stale_size(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """Make the size taken when the file is opened ``size``: as if it grew right after."""
    monkeypatch.setattr(
        loader.os, "fstat", lambda fd: SimpleNamespace(st_size=size, st_mode=stat.S_IFREG)
    )


def test_a_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(DOCUMENT)
    assert loader.load_file(str(path)).article.title == "Growing"


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
    assert parsed.article is not None and parsed.article.title == "Growing"
    assert [(p.line, p.message) for p in parsed.problems] == [
        (4, "file is too large (101 bytes; limit 100): read up to line 3, the rest left out")
    ]


def test_a_file_too_large_without_a_line_end_says_none_of_it_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"\0" * 101)  # a sparse file of gigabytes, as far as the limit shows
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    parsed = loader.load_file(str(path))
    assert (parsed.problems[0].line, parsed.problems[0].message) == (
        1,
        "file is too large (101 bytes; limit 100): its first line alone is longer, "
        "so none of it was read",
    )


def test_a_file_too_large_is_listed_with_its_whole_lines_up_to_the_limit(tmp_path: Path) -> None:
    """It was an error, and the post was missing from the list: a transcript, a post
    with its pictures inlined as data. Its lines up to the limit are read, none cut
    halfway (nor a letter of two bytes)."""
    path = tmp_path / "a.md"
    lines = [f"Ligne {n} du procès-verbal, été.\n" for n in range(300_000)]
    path.write_text("---\ntitle: Procès-verbal\ndate: 2024-05-01\n---\n" + "".join(lines))
    parsed = loader.load_file(str(path))
    assert parsed.article is not None and parsed.article.title == "Procès-verbal"
    body = parsed.article.body
    assert len(body.encode()) <= loader.MAX_FILE_BYTES
    assert body.endswith("été.\n") and body.splitlines() == [
        line[:-1] for line in lines[: body.count("\n")]
    ]
    (problem,) = parsed.problems
    assert problem.severity == "warning" and problem.line == body.count("\n") + 5
    assert problem.message == (
        f"file is too large ({path.stat().st_size:,} bytes; limit 8,388,608): "
        f"read up to line {body.count(chr(10)) + 4:,}, the rest left out"
    )


@pytest.mark.parametrize(
    ("post", "meta"),
    [
        (  # the first format: the values alone, one a line
            "post.txt",
            "Version 2 is out\nversion-2-is-out\n2012/09/15 19:52:05\nrelease, python\n\nNews.\n",
        ),
        (  # the later one: Nikola's ``.. key: value`` lines
            "post.rst",
            ".. title: Version 2 is out\n.. date: 2012/09/15 19:52:05\n.. tags: release, python\n",
        ),
    ],
    ids=["bare-lines", "keyed-lines"],
)
def test_a_post_without_metadata_is_read_with_its_sidecar_meta_file(
    tmp_path: Path, post: str, meta: str
) -> None:
    """Older Nikola posts keep their title and date in ``POST.meta``: 17 posts of a
    Nikola site were missing."""
    (tmp_path / post).write_text("We are *pleased* to announce `it <https://x.org>`__.\n")
    (tmp_path / "post.meta").write_text(meta)
    parsed = loader.load_file(str(tmp_path / post))
    article = parsed.article
    assert article is not None and parsed.problems == []
    assert article.title == "Version 2 is out"
    assert article.published_at is not None
    assert article.published_at.strftime("%Y-%m-%d %H:%M") == "2012-09-15 19:52"
    assert article.topics == ["release", "python"]
    assert article.body == "We are *pleased* to announce [it](https://x.org).\n"


def test_a_file_without_metadata_or_sidecar_is_no_document(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Just text.\n")
    (tmp_path / "other.meta").write_text("Title\n")
    parsed = loader.load_file(str(tmp_path / "notes.txt"))
    assert parsed.article is None and not parsed.has_front_matter


def load_fifo(path: Path) -> list[str]:
    """The problems of loading the FIFO ``path``; fails (rather than hangs) if the loader
    waits in open() for a writer."""
    return [p.message for p in without_waiting(path, lambda: loader.load_file(str(path))).problems]


def test_a_fifo_is_reported_without_waiting_for_a_writer(tmp_path: Path) -> None:
    """Opening a FIFO to read waits for a writer: the loader must not open it at all."""
    path = tmp_path / "a.md"
    os.mkfifo(path)
    assert load_fifo(path) == ["a named pipe (FIFO), not a regular file: not read"]


def test_a_file_replaced_by_a_fifo_after_its_type_was_asked_is_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    os.mkfifo(path)
    answers = iter(["", "a named pipe (FIFO)"])  # regular when asked, a FIFO once open
    monkeypatch.setattr(regular_file, "not_regular", lambda mode: next(answers))
    assert load_fifo(path) == ["a named pipe (FIFO), not a regular file: not read"]


def test_a_folder_and_a_device_are_reported(tmp_path: Path) -> None:
    assert [p.message for p in loader.load_file(str(tmp_path)).problems] == [
        "a folder, not a regular file: not read"
    ]
    assert [p.message for p in loader.load_file("/dev/zero").problems] == [
        "a character device, not a regular file: not read"
    ]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_no_descriptor_is_left_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The descriptor is closed whether the file is read, too large or no longer regular."""
    path = tmp_path / "a.md"
    path.write_bytes(DOCUMENT)
    loader.load_file(str(path))
    with monkeypatch.context() as patched:
        patched.setattr(loader, "MAX_FILE_BYTES", 100)
        assert "too large" in loader.load_file(str(path)).problems[0].message
    answers = iter(["", "a named pipe (FIFO)"])
    monkeypatch.setattr(regular_file, "not_regular", lambda mode: next(answers))
    parsed = loader.load_file(str(path))  # replaced once open
    assert [p.message for p in parsed.problems] == [
        "a named pipe (FIFO), not a regular file: not read"
    ]
    assert descriptors_on(tmp_path) == []


def descriptors_on(folder: Path) -> list[str]:
    """This process's descriptors open on files in ``folder``: counting all of them
    counted those another test's threads opened and closed meanwhile."""
    found = []
    for descriptor in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # closed since it was listed
            if os.readlink(f"/proc/self/fd/{descriptor}").startswith(f"{folder}/"):
                found.append(descriptor)
    return found


@pytest.mark.skipif(
    not hasattr(os, "posix_fadvise") or not os.path.isdir("/proc/self/fd"),
    reason="needs read advice and /proc to count descriptors",
)
def test_reading_ahead_opens_regular_files_alone_and_leaves_none_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's files are asked of the kernel before parsing, and held open for their
    reading; a FIFO, a folder and a device are not opened (opening a FIFO would release a
    writer waiting on it), and a missing file is left for ``load_file`` to report."""
    document = tmp_path / "a.md"
    document.write_bytes(DOCUMENT)
    fifo = tmp_path / "b.md"
    os.mkfifo(fifo)
    missing = tmp_path / "gone.md"
    opened: list[str] = []
    advised: list[tuple[int, int]] = []
    real_open = os.open

    def recording_open(path: str, flags: int) -> int:
        opened.append(path)
        return real_open(path, flags)

    monkeypatch.setattr(loader.os, "open", recording_open)
    monkeypatch.setattr(
        loader.os,
        "posix_fadvise",
        lambda fd, start, length, advice: advised.append((length, advice)),
    )
    paths = [str(document), str(fifo), str(tmp_path), "/dev/zero", str(missing)]
    with loader.read_ahead(paths) as ahead:
        assert list(ahead) == [str(document)] and len(descriptors_on(tmp_path)) == 1
    assert descriptors_on(tmp_path) == []
    assert opened == [str(document)]
    assert advised == [(loader.MAX_FILE_BYTES + 1, os.POSIX_FADV_WILLNEED)]
    monkeypatch.undo()
    assert [p.message for p in loader.load_file(str(missing)).problems] == [
        "cannot read: No such file or directory"
    ]


@pytest.mark.skipif(
    not hasattr(os, "posix_fadvise") or not os.path.isdir("/proc/self/fd"),
    reason="needs read advice and /proc to count descriptors",
)
def test_a_batch_opens_each_file_once_and_leaves_none_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file read ahead is read through the descriptor that asked for it: opened twice,
    every file of a corpus cost a second look-up and open. What the parse never reads (a
    sidecar, read with its post) and what it fails on are closed all the same."""
    from library import summaries
    from library.scan import FoundFile

    (tmp_path / "a.md").write_bytes(DOCUMENT)
    (tmp_path / "post.txt").write_text("A post whose title is beside it.\n")
    (tmp_path / "post.meta").write_text(".. title: Beside\n")
    (tmp_path / "breaks.md").write_bytes(b"---\ntitle: Breaks\n---\n")
    opened: list[str] = []
    real_open = os.open

    def recording_open(path: str, flags: int) -> int:
        opened.append(os.path.basename(path))
        return real_open(path, flags)

    parse = loader.parse_document

    def breaking(text: str, path: str, **kwargs: bool) -> object:
        if path.endswith("breaks.md"):
            raise ValueError("no check foresaw this")
        return parse(text, path, **kwargs)

    monkeypatch.setattr(regular_file.os, "open", recording_open)
    monkeypatch.setattr(loader, "parse_document", breaking)
    names = ["a.md", "post.txt", "post.meta", "breaks.md"]
    batch = [FoundFile(str(tmp_path / name), 0, 0, False, str(tmp_path)) for name in names]
    indexed = summaries.index_many(batch)
    assert [item.article.title for item in indexed if item.article] == [
        "Growing",
        "Beside",
    ]
    assert sorted(opened) == sorted([*names, "post.meta"])  # once each; the sidecar by its post
    assert descriptors_on(tmp_path) == []


def test_a_failure_no_check_foresaw_is_the_files_own_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One file that breaks the parser in an unforeseen way is reported, and the index
    still stores the others (a bare ValueError from YAML once stopped every command)."""
    from library import summaries
    from library.scan import FoundFile

    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_bytes(b"---\ntitle: Good\n---\n")
    bad.write_bytes(b"---\ntitle: Breaks the signature\noriginalUrl: https://x.test/a\n---\n")
    parse = loader.parse_document

    def breaking(text: str, path: str, **kwargs: bool) -> object:
        if path == str(bad):
            raise ValueError("nothing foresaw this")
        return parse(text, path, **kwargs)

    monkeypatch.setattr(loader, "parse_document", breaking)
    problems = loader.load_file(str(bad)).problems
    assert [(p.severity, p.message) for p in problems] == [
        ("error", "cannot be read (ValueError: nothing foresaw this)")
    ]
    monkeypatch.undo()

    def signing(title: str, excerpt: str) -> str:
        if title == "Breaks the signature":
            raise KeyError(title)
        return ""

    monkeypatch.setattr(summaries, "signature", signing)
    found = [FoundFile(str(path), 1, 1, False, str(tmp_path)) for path in (good, bad)]
    first, second = summaries.index_many(found)
    assert first.article is not None and first.article.title == "Good"
    assert first.problems == ()
    assert second.article is None
    assert second.problems == (
        (None, "error", "cannot be read (KeyError: 'Breaks the signature')"),
    )


def test_outside_any_site_each_site_setting_is_left_at_its_default(tmp_path: Path) -> None:
    """A file of no site is parsed without setting them: what each site's setting
    gives such a file must be what the parser reads when none is set."""
    from library.site_root import site_of, splits_labels_at_spaces
    from library.site_schedule import site_dates, site_schedule
    from library.site_zone import site_zone

    path = str(tmp_path / "a.md")
    assert site_of(path) is None
    assert site_zone(path) == loader.SITE_ZONE.get()
    assert site_schedule(path) == loader.SITE_SCHEDULE.get()
    assert site_dates(path) == loader.SITE_DATES.get()
    assert splits_labels_at_spaces(path) == loader.SPLIT_AT_SPACES.get()
    assert loader.IN_PELICAN_SITE.get() is False
