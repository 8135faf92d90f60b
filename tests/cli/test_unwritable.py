"""A cache or data folder lede cannot write: one line naming the path, from the CLI and
from the reader alike, never a traceback; without a reading state, lists go on, and the
reader opens on a stand-in that keeps what it could read of it and this session's marks. (Tests
run as root, whom permissions do not stop: a path below a regular file, and a read-only
mount, stop everyone.)"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import LedeRunner, write_document
from tests.git_corpus import GitCorpus, git_corpus
from tests.tui.pilot import indexed, notifications, until
from tests.unprivileged import run_unprivileged
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList

__all__ = ["git_corpus"]  # the fixture, for pytest

FOLDERS = ("XDG_CACHE_HOME", "XDG_DATA_HOME")
OWN_FOLDERS = {  # what each holds, as a message names it, below the folder it names
    "XDG_CACHE_HOME": "the index's folder {}/lede/index",
    "XDG_DATA_HOME": "the reading state's folder {}/lede",
}
COMMANDS = ("list", "stats", "topics", "index")


@contextlib.contextmanager
def small_file_system(folder: Path, size: str = "64k", inodes: int = 0) -> Iterator[Path]:
    """A file system of ``size`` (and of ``inodes`` files and folders, when given) mounted
    at ``folder`` with lede's folders in it (skips the test where mounting is not allowed)."""
    folder.mkdir()
    options = f"size={size}" + (f",nr_inodes={inodes}" if inodes else "")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a file system here")
    try:
        (folder / "lede" / "index").mkdir(parents=True)  # there, but no database can be made
        yield folder
    finally:  # lazily: the reader's indexing workers may still be ending
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


@contextlib.contextmanager
def read_only_mount(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A read-only file system, and how the message about it starts."""
    with small_file_system(tmp_path / "read-only") as folder:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder, "lede: its file system is read-only"


def fill(folder: Path) -> None:
    """Leave no room on the file system of ``folder``."""
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
        while True:
            filler.write(b"\0" * 4096)
            filler.flush()


@contextlib.contextmanager
def full_disk(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A file system with no room left, and how the message about it starts."""
    with small_file_system(tmp_path / "full") as folder:
        fill(folder)
        yield folder, "lede: its disk is full"


@contextlib.contextmanager
def no_file_left(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A file system with room for bytes but for no more files (its message was "unable
    to open database file"), and how the message about it starts."""
    with small_file_system(tmp_path / "no-inodes", inodes=16) as folder:
        with contextlib.suppress(OSError):
            for n in range(16):
                (folder / f"file{n}").touch()
        yield folder, "lede: its disk is full"


@contextlib.contextmanager
def below_a_file(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder path below a regular file, and how the message about it starts ("Not a
    directory: PATH" said neither which folder it was, nor which file was in its way)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    folder = blocker / "lede-folder"
    said = f"lede: cannot make {{own}}: {blocker} is a file; move it aside, or set {{variable}}"
    yield folder, f"{said} to another folder"


@contextlib.contextmanager
def a_link_to_nowhere(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder that is a link whose target was removed, and how the message about it
    starts (it was "File exists", which sent users looking for a file)."""
    link, gone = tmp_path / "link", tmp_path / "removed"
    link.symlink_to(gone)
    said = f"lede: cannot make {{own}}: a link to {gone}, which is not there: {link}"
    yield link, f"{said}; set {{variable}} to another folder"


async def reader_fails(corpus: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Start the reader; it must end at once with one line on stderr, returned."""
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    [line] = capsys.readouterr().err.splitlines()
    return line


@pytest.mark.parametrize(
    "unwritable", [below_a_file, a_link_to_nowhere, read_only_mount, full_disk, no_file_left]
)
@pytest.mark.parametrize("variable", FOLDERS)
async def test_an_unwritable_folder_is_named(
    unwritable: Callable[[Path], contextlib.AbstractContextManager[tuple[Path, str]]],
    variable: str,
    query_corpus: Path,
    tmp_path: Path,
    run_lede: LedeRunner,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with unwritable(tmp_path) as (folder, start):
        start = start.format(own=OWN_FOLDERS[variable].format(folder), variable=variable)
        monkeypatch.setenv(variable, str(folder))
        listed = run_lede("list", query_corpus)
        assert listed.stderr.count("\n") == 1, listed.stderr
        assert str(folder) in listed.stderr, listed.stderr
        if variable == "XDG_DATA_HOME":  # the reading state: lists go on without it
            assert listed.returncode == 0 and listed.stdout, listed.stderr
            assert listed.stderr.startswith("lede: warning: no reading state, so no is: queries")
        else:  # the index: nothing can be listed
            assert listed.returncode == 1
            assert listed.stderr.startswith(start), listed.stderr
        if variable == "XDG_CACHE_HOME":
            line = await reader_fails(query_corpus, capsys)
            assert line.startswith(start) and str(folder) in line
        else:
            await reader_opens_without_its_state(query_corpus, tmp_path, monkeypatch, start)


async def test_a_folder_named_with_an_escape_sequence_and_a_newline_is_named_in_one_line(
    query_corpus: Path,
    tmp_path: Path,
    run_lede: LedeRunner,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The line that stops lede wrote the folder's name as it is: its escape sequence
    (clearing the screen) reached the terminal, and its newline broke the line in two."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache\x1b[2Jnew\nline"))
    said = (
        f"lede: cannot make the index's folder {blocker}/cache\\x1b[2Jnew\\nline/lede/index: "
        f"{blocker} is a file; move it aside, or set XDG_CACHE_HOME to another folder"
    )
    listed = run_lede("list", query_corpus)
    assert (listed.returncode, listed.stderr) == (1, f"{said}\n")
    assert await reader_fails(query_corpus, capsys) == said
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data\x1b[2Jnew\nline"))
    listed = run_lede("list", query_corpus)
    assert listed.stderr == (
        "lede: warning: no reading state, so no is: queries "
        f"(cannot make the reading state's folder {blocker}/data\\x1b[2Jnew\\nline/lede: "
        f"{blocker} is a file; move it aside, or set XDG_DATA_HOME to another folder)\n"
    )


async def test_a_folder_where_the_index_or_the_state_goes_is_named_as_one(
    query_corpus: Path,
    isolated_dirs: dict[str, Path],
    run_lede: LedeRunner,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A folder made by mistake at the index's or the reading state's path (a copy of the
    cache gone wrong): lede said "unable to open database file", which sent users looking
    for a file that was there."""
    from library.corpus import state_file
    from library.paths import index_file

    state = state_file()
    state.mkdir(parents=True)
    listed = run_lede("list", query_corpus)
    assert listed.returncode == 0 and listed.stdout
    assert listed.stderr == (
        f"lede: warning: no reading state, so no is: queries (a folder, not a file: {state})\n"
    )
    index = index_file([str(query_corpus)])
    for made in index.parent.glob(f"{index.name}*"):  # the index the list made
        made.unlink()
    index.mkdir()
    listed = run_lede("list", query_corpus)
    assert (listed.returncode, listed.stderr.splitlines()[-1]) == (
        1,
        f"lede: a folder, not a file: {index}",
    )
    assert await reader_fails(query_corpus, capsys) == f"lede: a folder, not a file: {index}"


def test_an_index_made_before_its_disk_went_read_only_is_said_to_be_on_one(
    query_corpus: Path, tmp_path: Path, run_lede: LedeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole index on a file system mounted read-only since (a snapshot, a container's
    read-only home): "unable to open database file", of a file that was there."""
    from library.paths import index_file

    with small_file_system(tmp_path / "cache", size="8m") as folder:
        monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
        assert run_lede("index", query_corpus).returncode == 0
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        listed = run_lede("list", query_corpus)
        index = index_file([str(query_corpus)])
    assert (listed.returncode, listed.stdout) == (1, "")
    assert listed.stderr == f"lede: its file system is read-only: {index}\n"


@pytest.mark.parametrize("variable", FOLDERS)
def test_a_folder_too_deep_for_sqlite_is_said_to_be(
    variable: str,
    query_corpus: Path,
    tmp_path: Path,
    run_lede: LedeRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SQLite opens no database whose path is over 504 bytes: a cache or data folder deep
    in a workspace said "unable to open database file", of a folder that was there."""
    from library.corpus import state_file
    from library.paths import index_file

    folder = tmp_path.joinpath(*["deep" * 25] * 5)
    folder.mkdir(parents=True)
    monkeypatch.setenv(variable, str(folder))
    database = index_file([str(query_corpus)]) if variable == FOLDERS[0] else state_file()
    said = f"its path is {len(os.fsencode(database)):,} bytes long, more than SQLite can open"
    listed = run_lede("list", query_corpus)
    if variable == "XDG_DATA_HOME":  # the reading state: lists go on without it
        assert listed.returncode == 0 and listed.stdout
        assert listed.stderr == (
            f"lede: warning: no reading state, so no is: queries ({said} (504): {database})\n"
        )
    else:
        assert (listed.returncode, listed.stderr) == (1, f"lede: {said} (504): {database}\n")


def test_a_data_folder_that_cannot_be_read_leaves_the_commands_going(
    query_corpus: Path, isolated_dirs: dict[str, Path], run_lede: LedeRunner
) -> None:
    """A data folder of another user's, or of mode 000: lede list, stats, topics and index
    each ended in "Permission denied: .../state.sqlite.moves" (looking for marks kept for
    later), exit 1, where they go on without the reading state."""
    assert run_lede("list", query_corpus).returncode == 0  # the state and the index made
    data = isolated_dirs["XDG_DATA_HOME"] / "lede"
    data.chmod(0)
    try:
        done = {command: run_unprivileged(command, query_corpus) for command in COMMANDS}
    finally:
        data.chmod(0o755)
    warning = (
        "lede: warning: no reading state, so no is: queries "
        f"(Permission denied: {data / 'state.sqlite'})\n"
    )
    for command, ran in done.items():
        said = "" if command == "index" else warning  # it needs no state, nothing moved
        assert (command, ran.returncode, ran.stderr) == (command, 0, said)
        assert ran.stdout


def test_a_reading_state_that_cannot_be_written_is_read_as_it_is(
    query_corpus: Path, run_lede: LedeRunner
) -> None:
    """A state in a folder another user made (``sudo lede``), neither writable: ``lede
    list -q is:read`` was "is:read needs the reading state, which is not available",
    exit 1, of a state that could be read."""
    from library.corpus import open_state
    from models.identity import normalise_url

    state = open_state()
    state.set("read", [normalise_url("https://www.theverge.com/gemini")], True)
    state.close()
    state.path.chmod(0o444)
    state.path.parent.chmod(0o555)
    try:
        listed = run_unprivileged("list", "--json", "-q", "is:read", query_corpus)
    finally:
        state.path.parent.chmod(0o755)
        state.path.chmod(0o644)
    assert listed.returncode == 0, listed.stderr
    assert [Path(json.loads(line)["path"]).stem for line in listed.stdout.splitlines()] == [
        "gemini"
    ]
    assert listed.stderr == (
        "lede: warning: the reading state cannot be written, so it is read as it is "
        f"(attempt to write a readonly database: {state.path})\n"
    )


async def reader_opens_without_its_state(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reason: str
) -> None:
    """The reader opens on a stand-in state, says why, and takes marks until it ends (it
    ended at once, naming the folder)."""
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        [said] = [line for line in notifications(app) if "reading state" in line]
        assert said.startswith("The reading state cannot be written (")
        assert reason.removeprefix("lede: ") in said
        assert "marks made now last until the reader ends" in said
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("m")
        await until(pilot, lambda: len(articles.read) == 1, "the mark")
        assert len(list(temporary.glob("lede-state-*/state.sqlite"))) == 1
    assert list(temporary.glob("lede-state-*")) == []  # removed as the reader ends


def _too_big_and_small(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus whose index overflows a file system of 1 MB, and one whose index fits."""
    big, small = tmp_path / "big", tmp_path / "small"
    words = " ".join(f"word{n}" for n in range(300))
    for n in range(1000):
        write_document(big, f"a{n}.md", f"title: Article {n}", f"{words} unique{n}")
    write_document(small, "a.md", "title: Small one", "Words.")
    return big, small


def test_an_index_that_fills_its_disk_is_not_kept(
    tmp_path: Path, run_lede: LedeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It said "unexpected error: OperationalError", and what it had written held the
    disk full: every later command failed the same way, on any corpus."""
    big, small = _too_big_and_small(tmp_path)
    with small_file_system(tmp_path / "cache", size="1m") as folder:
        monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
        done = run_lede("index", big)
        assert done.returncode == 1
        assert (
            done.stderr
            == f"lede: the disk is full, so the index was not kept: {folder}/lede/index\n"
        )
        assert not list((folder / "lede" / "index").glob("*.sqlite*[!k]"))  # the lock stays
        listed = run_lede("list", small)
        assert (listed.returncode, listed.stderr) == (0, "")
        assert "Small one" in listed.stdout


async def test_the_reader_ends_with_one_line_when_its_index_fills_the_disk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """It said "Indexing failed: database or disk is full", then "no documents found" of
    a corpus of a thousand, and kept the index that held the disk full."""
    big, _ = _too_big_and_small(tmp_path)
    with small_file_system(tmp_path / "cache", size="1m") as folder:
        monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
        app = LedeApp([str(big)])
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: app.return_code is not None, "the reader to end")
        assert app.return_code == 1
        assert capsys.readouterr().err == (
            f"lede: the disk is full, so the index was not kept: {folder}/lede/index\n"
        )
        assert not list((folder / "lede" / "index").glob("*.sqlite*[!k]"))


async def test_the_reader_ends_with_one_line_when_news_arriving_fills_the_disk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A folder of a thousand articles moved in while the reader ran: storing them filled
    the disk, a note said "database or disk is full" for five seconds, and the reader went
    on without them, its index holding the disk full."""
    big, small = _too_big_and_small(tmp_path)
    with small_file_system(tmp_path / "cache", size="1m") as folder:
        monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
        app = LedeApp([str(small)])
        async with app.run_test(size=(120, 40)) as pilot:
            await indexed(pilot)
            assert app.follower is not None
            app.follower.wait_until_watching()
            big.rename(small / "arrived")
            await until(pilot, lambda: app.return_code is not None, "the reader to end")
        assert app.return_code == 1
        assert capsys.readouterr().err == (
            f"lede: the disk is full, so the index was not kept: {folder}/lede/index\n"
        )
        assert not list((folder / "lede" / "index").glob("*.sqlite*[!k]"))


async def test_the_reader_ends_with_one_line_when_what_r_pulled_fills_the_disk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    git_corpus: GitCorpus,
) -> None:
    """A pull of a thousand articles with R, their storing filling the disk: a note said
    "Indexing failed: database or disk is full" for eight seconds, and the reader went on
    without them, its index holding the disk full, where the watcher's indexing ended it."""
    big, _ = _too_big_and_small(tmp_path)
    with small_file_system(tmp_path / "cache", size="1m") as folder:
        monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
        app = LedeApp([str(git_corpus.reader)])
        async with app.run_test(size=(120, 40)) as pilot:
            await indexed(pilot)
            assert app.follower is not None
            app.follower.stop()  # from now on only R tells the index
            big.rename(git_corpus.newsroom / "arrived")
            git_corpus.publish("a thousand articles")
            await pilot.press("R")
            await until(pilot, lambda: app.return_code is not None, "the reader to end")
        assert app.return_code == 1
        assert capsys.readouterr().err == (
            f"lede: the disk is full, so the index was not kept: {folder}/lede/index\n"
        )
        assert not list((folder / "lede" / "index").glob("*.sqlite*[!k]"))


async def test_marks_not_saved_on_a_full_disk_say_where_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading state's disk filled while the reader ran: each ``m`` stacked one more
    note "reading state not saved: database or disk is full", naming no file, until the
    notes hid the list."""
    corpus = tmp_path / "corpus"
    for n in range(5):
        write_document(corpus, f"a{n}.md", f"title: Article {n}", "Words.")
    with small_file_system(tmp_path / "data", size="1m") as folder:
        monkeypatch.setenv("XDG_DATA_HOME", str(folder))
        app = LedeApp([str(corpus)])
        async with app.run_test(size=(120, 40)) as pilot:
            await indexed(pilot)
            fill(folder)
            app.screen.query_one(ArticleList).focus()
            await pilot.press(*"mj" * 5)
            await pilot.pause()
            await app.workers.wait_for_complete([w for w in app.workers if w.group == "state"])
            await pilot.pause()
            said = [note for note in notifications(app) if "not saved" in note]
        assert said == [f"reading state not saved: its disk is full: {folder}/lede/state.sqlite"]
