"""A hostile corpus: every way a file can be broken, odd or malicious, side by side with
good ones. ``lede check`` reports each bad file on its own line and keeps going, the
good ones still list, nothing prints a traceback or an escape sequence, nothing hangs.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from library.check import check
from library.index import CorpusIndex
from models.text import printable
from tests.conftest import stems

PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+): (?P<severity>error|warning): (?P<msg>.+)$")
SUMMARY = re.compile(r"^checked \d+ files \(\d+ articles, \d+ topics\): \d+ invalid, .+$")
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ESCAPE_NAME = "\x1b]0;pwned\x07.md"


def alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# name: (bytes, [(line, severity, message fragment)]); an empty list means "no problem".
FILES: dict[str, tuple[bytes, list[tuple[int, str, str]]]] = {
    "good.md": (
        b'---\ntitle: "Good one"\npublishedDateTime: 2021-01-01T00:00:00Z\n'
        b"originalUrl: https://a.test/1\n---\nA good body.\n",
        [],
    ),
    "markup.md": (b"---\ntitle: '[bold red]x[/] [@click=app.quit]y[/] [/'\n---\n", []),
    "escapes.md": (
        b'---\ntitle: "Escaped\\e]52;c;aGFja2Vk\\a\\e[2J\\x9b31m title"\n'
        b'excerpt: "x\\e[31my"\nprovider:\n  name: "P\\e]8;;https://evil.test\\e\\\\"\n---\n'
        b"Body \x1b]52;c;aGFja2Vk\x07 \x1b[2J text\n",
        [],
    ),
    "broken.md": (b"---\ntitle: ok\n\tfoo: bar: baz\n---\n", [(3, "error", "invalid YAML")]),
    "unclosed.md": (b"---\ntitle: never closed\nbody\n", [(1, "error", "not closed")]),
    "types.md": (
        b"---\ntitle: Typed\nquality: high\nprovider: 5\ntopics: {a: 1}\n---\n",
        [(3, "error", "quality"), (4, "error", "provider"), (5, "error", "topics")],
    ),
    "huge-score.md": (  # one past the index's integers stopped the whole corpus's index
        b"---\ntitle: Huge score\nquality: 9223372036854775808\n---\n",
        [(3, "error", "larger than 9223372036854775807")],
    ),
    "set-of-a-list.md": (  # PyYAML's set, given a list: "cannot be read (TypeError: …)"
        b"---\ntitle: A set\nx: !!set # a comment\n  - 123\n---\n",
        [(3, "error", "invalid YAML: expected a mapping node, but found sequence")],
    ),
    "binary.md": (b"---\ntitle: x\n---\n\x00\x01\x02\xff" * 10, [(1, "error", "binary")]),
    "latin1.md": (  # an old archive's file: read in its likeliest encoding, not lost
        "---\ntitle: Café\n---\n".encode("latin-1"),
        [(2, "warning", "not UTF-8 text (byte 0xe9 at offset 14): read as windows-1252")],
    ),
    "huge.md": (
        b"---\ntitle: huge\n---\n" + b"x" * (8 * 1024 * 1024 + 10),
        [(4, "warning", "too large (8,388,638 bytes; limit 8,388,608): read up to line 3,")],
    ),
    "bomb.md": (
        b"---\ntitle: bomb\n" + alias_bomb().encode() + b"---\n",
        [(1, "error", "alias bomb")],
    ),
    "deep.md": (
        b"---\ntitle: deep\nx: " + b"[" * 200_000 + b"\n---\n",
        [(3, "error", "nested deeper")],
    ),
    "list.md": (b"---\n- a\n- b\n---\n", [(2, "error", "not a mapping")]),
    "evil-tag.md": (
        b"---\ntitle: evil\nrun: !!python/object/apply:os.system ['echo pwned']\n---\n",
        [(3, "error", "constructor")],
    ),
    # Scalars that look like a date or a number and are none stay text: an error where a
    # field wants a date or a number, which is left out; the rest of the document loads.
    "bad-date.md": (
        b"---\ntitle: Bad date\npublishedDateTime: 2021-02-30\n---\n",
        [(3, "error", "'publishedDateTime': Input should be a valid datetime or date, day")],
    ),
    "edge-date.md": (  # a date, but in year 10000 in UTC: no list could show it
        b"---\ntitle: Edge date\npublishedDateTime: 9999-12-31T23:59:59-14:00\n---\n",
        [(3, "error", "'publishedDateTime': Value error, the moment is outside the years")],
    ),
    "bad-number.md": (
        b"---\ntitle: Bad number\nquality: 0x_\nwhen: 2021-01-01T25:00:00\n---\n",
        [(3, "error", "'quality': Input should be a valid integer")],
    ),
    "crlf-bom.md": (b"\xef\xbb\xbf---\r\ntitle: Windows\r\n---\r\nbody\r\n", []),
    "no-newline.md": (b"---\ntitle: Ends abruptly\n---", []),
    # Template and markup starts never closed: each one scanned to the end of the body.
    "open-tags.md": (b"---\ntitle: Open tags\n---\n" + b"{%{{{:[^" * 200_000, []),
    "open-comments.md": (b"---\ntitle: Open comments\n---\n" + b"<!--" * 300_000, []),
    "open-pre.md": (b"---\ntitle: Open pre\n---\n<pre>\n" + b"<" * 1_000_000, []),
    "open-mdx.mdx": (
        b"---\ntitle: Open MDX\n---\n" + b"{/*" * 300_000 + b"\n" + b"<A.b x " * 200_000,
        [],
    ),
    # Saved as "Unicode" by an editor on Windows: marked UTF-16, no binary file.
    "utf16.md": ("\ufeff---\r\ntitle: Wide\r\n---\r\nbody\r\n".encode("utf-16-le"), []),
    # The same without its mark (some tools write none): told from binary by its zeros.
    "utf16-le.md": ("---\ntitle: Wide unmarked\n---\nbody\n".encode("utf-16-le"), []),
    "utf16-be.md": ("---\ntitle: Wide big-endian\n---\nbody\n".encode("utf-16-be"), []),
    "utf16-cjk.md": (("---\ntitle: 中文标题\n---\n" + "这是正文。" * 500).encode("utf-16-le"), []),
    "utf16-broken.md": (
        "---\ntitle: x\n---\n".encode("utf-16-le") + b"\x01\xd8a\x00",  # a lone surrogate
        [(1, "error", "binary")],
    ),
    "utf16-cut.md": (
        "\ufeff---\ntitle: Cut\n---\n".encode("utf-16-be")[:-1],
        [(1, "error", "marked UTF-16 but not valid from byte 38")],
    ),
    # Walked, not named: not a document; the index skips it quietly, a check warns.
    "empty.md": (b"", [(1, "warning", "no front matter: not read as a document")]),
    "sub/notes.md": (b"Just notes\n", [(1, "warning", "no front matter: not read as a document")]),
    "sub/deeper/also-good.md": (b"---\ntitle: Deep in the tree\n---\n", []),
    "-x.md": (b"---\ntitle: Dash\n---\n", []),
    "with space.md": (b"---\ntitle: Space\n---\n", []),
    "ünïcødé.md": (b"---\ntitle: Unicode\n---\n", []),
    "new\nline.md": (b"---\ntitle: Newline\n---\n", []),
    "bad\nname.md": (b"---\ntitle: [\n---\n", [(3, "error", "invalid YAML")]),
    ESCAPE_NAME: (b"---\ntitle: [\n---\n", [(3, "error", "invalid YAML")]),
}
GOOD_TITLES = {
    "Good one",
    "Bad date",
    "Bad number",
    "Edge date",
    "[bold red]x[/] [@click=app.quit]y[/] [/",
    "Escaped title",
    "Typed",
    "Windows",
    "Wide",
    "Wide unmarked",
    "Wide big-endian",
    "中文标题",
    "Open tags",
    "Open comments",
    "Open pre",
    "Open MDX",
    "Huge score",
    "Ends abruptly",
    "Deep in the tree",
    "Dash",
    "Space",
    "Unicode",
    "Newline",
    "Café",
    "huge",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[Any]]]:
    """The corpus, and the problems expected per printed path (minus names the FS refused)."""
    root = tmp_path_factory.mktemp("hostile")
    expected: dict[str, list[Any]] = {}
    for name, (content, problems) in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.write_bytes(content)
        except OSError:
            continue  # this file system does not allow such a name
        expected[printable(str(path))] = problems
    (root / "sub" / "loop").symlink_to("..", target_is_directory=True)
    (root / "sub" / "deeper" / "up").symlink_to("../..", target_is_directory=True)
    (root / "sub" / "link.md").symlink_to("../good.md")
    expected[str(root / "sub" / "link.md")] = [(1, "warning", "duplicate of")]
    (root / "sub" / "dangling.md").symlink_to("nowhere.md")
    expected[str(root / "sub" / "dangling.md")] = [
        (1, "warning", "link cannot be followed: no such file or directory")
    ]
    os.mkfifo(root / "fifo.md")  # reading it would block forever
    expected[str(root / "fifo.md")] = [(1, "warning", "a named pipe (FIFO), not a regular file")]
    latin = root / os.fsdecode(b"caf\xe9-name.md")  # a name that is not UTF-8
    with contextlib.suppress(OSError):
        latin.write_bytes(b"---\ntitle: Latin name\n---\n")
        expected[printable(str(latin))] = [(1, "error", "file name is not UTF-8")]
    if os.geteuid() != 0:  # root reads anything
        secret = root / "secret.md"
        secret.write_bytes(b"---\ntitle: secret\n---\n")
        secret.chmod(0)
        expected[str(secret)] = [(1, "error", "cannot read")]
    return root, expected


def problem_lines(stdout: str) -> tuple[list[re.Match[str]], str]:
    *lines, summary = stdout.splitlines()
    matches = [PROBLEM_LINE.match(line) for line in lines]
    assert all(matches), [line for line, m in zip(lines, matches, strict=True) if not m]
    return [m for m in matches if m], summary


def test_lede_check_reports_each_bad_file_and_nothing_else(
    hostile: tuple[Path, dict[str, list[Any]]], run_lede: Callable[..., Any]
) -> None:
    root, expected = hostile
    started = time.perf_counter()
    done = run_lede("check", root, timeout=30)
    assert time.perf_counter() - started < 20
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == ""
    assert not TERMINAL_CONTROLS.search(done.stdout.replace("\n", ""))
    matches, summary = problem_lines(done.stdout)
    assert SUMMARY.match(summary), summary
    found: dict[str, list[tuple[int, str, str]]] = {}
    for match in matches:
        found.setdefault(match["path"], []).append(
            (int(match["line"]), match["severity"], match["msg"])
        )
    for path, problems in expected.items():
        got = found.pop(path, [])
        assert [(line, severity) for line, severity, _ in got] == [
            (line, severity) for line, severity, _ in problems
        ], path
        for (_, _, message), (_, _, fragment) in zip(got, problems, strict=True):
            assert fragment in message, (path, message)
    assert found == {}, "problems reported for files that have none"
    invalid = sum(1 for problems in expected.values() if any(p[1] == "error" for p in problems))
    assert f": {invalid} invalid," in summary


def test_lede_check_survives_a_strict_utf8_terminal(
    hostile: tuple[Path, dict[str, list[Any]]], run_lede: Callable[..., Any]
) -> None:
    root, _ = hostile
    done = run_lede("check", root, env={"PYTHONIOENCODING": "utf-8:strict"})
    assert done.returncode == 1
    assert done.stderr == ""
    assert "checked" in done.stdout.splitlines()[-1]


def test_good_files_still_list_and_nothing_shown_carries_controls(
    hostile: tuple[Path, dict[str, list[Any]]], run_lede: Callable[..., Any]
) -> None:
    root, expected = hostile
    listed = run_lede("list", "--json", root, timeout=30)
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    titles = {record["title"] for record in records}
    created = {name for name in GOOD_TITLES if name != "Newline"} | (
        {"Newline"} if any("new\\nline.md" in path for path in expected) else set()
    )
    assert titles == created
    for record in records:
        for value in (record["title"], record["provider"]["name"], *record["topics"]):
            assert not TERMINAL_CONTROLS.search(value), value
    plain = run_lede("list", root)
    assert plain.returncode == 0
    assert not TERMINAL_CONTROLS.search(plain.stdout.replace("\n", ""))
    assert len(plain.stdout.splitlines()) == len(created)


def test_the_index_reports_what_it_cannot_store(
    hostile: tuple[Path, dict[str, list[Any]]], tmp_path: Path
) -> None:
    root, expected = hostile
    index = CorpusIndex([str(root)], tmp_path / "index.db")
    started = time.perf_counter()
    report = index.refresh()
    assert time.perf_counter() - started < 20
    problems = index.problems()
    index.close()
    scan_problems = [(p.severity, p.message) for p in problems if not p.path]
    latin = root / os.fsdecode(b"caf\xe9-name.md")
    assert scan_problems == [
        *(
            [("error", f"{root}/caf\\xe9-name.md: file name is not UTF-8; rename it to read it")]
            if latin.exists()
            else []
        ),
        ("warning", f"{root}/fifo.md: a named pipe (FIFO), not a regular file: not read"),
        (
            "warning",
            f"{root}/sub/dangling.md: link cannot be followed: no such file or directory",
        ),
    ]
    errors = {printable(p.path) for p in problems if p.severity == "error" and p.path}
    unread = {printable(str(latin))}
    assert {
        path for path, found in expected.items() if found and found[0][1] == "error"
    } - unread == errors
    assert report.scanned >= len(expected) - 3  # nor the FIFO, the link, the name


def test_named_files_must_be_documents(
    hostile: tuple[Path, dict[str, list[Any]]], run_lede: Callable[..., Any]
) -> None:
    root, _ = hostile
    done = run_lede("check", root / "empty.md", root / "sub" / "notes.md")
    assert done.returncode == 1
    matches, summary = problem_lines(done.stdout)
    assert sorted((m["path"], m["line"], m["severity"]) for m in matches) == [
        (str(root / "empty.md"), "1", "error"),
        (str(root / "sub" / "notes.md"), "1", "error"),
    ]
    assert "2 invalid" in summary  # a missing one is a usage error (exit 2): see test_cli


@pytest.mark.parametrize("args", [("--", "-x.md"), ("./-x.md",)], ids=["double-dash", "dot"])
def test_a_name_starting_with_a_dash_can_be_checked(
    args: tuple[str, ...], hostile: tuple[Path, dict[str, list[Any]]], run_lede: Callable[..., Any]
) -> None:
    root, _ = hostile
    done = run_lede("check", *args, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("checked 1 file (1 article,")


def test_check_in_process_counts_every_invalid_file(
    hostile: tuple[Path, dict[str, list[Any]]],
) -> None:
    root, expected = hostile
    started = time.perf_counter()
    report = check([str(root)])
    assert time.perf_counter() - started < 20
    invalid = sum(1 for problems in expected.values() if any(p[1] == "error" for p in problems))
    assert report.invalid == invalid
    assert report.files >= len(expected) - 3  # the FIFO, the link, the name


# A site's own settings files, as hostile as its pages: (the files, as name and writer).
Writer = Callable[[Path], None]
SETTINGS: dict[str, list[tuple[str, Writer]]] = {
    "fifo": [("_config.yml", os.mkfifo)],  # opening it waited for a writer, forever
    "alias-bomb": [
        ("hugo.yaml", lambda path: path.write_text(alias_bomb() + "defaultContentLanguage: *i\n"))
    ],
    "deep-toml": [("hugo.toml", lambda path: path.write_text("x = " + "[" * 100_000 + "\n"))],
    "deep-json": [("hugo.json", lambda path: path.write_text("[" * 100_000))],
    "bad-tag": [("_quarto.yml", lambda path: path.write_text("project: !!bool maybe\n"))],
    # A FIFO where a settings file of another kind is looked for first.
    "vitepress-fifo": [
        (".vitepress/config.ts", lambda path: path.write_text("export default { locales: {} }")),
        (".vitepress/config.js", os.mkfifo),
    ],
    "docusaurus-fifo": [
        ("docusaurus.config.ts", lambda path: path.write_text("export default {}")),
        ("docusaurus.config.js", os.mkfifo),
        ("i18n/fr/x.json", lambda path: path.write_text("{}")),
    ],
    "jbake-fifo": [
        ("jbake.properties", lambda path: path.write_text("site.host=https://example.com\n")),
        ("jbake.yml", os.mkfifo),
    ],
}


@pytest.mark.parametrize("case", SETTINGS)
def test_a_sites_hostile_settings_file_is_passed_over_and_its_posts_listed(
    case: str, tmp_path: Path, run_lede: Callable[..., Any]
) -> None:
    root = tmp_path / "site"
    posts = (("_posts", "2021-01-01-a.md"), ("content/posts", "b.md"), ("blog", "c.md"))
    for folder, file in posts:
        (root / folder).mkdir(parents=True)
        (root / folder / file).write_text(f"---\ntitle: Post {file[-4]}\ndate: 2021-01-02\n---\n")
    for name, write in SETTINGS[case]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        write(root / name)
    listed = run_lede("list", "--json", "--all", root, timeout=30)
    assert listed.returncode == 0, listed.stderr
    assert "Post" in listed.stdout
    assert listed.stderr == ""


def test_a_logseq_journal_is_read_beside_a_fifo_named_as_the_graphs_settings(
    tmp_path: Path, run_lede: Callable[..., Any]
) -> None:
    (tmp_path / "logseq").mkdir()
    os.mkfifo(tmp_path / "logseq" / "config.edn")
    (tmp_path / "journals").mkdir()
    (tmp_path / "journals" / "2021_01_02.md").write_text("tags:: day\n\n- An entry\n")
    checked = run_lede("check", tmp_path / "journals" / "2021_01_02.md", timeout=30)
    assert checked.returncode == 0, checked.stdout


def test_files_removed_while_the_corpus_is_indexed_are_gone_not_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout, a sync or an editor removing files between the scan and their reading:
    each was an error, "cannot read: No such file or directory", and the reader said that
    many documents could not be read, of files that are simply not there."""
    import library.differences as differences

    root = tmp_path / "corpus"
    root.mkdir()
    for number in range(6):
        (root / f"kept{number}.md").write_text(f"---\ntitle: Kept {number}\n---\n")
        (root / f"removed{number}.md").write_text(f"---\ntitle: Removed {number}\n---\n")
    scan = differences.scan

    def removing(roots: list[str], **options: Any) -> Any:
        for found in scan(roots, **options):
            yield found
            if Path(found.path).name.startswith("removed"):
                os.unlink(found.path)  # found, then gone before it is read

    monkeypatch.setattr(differences, "scan", removing)
    index = CorpusIndex([str(root)], tmp_path / "index.db")
    report = index.refresh()
    assert index.problems() == []
    assert stems(index) == {f"kept{number}" for number in range(6)}
    assert report.scanned == 6
    index.close()


def test_files_removed_while_a_folder_is_checked_are_not_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``lede check`` said "error: cannot read: No such file or directory" of each and
    exited 1, for a corpus with nothing wrong in it."""
    import library.check as checking

    for number in range(4):
        (tmp_path / f"kept{number}.md").write_text(f"---\ntitle: Kept {number}\n---\n")
        (tmp_path / f"removed{number}.md").write_text(f"---\ntitle: Removed {number}\n---\n")
    scan = checking.scan

    def removing(roots: list[str]) -> Any:
        for found in scan(roots):
            yield found
            if Path(found.path).name.startswith("removed"):
                os.unlink(found.path)

    monkeypatch.setattr(checking, "scan", removing)
    report = check([str(tmp_path)])
    assert (report.problems, report.invalid, report.articles) == ([], 0, 4)
