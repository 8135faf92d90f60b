"""A refresh told which paths changed keeps duplicates, the topic closure, the stored
listing and the story map as a full rebuild makes them, doing work for the changed
articles only, in a process of its own."""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from library import closure, listing, targeted
from library.corpus import open_index, open_state
from library.index import CorpusIndex
from library.results import ResultSet
from library.story_map import StoryMap, read_mask
from library.synthetic import generate
from tests.conftest import write_document
from tests.git_corpus import article
from tests.library.sql_trace import traced_statements

TOPICS = ["AI", "Robotics", "AI in Healthcare", None]
FULL_LISTING = "ORDER BY a.published IS NULL"  # store_listing's read of the whole list
FULL_DUPLICATES = "GROUP BY identity HAVING"  # closure.mark_duplicates


def kept(db: sqlite3.Connection) -> tuple[list, list, list]:
    """Every article's duplicate mark, the closure, and the stored list with each article's
    part of the site (as names: their numbering may differ)."""
    duplicates = sorted(db.execute("SELECT id, duplicate_of FROM articles"))
    closure = sorted(db.execute("SELECT node, article_id FROM topic_closure"))
    ids, parts, names = db.execute("SELECT ids, parts, part_names FROM listing").fetchone()
    names = json.loads(names)
    listed = [
        (article, names[code // 2], code % 2)
        for article, code in zip(memoryview(ids).cast("q"), parts, strict=True)
    ]
    return duplicates, closure, listed


def rebuilt(db: sqlite3.Connection) -> tuple[list, list, list]:
    """What a full rebuild makes of them, computed and rolled back."""
    db.execute("SAVEPOINT rebuild")
    closure.mark_duplicates(db)
    closure.rebuild_closure(db, closure.read_topic_tree(db))
    listing.store_listing(db)
    state = kept(db)
    db.execute("ROLLBACK TO rebuild")
    db.execute("RELEASE rebuild")
    return state


def grouping(stories: StoryMap, index: CorpusIndex) -> tuple[list, list, list]:
    """The list as one row per story: each row's headline, size and story."""
    ids = [row[0] for row in index.db.execute("SELECT id FROM articles WHERE duplicate_of IS NULL")]
    results = ResultSet(lambda: index.db, sorted(ids))
    none = read_mask(len(stories.story), ())
    grouped = stories.grouped(results, none, none)
    rows = [grouped.story_row(position) for position in range(len(grouped))]
    sizes = [1 if row is None else row.size for row in rows]
    return list(grouped.ids), sizes, [None if row is None else row.code for row in rows]


def same_grouping(updated: StoryMap, index: CorpusIndex) -> None:
    """The updated map groups the list as a map loaded whole: the same rows, sizes,
    stories and headlines (an arrival that is the better write-up heads its story at
    once, as ``lede list --stories`` heads it)."""
    assert grouping(updated, index) == grouping(StoryMap(index.db), index)


def indexed_site(root: Path, count: int, seed: int) -> CorpusIndex:
    """A generated plain site of ``count`` articles at ``root``, indexed."""
    generate(root, count, seed=seed, plain=True)
    index = open_index([str(root)], open_state())
    index.refresh()
    return index


def edit(path: Path, rng: random.Random) -> None:
    """Give a document another title and date (which moves it in the list)."""
    text = path.read_text()
    text = re.sub(r"(?m)^title: .*$", f'title: "Edited {rng.randrange(10**6)}"', text)
    day = f"20{rng.randrange(10, 31)}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}"
    text = re.sub(r"(?m)^publishedDateTime: \S+", f"publishedDateTime: {day}T08:00:00Z", text)
    path.write_text(text)


def change_at_random(root: Path, rng: random.Random, step: int) -> list[Path]:
    """Add, copy (the same link: a duplicate, or the original if its path comes first),
    edit and remove a few documents."""
    files = sorted(root.rglob("*.md"))
    touched = []
    for number in range(rng.randrange(1, 4)):
        day = f"20{rng.randrange(10, 31)}-0{rng.randrange(1, 10)}-0{rng.randrange(1, 10)}"
        topic = rng.choice([*TOPICS, f"Brand new {step}"] if number == 0 else TOPICS)
        touched.append(article(root, f"new-{step}-{number}.md", f"New {step}", day, topic))
    for source in rng.sample(files, 2):
        copy = root / f"{rng.choice('0z')}-copy-{step}-{source.name}"
        shutil.copy(source, copy)
        touched.append(copy)
    for path in rng.sample(files, 3):
        edit(path, rng)
        touched.append(path)
    for path in rng.sample(files, 3):
        if path not in touched:
            path.unlink()
            touched.append(path)
    return touched


@pytest.mark.parametrize(("seed", "here"), [(1, True), (2, True), (3, False)])
def test_random_changes_keep_what_a_full_rebuild_makes(
    tmp_path: Path, monkeypatch, seed: int, here: bool
) -> None:
    """Here: in this process, with the listing always updated in place (a corpus this
    small is otherwise listed again whole); else through the index's worker process."""
    if here:
        monkeypatch.setattr(listing, "IN_PLACE", 0)
    root = tmp_path / "site"
    generate(root, 150, seed=seed, plain=True)
    first = sorted(root.rglob("*.md"))[0]
    shutil.copy(first, root / "zz-copy.md")  # a duplicate given its story by a full refresh
    index = open_index([str(root)], open_state())
    index.refresh()
    stories = StoryMap(index.db)
    rng = random.Random(seed)
    for step in range(6):
        paths = change_at_random(root, rng, step)
        if step == 3:
            first.unlink()  # the copy leaves the duplicates, with its story
            paths.append(first)
        named = [str(path) for path in paths]
        if here:
            report = targeted.refresh_paths(index.roots, index.db_path, named)
        else:
            report = index.refresh_paths(named)
        assert report.listed is not None
        assert kept(index.db) == rebuilt(index.db)
        stories = stories.updated(index.db, report.listed)
        same_grouping(stories, index)


def test_a_new_file_does_not_read_every_article(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "site"
    index = indexed_site(root, 60, 4)
    statements = traced_statements(monkeypatch, targeted)
    new = article(root, "arrival.md", "Arrival", topic="AI")
    report = targeted.refresh_paths(index.roots, index.db_path, [str(new)])
    assert report.articles == (1, 0, 0, 0)
    assert statements  # the refresh was seen
    assert not [sql for sql in statements if FULL_LISTING in sql or FULL_DUPLICATES in sql]
    assert "SELECT name, parent, topic_id" not in " ".join(statements)  # the tree stays


def test_the_newest_article_and_the_last_file_to_arrive_are_looked_at_first(
    tmp_path: Path,
) -> None:
    root = tmp_path / "site"
    old = [article(root, f"old-{n}.md", f"Old {n}", day=f"2020-01-{n + 1:02d}") for n in range(9)]
    newest = article(root, "newest.md", "Newest", day="2026-11-30")
    index = open_index([str(root)], open_state())
    index.refresh()
    late = article(root, "late.md", "Late", day="2019-06-01")  # an old date, arrived last
    index.refresh()
    assert targeted.recent_paths(index.db, 1) == sorted([str(late), str(newest)])

    for path in (newest, late, old[4]):
        path.write_text(path.read_text().replace('title: "', 'title: "Corrected '))
    report = targeted.refresh_recent(index.roots, index.db_path, 1)
    assert report.articles == (0, 2, 0, 0)
    stored = dict(index.db.execute("SELECT path, title FROM articles"))
    assert (stored[str(newest)], stored[str(late)]) == ("Corrected Newest", "Corrected Late")
    assert stored[str(old[4])] == "Old 4"  # left to the walk of every file
    assert index.refresh().parsed == 1
    assert index.db.execute(
        "SELECT title FROM articles WHERE path = ?", (str(old[4]),)
    ).fetchone() == ("Corrected Old 4",)


def test_changed_paths_are_parsed_in_another_process(tmp_path: Path) -> None:
    root = tmp_path / "site"
    article(root, "a.md", "A")
    script = f"""
import sys
from pathlib import Path
from library.corpus import open_index, open_state
from tests.conftest import write_document
from tests.git_corpus import article
index = open_index([{str(root)!r}], open_state())
index.refresh()
sys.modules.pop("library.summaries", None)  # the parser, imported by the full refresh
report = index.refresh_paths([str(article(Path({str(root)!r}), "b.md", "B"))])
index.stop_writer()
print(report.articles.added, "library.summaries" in sys.modules)
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "False"]


def test_a_map_loaded_before_an_arrival_takes_its_removal(tmp_path: Path) -> None:
    """A map read just before a refresh committed, and updated only for a later one."""
    root = tmp_path / "site"
    index = indexed_site(root, 30, 5)
    stories = StoryMap(index.db)
    new = article(root, "arrival.md", "Arrival")
    targeted.refresh_paths(index.roots, index.db_path, [str(new)])
    new.unlink()
    report = targeted.refresh_paths(index.roots, index.db_path, [str(new)])
    assert report.listed is not None
    assert grouping(stories.updated(index.db, report.listed), index) == grouping(
        StoryMap(index.db), index
    )


def test_the_topic_tree_is_read_again_only_when_its_topics_change(tmp_path: Path) -> None:
    root = tmp_path / "site"
    index = indexed_site(root, 30, 6)
    tree = index.topic_tree()
    used = index.db.execute("SELECT name FROM article_topics LIMIT 1").fetchone()[0]
    index.refresh_paths([str(article(root, "known.md", "Known", topic=used))])
    assert index.topic_tree() is tree
    index.refresh_paths([str(article(root, "unknown.md", "Unknown", topic="Brand new"))])
    assert index.topic_tree().resolve("Brand new") is not None


def test_a_change_that_lists_nothing_leaves_the_map_as_it_was(tmp_path: Path) -> None:
    root = tmp_path / "site"
    index = indexed_site(root, 20, 7)
    stories = StoryMap(index.db)
    broken = root / "half-written.md"
    broken.write_text("---\ntitle: [unclosed\n")
    report = targeted.refresh_paths(index.roots, index.db_path, [str(broken)])
    assert report.listed == (frozenset(), frozenset())
    assert grouping(stories.updated(index.db, report.listed), index) == grouping(stories, index)


def write_up(root: Path, name: str, title: str, day: str, provider: str, quality: int = 50) -> Path:
    return write_document(
        root,
        name,
        f"""
        title: "{title}"
        quality: {quality}
        excerpt: "Researchers found 38 million records exposed by Acme Power Apps portals."
        publishedDateTime: {day}T08:00:00Z
        originalUrl: https://{provider}.test/{name}
        provider:
          name: {provider}
          domain: {provider}.test
        """,
    )


def test_a_write_up_arriving_joins_its_story_row(tmp_path: Path) -> None:
    """A file that reports a stored story's event joins that story as it arrives, and
    the map updated for it shows one row of two sources, as a whole load does."""
    root = tmp_path / "corpus"
    title = "Acme Power Apps misconfiguration exposes 38 million records"
    write_up(root, "first.md", title, "2021-03-05", "wire")
    write_up(root, "other.md", "Quantum sensor maker opens lab", "2021-03-05", "paper")
    index = open_index([str(root)], open_state())
    index.refresh()
    stories = StoryMap(index.db)
    later = write_up(
        root, "later.md", "38M records exposed via Acme Power Apps", "2021-03-06", "post"
    )
    report = index.refresh_paths([str(later)])
    assert report.listed is not None
    stories = stories.updated(index.db, report.listed)
    heads, sizes, codes = grouping(stories, index)
    assert sorted(sizes) == [1, 2]
    first = index.db.execute("SELECT story FROM articles WHERE path LIKE '%first.md'").fetchone()
    assert codes[sizes.index(2)] == int(first[0], 16)
    same_grouping(stories, index)


def test_write_ups_arriving_together_are_headed_as_a_whole_load_heads_them(
    tmp_path: Path,
) -> None:
    """Arrivals of one update rank among themselves in the headline order: the better
    write-up heads the new story, whichever was stored first."""
    root = tmp_path / "corpus"
    write_up(root, "other.md", "Quantum sensor maker opens lab", "2021-03-05", "paper")
    index = open_index([str(root)], open_state())
    index.refresh()
    stories = StoryMap(index.db)
    title = "Acme Power Apps misconfiguration exposes 38 million records"
    first = write_up(root, "a.md", title, "2021-03-05", "wire", quality=20)
    better = write_up(
        root, "b.md", "38M records exposed via Acme Power Apps", "2021-03-06", "post", quality=90
    )
    report = index.refresh_paths([str(first), str(better)])
    assert report.listed is not None
    heads, sizes, _ = grouping(stories.updated(index.db, report.listed), index)
    best = index.db.execute("SELECT id FROM articles WHERE path LIKE '%b.md'").fetchone()[0]
    assert heads[sizes.index(2)] == best


@pytest.mark.parametrize("change", ["headline-written-again", "better-write-up-arrives"])
def test_a_story_is_headed_at_once_as_a_whole_load_heads_it(tmp_path: Path, change: str) -> None:
    """The headline's own file written again by a feed ranked after the story's other
    sources, which headed its row until the next start; a better write-up arriving
    headed it only then too. ``lede list --stories`` named the right one all along."""
    root = tmp_path / "corpus"
    title = "Acme Power Apps misconfiguration exposes 38 million records"
    best = write_up(root, "best.md", title, "2021-03-05", "wire", quality=90)
    write_up(root, "other.md", "38M records exposed via Acme Power Apps", "2021-03-06", "post")
    index = open_index([str(root)], open_state())
    index.refresh()
    stories = StoryMap(index.db)
    if change == "headline-written-again":
        best.write_text(best.read_text().replace("quality: 90", "quality: 91"))
    else:
        best = write_up(root, "later.md", f"{title}, firm says", "2021-03-07", "desk", quality=95)
    report = index.refresh_paths([str(best)])
    assert report.listed is not None
    heads, sizes, _ = grouping(stories.updated(index.db, report.listed), index)
    head = index.db.execute("SELECT id FROM articles WHERE path = ?", (str(best),)).fetchone()[0]
    assert heads[sizes.index(max(sizes))] == head
    same_grouping(stories.updated(index.db, report.listed), index)
