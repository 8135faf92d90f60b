"""The ``lede`` command line as a person types it, run as the installed console script:
its version, ``python -m tui``, and every mistake answered in one line with its exit
code, never a traceback; help that teaches."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from library.parallel import POOL_THRESHOLD
from tests.conftest import DocWriter, LedeRunner, lede_executable, write_document
from tui.cli_args import SUBCOMMANDS


def test_version(run_lede: LedeRunner) -> None:
    done = run_lede("--version")
    assert done.returncode == 0
    assert re.fullmatch(r"lede \d+\.\d+\.\d+\S*\n", done.stdout)


def test_the_version_is_looked_up_only_when_asked() -> None:
    """Reading the package's metadata cost every start of the reader; ``--version`` does."""
    code = (
        "import sys; from tui.cli_args import reader_parser; reader_parser().parse_args([]); "
        "print('importlib.metadata' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout == "False\n", done.stderr


def test_python_dash_m_tui_is_the_same_command(run_lede: LedeRunner, query_corpus: Path) -> None:
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


@pytest.mark.parametrize("command", [(), ("list",), ("topics",), ("check",), ("index",)])
def test_a_missing_path_is_named_on_stderr_with_exit_2(
    run_lede: LedeRunner, query_corpus: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "nonexistent"
    done = run_lede(*command, query_corpus, missing, timeout=20)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"lede: no such file or folder: {missing}\n"


@pytest.mark.parametrize("command", [(), ("list",), ("check",)])
def test_a_link_in_a_loop_is_named_for_what_it_is(
    run_lede: LedeRunner, tmp_path: Path, command: tuple[str, ...]
) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    done = run_lede(*command, loop, timeout=20)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"lede: cannot follow the link {loop}: too many levels of symbolic links\n"
    )


@pytest.mark.parametrize("command", [(), ("list",), ("check",), ("index",)])
def test_a_current_folder_a_checkout_replaced_is_said_to_be_gone(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A shell left in a folder a git checkout removed and made again opened ``.`` as
    itself, then failed resolving it: "lede: No such file or directory", exit 1."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    replaced = 'cd "$1" && rm -r "$1" && mkdir "$1" && shift && exec "$@"'
    done = subprocess.run(
        ["sh", "-c", replaced, "sh", corpus, lede_executable(), *command, "."],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "lede: the current folder is gone (removed, or replaced as by a git checkout): "
        "cd into it again to open .\n"
    )


def test_a_missing_path_reaches_the_terminal_as_text(run_lede: LedeRunner, tmp_path: Path) -> None:
    missing = tmp_path / "red\x1b[31mpath"
    done = run_lede("list", missing)
    assert done.returncode == 2
    assert done.stderr == f"lede: no such file or folder: {tmp_path}/red\\x1b[31mpath\n"


@pytest.mark.parametrize("command", [(), ("list",), ("topics",)])
def test_a_missing_default_corpus_is_named_with_where_it_was_named(
    run_lede: LedeRunner, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """``lede`` with no PATH said "no such file or folder: /old/news" of a path its user
    never typed (lede list and topics), and the reader opened on nothing, saying it in
    its list; each now says where the path came from, and exits 2."""
    missing = tmp_path / "gone"
    done = run_lede(*command, env={"LEDE_FEEDS": f"{missing}{os.pathsep}{tmp_path}"})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"lede: no such file or folder: {missing} (from $LEDE_FEEDS)\n"
    config = tmp_path / "config"
    (config / "lede").mkdir(parents=True)
    (config / "lede" / "config.toml").write_text(f'paths = ["{missing}"]\n', encoding="utf-8")
    done = run_lede(*command, env={"XDG_CONFIG_HOME": str(config)})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"lede: no such file or folder: {missing} (from paths in {config}/lede/config.toml)\n"
    )


@pytest.mark.parametrize("command", [(), ("list",), ("topics",)])
def test_a_default_corpus_of_separators_alone_is_said_to_name_nothing(
    run_lede: LedeRunner, command: tuple[str, ...]
) -> None:
    """``LEDE_FEEDS=$NEWS:`` with ``NEWS`` unset opened the reader on no path at all: "No
    articles here — no documents found in", naming nothing."""
    done = run_lede(*command, env={"LEDE_FEEDS": f" {os.pathsep}{os.pathsep}"})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "lede: no file or folder named (from $LEDE_FEEDS)\n"


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
    run_lede: LedeRunner, word: str, hint: str
) -> None:
    done = run_lede(word, timeout=20)  # the reader, before: it opened on a folder called so
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"lede: no such file or folder: {word}{hint}\n"


def test_the_reader_away_from_a_terminal_says_so_and_ends(
    run_lede: LedeRunner, query_corpus: Path
) -> None:
    """At the end of a pipe (cron, ssh without -t, this test's captured stderr) the reader
    never ended and spun a core on the end of its input."""
    done = run_lede(query_corpus, timeout=30)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "lede: the reader needs a terminal to read keys from and draw on "
        "(over ssh: ssh -t); lede list prints the articles\n"
    )


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
    run_lede: LedeRunner, tmp_path: Path, command: tuple[str, ...], stdout: str
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


def test_a_folder_of_notes_without_front_matter_says_so(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A folder of plain notes (a TIL's) was "no documents found", which said nothing of why."""
    notes = tmp_path / "til"
    (notes / "python").mkdir(parents=True)
    (notes / "python" / "one.md").write_text("# One thing\n\nLearned.\n", encoding="utf-8")
    (notes / "two.md").write_text("# Two\n", encoding="utf-8")
    done = run_lede("list", notes)
    assert (done.returncode, done.stdout) == (0, "")
    why = (
        "is an article (an article opens with front matter between '---' lines; "
        f"lede check {notes} says why of each)\n"
    )
    assert done.stderr == (
        f"lede: no documents found in {notes}: none of its 2 Markdown or HTML files {why}"
    )
    # A translation's stub has front matter, and is no article either: said as truly.
    (notes / "stub.md").write_text("---\nslug: stub\nuntranslated: 1\n---\n", encoding="utf-8")
    assert run_lede("list", notes).stderr == (
        f"lede: no documents found in {notes}: none of its 3 Markdown or HTML files {why}"
    )


def test_a_folder_of_broken_documents_points_to_check(
    run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    doc_writer("broken.md", "title: [oops\n")
    docs = tmp_path / "docs"
    done = run_lede("list", docs)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == (
        f"lede: no articles in {docs}: 1 document could not be read (lede check {docs} says why)\n"
    )


def test_after_two_dashes_everything_is_a_path(run_lede: LedeRunner, query_corpus: Path) -> None:
    done = run_lede("list", "--", query_corpus, "-q", timeout=20)
    assert (done.returncode, done.stderr) == (2, "lede: no such file or folder: -q\n")


@pytest.mark.parametrize("limit", ["-5", "-1"])
def test_a_negative_limit_is_refused(run_lede: LedeRunner, query_corpus: Path, limit: str) -> None:
    done = run_lede("list", "--limit", limit, query_corpus)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1] == (
        f"lede list: error: argument --limit: expects 0 or more, not {limit}"
    )


HELP_TEACHES = (
    "facial ban",
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


Help = dict[str, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def helps(tmp_path_factory: pytest.TempPathFactory) -> Help:
    """``lede --help`` (at "") and each ``lede COMMAND --help``, each run once for the
    tests that read it, on a terminal of 80 columns (an SSH session's usual width)."""
    empty = tmp_path_factory.mktemp("help")  # no ./feeds
    return {
        command: subprocess.run(
            [lede_executable(), *command.split(), "--help"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=empty,
            env={**os.environ, "COLUMNS": "80"},
            timeout=60,
            check=False,
        )
        for command in ("", *SUBCOMMANDS)
    }


@pytest.mark.parametrize("command", ["", "list"])
def test_help_teaches_queries_sorts_and_default_paths(helps: Help, command: str) -> None:
    done = helps[command]
    assert (done.returncode, done.stderr) == (0, "")
    missing = [text for text in HELP_TEACHES if text not in done.stdout]
    assert not missing, done.stdout


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_each_subcommand_says_what_it_does_and_what_it_takes(helps: Help, command: str) -> None:
    """``lede check --help`` opened on its usage and a bare ``PATH``, ``lede preview
    --help`` on a lower-case ``url`` and ``demo`` on ``--count COUNT  news articles``:
    each now opens with a sentence saying what it does, and names what it takes."""
    done = helps[command]
    assert (done.returncode, done.stderr) == (0, "")
    paragraphs = done.stdout.split("\n\n")
    assert paragraphs[0].startswith(f"usage: lede {command} ")
    assert paragraphs[1][0].isupper() and paragraphs[1].rstrip().endswith("."), done.stdout
    positionals = paragraphs[2].splitlines()
    assert positionals[0] == "positional arguments:", done.stdout
    # Every argument with a word of help beside it, its name in capitals as the usage has it.
    assert all(re.fullmatch(r"  [A-Z]+ +\S.*", line) for line in positionals[1:]), done.stdout


def test_the_top_help_lists_every_subcommand_with_what_it_does(helps: Help) -> None:
    done = helps[""]
    listed = re.findall(r"^  ([a-z]+) +(\S.*)$", done.stdout.split("\n\n")[2], re.MULTILINE)
    assert [name for name, _ in listed] == list(SUBCOMMANDS), done.stdout
    assert all(len(f"  {name}  {what}") <= 80 for name, what in listed)


@pytest.mark.parametrize("command", ["", *SUBCOMMANDS])
def test_each_help_fits_an_80_column_terminal(helps: Help, command: str) -> None:
    """The query language, what ``lede stats`` counts and what opens with no PATH are
    laid out by hand: their lines ran to 87 columns, and a terminal of 80 (an SSH
    session's usual width) broke each of those in two, mid-word."""
    done = helps[command]
    assert (done.returncode, done.stderr) == (0, "")
    assert [line for line in done.stdout.splitlines() if len(line) > 80] == []


def test_all_is_told_alike_by_each_command_that_takes_it(helps: Help) -> None:
    """``lede topics --all`` and ``lede stats --all`` said "every collection of a site",
    ``lede list --all`` that and unpublished items; each counts every language of a site
    too (a site in several is listed in its default one), as the README says."""
    told = set()
    for command in ("list", "topics", "stats"):
        # The option's help: its line and those indented under it.
        found = re.search(r"^  --all +(.*(?:\n {8,}\S.*)*)", helps[command].stdout, re.M)
        assert found, command
        told.add(" ".join(found[1].split()))
    assert len(told) == 1
    assert "every collection and language" in told.pop()


@pytest.mark.parametrize("option", [("--port", "9000"), ("--host", "0.0.0.0")])
def test_a_serve_option_without_serve_is_named(
    run_lede: LedeRunner, query_corpus: Path, option: tuple[str, str]
) -> None:
    """``lede --port 9000 DIR`` opened the reader as if the port were not there (and, with
    no terminal, said only that the reader needs one)."""
    done = run_lede(*option, query_corpus)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "lede: --port and --host go with --serve: lede --serve --port N\n"


def test_a_demo_count_that_is_no_count_is_said_as_a_limit_is(run_lede: LedeRunner) -> None:
    for bad, said in (("0", "expects 1 or more, not 0"), ("many", "expects a whole number")):
        done = run_lede("demo", "anywhere", "--count", bad)
        assert done.returncode == 2
        assert done.stderr.splitlines()[-1].startswith(
            f"lede demo: error: argument --count: {said}"
        ), done.stderr


def test_a_demo_count_past_the_bound_is_refused_before_anything_is_written(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """``--count 99999999999999999999`` was taken: the demo wrote until the disk was full."""
    target = tmp_path / "demo"
    done = run_lede("demo", target, "--count", "99999999999999999999")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1] == (
        "lede demo: error: argument --count: expects 1,000,000 or fewer, not 99999999999999999999"
    )
    assert not target.exists()


def test_the_help_s_word_examples_find_articles_in_the_bundled_sample(
    run_lede: LedeRunner, helps: Help
) -> None:
    """Its first example was "face ban", which finds nothing in the bundled sample (words
    are whole: "face" is not "facial"); each example made of words now finds some there,
    as the README's do, so a first try of the help's own query lists something."""
    queries = helps[""].stdout.split("\nqueries (", 1)[1].split("\n\n", 1)[0]
    examples = re.findall(r"^  ([a-z][a-z* ]*?[a-z*]) {2,}\S", queries, re.MULTILINE)
    assert "facial ban" in examples and "hang*" in examples
    for example in examples:
        done = run_lede("list", "-q", example)  # no PATH, no ./feeds: the bundled sample
        assert (done.returncode, done.stderr) == (0, "")
        assert done.stdout.count("\n") >= 1, example


@pytest.mark.parametrize("closed", ["1", "2"])
def test_a_closed_standard_stream_is_written_to_nowhere(
    run_lede: LedeRunner, query_corpus: Path, closed: str, tmp_path: Path
) -> None:
    """``lede index 2>&-`` (a cron job's) ended at once on an AttributeError, with no
    index made and no word of it; ``lede list >&-`` said "unexpected error"."""
    for command in ("index", "list"):
        done = subprocess.run(
            [
                "bash",
                "-c",
                f'exec "$0" {command} "$1" {closed}>&-',
                lede_executable(),
                query_corpus,
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=60,
        )
        assert (done.returncode, done.stderr) == (0, ""), done.stderr


def test_run_from_a_project_holding_packages_of_ledes_names(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A Python project's ``models`` and ``library`` beside the user are not lede's: the
    processes that parse a corpus too large for one import lede's own."""
    project = tmp_path / "project"
    for name in ("models", "library"):
        (project / name).mkdir(parents=True)
        (project / name / "__init__.py").write_text("raise SystemExit('not lede')\n")
    corpus = tmp_path / "corpus"
    count = POOL_THRESHOLD + 10
    for number in range(count):
        write_document(corpus, f"{number}.md", f"title: Article {number}")
    done = run_lede("index", corpus, cwd=project)
    assert done.returncode == 0, done.stderr
    assert f"indexed {count} articles" in done.stdout + done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [("--help",), ("list", "--help"), ("--version",)])
def test_help_to_a_full_device_fails_as_other_output_does(tmp_path: Path, args: tuple[str]) -> None:
    """argparse drops an error in writing the help: ``lede --help >/dev/full`` ended 0."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [lede_executable(), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            timeout=60,
        )
    assert (done.returncode, done.stderr) == (1, "lede: No space left on device\n")
