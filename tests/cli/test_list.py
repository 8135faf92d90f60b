"""``lede list``, ``lede topics`` and ``lede index``, run as the installed console script:
newest first, sorts, limits, queries, JSON records, the reading state the reader
shares, and which corpus they read when given none."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from library.corpus import open_state
from models.identity import normalise_url
from models.topic import DEEPEST
from tests.conftest import (
    EAST_OF_UTC,
    QUERY_DOCS,
    WEST_OF_UTC,
    DocWriter,
    LedeRunner,
    deep_site,
    write_document,
)
from tests.site_corpus import translated_by_folder

REPO = Path(__file__).resolve().parents[2]


SEED_TITLES = {
    "Hangzhou may ban mandatory collection of facial recognition scans in residential "
    "communities, marking China’s first",
    "Law on collection of facial recognition data to be proposed at two sessions",
}


ALL_STEMS = set(QUERY_DOCS)


JSON_KEYS = {"path", "title", "published_at", "original_url", "provider", "topics", "quality"}


def titles(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert done.returncode == 0, done.stderr
    return [json.loads(line)["title"] for line in done.stdout.splitlines()]


def stems(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert done.returncode == 0, done.stderr
    return [Path(json.loads(line)["path"]).stem for line in done.stdout.splitlines()]


def test_a_query_may_start_with_a_dash_however_it_is_written(
    run_lede: LedeRunner, query_corpus: Path
) -> None:
    for query, expected in (
        (("-q", "-council"), ALL_STEMS - {"hangzhou"}),
        (("--query", "-council"), ALL_STEMS - {"hangzhou"}),
        (("--que", "-hangar"), ALL_STEMS - {"hangar"}),
        (("-q", "-council facial"), {"faces"}),
        (("-q=-council",), ALL_STEMS - {"hangzhou"}),
        (("--query=-council",), ALL_STEMS - {"hangzhou"}),
        (("-q", "--"), ALL_STEMS),  # argparse takes "--" out of a value: the query was lost
        (("-q", "---"), ALL_STEMS),
    ):
        assert set(stems(run_lede("list", "--json", *query, query_corpus))) == expected, query


def test_list_is_newest_first(run_lede: LedeRunner, query_corpus: Path) -> None:
    done = run_lede("list", query_corpus)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(QUERY_DOCS)
    assert lines[0] == "2023-12-06  Google unveils Gemini  — The Verge  q55"
    assert lines[-1] == "----------  A quiet hangar story"
    days = [line[:10] for line in lines[:-1]]
    assert days == sorted(days, reverse=True)


def test_list_sorts(run_lede: LedeRunner, query_corpus: Path) -> None:
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


def test_list_by_title_reads_numbers_by_value_case_and_accents_aside(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """SQLite's NOCASE put "Issue 10" before "Issue 9", and "Éclair" after "Zebra"."""
    shown = [
        "9 ways to read",
        "100 ways to read",
        "Ångström units",
        "Apple harvest",
        "Éclair recipe",
        "eclair review",
        "issue 2",
        "Issue 9",
        "Issue 10",
        "Issue 10 extra",
        "Issue 000011",
        "Straße names",
        "Strasse plans",
        "Zebra crossing",
    ]
    corpus = tmp_path / "c"
    for number, title in enumerate(reversed(shown)):
        write_document(corpus, f"{number:02}.md", f'title: "{title}"\ntype: article')
    assert titles(run_lede("list", "--json", "--sort", "title", corpus)) == shown


def test_articles_of_one_moment_are_in_the_order_by_title(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Articles published at the same moment came "Story 1, Story 10, Story 2", where the
    order by title reads numbers by value."""
    shown = ["Story 1", "story 2", "Story 3", "Story 10", "Story 20"]
    corpus = tmp_path / "c"
    for number, title in enumerate(reversed(shown)):
        front = f'title: "{title}"\npublishedDateTime: 2024-01-01T10:00:00Z\ntype: article'
        write_document(corpus, f"{number:02}.md", front)
    assert titles(run_lede("list", "--json", corpus)) == shown


def test_list_limit(run_lede: LedeRunner, query_corpus: Path) -> None:
    assert stems(run_lede("list", "--json", "--limit", "2", query_corpus)) == ["gemini", "faces"]
    assert stems(run_lede("list", "--json", "--limit", "0", query_corpus)) == []
    limited = run_lede("list", "--limit", "3", "--sort", "quality", query_corpus)
    assert len(limited.stdout.splitlines()) == 3


def test_list_json_records(run_lede: LedeRunner, query_corpus: Path) -> None:
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


def test_list_query(run_lede: LedeRunner, query_corpus: Path) -> None:
    done = run_lede("list", "--json", "-q", 'topic:"Google AI" quality>60', query_corpus)
    assert stems(done) == ["tensorflow"]
    done = run_lede("list", "--json", "--query", "facial -council", query_corpus)
    assert stems(done) == ["faces"]


def test_a_site_translated_by_folder_lists_its_default_language_unless_all(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Its announcement was listed once per language; ``lang:`` and ``--all`` list the
    others, and each record says its language."""
    site = translated_by_folder(tmp_path / "site")
    done = run_lede("list", "--json", site)
    assert [(r["title"], r["language"]) for r in map(json.loads, done.stdout.splitlines())] == [
        ("Ruby released", "en"),
        ("Older", "en"),
    ]
    assert titles(run_lede("list", "--json", "-q", "lang:ja", site)) == ["Ruby リリース", "Older"]
    assert len(titles(run_lede("list", "--json", "--all", site))) == 6
    assert len(titles(run_lede("list", "--json", "-q", "lang:*", site))) == 6


def test_a_translated_sites_other_languages_are_named_on_stderr_unless_asked_for(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """The list left them out and said nothing: one line on stderr says which and how to
    list them, stdout (JSON) unchanged; not once the query names a language or ``--all``."""
    site = translated_by_folder(tmp_path / "site")
    said = "lede: Listed in en; 2 other languages (de, ja): "
    done = run_lede("list", "--json", site)
    assert done.stderr == f"{said}-q lang:de, -q lang:* or --all lists them\n"
    assert titles(done) == ["Ruby released", "Older"]
    assert run_lede("stats", "--json", site).stderr.startswith(said)
    assert run_lede("topics", site).stderr == f"{said}--all counts them\n"
    for asked in (("-q", "lang:ja"), ("-q", "-lang:de"), ("--all",)):
        assert run_lede("list", "--json", *asked, site).stderr == ""


def test_reading_state_is_shared_with_list(
    run_lede: LedeRunner, query_corpus: Path, isolated_dirs: dict[str, Path]
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
    run_lede: LedeRunner, query_corpus: Path, query: str
) -> None:
    done = run_lede("list", "-q", query, query_corpus)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("lede: bad query: ")


@pytest.mark.parametrize("command", ["list", "stats", "topics"])
def test_a_document_left_out_is_named_beside_what_was_read(
    run_lede: LedeRunner, tmp_path: Path, command: str
) -> None:
    """``lede list`` of a folder with a broken document listed the others and said no
    word of it, where the reader names it as it starts: one line on stderr now names the
    first, its line and why, and how many more ``lede check`` will tell of."""
    news = tmp_path / "news"
    news.mkdir()
    write_document(news, "read.md", "title: Read well\ndate: 2024-01-01\n")
    (news / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    done = run_lede(command, news)
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        f"lede: warning: not read: {news / 'broken.md'}:3: error: invalid YAML: did not find "
        "expected ',' or ']' (while parsing a flow sequence on line 2)\n"
    )
    (news / "also-broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    (news / "date-only.md").write_text(  # an error in one field: its article is listed
        "---\ntitle: Dated wrong\npublishedDateTime: 2021-02-30\n---\n", encoding="utf-8"
    )
    done = run_lede(command, news)
    assert done.stderr.startswith(f"lede: warning: not read: {news / 'also-broken.md'}:3: ")
    assert done.stderr.endswith(" (and 1 more; lede check says each)\n")


def test_topics_prints_the_tree_with_counts(run_lede: LedeRunner, query_corpus: Path) -> None:
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


def test_index_reports_what_it_did(run_lede: LedeRunner, query_corpus: Path) -> None:
    first = run_lede("index", query_corpus)
    assert first.returncode == 0, first.stderr
    # Seconds written as lede demo and the README write them ("in 0.09 s", not "0.09s").
    assert re.fullmatch(
        r"indexed 7 articles from 8 files \(8 parsed, 0 removed\) in \d+\.\d\d s\n", first.stdout
    )
    again = run_lede("index", query_corpus)
    assert "(0 parsed, 0 removed)" in again.stdout


def test_without_paths_the_bundled_sample_is_listed(run_lede: LedeRunner) -> None:
    assert set(titles(run_lede("list", "--json"))) == SEED_TITLES


def test_lede_feeds_names_the_corpus(
    run_lede: LedeRunner, query_corpus: Path, doc_writer: DocWriter, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    doc_writer("only.md", "title: Only here\n", folder=other)
    listed = run_lede("list", "--json", env={"LEDE_FEEDS": str(query_corpus)})
    assert len(titles(listed)) == len(QUERY_DOCS)
    both = run_lede("list", "--json", env={"LEDE_FEEDS": f"{other}:{query_corpus}"})
    assert len(titles(both)) == len(QUERY_DOCS) + 1
    # As a quoted export or an env file leaves it: ``~`` is the home, as in the settings.
    home = run_lede("list", "--json", env={"LEDE_FEEDS": "~/other", "HOME": str(tmp_path)})
    assert titles(home) == ["Only here"]


@pytest.mark.parametrize("written", ["~/other", "'~/other'", '"~/other"'])
def test_a_home_path_no_shell_expanded_is_the_home_folder(
    run_lede: LedeRunner,
    doc_writer: DocWriter,
    tmp_path: Path,
    isolated_dirs: dict[str, Path],
    written: str,
) -> None:
    """``~/news`` as a launcher passes it, or quoted as an env file or a settings value
    keeps it, was "no such file or folder: '~/news'" (exit 2) wherever it was written."""
    doc_writer("only.md", "title: Only here\n", folder=tmp_path / "other")
    home = {"HOME": str(tmp_path)}
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f"paths = [{json.dumps(written)}]\n", encoding="utf-8")
    assert run_lede("check", written, env=home).returncode == 0
    for done in (
        run_lede("list", "--json", written, env=home),
        run_lede("list", "--json", env={**home, "LEDE_FEEDS": written}),
        run_lede("list", "--json", env=home),  # from the settings
    ):
        assert done.returncode == 0 and done.stderr == "", done.stderr
        assert titles(done) == ["Only here"]
    # A folder that is there as written is the one meant: ``~`` in the working folder.
    doc_writer("here.md", "title: A folder named ~\n", folder=tmp_path / "cwd" / "~" / "other")
    literal = run_lede("list", "--json", "~/other", env=home, cwd=tmp_path / "cwd")
    assert titles(literal) == ["A folder named ~"]


def test_a_feeds_folder_in_the_working_directory_is_used(
    run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    doc_writer("local.md", "title: Local feed\n", folder=project / "feeds")
    assert titles(run_lede("list", "--json", cwd=project)) == ["Local feed"]
    elsewhere = tmp_path / "elsewhere"
    doc_writer("env.md", "title: From the variable\n", folder=elsewhere)
    from_env = run_lede("list", "--json", cwd=project, env={"LEDE_FEEDS": str(elsewhere)})
    assert titles(from_env) == ["From the variable"]


def test_from_the_repository_root_its_feeds_are_used(run_lede: LedeRunner) -> None:
    done = run_lede("list", "--json", cwd=REPO)
    assert set(titles(done)) == SEED_TITLES
    assert {Path(json.loads(line)["path"]).parent for line in done.stdout.splitlines()} == {
        REPO / "feeds"
    }


def test_topics_of_the_bundled_sample(run_lede: LedeRunner) -> None:
    lines = run_lede("topics").stdout.splitlines()
    assert lines[:2] == ["All articles (2)", "  AI (2)"]
    assert "    Computer Vision (2)" in lines


def test_nothing_is_written_outside_the_test_folders(
    run_lede: LedeRunner, query_corpus: Path, isolated_dirs: dict[str, Path]
) -> None:
    before = {path: sorted(path.rglob("*")) for path in isolated_dirs.values()}
    assert all(not files for files in before.values())
    run_lede("list", query_corpus)
    cache = list(isolated_dirs["XDG_CACHE_HOME"].rglob("*.sqlite"))
    assert len(cache) == 1
    assert list(isolated_dirs["XDG_DATA_HOME"].rglob("state.sqlite"))


def test_a_day_stays_that_day_when_the_zone_changes(run_lede: LedeRunner, tmp_path: Path) -> None:
    """A date without a time is stored as local midnight; an index made in UTC and read
    west of it listed the post of May 20 on May 19."""
    site = tmp_path / "blog"
    (site / "_config.yml").parent.mkdir(parents=True)
    (site / "_config.yml").write_text("title: A blog\n")
    write_document(site / "_posts", "2016-05-20-launch.md", "title: Launch", "We launched.")
    for zone in ("UTC", WEST_OF_UTC, EAST_OF_UTC, WEST_OF_UTC):
        done = run_lede("list", site, env={"TZ": zone})
        assert done.stdout.splitlines() == ["2016-05-20  Launch"], zone


def test_a_terminal_that_is_not_utf8_gets_every_listing(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """On a Latin-1 terminal, list and stats stopped at the first dash ("—") they could
    not print. Text it cannot show reads as its plain form ("-" for the dash) or a "?" per
    column it takes; JSON keeps every character as an escape."""
    title = "Café — 東京 😀"
    write_document(
        tmp_path / "news", "a.md", f"title: {title}\ntopics: [Künstliche — Intelligenz]", "x"
    )
    latin = {"PYTHONIOENCODING": "latin-1"}
    for command in (("list",), ("stats",), ("topics",), ("list", "--stories")):
        done = run_lede(*command, tmp_path / "news", env=latin)
        assert (done.returncode, done.stderr) == (0, ""), command
    shown = run_lede("list", tmp_path / "news", env=latin).stdout  # read back as UTF-8
    assert "Caf\\xe9 - ???? ??" in shown
    for command in (("list", "--json"), ("list", "--stories", "--json"), ("stats", "--json")):
        done = run_lede(*command, tmp_path / "news", env=latin)
        assert (done.returncode, done.stderr) == (0, ""), command
        assert done.stdout.isascii()
        records = [json.loads(line) for line in done.stdout.splitlines()]
        in_utf8 = run_lede(*command, tmp_path / "news").stdout.splitlines()
        assert records == [json.loads(line) for line in in_utf8]


def test_topics_prints_a_deep_taxonomy_as_deep_as_the_reader_shows_it(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A taxonomy a thousand deep was printed two thousand columns wide."""
    site = deep_site(tmp_path, 100)
    done = run_lede("topics", site)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 101
    assert lines[1] == "  D0 (1)"
    assert lines[DEEPEST + 1] == "  " * (DEEPEST + 1) + f"D{DEEPEST} (1)"
    assert lines[-1] == "  " * (DEEPEST + 1) + "D99 (1)"


def test_topics_leaves_out_one_that_only_pages_outside_the_list_name(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Scala's blog index (``category: all``) made "all (0)" beside its posts' topics."""
    blog = tmp_path / "blog"
    write_document(blog / "_posts", "2024-01-02-hello.md", "title: Hello\ntags: [scala]")
    write_document(blog, "index.md", "title: Blog\ncategory: all", "{% for post in site.posts %}")
    (blog / "_config.yml").write_text("title: A blog\n")
    done = run_lede("topics", blog)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["All articles (1)", "  scala (1)"]
    everything = run_lede("topics", "--all", blog)
    assert "  all (1)" in everything.stdout.splitlines()  # listed, so counted and shown


def test_a_file_dated_past_what_the_index_holds_is_listed(
    tmp_path: Path, run_lede: LedeRunner
) -> None:
    """One file with a modification time in the year 3000 (a clock gone wrong) stopped
    every command on its corpus: "unexpected error: OverflowError"."""
    corpus = tmp_path / "corpus"
    future = write_document(corpus, "future.md", "title: From the future")
    past = write_document(corpus, "past.md", "title: From long ago")
    os.utime(future, (32503680000, 32503680000))
    os.utime(past, (-9300000000, -9300000000))  # before 1677
    listed = run_lede("list", "--json", corpus)
    assert (listed.returncode, listed.stderr) == (0, "")
    titles = sorted(json.loads(line)["title"] for line in listed.stdout.splitlines())
    assert titles == ["From long ago", "From the future"]
    assert run_lede("list", "--json", corpus).stdout == listed.stdout  # and so it stays


def test_a_sync_tools_conflicted_copy_is_no_second_article(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Dropbox, Nextcloud and Syncthing keep a second copy beside a file changed on two
    machines at once: each was listed, and checked, as an article of its own."""
    notes = tmp_path / "notes"
    write_document(notes, "harbour.md", "title: Harbour bridge reopens\ndate: 2026-11-02")
    for copy in (
        "harbour (conflicted copy 2026-12-06).md",  # Dropbox
        "harbour (Jane's conflicted copy 2026-12-06).md",  # Dropbox, a shared folder
        "harbour (conflicted copy 2026-12-06 101010).md",  # Nextcloud
        "harbour.sync-conflict-20261206-101010-ABCDEFG.md",  # Syncthing
    ):
        write_document(notes, copy, "title: Harbour bridge reopens again\ndate: 2026-11-02")
    write_document(
        notes, "On a conflicted copy.md", "title: On a conflicted copy\ndate: 2026-11-01"
    )
    assert stems(run_lede("list", "--json", notes)) == ["harbour", "On a conflicted copy"]
    checked = run_lede("check", notes)
    assert checked.returncode == 0 and "conflict" not in checked.stdout


def test_sixty_copies_of_a_wire_report_are_one_story(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Past 50 copies none of their terms found another (they all share them): --stories
    listed 60 rows of one headline where 40 copies were one."""
    for number in range(60):
        write_document(
            tmp_path / "news",
            f"copy-{number}.md",
            f"""
            title: "Port strike halts container shipping across the northern coast"
            excerpt: "Dock workers walked out at dawn over pay, stranding ships at three ports."
            publishedDateTime: 2024-03-0{1 + number % 3}T{number % 24:02d}:00:00Z
            originalUrl: "https://paper{number}.test/port-strike"
            provider:
              name: Paper {number}
            """,
        )
    write_document(
        tmp_path / "news",
        "other.md",
        """
        title: "City council approves new cycling lanes downtown"
        publishedDateTime: 2024-03-02T10:00:00Z
        originalUrl: "https://other.test/lanes"
        """,
    )
    rows = [json.loads(line) for line in run_lede("list", "--json", tmp_path).stdout.splitlines()]
    stories = {row["story"] for row in rows if "copy-" in row["path"]}
    assert len(rows) == 61 and len(stories) == 1
    listed = run_lede("list", "--stories", tmp_path).stdout.splitlines()
    assert len(listed) == 2


def test_a_site_s_djot_news_with_toml_between_dashes_is_listed(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Gleam's site writes its news in Djot with TOML between ``---`` lines: lede listed
    none of its 60 posts, and checked none of them."""
    news = tmp_path / "site" / "pages" / "news"
    front = 'title = "Gleam version 1"\npublished = 2024-03-04\n\n[author]\nname = "Louis Pilfold"'
    write_document(news, "gleam-version-1.djot", front, "Today Gleam v1.0.0 was released.\n")
    write_document(news, "gleam-v1.1.djot", 'title = "Gleam v1.1"\npublished = 2024-04-16')
    done = run_lede("list", "--json", tmp_path / "site")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(row["title"], row["published_at"][:10], row["authors"]) for row in rows] == [
        ("Gleam v1.1", "2024-04-16", []),
        ("Gleam version 1", "2024-03-04", ["Louis Pilfold"]),
    ]
    checked = run_lede("check", tmp_path / "site")
    assert checked.returncode == 0
    assert "checked 2 files (2 articles" in checked.stdout


def test_a_line_break_written_as_a_control_parts_the_words_of_every_field(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A feed that carried an old Mac line end (a carriage return), a vertical tab or a form
    feed inside a value: each was dropped, and the words on either side ran together."""
    write_document(
        tmp_path / "news",
        "a.md",
        r"""
        title: "Line two\rcarriage \u000bvertical\ftab"
        excerpt: "An excerpt\rthat wraps"
        publishedDateTime: 2020-10-28T16:26:00Z
        originalUrl: "https://example.com/a"
        provider: {name: "Global\rTimes", domain: example.com}
        authors: ["Ada\rLovelace"]
        topics: ["Computer\rVision"]
        """,
    )
    done = run_lede("list", tmp_path / "news", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["title"] == "Line two carriage vertical tab"
    assert record["provider"]["name"] == "Global Times"
    assert record["authors"] == ["Ada Lovelace"]
    assert record["topics"] == ["Computer Vision"]
    found = run_lede("list", tmp_path / "news", "-q", "wraps that", "--json")
    assert [json.loads(line)["title"] for line in found.stdout.splitlines()] == [record["title"]]
    assert "  Computer Vision (1)" in run_lede("topics", tmp_path / "news").stdout.splitlines()
