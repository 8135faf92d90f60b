"""What the index holds and where: the same story twice listed once, HTML bodies as text,
untitled documents by a clean name, named files, JSON records, its database rebuilt
on a new schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from library import paths
from library.corpus import open_index, open_state
from library.index import CorpusIndex
from library.schema import SCHEMA_VERSION
from library.stories import story_id
from tests.conftest import QUERY_DOCS, DocWriter, IndexFactory, stems
from tui.records import json_records


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
        "authors": [],
        "topics": ["TensorFlow"],
        "quality": 80,
        "identity": "https://example.test/tensorflow-3",
        "kind": "article",
        "language": None,
        "collection": None,
        "published": True,
        "story": story_id("https://example.test/tensorflow-3"),  # a story of its own
    }
    hangar = next(r for r in records if str(r["path"]).endswith("hangar.md"))
    assert (hangar["published_at"], hangar["quality"], hangar["topics"]) == (None, None, [])


def test_records_for_json_name_the_authors(
    tmp_path: Path, doc_writer: DocWriter, index_factory: IndexFactory
) -> None:
    """A byline was in the reader and searchable, but not in ``lede list --json``."""
    doc_writer("a.md", 'title: A\nauthors: [Ada Lovelace, "[[Jane Doe]]"]\n')
    index = index_factory(tmp_path / "docs")
    records = json_records(index, [row.id for row in index.search("")])
    assert [record["authors"] for record in records] == [["Ada Lovelace", "Jane Doe"]]


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
        (str(readme), "error", "no front matter: the first line must be '---' (or '+++')"),
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


def test_logseq_pages_are_listed_and_searched_as_read(
    tmp_path: Path, index_factory: IndexFactory
) -> None:
    """A graph's pages: titled and tagged by their properties (they were not read), and
    searched without the ids of blocks Logseq writes beside them (a page with front
    matter was found by a search for an id)."""
    root = tmp_path / "graph"
    (root / "logseq").mkdir(parents=True)
    (root / "logseq" / "config.edn").write_text("{:meta/version 1}\n", encoding="utf-8")
    (root / "pages").mkdir()
    block = "64a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b"
    (root / "pages" / "dune.md").write_text(
        f"title:: Dune\ntags:: books\n\n- Spice must flow\n  id:: {block}\n", encoding="utf-8"
    )
    (root / "pages" / "fremen.md").write_text(
        f"---\ntitle: Fremen\n---\n- Desert people, see (({block}))\n", encoding="utf-8"
    )
    index = index_factory(root)
    assert stems(index, "topic:books spice") == {"dune"}
    assert stems(index, "desert") == {"fremen"}
    assert stems(index, "64a1b2c3") == set()


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


def test_the_errors_of_some_files_are_theirs_alone(
    tmp_path: Path, doc_writer: DocWriter, index_factory: IndexFactory
) -> None:
    root = tmp_path / "corpus"
    broken = [doc_writer(f"broken{n}.md", "title: [unclosed\n", folder=root) for n in range(1200)]
    doc_writer("fine.md", "title: Fine\n", folder=root)
    doc_writer("warned.md", "excerpt: no title\n", folder=root)
    index = index_factory(root)
    asked = [str(path) for path in broken[1:]] + [str(root / "fine.md"), str(root / "warned.md")]
    found = index.errors_of(asked)  # more files than one statement may name
    assert [problem.path for problem in found] == sorted(str(path) for path in broken[1:])
    assert {problem.severity for problem in found} == {"error"}
    assert found == [p for p in index.problems("error") if p.path in set(asked)]


def test_an_author_is_found_by_name(
    tmp_path: Path, doc_writer: DocWriter, index_factory: IndexFactory
) -> None:
    """Blogs name their authors, and a reader looks for a writer by name."""
    root = tmp_path / "blog"
    doc_writer("by-ada.md", "title: Engines\nauthor: Ada Lovelace\n", folder=root)
    doc_writer("by-both.md", "title: Compilers\nauthors: [Grace Hopper, Ada Byron]\n", folder=root)
    doc_writer("nobody.md", "title: Ada's day\nprovider: Lovelace Times\n", folder=root)
    index = index_factory(root)
    assert stems(index, "lovelace") == {"by-ada", "nobody"}
    assert stems(index, "hopper") == {"by-both"}
    assert stems(index, "ada -lovelace") == {"by-both"}
