"""The corpus index: incremental refresh keyed by (path, size, mtime), duplicates,
the process pool on large corpora, and where its database lives."""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from multiprocessing import forkserver
from pathlib import Path

import pytest

from library import parallel, paths
from library.corpus import open_index, open_state
from library.index import CorpusIndex
from library.schema import SCHEMA_VERSION, SORTS
from library.state import StateStore
from library.stories import story_id
from library.synthetic import generate
from tests.conftest import QUERY_DOCS, DocWriter
from tui.records import json_records

GENERATED = 600

IndexFactory = Callable[..., CorpusIndex]


def stems(index: CorpusIndex, query: str = "") -> set[str]:
    return {Path(row.path).stem for row in index.search(query)}


def bump_mtime(path: Path, seconds: int = 10) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + seconds * 1_000_000_000))


# -- incremental refresh ---------------------------------------------------------------------


def test_a_cold_refresh_parses_everything_and_a_warm_one_nothing(
    query_corpus: Path, tmp_path: Path
) -> None:
    index = CorpusIndex([str(query_corpus)], tmp_path / "index.db")
    seen: list[tuple[int, int]] = []
    cold = index.refresh(lambda done, total: seen.append((done, total)))
    files = len(QUERY_DOCS) + 1  # and the taxonomy
    assert (cold.scanned, cold.parsed, cold.removed) == (files, files, 0)
    # Per batch, with the total once the scan has ended (0 before).
    assert seen[-1] == (files, files) and all(total in (0, files) for _, total in seen)
    warm = index.refresh()
    assert (warm.scanned, warm.parsed, warm.removed) == (files, 0, 0)
    index.close()
    reopened = CorpusIndex([str(query_corpus)], tmp_path / "index.db")
    again = reopened.refresh()
    assert (again.scanned, again.parsed) == (files, 0)
    assert stems(reopened) == set(QUERY_DOCS)
    reopened.close()


def test_touching_one_file_reparses_exactly_that_file(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    index = index_factory(query_corpus)
    bump_mtime(query_corpus / "gemini.md")
    report = index.refresh()
    assert (report.parsed, report.removed) == (1, 0)
    assert stems(index) == set(QUERY_DOCS)
    assert index.refresh().parsed == 0


def test_modifying_one_file_reparses_it_and_updates_search(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    index = index_factory(query_corpus)
    # Asked before the change too: lookups kept for the next keystroke must not outlive it.
    assert stems(index, "unveils") == {"gemini"}
    assert stems(index, "grows") == set()
    path = query_corpus / "gemini.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Google unveils Gemini", "Gemini grows up"),
        encoding="utf-8",
    )
    bump_mtime(path)
    assert index.refresh().parsed == 1
    assert stems(index, "unveils") == set()
    assert stems(index, "grows") == {"gemini"}
    assert stems(index, 'topic:"Google AI"') == {"gemini", "tensorflow"}


def test_what_a_keystroke_keeps_is_not_looked_into_by_garbage_collections(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    """Result ids and kept word lookups hold tens of thousands of ids in a large corpus:
    as plain numbers, not objects a collection visits one by one (a kept frozenset of
    them made every collection longer)."""

    def objects_inside(value: object) -> list[object]:
        """What a garbage collection would look into, beyond the type."""
        if not gc.is_tracked(value):
            return []
        return [inside for inside in gc.get_referents(value) if not isinstance(inside, type)]

    index = index_factory(query_corpus)
    results = index.results("gem* -tensorflow")
    assert [Path(row.path).stem for row in results] == ["gemini"]
    gc.collect()
    kept = index._search()._matches
    assert len(kept) == 2
    for ids in [results.ids, index.results("").ids, *kept.values()]:
        assert len(ids) and objects_inside(ids) == []


def test_deleting_and_adding_files(
    query_corpus: Path, index_factory: IndexFactory, doc_writer: DocWriter
) -> None:
    index = index_factory(query_corpus)
    (query_corpus / "banks.md").unlink()
    report = index.refresh()
    assert (report.parsed, report.removed, report.scanned) == (0, 1, len(QUERY_DOCS))
    assert stems(index) == set(QUERY_DOCS) - {"banks"}
    assert stems(index, "topic:ML") == set()
    assert index.topic_counts().get("machine learning", 0) == 0
    doc_writer("fresh.md", "title: Fresh story\ntopics: [TensorFlow]\n", folder=query_corpus)
    report = index.refresh()
    assert (report.parsed, report.removed) == (1, 0)
    assert stems(index) == set(QUERY_DOCS) - {"banks"} | {"fresh"}
    assert stems(index, 'topic:"Google AI"') == {"gemini", "tensorflow", "fresh"}


def test_a_file_that_breaks_leaves_the_list_and_comes_back_when_fixed(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    index = index_factory(query_corpus)
    path = query_corpus / "ethics.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("quality: 0", "quality: [0"), encoding="utf-8")
    bump_mtime(path)
    assert index.refresh().parsed == 1
    assert "ethics" not in stems(index)
    errors = [p for p in index.problems() if p.path == str(path)]
    assert [(p.severity, p.line) for p in errors] == [("error", 7)]
    assert index.problems("error") == errors  # what the reader reports after a refresh
    path.write_text(good, encoding="utf-8")
    bump_mtime(path, 20)
    assert index.refresh().parsed == 1
    assert "ethics" in stems(index)
    assert [p for p in index.problems() if p.path == str(path)] == []


def test_changing_the_taxonomy_regroups_the_counts(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    index = index_factory(query_corpus)
    tree = index.topic_tree()
    assert [tree.nodes[key].name for key in tree.ancestors("tensorflow")] == [
        "TensorFlow",
        "Google AI",
        "AI",
    ]
    counts = index.topic_counts()
    assert (counts["ai"], counts["google ai"], counts.get("ai ethics")) == (6, 2, 1)
    taxonomy = query_corpus / "topics.yaml"
    taxonomy.write_text(
        taxonomy.read_text(encoding="utf-8").replace("parent: Google AI", "parent: AI Ethics"),
        encoding="utf-8",
    )
    bump_mtime(taxonomy)
    assert index.refresh().parsed == 1
    counts = index.topic_counts()
    assert (counts["ai"], counts["google ai"], counts["ai ethics"]) == (6, 1, 2)
    assert stems(index, 'topic:"AI Ethics"') == {"ethics", "tensorflow"}
    tree = index.topic_tree()
    assert [tree.nodes[key].name for key in tree.ancestors("tensorflow")] == [
        "TensorFlow",
        "AI Ethics",
        "AI",
    ]


def test_counts_per_node_include_descendants_and_unread(
    query_corpus: Path, index_factory: IndexFactory, state_store: StateStore
) -> None:
    index = index_factory(query_corpus, state=state_store)
    counts = index.topic_counts()
    assert counts == {
        "ai": 6,
        "computer vision": 2,
        "google ai": 2,
        "tensorflow": 1,
        "machine learning": 1,
        "ai ethics": 1,
    }
    tensorflow = next(row for row in index.search("topic:tensorflow"))
    state_store.set("read", [tensorflow.identity], True)
    unread = index.topic_counts(unread_only=True)
    assert (unread["ai"], unread["google ai"], unread.get("tensorflow", 0)) == (5, 1, 0)


# -- duplicates ----------------------------------------------------------------------------


def test_the_same_story_twice_is_listed_once_and_warned_about(
    tmp_path: Path, doc_writer: DocWriter, index_factory: IndexFactory
) -> None:
    root = tmp_path / "dups"
    first = doc_writer(
        "a-story.md",
        "title: The story\noriginalUrl: https://www.x.test/story/?utm_source=rss\ntopics: [AI]\n",
        folder=root,
    )
    second = doc_writer(
        "b-story.md",
        "title: The story again\noriginalUrl: http://x.test/story#top\ntopics: [AI]\n",
        folder=root,
    )
    doc_writer("other.md", "title: Another\noriginalUrl: https://x.test/other\n", folder=root)
    index = index_factory(root)
    rows = index.search("")
    assert sorted(row.path for row in rows) == [str(first), str(root / "other.md")]
    assert index.count() == 2
    assert index.topic_counts() == {"ai": 1}
    assert stems(index, "again") == set()  # the duplicate is not a second result
    warnings = [(p.path, p.severity, p.message) for p in index.problems()]
    assert warnings == [(str(second), "warning", f"duplicate of {first} (same URL)")]
    assert index.problems("error") == []  # a duplicate is only a warning
    assert index.find_by_url("https://x.test/story") is not None
    first.unlink()
    assert index.refresh().removed == 1
    assert sorted(row.path for row in index.search("")) == [str(second), str(root / "other.md")]
    assert index.problems() == []
    assert index.topic_counts() == {"ai": 1}


# -- the pool -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain folder of generated news (every article shown, whatever the layout rules)."""
    root = tmp_path_factory.mktemp("generated") / "news"
    generate(root, GENERATED, plain=True)
    return root


def snapshot(index: CorpusIndex) -> dict[str, object]:
    rows = index.search("")
    ids = [row.id for row in rows]
    return {
        "rows": [row._replace(id=0) for row in rows],
        "records": json_records(index, ids),
        "counts": index.topic_counts(),
        "problems": index.problems(),
        "queries": {
            query: [row.path for row in index.search(query)]
            for query in (
                "model data",
                '"privacy law"',
                "topic:AI -topic:computer-vision",
                "quality>50 after:2022-01-01",
                "provider:times",
                "camera -court",
            )
        },
    }


def test_a_large_corpus_indexes_through_the_pool_like_in_process(
    generated_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = GENERATED + 1  # and the taxonomy file
    assert GENERATED >= parallel.POOL_THRESHOLD
    pooled = CorpusIndex([str(generated_corpus)], tmp_path / "pooled.db")
    report = pooled.refresh()
    assert (report.scanned, report.parsed, report.removed) == (files, files, 0)
    if (os.cpu_count() or 1) >= 2:
        # The pool's workers come from a fork server started on first use.
        assert forkserver._forkserver._forkserver_pid is not None
    assert pooled.refresh().parsed == 0

    monkeypatch.setattr(parallel, "POOL_THRESHOLD", 10**9)
    serial = CorpusIndex([str(generated_corpus)], tmp_path / "serial.db")
    assert serial.refresh().parsed == files

    pooled_view, serial_view = snapshot(pooled), snapshot(serial)
    assert len(pooled_view["rows"]) == GENERATED  # type: ignore[arg-type]
    assert pooled_view == serial_view
    assert all(pooled_view["queries"].values())  # type: ignore[union-attr]
    pooled.close()
    serial.close()


def in_a_fresh_process(script: str, corpus: Path, database: Path) -> str:
    """What ``script`` prints, run on ``corpus`` and ``database`` by a new interpreter
    (which modules a piece of work imports shows only where nothing was imported yet)."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(corpus), str(database)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip()


PARSER_IMPORTED = """
import sys
from pathlib import Path
from library.index import CorpusIndex
if __name__ == "__main__":
    CorpusIndex([sys.argv[1]], Path(sys.argv[2])).refresh()
    print(sorted(name for name in ("pydantic", "yaml", "library.loader") if name in sys.modules))
"""


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the pool needs two cores")
def test_a_pooled_index_never_imports_the_parser_here(
    generated_corpus: Path, tmp_path: Path
) -> None:
    """The workers parse; this process only stores what they send (importing the parser
    cost 0.3 s of a cold index before any worker started)."""
    assert in_a_fresh_process(PARSER_IMPORTED, generated_corpus, tmp_path / "i.db") == "[]"
    with contextlib.closing(sqlite3.connect(tmp_path / "i.db")) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == GENERATED


NUMPY_IMPORTED = """
import sys
from pathlib import Path
from library.index import CorpusIndex
if __name__ == "__main__":
    index = CorpusIndex([sys.argv[1]], Path(sys.argv[2]))
    index.refresh()
    counts = [len(index.results(query)) for query in ("", "topic:AI", "-topic:AI")]
    print(counts, "numpy" in sys.modules)
    print(len(index.results("facial")), "numpy" in sys.modules)
"""


def test_the_list_opens_before_numpy_is_imported(query_corpus: Path, tmp_path: Path) -> None:
    """Matching words runs in numpy, whose import takes ~0.1 s: opening the list never
    waits for it (the reader imports it in the background once it is up)."""
    without, imported = in_a_fresh_process(
        NUMPY_IMPORTED, query_corpus, tmp_path / "i.db"
    ).splitlines()
    assert without == f"[{len(QUERY_DOCS)}, 6, 1] False"  # all, under AI, the one not
    assert imported == "2 True"


def niceness(batch: list[int]) -> list[int]:
    """Run in a pool worker: its scheduling priority, once per item."""
    return [os.nice(0)] * len(batch)


def test_pool_workers_run_behind_the_reader() -> None:
    """Parsing workers are niced, so a cold index leaves the cores to the screen first."""
    found = [
        value
        for batch in parallel.map_batches(
            "tests.library.test_index:niceness", range(parallel.POOL_THRESHOLD)
        )
        for value in batch
    ]
    here = os.nice(0)
    pooled = (os.cpu_count() or 1) >= 2
    assert set(found) == {min(19, here + parallel.WORKER_NICENESS) if pooled else here}


# -- where it lives, and what it keeps ---------------------------------------------------------


def test_the_database_lives_in_the_cache_dir_and_state_in_the_data_dir(
    query_corpus: Path, isolated_dirs: dict[str, Path]
) -> None:
    location = paths.index_file([str(query_corpus)])
    assert location.is_relative_to(isolated_dirs["XDG_CACHE_HOME"])
    assert paths.index_file([str(query_corpus) + "/"]) == location
    assert paths.index_file([str(query_corpus.parent)]) != location
    state = open_state()
    index = open_index([str(query_corpus)], state)
    index.refresh()
    assert location.is_file()
    assert state.path.is_relative_to(isolated_dirs["XDG_DATA_HOME"])
    assert state.path.is_file()
    index.close()
    state.close()


def test_an_index_from_another_schema_version_is_rebuilt(
    query_corpus: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "old.db"
    old = sqlite3.connect(db_path)
    old.execute("CREATE TABLE files (path TEXT, junk TEXT)")
    old.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    old.commit()
    old.close()
    index = CorpusIndex([str(query_corpus)], db_path)
    assert index.refresh().parsed == len(QUERY_DOCS) + 1
    assert stems(index) == set(QUERY_DOCS)
    index.close()


def test_records_for_json(query_corpus: Path, index_factory: IndexFactory) -> None:
    index = index_factory(query_corpus)
    rows = index.search("")
    records = json_records(index, [row.id for row in rows])
    assert [record["path"] for record in records] == [row.path for row in rows]
    tensorflow = next(r for r in records if str(r["path"]).endswith("tensorflow.md"))
    assert tensorflow == {
        "path": str(query_corpus / "tensorflow.md"),
        "title": "TensorFlow 3 released with a new compiler",
        "published_at": "2021-05-01T09:00:00+00:00",  # ISO with the local offset (UTC here)
        "original_url": "https://example.test/tensorflow-3",
        "web_url": "",
        "provider": {"name": "Example Wire", "domain": "example.test"},
        "topics": ["TensorFlow"],
        "quality": 80,
        "identity": "https://example.test/tensorflow-3",
        "kind": "article",
        "collection": None,
        "published": True,
        "story": story_id("https://example.test/tensorflow-3"),  # a story of its own
    }
    hangar = next(r for r in records if str(r["path"]).endswith("hangar.md"))
    assert (hangar["published_at"], hangar["quality"], hangar["topics"]) == (None, None, [])


def test_missing_roots_and_named_files(
    tmp_path: Path, doc_writer: DocWriter, index_factory: IndexFactory
) -> None:
    named = doc_writer("named.md", "title: Named file\n")
    readme = tmp_path / "README.md"
    readme.write_text("# not a document\n", encoding="utf-8")
    missing = tmp_path / "nowhere"
    index = index_factory(named, readme, missing)
    assert [row.title for row in index.search("")] == ["Named file"]
    problems = {(p.path, p.severity, p.message) for p in index.problems()}
    assert problems == {
        (str(readme), "error", "no front matter: the first line must be '---'"),
        ("", "error", f"{missing}: no such file or directory"),
    }


def test_html_bodies_are_searched_as_text(
    tmp_path: Path, doc_writer: DocWriter, index_factory: IndexFactory
) -> None:
    root = tmp_path / "letters"
    doc_writer(
        "letter.html",
        "title: Weekly letter\npublishedDateTime: 2021-04-27\n",
        "<html><head><style>td { color: red }</style></head><body><table><tr>"
        '<td class="headline">Robots &amp; rockets</td></tr></table></body></html>\n',
        folder=root,
    )
    index = index_factory(root)
    assert stems(index, "robots rockets") == {"letter"}
    for markup in ("td", "style", "color", "headline", "html", "amp"):
        assert stems(index, markup) == set(), markup


def test_untitled_documents_are_listed_by_a_clean_file_name(
    tmp_path: Path, index_factory: IndexFactory
) -> None:
    root = tmp_path / "untitled"
    root.mkdir()
    (root / "plain name.md").write_text("---\nexcerpt: x\n---\n", encoding="utf-8")
    (root / "evil\x1b]0;x\x07\nname.md").write_text("---\nexcerpt: y\n---\n", encoding="utf-8")
    index = index_factory(root)
    titles = sorted(row.title for row in index.search(""))
    assert titles == ["evil\\x1b]0;x\\x07\\nname", "plain name"]


def test_the_stored_list_order_follows_every_change(
    query_corpus: Path, index_factory: IndexFactory, doc_writer: DocWriter
) -> None:
    """A warm start reads the date-ordered list stored by the last refresh: it must be
    exactly what SQL would answer, after additions, removals and edits."""
    index = index_factory(query_corpus)

    def by_sql() -> list[int]:
        sql = "SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL ORDER BY "
        return [row[0] for row in index.db.execute(sql + SORTS["date"])]

    def stored() -> int:
        return index.db.execute("SELECT count(*) FROM listing").fetchone()[0]

    assert stored() == 1 and list(index.results("").ids) == by_sql()
    doc_writer("newest.md", "title: Newest\npublishedDateTime: 2030-01-01\n", folder=query_corpus)
    (query_corpus / "banks.md").unlink()
    index.refresh()
    ids = list(index.results("").ids)
    assert stored() == 1 and ids == by_sql()
    assert index.row(ids[0]).title == "Newest"
    assert "banks" not in {Path(row.path).stem for row in index.results("")}


def test_a_cold_index_told_to_stop_stops_within_a_batch(tmp_path: Path) -> None:
    """The reader's quit stops its indexing through the progress callback: asked only
    every few thousand rows, a quit waited seconds for a cold index to reach them."""
    corpus = tmp_path / "site"
    generate(corpus, 3000, plain=True)
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    told: list[int] = []

    def stop(done: int, total: int) -> None:
        told.append(done)
        raise InterruptedError

    with pytest.raises(InterruptedError):
        index.refresh(stop)
    assert told and told[0] < 3000
    stored = index.db.execute("SELECT count(*) FROM files").fetchone()[0]
    assert stored < 3000  # it stopped, and did not go on to the end first
    report = index.refresh()  # and the next refresh finishes the work
    assert index.count() == 3000 and report.scanned == 3001
    index.close()
