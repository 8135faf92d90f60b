"""``lede check``, run as the installed console script: one line per problem, a summary,
JSON lines, exit codes, and special files named, never waited on."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from library.index import CorpusIndex
from tests.cli.test_list_stream import rows
from tests.conftest import DocWriter, LedeRunner, lede_executable
from tests.site_corpus import write_files

PROBLEM_LINE = re.compile(r"^.+:\d+: (error|warning): .+$")


SUMMARY = re.compile(
    r"^checked (\d+) files? \((\d+) articles?, (\d+) topics?\): (\d+) invalid, (\d+) errors?, "
    r"(\d+) warnings?$"
)


def test_check_of_a_clean_corpus_exits_0(run_lede: LedeRunner, query_corpus: Path) -> None:
    done = run_lede("check", query_corpus)
    assert done.returncode == 0, done.stdout
    assert done.stderr == ""
    match = SUMMARY.match(done.stdout.strip())
    assert match is not None, done.stdout
    assert match.groups() == ("8", "7", "6", "0", "0", "0")


def test_with_no_path_it_checks_what_the_reader_opens(run_lede: LedeRunner, tmp_path: Path) -> None:
    """``lede check`` alone was a usage error ("the following arguments are required:
    PATH"), where ``lede list``, ``topics``, ``stats``, ``index`` and ``sync`` take the
    corpus the reader opens: $LEDE_FEEDS, the settings' paths, ./feeds, the sample."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    done = run_lede("check", env={"LEDE_FEEDS": str(news)})
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"{news / 'broken.md'}:3: error: invalid YAML")
    sample = run_lede("check", env={"LEDE_FEEDS": ""})  # no ./feeds here: the bundled sample
    assert (sample.returncode, sample.stderr) == (0, "")
    assert SUMMARY.match(sample.stdout.strip()), sample.stdout


def test_check_prints_one_line_per_problem_and_exits_1(
    run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path
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


def test_check_json_lines(run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path) -> None:
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


def test_counts_are_singular_for_one(run_lede: LedeRunner, doc_writer: DocWriter) -> None:
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


def test_an_obsidian_note_is_called_by_its_name_without_a_warning(
    run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    """As Obsidian calls it: its own help vault warned "no title or name" of every note, and
    so did a check of one of its folders."""
    vault = tmp_path / "vault"
    doc_writer("Daily note.md", "tags: [journal]\n", "Went for a walk.\n", folder=vault / "Daily")
    (vault / ".obsidian").mkdir()
    for checked in (vault, vault / "Daily"):
        assert run_lede("check", checked).stdout.splitlines() == [
            "checked 1 file (1 article, 0 topics): 0 invalid, 0 errors, 0 warnings"
        ]
    (vault / ".obsidian").rmdir()  # no vault: a page without a title is worth a word
    assert "no title or name" in run_lede("check", vault).stdout


def test_a_published_vault_without_its_settings_is_read_as_a_vault(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Obsidian's help keeps a vault for each language, each with Obsidian Publish's
    ``publish.css`` at its top and its ``.obsidian`` ignored by git: its notes were no
    vault's, 1,910 warned of as having no title, and a tag in a note's text was none."""
    repository = write_files(
        tmp_path / "help",
        {
            ".gitignore": ".obsidian\n",
            "en/publish.css": ".published-container { --page-width: 800px; }\n",
            "en/Sync/Set up Sync.md": "---\npermalink: sync/setup\n---\nSign in first.\n",
            "en/Home.md": "Welcome to #start/here, the help.\n",
        },
    )
    checked = run_lede("check", repository).stdout.splitlines()
    assert checked == ["checked 2 files (2 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"]
    listed = rows(run_lede, repository)
    assert sorted((row["title"], tuple(row["topics"])) for row in listed) == [
        ("Home", ("start/here",)),
        ("Set up Sync", ()),
    ]
    topics = run_lede("topics", repository).stdout
    assert "  start (1)\n    here (1)\n" in topics, topics


def test_a_logseq_page_is_called_by_its_name_without_a_warning(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """As Logseq calls it: a graph's pages seldom have a ``title::``, and Logseq's own
    documentation warned "no title or name" of 140 of them."""
    graph = tmp_path / "graph"
    (graph / "pages").mkdir(parents=True)
    (graph / "pages" / "Tasks.md").write_text("alias:: Todos\n\n- TODO Try it\n")
    (graph / "logseq").mkdir()
    (graph / "logseq" / "config.edn").write_text("{:meta/version 1}\n")
    for checked in (graph, graph / "pages"):
        assert run_lede("check", checked).stdout.splitlines() == [
            "checked 1 file (1 article, 0 topics): 0 invalid, 0 errors, 0 warnings"
        ]
    (graph / "logseq" / "config.edn").unlink()  # no graph: as elsewhere
    assert "no title or name" in run_lede("check", graph).stdout


def test_a_logseq_graphs_empty_pages_are_passed_over_quietly(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Logseq writes a journal for each day it is opened, and a page for each one linked,
    empty but for a bullet (``- ``): no page, and no document a check should name, where
    Logseq's documentation was warned of as having no front matter (three of its files)."""
    graph = tmp_path / "graph"
    (graph / "journals").mkdir(parents=True)
    (graph / "journals" / "2021_07_14.md").write_text("- \n")
    (graph / "pages").mkdir()
    (graph / "pages" / "favorites.md").write_text("-\n")
    (graph / "pages" / "Tasks.md").write_text("- TODO Try it\n")
    (graph / "logseq").mkdir()
    (graph / "logseq" / "config.edn").write_text("{:meta/version 1}\n")
    assert run_lede("check", graph).stdout.splitlines() == [
        "checked 3 files (1 article, 0 topics): 0 invalid, 0 errors, 0 warnings"
    ]


def test_check_reports_a_link_out_of_the_corpus_once_and_does_not_walk_it(
    run_lede: LedeRunner, tmp_path: Path, query_corpus: Path
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
    run_lede: LedeRunner, query_corpus: Path
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


def test_usage_errors_are_one_message_not_a_traceback(run_lede: LedeRunner) -> None:
    for args in (("check", "--bogus"), ("list", "--sort", "heat"), ("list", "--limit", "x")):
        done = run_lede(*args)
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr
        assert "error:" in done.stderr.splitlines()[-1]
    # An option the subcommand lacks is told by its usage: the top one's named none.
    done = run_lede("list", "--bogus")
    assert done.returncode == 2
    assert done.stderr.startswith("usage: lede list ")
    assert done.stderr.splitlines()[-1] == "lede list: error: unrecognized arguments: --bogus"


def test_check_json_lines_are_utf8_whatever_a_name_holds(
    doc_writer: DocWriter, tmp_path: Path
) -> None:
    """A name's bytes that are not UTF-8 are written as escapes that read back as it."""
    root = tmp_path / "docs"
    doc_writer("good.md", "title: Good\n")
    latin = root / os.fsdecode(b"caf\xe9.md")
    try:
        latin.write_text("---\ntitle: Latin\n---\n")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    done = subprocess.run(
        [lede_executable(), "check", "--json", str(root)], capture_output=True, timeout=60
    )
    assert done.returncode == 1, done.stderr
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert records[0]["message"] == "file name is not UTF-8; rename it to read it"
    assert os.fsencode(records[0]["path"]) == os.fsencode(str(latin))
    # The file not read was checked: counted with the others, not left out of them.
    assert records[-1]["files"] == 2 and records[-1]["invalid"] == 1


def test_taxonomy_warnings_name_the_file_of_the_entry(
    run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    """Each is the file and line of the entry it is about, where lede said '(topics)', and
    then line 1 of each."""
    from library.index import CorpusIndex

    root = tmp_path / "docs"
    doc_writer("a.md", "title: A\ntopics: [AI]\n")
    first, second = root / "topics" / "00-ai.yaml", root / "topics" / "01-more.yaml"
    first.parent.mkdir()
    first.write_text("taxonomy: topic\nname: AI\nparent: Ghost\n---\ntaxonomy: topic\nname: X\n")
    second.write_text(
        "taxonomy: topic\nname: AI\n---\n"
        "taxonomy: topic\nname: Y\nparent: Z\n---\ntaxonomy: topic\nname: Z\nparent: Y\n"
    )
    done = run_lede("check", root)
    warnings = sorted(line for line in done.stdout.splitlines() if ": warning: topic" in line)
    expected = sorted(
        [
            f"{first}:1: warning: topic 'AI' has unknown parent 'Ghost'; the parent is shown "
            "at the root",
            f"{second}:1: warning: topic 'AI' is defined more than once",
            f"{second}:8: warning: topic cycle Y → Z → Y; 'Z' is shown at the root",
        ]
    )
    assert warnings == expected
    index = CorpusIndex([str(root)], tmp_path / "index.db")
    index.refresh()
    stored = sorted(str(p) for p in index.problems() if p.message.startswith("topic"))
    index.close()
    assert stored == expected


def test_a_duplicate_is_no_second_article(run_lede: LedeRunner, doc_writer: DocWriter) -> None:
    """A check counted a duplicate (the same URL twice) as two articles, the index as one."""
    doc_writer("a.md", "title: A\noriginalUrl: https://x.test/story\n")
    doc_writer("b.md", "title: A again\noriginalUrl: https://x.test/story?utm_source=rss\n")
    docs = doc_writer("c.md", "title: C\noriginalUrl: https://x.test/other\n").parent
    assert run_lede("check", docs).stdout.splitlines()[-1] == (
        "checked 3 files (2 articles, 0 topics): 0 invalid, 0 errors, 1 warning"
    )
    assert run_lede("index", docs).stdout.startswith("indexed 2 articles from 3 files (")


def test_a_check_and_the_index_call_the_same_files_duplicates(
    run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    """Of the files of one URL the first by path is the article: a check called the
    duplicate by the order it was given the files in, and an index that met the first
    path last called a third file the duplicate of a duplicate."""
    front = "originalUrl: https://x.test/story\n"
    third = doc_writer("c.md", f"title: C\n{front}")
    second = doc_writer("b.md", f"title: B\n{front}")
    index = CorpusIndex([str(second.parent)], tmp_path / "index.db")
    index.refresh()
    first = doc_writer("a.md", f"title: A\n{front}")
    index.refresh()
    stored = [str(p) for p in index.problems() if p.message.startswith("duplicate")]
    index.close()
    expected = [
        f"{second}:1: warning: duplicate of {first} (same URL)",
        f"{third}:1: warning: duplicate of {first} (same URL)",
    ]
    assert stored == expected
    checked = run_lede("check", third, second, first).stdout.splitlines()
    assert [line for line in checked if ": warning: duplicate of " in line] == expected


def test_a_stub_of_an_article_is_named_with_why_it_is_not_listed(
    run_lede: LedeRunner, doc_writer: DocWriter
) -> None:
    """A file of ``category: news`` alone was neither listed nor named by check."""
    stub = doc_writer("stub.md", "category: news\n")
    docs = doc_writer("kept.md", "title: Kept\n").parent
    checked = run_lede("check", docs)
    assert checked.returncode == 0  # a warning: the file is valid, only says too little
    assert (
        f"{stub}:1: warning: not listed as an article: it has category but no title, "
        "excerpt, date, link or body"
    ) in checked.stdout.splitlines()
    listed = run_lede("list", "--json", docs)
    assert [json.loads(line)["title"] for line in listed.stdout.splitlines()] == ["Kept"]


@pytest.mark.parametrize("reader", ["head -n 1", "true"])
def test_check_read_in_part_still_exits_1(tmp_path: Path, reader: str) -> None:
    """``lede check SITE | head`` in a script with ``pipefail``: the pipe closed early and
    lede exited 0, though the site held 3,000 invalid documents."""
    root = tmp_path / "docs"
    root.mkdir()
    for n in range(3000):
        (root / f"b{n}.md").write_text(f"---\ntitle: [unclosed {n}\n---\nbody\n")
    done = subprocess.run(
        ["bash", "-c", f'"$0" check "$1" | {reader}; exit "${{PIPESTATUS[0]}}"']
        + [lede_executable(), str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (1, "")


def test_a_built_page_beside_the_sources_is_no_warning(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A repository that keeps its built site beside its sources (Flink's): each whole
    HTML page was warned of as a document without front matter, 660 of them. A fragment
    without front matter, which may be meant as a page, is still warned of."""
    built = tmp_path / "repo" / "content" / "2019" / "03" / "11" / "launch"
    built.mkdir(parents=True)
    page = "<html lang='en'><head><title>Launch</title></head><body>Out.</body></html>\n"
    (built / "index.html").write_text("\ufeff\n<!DOCTYPE html>\n" + page, encoding="utf-8")
    (built.parent / "old.htm").write_text(page, encoding="utf-8")
    (tmp_path / "repo" / "fragment.html").write_text("<div>{{ content }}</div>\n")
    (tmp_path / "repo" / "posts").mkdir()
    (tmp_path / "repo" / "posts" / "launch.md").write_text("---\ntitle: Launch\n---\nOut.\n")
    done = run_lede("check", tmp_path / "repo")
    assert done.returncode == 0
    fragment = tmp_path / "repo" / "fragment.html"
    assert done.stdout.splitlines() == [
        f"{fragment}:1: warning: no front matter: not read as a document",
        "checked 4 files (1 article, 0 topics): 0 invalid, 0 errors, 1 warning",
    ]


def test_a_page_rendered_beside_its_source_is_no_warning(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A distill blog keeps each post's page, rendered from its R Markdown, beside it in
    ``_posts``: the RStudio AI Blog's check gave 96 warnings of them. A whole page in a
    collection with no source beside it (a newsletter saved as it was) is still one."""
    site = tmp_path / "blog"
    page = "<!DOCTYPE html>\n<html><head><title>tfruns</title></head><body>Out.</body></html>\n"
    post = site / "_posts" / "2017-10-04-tfruns"
    post.mkdir(parents=True)
    (site / "_site.yml").write_text('name: "blog"\noutput_dir: "docs"\n')
    (post / "tfruns.Rmd").write_text('---\ntitle: "tfruns"\ndate: 2017-10-04\n---\nOut.\n')
    (post / "tfruns.html").write_text(page)
    (site / "_newsletters").mkdir()
    (site / "_newsletters" / "march.html").write_text(page)
    done = run_lede("check", site)
    assert done.returncode == 0
    saved = site / "_newsletters" / "march.html"
    assert done.stdout.splitlines() == [
        f"{saved}:1: warning: no front matter: not read as a document",
        "checked 4 files (1 article, 0 topics): 0 invalid, 0 errors, 1 warning",
    ]


def test_a_document_whose_path_is_too_long_to_open_is_named_not_left_out(
    run_lede: LedeRunner, query_corpus: Path
) -> None:
    """Deep in folders of long names, a path past what the system opens (4,096 bytes on
    Linux): the document was left out without a word."""
    long_name = "d" * 250
    depth = (4096 - len(os.fsencode(str(query_corpus)))) // (len(long_name) + 1)
    folder = os.open(query_corpus, os.O_RDONLY)
    for _ in range(depth):  # each folder by its parent's descriptor: no path is that long
        os.mkdir(long_name, dir_fd=folder)
        inner = os.open(long_name, os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = inner
    name = "é" * 126 + ".md"  # 255 bytes, the longest name a file can have
    document = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=folder)
    os.write(document, b"---\ntitle: Deep\n---\nBody\n")
    os.close(document)
    os.close(folder)
    path = os.path.join(query_corpus, *[long_name] * depth, name)
    said = f"its path is {len(os.fsencode(path)):,} bytes long, more than the system can open"
    checked = run_lede("check", query_corpus)
    assert f"{path}:1: error: {said}; not read" in checked.stdout.splitlines()
    assert checked.returncode == 1
    listed = run_lede("list", query_corpus)
    assert listed.returncode == 0 and listed.stdout
    assert listed.stderr == f"lede: warning: not read: error: {path}: {said}; not read\n"
