"""A refresh told which paths changed looks at those alone, keeps when each file was first
seen, and counts the articles it added, changed and removed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from library import targeted
from library.closure import read_topic_tree, rebuild_closure
from library.corpus import open_index, open_state
from library.reports import ArticleChanges
from library.state import StateStore
from library.synthetic import generate
from models.problem import Problem
from tests.conftest import write_document
from tests.git_corpus import article
from tests.library.test_scan import refuse_folder


def seen(index, name: str) -> float:
    row = index.db.execute(
        "SELECT first_seen FROM articles WHERE path LIKE ?", (f"%/{name}",)
    ).fetchone()
    return row[0]


def test_only_the_paths_named_are_looked_at(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    article(root, "a.md", "A")
    article(root, "b.md", "B")
    index = open_index([str(root)], open_state())
    index.refresh()
    article(root, "new.md", "New")
    article(root, "unnamed.md", "Not named")  # changed too, but nobody said so
    article(root, ".hidden.md", "Hidden")
    article(root / "node_modules" / "pkg", "CHANGELOG.md", "Package changes")  # npm install
    article(root, "a.md", "A again")
    os.utime(root / "a.md", ns=(1, 1))  # surely another mtime
    (root / "b.md").unlink()

    report = index.refresh_paths(
        [str(root / name) for name in ("new.md", ".hidden.md", "a.md", "b.md")]
        + [str(root / "node_modules" / "pkg" / "CHANGELOG.md")]
        + [str(tmp_path / "elsewhere.md")]
    )
    assert report.articles == ArticleChanges(added=1, changed=1, removed=1)
    assert sorted(row.title for row in index.search("")) == ["A again", "New"]
    assert index.refresh_paths([str(root / "new.md")]).parsed == 0  # unchanged: not parsed
    assert index.refresh().parsed == 1  # the unnamed file was left for a full refresh


def test_a_file_replaced_by_a_link_leading_outside_leaves_the_index(tmp_path: Path) -> None:
    """The link was passed over and the article it replaced kept: listed still, and its
    detail read through the link, from a file outside the corpus (or /dev/zero)."""
    root = tmp_path / "corpus"
    for name in ("a.md", "b.md", "c.md", "d.md"):
        article(root, name, name.upper())
    article(tmp_path, "outside.md", "Outside")
    index = open_index([str(root)], open_state())
    index.refresh()
    for name, target in (("a.md", tmp_path / "outside.md"), ("b.md", Path("/dev/zero"))):
        (root / name).unlink()
        (root / name).symlink_to(target)
    (root / "c.md").unlink()
    (root / "c.md").symlink_to(tmp_path / "nowhere.md")  # dangling
    report = index.refresh_paths([str(root / name) for name in ("a.md", "b.md", "c.md")])
    assert report.articles.removed == 3
    assert [row.title for row in index.search("")] == ["D.MD"]


@pytest.mark.parametrize("name", ["events", "events.md"])
def test_a_folder_replaced_by_a_file_takes_its_articles_with_it(tmp_path: Path, name: str) -> None:
    """A folder moved away and a file made at its name: the reader kept listing the
    articles the folder held, and opened them to "no such file"."""
    root = tmp_path / "corpus"
    article(root / name, "a.md", "Held")
    article(root, "b.md", "Beside")
    index = open_index([str(root)], open_state())
    index.refresh()
    shutil.rmtree(root / name)
    (root / name).write_text("a file now\n")
    report = index.refresh_paths([str(root / name)])
    assert report.articles.removed == 1
    assert [row.title for row in index.search("")] == ["Beside"]


def test_first_seen_is_kept_while_a_file_changes_and_forgotten_when_it_goes(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    old = article(root, "old.md", "Old")
    os.utime(old, (1_000_000, 1_000_000))
    index = open_index([str(root)], open_state())
    index.refresh()
    assert seen(index, "old.md") == 1_000_000  # a cold index takes the file's time
    article(root, "old.md", "Old, edited")
    index.refresh_paths([str(old)])
    assert seen(index, "old.md") == 1_000_000
    old.unlink()
    index.refresh_paths([str(old)])
    article(root, "old.md", "Old, back again")
    index.refresh_paths([str(old)])
    assert seen(index, "old.md") > 1_000_000  # it entered the corpus again


@pytest.mark.parametrize("targeted", [True, False], ids=["told the paths", "full refresh"])
def test_a_moved_file_keeps_when_its_article_was_first_seen(tmp_path: Path, targeted: bool) -> None:
    """Renamed or moved into another folder, it is no news since the last visit. An
    article whose identity is its path is told by its title and date, where the watcher
    saw it go and come and where the walk of a warm start finds one gone and one new (its
    reading state goes with it: the walk had dropped it, and its marks, as a new post)."""
    root = tmp_path / "corpus"
    for name in ("moved.md", "renamed.md"):
        os.utime(article(root, name, name), (1_000_000, 1_000_000))
    no_link = write_document(root, "no-link.md", 'title: "No link"')
    os.utime(no_link, (1_000_000, 1_000_000))
    index = open_index([str(root)], open_state())
    index.refresh()
    (root / "later").mkdir()
    moves = {"moved.md": "later/moved.md", "renamed.md": "new-name.md", "no-link.md": "x.md"}
    for old, new in moves.items():
        (root / old).rename(root / new)
    if targeted:
        report = index.refresh_paths([str(root / path) for path in [*moves, *moves.values()]])
        assert report.articles == ArticleChanges(added=0, changed=0, removed=0, moved=3)
    else:
        report = index.refresh()
    assert report.renamed == ((str(root / "no-link.md"), str(root / "x.md")),)
    assert seen(index, "later/moved.md") == seen(index, "new-name.md") == 1_000_000
    assert seen(index, "x.md") == 1_000_000
    assert index.first_seen_since(2_000_000) == []
    article(root, "new-name.md", "Renamed, then edited")
    index.refresh()
    assert seen(index, "new-name.md") == 1_000_000  # its file keeps the time too


def test_a_visit_is_new_since_the_previous_one_ended(tmp_path: Path) -> None:
    state = StateStore(tmp_path / "state.sqlite")
    first, previous = state.begin_session("corpus a")
    assert previous is None
    assert state.begin_session("corpus b")[1] is None  # another corpus, another history
    started = state.db.execute("SELECT started FROM sessions WHERE rowid = ?", (first,))
    assert state.begin_session("corpus a")[1] == started.fetchone()[0]  # never ended: killed
    last, _ = state.begin_session("corpus a")
    state.end_session(last)
    ended = state.db.execute("SELECT ended FROM sessions WHERE rowid = ?", (last,)).fetchone()
    assert state.begin_session("corpus a")[1] == ended[0]


def closure(index) -> list[tuple[str, int]]:
    return sorted(index.db.execute("SELECT node, article_id FROM topic_closure"))


def rebuilt_closure(index) -> list[tuple[str, int]]:
    """The closure a full rebuild gives, computed and rolled back."""
    db = index.db
    db.execute("SAVEPOINT rebuild")
    rebuild_closure(db, read_topic_tree(db))
    rows = closure(index)
    db.execute("ROLLBACK TO rebuild")
    db.execute("RELEASE rebuild")
    return rows


def test_the_closure_kept_up_by_a_targeted_refresh_is_the_one_a_rebuild_makes(
    tmp_path: Path,
) -> None:
    root = tmp_path / "site"
    generate(root, 120, seed=3, plain=True)
    index = open_index([str(root)], open_state())
    index.refresh()
    first, second, third = sorted(root.rglob("*.md"))[:3]
    copy = root / "copy-of-first.md"

    def step(*paths: Path) -> None:
        index.refresh_paths([str(path) for path in paths])
        assert closure(index) == rebuilt_closure(index)

    shutil.copy(first, copy)
    step(copy)  # a duplicate story appears
    second.unlink()
    third.unlink()
    step(second, third)  # two go
    first.unlink()
    step(first)  # the copy is the story now: it stops being a duplicate
    step(article(root, "no-topics.md", "Without topics"))
    brand_new = root / "new-topic.md"
    brand_new.write_text(
        '---\ntitle: "A new topic"\noriginalUrl: "https://x.test/n"\ntopics:\n  - Brand New\n---\n'
    )
    step(brand_new)  # a topic no article had: the closure is built again
    assert ("brand new", index.rows_at([str(brand_new)])[0].id) in closure(index)


def test_a_post_without_a_link_that_could_be_either_of_two_is_no_move() -> None:
    """Two drafts of one title and date gone, one come: which one's reading state it
    should have cannot be told, and none is given to it."""
    from library.renames import renames

    day = 1_790_000_000.0
    departing = {"/blog/a/draft.md": ("Draft", day, 1.0), "/blog/b/draft.md": ("Draft", day, 2.0)}
    arriving = {"/blog/c/draft.md": ("Draft", day, 3.0), "/blog/a/other.md": ("Other", day, 3.0)}
    assert renames(departing, arriving) == []
    del departing["/blog/b/draft.md"]
    assert renames(departing, arriving) == [("/blog/a/draft.md", "/blog/c/draft.md")]


def test_two_readers_storing_the_same_new_files_at_once_both_end_well(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two readers on one corpus, each told of the same new files by its watcher: the one
    that stored second had looked at them before the other's commit, stored them again
    and failed on "UNIQUE constraint failed: articles.path", and its screen showed none
    of them (50 files written beside two readers of a 5,000-article site, every time)."""
    from library import targeted

    root = tmp_path / "corpus"
    article(root, "old.md", "Old")
    index = open_index([str(root)], open_state())
    index.refresh()
    db_path = index.db_path
    index.close()
    named = [str(article(root, f"new{n}.md", f"New {n}")) for n in range(3)]
    looked_at = targeted.look_at
    others: list[int] = []

    def the_other_reader_stores_them_meanwhile(db, roots, paths):  # type: ignore[no-untyped-def]
        found = looked_at(db, roots, paths)
        if not others:  # once: the other reader's own looks are plain ones
            others.append(0)
            others[0] = targeted.refresh_paths(roots, db_path, paths).parsed
        return found

    monkeypatch.setattr(targeted, "look_at", the_other_reader_stores_them_meanwhile)
    report = targeted.refresh_paths([str(root)], db_path, named)
    assert others == [3]
    assert report.parsed == 0  # nothing left to do here
    index = open_index([str(root)], open_state())
    assert sorted(row.title for row in index.search("")) == ["New 0", "New 1", "New 2", "Old"]
    index.close()


def test_a_folder_made_unreadable_is_a_warning_as_a_start_finds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen by the watcher, the folder was scanned as if named: "error:", where a start,
    walking the corpus, said "warning:" of the same folder."""
    root = tmp_path / "corpus"
    article(root, "a.md", "A")
    article(root / "locked", "b.md", "B")
    index = open_index([str(root)], open_state())
    index.refresh()
    refuse_folder(monkeypatch, "locked")
    said = Problem(
        "", None, "warning", f"{root / 'locked'}: cannot read the folder: permission denied"
    )

    live = targeted.refresh_paths(index.roots, index.db_path, [str(root / "locked")])
    assert live.unreadable == (said,)
    index.refresh()
    assert said in index.problems()


def test_what_a_watcher_finds_kept_out_is_stored_and_forgotten_when_mended(
    tmp_path: Path,
) -> None:
    """The problems of the paths a watcher saw were said and not stored: what the index
    said was kept out (``lede list``'s line, the reader's problems as it starts) was what
    the last walk of the corpus found, a folder mended since or one unread since."""
    root = tmp_path / "corpus"
    article(root, "a.md", "A")
    index = open_index([str(root)], open_state())
    index.refresh()
    article(root / "new", "b.md", "B")
    latin = os.fsencode(root / "new") + b"/caf\xe9.md"
    with open(latin, "w", encoding="utf-8") as file:
        file.write("---\ntitle: Latin\n---\n")

    report = index.refresh_paths([str(root / "new")])
    assert len(report.unreadable) == 1
    assert index.kept_out() == list(report.unreadable)

    os.rename(latin, root / "new" / "cafe.md")
    index.refresh_paths([str(root / "new")])
    assert index.kept_out() == []
    assert sorted(row.title for row in index.search("")) == ["A", "B", "Latin"]
