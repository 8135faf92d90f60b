"""The reading session: what the reader asks of the corpus, answered without a screen."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from library.query import QueryError
from library.results import ArticleRow, ResultSet
from library.scope import ALL, STARRED, UNREAD, Scope
from library.session import IndexDamaged, ReaderSession
from library.tree_counts import TreeCounts
from tests.conftest import write_document


@pytest.fixture
def session(query_corpus: Path) -> Iterator[ReaderSession]:
    opened = ReaderSession([str(query_corpus)])
    opened.refresh()
    yield opened
    opened.close()


def stems(rows: Iterable[ArticleRow]) -> list[str]:
    return [Path(row.path).stem for row in rows]


def test_a_scope_and_the_filter_make_one_query(session: ReaderSession) -> None:
    index = session.index
    everything = stems(index.search(""))
    assert stems(session.results(ALL, "", "date")) == everything
    ml = Scope("topic", "machine learning", "Machine Learning")
    assert stems(session.results(ml, "", "date")) == stems(index.search("topic:ML"))
    assert stems(session.results(ml, "-tensorflow", "title")) == stems(
        index.search("topic:ML -tensorflow", sort="title")
    )
    saved = Scope("saved", "topic:AI", "AI stories")
    assert stems(session.results(saved, "goo", "date")) == stems(
        index.search("topic:AI google")  # the last word is matched as it is typed: a prefix
    )
    first, second = (row.identity for row in index.search("", limit=2))
    session.set_flag("read", [first], True)
    session.set_flag("starred", [second], True)
    assert len(session.results(UNREAD, "", "date")) == len(everything) - 1
    assert [row.identity for row in session.results(STARRED, "", "date")] == [second]
    with pytest.raises(QueryError):
        session.results(ALL, "after:2020", "date")


def test_undo_takes_back_changes_last_first(session: ReaderSession) -> None:
    first, second = (row.identity for row in session.index.search("", limit=2))
    session.set_flag("read", [first, second], True)
    session.set_flag("starred", [first], True)
    assert session.set_flag("read", [first], True).identities == ()  # nothing to undo here
    assert session.flags() == ({first, second}, {first})
    undone = session.undo()
    assert undone is not None and undone.table == "starred"
    assert session.flags() == ({first, second}, set())
    undone = session.undo()
    assert (
        undone is not None
        and undone.table == "read"
        and set(undone.identities)
        == {
            first,
            second,
        }
    )
    assert session.flags() == (set(), set())
    assert session.undo() is None


def test_related_links_are_looked_up_in_one_query(session: ReaderSession) -> None:
    """Links as written in documents differ from identities (scheme, www, tracking):
    each is normalised, and the corpus is asked once for them all."""
    statements: list[str] = []
    session.index.db.set_trace_callback(statements.append)
    found = session.urls_in_corpus(
        [
            "http://globaltimes.cn/content/1204981.shtml?utm_source=x",
            "https://example.test/tensorflow-3",
            "https://nowhere.test/story",
        ]
    )
    session.index.db.set_trace_callback(None)
    assert found == {
        "http://globaltimes.cn/content/1204981.shtml?utm_source=x",
        "https://example.test/tensorflow-3",
    }
    assert len([sql for sql in statements if "FROM articles" in sql]) == 1
    assert session.urls_in_corpus([]) == set()


def test_an_article_is_parsed_with_its_related_links_in_the_corpus(
    query_corpus: Path, session: ReaderSession
) -> None:
    write_document(
        query_corpus,
        "roundup.md",
        """
        title: "A roundup"
        originalUrl: "https://example.test/roundup"
        related:
          - title: "The TensorFlow story"
            webUrl: "https://example.test/tensorflow-3"
          - title: "Elsewhere"
            webUrl: "https://elsewhere.test/story"
        """,
        "The week in models.\n",
    )
    session.refresh()
    row = session.find_by_url("https://example.test/roundup")
    assert row is not None
    opened = session.article(row)
    assert opened.article is not None and opened.article.title == "A roundup"
    assert opened.related_in_corpus == {"https://example.test/tensorflow-3"}
    assert opened.problem == ""
    Path(row.path).unlink()
    gone = session.article(row)
    assert gone.article is None and gone.problem  # says why, for the detail pane


def test_each_thread_reads_through_its_own_connection(session: ReaderSession) -> None:
    """A worker thread never shares the UI thread's connection; results made in one
    thread fetch their rows through the reading thread's connection."""
    index = session.index
    here = index.db
    theirs: list[sqlite3.Connection] = []
    results: list[ResultSet] = []
    counts: list[TreeCounts] = []
    refused: list[bool] = []

    def work() -> None:
        theirs.append(index.db)
        results.append(index.results("topic:AI"))
        counts.append(session.counts())
        try:
            here.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            refused.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert theirs and theirs[0] is not here
    assert refused == [True]  # the UI thread's connection refuses other threads
    assert stems(results[0]) == stems(index.search("topic:AI"))
    assert counts[0].everything == index.count()


def test_a_saved_search_counts_articles_as_every_node_does(tmp_path: Path) -> None:
    """Grouped into stories, its count was of rows ("CV 288 · 304 new"): more unread than
    in all, beside a topic that counted the same 304 articles."""
    for n, provider in enumerate(("Wire", "Daily", "Post")):
        write_document(
            tmp_path / "news",
            f"{provider}.md",
            "title: Boston bans facial recognition in city schools\n"
            "excerpt: The city council voted to ban facial recognition in its schools.\n"
            f"publishedDateTime: 2024-05-0{n + 1}T10:00:00Z\n"
            f"originalUrl: https://{provider.lower()}.test/boston\n"
            f"provider: {{name: {provider}}}",
        )
    session = ReaderSession([str(tmp_path / "news")])
    session.refresh()
    session.state.save_query("Faces", "facial")
    try:
        assert len(session.results(ALL, "facial", "date")) == 1  # one story's row
        [saved] = session.counts().saved
        assert (saved.total, saved.unread) == (3, 3)
    finally:
        session.close()


def test_an_article_replaced_by_a_link_leading_outside_is_not_read_through_it(
    session: ReaderSession, query_corpus: Path, tmp_path: Path
) -> None:
    """Until the index saw the change, the detail read the file the link led to."""
    [row] = [row for row in session.results(ALL, "", "date") if row.path.endswith("/hangzhou.md")]
    outside = write_document(tmp_path / "elsewhere", "secret.md", "title: Private notes")
    Path(row.path).unlink()
    Path(row.path).symlink_to(outside)
    opened = session.article(row)
    assert (opened.article, opened.problem) == (None, "link leads outside the corpus; not followed")


def test_a_refresh_of_paths_waits_for_another_ledes_refresh_and_not_past_the_end(
    tmp_path: Path,
) -> None:
    """The reader's refresh of the files its watcher named ran beside ``lede index``, which
    held the index's lock: it stored files ``lede index`` had forgotten and was parsing
    again, and ``lede index`` failed on "UNIQUE constraint failed: articles.path" (3 runs
    in 4, 4,000 files changed beside two readers), those articles left out of the index."""
    from library.writer import writing
    from tests.git_corpus import article

    root = tmp_path / "corpus"
    article(root, "old.md", "Old")
    session = ReaderSession([str(root)])
    session.refresh()
    new = str(article(root, "new.md", "New"))
    done: list[int] = []

    def refresh() -> None:
        done.append(session.refresh_paths([new]).parsed)

    with writing(session.index.db_path):  # lede index, in the middle of its refresh
        worker = threading.Thread(target=refresh)
        worker.start()
        worker.join(1.0)
        assert worker.is_alive() and not done  # its turn comes after
    worker.join(30)
    assert done == [1]

    ended: list[BaseException] = []
    with writing(session.index.db_path):
        worker = threading.Thread(target=lambda: ended.append(wait_for(session, new)))
        worker.start()
        worker.join(0.5)
        session.close()  # the reader quits meanwhile: the refresh gives up
        worker.join(5)
        assert not worker.is_alive()
    assert isinstance(ended[0], InterruptedError)


def wait_for(session: ReaderSession, path: str) -> BaseException:
    try:
        session.refresh_paths([path])
    except InterruptedError as error:
        return error
    raise AssertionError("the refresh did not wait")


def test_a_moved_articles_new_id_looked_up_in_a_damaged_index_has_it_built_again(
    session: ReaderSession,
) -> None:
    """The lookup that keeps the cursor on an article another reader marked raised
    SQLite's "database disk image is malformed" out of a timer: a traceback in place of
    the reader, where the list's own query has the index built again."""
    row = next(iter(session.results(ALL, "", "date")))
    told: list[str] = []
    session.on_damage = lambda: told.append("damaged")
    session.index.db.execute("PRAGMA cache_size = 1")  # every page read from the file
    session.index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # its pages all in the file
    path = session.index.db_path
    path.write_bytes(os.urandom(path.stat().st_size))  # in place: its readers see it
    with pytest.raises(IndexDamaged):
        session.stored_id(row)
    assert told == ["damaged"]
