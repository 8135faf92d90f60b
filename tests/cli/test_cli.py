"""The ``lede`` command line, run as the installed console script in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from library.corpus import open_state
from models.identity import normalise_url
from tests.conftest import QUERY_DOCS, DocWriter, lede_executable

REPO = Path(__file__).resolve().parents[2]
SEED_TITLES = {
    "Hangzhou may ban mandatory collection of facial recognition scans in residential "
    "communities, marking China’s first",
    "Law on collection of facial recognition data to be proposed at two sessions",
}
PROBLEM_LINE = re.compile(r"^.+:\d+: (error|warning): .+$")
SUMMARY = re.compile(
    r"^checked (\d+) files? \((\d+) articles?, (\d+) topics?\): (\d+) invalid, (\d+) errors?, "
    r"(\d+) warnings?$"
)
ALL_STEMS = set(QUERY_DOCS)
JSON_KEYS = {"path", "title", "published_at", "original_url", "provider", "topics", "quality"}
Runner = Callable[..., subprocess.CompletedProcess[str]]


def titles(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert done.returncode == 0, done.stderr
    return [json.loads(line)["title"] for line in done.stdout.splitlines()]


def stems(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert done.returncode == 0, done.stderr
    return [Path(json.loads(line)["path"]).stem for line in done.stdout.splitlines()]


def test_version(run_lede: Runner) -> None:
    done = run_lede("--version")
    assert done.returncode == 0
    assert re.fullmatch(r"lede \d+\.\d+\.\d+\S*\n", done.stdout)


def test_python_dash_m_tui_is_the_same_command(run_lede: Runner, query_corpus: Path) -> None:
    module = subprocess.run(
        [sys.executable, "-m", "tui", "list", "--json", str(query_corpus)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert module.returncode == 0, module.stderr
    assert module.stdout == run_lede("list", "--json", query_corpus).stdout
    assert Path(lede_executable()).parent == Path(sys.executable).parent


# -- check ---------------------------------------------------------------------------------


def test_check_of_a_clean_corpus_exits_0(run_lede: Runner, query_corpus: Path) -> None:
    done = run_lede("check", query_corpus)
    assert done.returncode == 0, done.stdout
    assert done.stderr == ""
    match = SUMMARY.match(done.stdout.strip())
    assert match is not None, done.stdout
    assert match.groups() == ("8", "7", "6", "0", "0", "0")


def test_check_prints_one_line_per_problem_and_exits_1(
    run_lede: Runner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    root = tmp_path / "docs"
    doc_writer("good.md", "title: Good\n")
    bad = doc_writer("bad.md", "title: Bad\nquality: lots\nprovider: [x]\n")
    untitled = doc_writer("untitled.md", "excerpt: no title here\n")
    broken = doc_writer("broken.md", "title: [oops\n")
    (root / "notes.txt").write_text("not a document\n", encoding="utf-8")  # walked: skipped
    done = run_lede("check", root)
    assert done.returncode == 1
    assert done.stderr == ""
    *lines, summary = done.stdout.splitlines()
    assert all(PROBLEM_LINE.match(line) for line in lines), lines
    assert lines == [
        f"{bad}:3: error: field 'quality': Input should be a valid integer, unable to parse "
        "string as an integer",
        f"{bad}:4: error: field 'provider': Input should be a valid dictionary or instance of "
        "Provider",
        f"{broken}:3: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
        "sequence on line 2)",
        f"{untitled}:1: warning: no title or name",
    ]
    match = SUMMARY.match(summary)
    assert match is not None, summary
    assert match.groups() == ("5", "3", "0", "2", "3", "1")


def test_check_json_lines(run_lede: Runner, doc_writer: DocWriter, tmp_path: Path) -> None:
    bad = doc_writer("bad.md", "title: Bad\nquality: lots\n")
    done = run_lede("check", "--json", tmp_path / "docs")
    assert done.returncode == 1
    *problems, summary = [json.loads(line) for line in done.stdout.splitlines()]
    assert problems == [
        {
            "path": str(bad),
            "line": 3,
            "severity": "error",
            "message": "field 'quality': Input should be a valid integer, unable to parse "
            "string as an integer",
        }
    ]
    assert summary["invalid"] == 1 and summary["files"] == 1
    assert summary["summary"].startswith("checked 1 file (")


def test_counts_are_singular_for_one(run_lede: Runner, doc_writer: DocWriter) -> None:
    doc_writer("one.md", "title: One\nquality: lots\n")  # an error
    doc_writer("two.md", "excerpt: no title here\n")  # a warning
    doc_writer("topics.yaml", "taxonomy: topic\nname: AI\n")
    docs = doc_writer("three.md", "title: Three\n").parent
    checked = run_lede("check", docs)
    assert checked.stdout.splitlines()[-1] == (
        "checked 4 files (3 articles, 1 topic): 1 invalid, 1 error, 1 warning"
    )
    single = docs.parent / "single"
    doc_writer("only.md", "title: Only\n", folder=single)
    assert run_lede("check", single).stdout.splitlines()[-1] == (
        "checked 1 file (1 article, 0 topics): 0 invalid, 0 errors, 0 warnings"
    )
    assert run_lede("index", single).stdout.startswith("indexed 1 article from 1 file (")


def test_check_reports_a_link_out_of_the_corpus_once_and_does_not_walk_it(
    run_lede: Runner, tmp_path: Path, query_corpus: Path
) -> None:
    (query_corpus / "everything").symlink_to("/", target_is_directory=True)
    done = run_lede("check", query_corpus)
    lines = done.stdout.splitlines()
    link = query_corpus / "everything"
    assert (
        lines.count(f"{link}:1: warning: link leads outside the corpus (to /); not followed") == 1
    )
    assert done.returncode == 0, done.stdout
    assert "everything" not in "".join(lines[:-1]).replace(str(link), "")


def test_check_names_a_fifo_or_a_device_and_never_waits_on_it(
    run_lede: Runner, query_corpus: Path
) -> None:
    fifo = query_corpus / "pipe.md"
    os.mkfifo(fifo)
    walked = run_lede("check", query_corpus, timeout=20)
    assert f"{fifo}:1: warning: a named pipe (FIFO), not a regular file: not read" in (
        walked.stdout.splitlines()
    )
    named = run_lede("check", fifo, "/dev/null", timeout=20)
    assert named.stdout.splitlines()[:2] == [
        f"{fifo}:1: error: a named pipe (FIFO), not a regular file: not read",
        "/dev/null:1: error: a character device, not a regular file: not read",
    ]
    assert named.returncode == 1


def test_usage_errors_are_one_message_not_a_traceback(run_lede: Runner) -> None:
    for args in (("check",), ("list", "--sort", "heat"), ("list", "--limit", "x")):
        done = run_lede(*args)
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr
        assert "error:" in done.stderr.splitlines()[-1]


# -- mistakes in the command line -----------------------------------------------------------


@pytest.mark.parametrize("command", [(), ("list",), ("topics",), ("check",), ("index",)])
def test_a_missing_path_is_named_on_stderr_with_exit_2(
    run_lede: Runner, query_corpus: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "nonexistent"
    done = run_lede(*command, query_corpus, missing, timeout=20)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"lede: no such file or folder: {missing}\n"


def test_a_missing_path_reaches_the_terminal_as_text(run_lede: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "red\x1b[31mpath"
    done = run_lede("list", missing)
    assert done.returncode == 2
    assert done.stderr == f"lede: no such file or folder: {tmp_path}/red\\x1b[31mpath\n"


def test_a_missing_default_corpus_is_named(run_lede: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    done = run_lede("list", env={"LEDE_FEEDS": str(missing)})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"lede: no such file or folder: {missing}\n"


@pytest.mark.parametrize(
    ("word", "hint"),
    [
        (
            "export",
            " (commands are check, list, topics, stats, index, preview, demo, sync; "
            "see lede --help)",
        ),
        ("stat", " (did you mean `lede stats`?)"),
        ("lsit", " (did you mean `lede list`?)"),
        ("topic", " (did you mean `lede topics`?)"),
        ("chek", " (did you mean `lede check`?)"),
    ],
)
def test_a_word_that_is_no_path_is_taken_for_a_mistyped_command(
    run_lede: Runner, word: str, hint: str
) -> None:
    done = run_lede(word, timeout=20)  # the reader, before: it opened on a folder called so
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"lede: no such file or folder: {word}{hint}\n"


@pytest.mark.parametrize(
    ("command", "stdout"),
    [
        (("list",), ""),
        (("list", "--json"), ""),
        (("topics",), "All articles (0)\n"),
        (("check",), "checked 0 files (0 articles, 0 topics): 0 invalid, 0 errors, 0 warnings\n"),
    ],
)
def test_a_folder_without_documents_says_so(
    run_lede: Runner, tmp_path: Path, command: tuple[str, ...], stdout: str
) -> None:
    """Exit 0: an empty folder is a corpus still to be filled (the reader follows it), and
    exit 1 means an invalid document or query; the note on stderr keeps stdout clean."""
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.pdf").write_bytes(b"%PDF")
    done = run_lede(*command, empty)
    assert (done.returncode, done.stdout) == (0, stdout)
    assert done.stderr == f"lede: no documents found in {empty}\n"
    indexed = run_lede("index", empty)
    assert indexed.stdout.startswith("indexed 0 articles from 0 files (")
    assert indexed.stderr == f"lede: no documents found in {empty}\n"


def test_a_folder_of_broken_documents_points_to_check(
    run_lede: Runner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    doc_writer("broken.md", "title: [oops\n")
    docs = tmp_path / "docs"
    done = run_lede("list", docs)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == (
        f"lede: no articles in {docs}: 1 document could not be read (lede check {docs} says why)\n"
    )


def test_a_query_may_start_with_a_dash_however_it_is_written(
    run_lede: Runner, query_corpus: Path
) -> None:
    for query, expected in (
        (("-q", "-council"), ALL_STEMS - {"hangzhou"}),
        (("--query", "-council"), ALL_STEMS - {"hangzhou"}),
        (("--que", "-hangar"), ALL_STEMS - {"hangar"}),
        (("-q", "-council facial"), {"faces"}),
        (("-q=-council",), ALL_STEMS - {"hangzhou"}),
        (("--query=-council",), ALL_STEMS - {"hangzhou"}),
    ):
        assert set(stems(run_lede("list", "--json", *query, query_corpus))) == expected, query


def test_after_two_dashes_everything_is_a_path(run_lede: Runner, query_corpus: Path) -> None:
    done = run_lede("list", "--", query_corpus, "-q", timeout=20)
    assert (done.returncode, done.stderr) == (2, "lede: no such file or folder: -q\n")


@pytest.mark.parametrize("limit", ["-5", "-1"])
def test_a_negative_limit_is_refused(run_lede: Runner, query_corpus: Path, limit: str) -> None:
    done = run_lede("list", "--limit", limit, query_corpus)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1] == (
        f"lede list: error: argument --limit: expects 0 or more, not {limit}"
    )


HELP_TEACHES = (
    "face ban",
    '"exact phrase"',
    "-word",
    "topic:NAME",
    "provider:TEXT",
    "after:YYYY-MM-DD",
    "before:YYYY-MM-DD",
    "quality>N, quality<N",
    "is:unread, is:read, is:starred",
    "sort keys",
    "newest first",
    "highest quality first",
    "A to Z",
    "$LEDE_FEEDS",
    "config.toml",
    "./feeds",
    "the bundled sample",
)


@pytest.mark.parametrize("command", [(), ("list",)])
def test_help_teaches_queries_sorts_and_default_paths(
    run_lede: Runner, command: tuple[str, ...]
) -> None:
    done = run_lede(*command, "--help")
    assert (done.returncode, done.stderr) == (0, "")
    missing = [text for text in HELP_TEACHES if text not in done.stdout]
    assert not missing, done.stdout


# -- list ----------------------------------------------------------------------------------


def test_list_is_newest_first(run_lede: Runner, query_corpus: Path) -> None:
    done = run_lede("list", query_corpus)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(QUERY_DOCS)
    assert lines[0] == "2023-12-06  Google unveils Gemini  — The Verge  q55"
    assert lines[-1] == "----------  A quiet hangar story"
    days = [line[:10] for line in lines[:-1]]
    assert days == sorted(days, reverse=True)


def test_list_sorts(run_lede: Runner, query_corpus: Path) -> None:
    assert stems(run_lede("list", "--json", query_corpus)) == [
        "gemini",
        "faces",
        "ethics",
        "tensorflow",
        "banks",
        "hangzhou",
        "hangar",
    ]
    assert stems(run_lede("list", "--json", "--sort", "quality", query_corpus)) == [
        "tensorflow",
        "gemini",
        "faces",
        "banks",
        "hangzhou",
        "ethics",
        "hangar",
    ]
    by_title = titles(run_lede("list", "--json", "--sort", "title", query_corpus))
    assert by_title == sorted(by_title, key=str.casefold)
    assert by_title[0] == "A quiet hangar story"


def test_list_limit(run_lede: Runner, query_corpus: Path) -> None:
    assert stems(run_lede("list", "--json", "--limit", "2", query_corpus)) == ["gemini", "faces"]
    assert stems(run_lede("list", "--json", "--limit", "0", query_corpus)) == []
    limited = run_lede("list", "--limit", "3", "--sort", "quality", query_corpus)
    assert len(limited.stdout.splitlines()) == 3


def test_list_json_records(run_lede: Runner, query_corpus: Path) -> None:
    done = run_lede("list", "--json", query_corpus)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == len(QUERY_DOCS)
    for record in records:
        assert set(record) >= JSON_KEYS
        assert set(record["provider"]) == {"name", "domain"}
        assert isinstance(record["topics"], list)
        assert "secured" not in record
    faces = next(r for r in records if r["path"].endswith("faces.md"))
    assert faces["published_at"] == "2022-06-01T04:00:00+00:00"  # ISO, with the local offset
    assert faces["provider"] == {"name": "Airport Daily", "domain": "airportdaily.example.org"}
    assert faces["topics"] == ["Computer Vision"]
    assert faces["quality"] == 41
    assert faces["original_url"] == "https://news.example.org/airports"


def test_list_query(run_lede: Runner, query_corpus: Path) -> None:
    done = run_lede("list", "--json", "-q", 'topic:"Google AI" quality>60', query_corpus)
    assert stems(done) == ["tensorflow"]
    done = run_lede("list", "--json", "--query", "facial -council", query_corpus)
    assert stems(done) == ["faces"]


def test_reading_state_is_shared_with_list(
    run_lede: Runner, query_corpus: Path, isolated_dirs: dict[str, Path]
) -> None:
    state = open_state()
    state.set("read", [normalise_url("https://www.theverge.com/gemini")], True)
    state.close()
    assert isolated_dirs["XDG_DATA_HOME"] in state.path.parents
    assert stems(run_lede("list", "--json", "-q", "is:read", query_corpus)) == ["gemini"]
    unread = stems(run_lede("list", "--json", "-q", "is:unread", query_corpus))
    assert "gemini" not in unread and len(unread) == len(QUERY_DOCS) - 1


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed',
        "after:2020",
        "quality>x",
        "quality>9999999999999999999",
        "is:bogus",
        "unknown:key",
        "topic:",
        "topic:zzz",
    ],
)
def test_a_bad_query_is_one_line_on_stderr_and_exit_1(
    run_lede: Runner, query_corpus: Path, query: str
) -> None:
    done = run_lede("list", "-q", query, query_corpus)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("lede: bad query: ")


# -- topics --------------------------------------------------------------------------------


def test_topics_prints_the_tree_with_counts(run_lede: Runner, query_corpus: Path) -> None:
    done = run_lede("topics", query_corpus)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "All articles (7)",
        "  AI (6)",  # children in the taxonomy's order, not by name
        "    Machine Learning (1)",
        "    Computer Vision (2)",
        "    Google AI (2)",
        "      TensorFlow (1)",
        "    AI Ethics (1)",
    ]


def test_index_reports_what_it_did(run_lede: Runner, query_corpus: Path) -> None:
    first = run_lede("index", query_corpus)
    assert first.returncode == 0, first.stderr
    assert re.fullmatch(
        r"indexed 7 articles from 8 files \(8 parsed, 0 removed\) in [\d.]+s\n", first.stdout
    )
    again = run_lede("index", query_corpus)
    assert "(0 parsed, 0 removed)" in again.stdout


# -- which corpus by default -----------------------------------------------------------------


def test_without_paths_the_bundled_sample_is_listed(run_lede: Runner) -> None:
    assert set(titles(run_lede("list", "--json"))) == SEED_TITLES


def test_lede_feeds_names_the_corpus(
    run_lede: Runner, query_corpus: Path, doc_writer: DocWriter, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    doc_writer("only.md", "title: Only here\n", folder=other)
    listed = run_lede("list", "--json", env={"LEDE_FEEDS": str(query_corpus)})
    assert len(titles(listed)) == len(QUERY_DOCS)
    both = run_lede("list", "--json", env={"LEDE_FEEDS": f"{other}:{query_corpus}"})
    assert len(titles(both)) == len(QUERY_DOCS) + 1


def test_a_feeds_folder_in_the_working_directory_is_used(
    run_lede: Runner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    doc_writer("local.md", "title: Local feed\n", folder=project / "feeds")
    assert titles(run_lede("list", "--json", cwd=project)) == ["Local feed"]
    elsewhere = tmp_path / "elsewhere"
    doc_writer("env.md", "title: From the variable\n", folder=elsewhere)
    from_env = run_lede("list", "--json", cwd=project, env={"LEDE_FEEDS": str(elsewhere)})
    assert titles(from_env) == ["From the variable"]


def test_from_the_repository_root_its_feeds_are_used(run_lede: Runner) -> None:
    done = run_lede("list", "--json", cwd=REPO)
    assert set(titles(done)) == SEED_TITLES
    assert {Path(json.loads(line)["path"]).parent for line in done.stdout.splitlines()} == {
        REPO / "feeds"
    }


def test_topics_of_the_bundled_sample(run_lede: Runner) -> None:
    lines = run_lede("topics").stdout.splitlines()
    assert lines[:2] == ["All articles (2)", "  AI (2)"]
    assert "    Computer Vision (2)" in lines


def test_nothing_is_written_outside_the_test_folders(
    run_lede: Runner, query_corpus: Path, isolated_dirs: dict[str, Path]
) -> None:
    before = {path: sorted(path.rglob("*")) for path in isolated_dirs.values()}
    assert all(not files for files in before.values())
    run_lede("list", query_corpus)
    cache = list(isolated_dirs["XDG_CACHE_HOME"].rglob("*.sqlite"))
    assert len(cache) == 1
    assert list(isolated_dirs["XDG_DATA_HOME"].rglob("state.sqlite"))
