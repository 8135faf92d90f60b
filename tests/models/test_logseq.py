"""Logseq's pages: read from their ``key:: value`` properties, where a page has no front
matter (none was read), and their outline without Logseq's own syntax, which showed raw
(block ids, references by id, task markers and their dates)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models.document import parse_document
from models.html import readable_body
from models.logseq import REFERENCE_MARK, logseq_markdown
from tests.models.test_markdown_extras import PROJECT

REF = "6543abcd-1234-4abc-9def-0123456789ab"
PAGE = (
    "title:: My page\ntags:: reading, notes\nalias:: mp\ncreated:: 2024-01-02\n\n"
    f"- First block with a ref (({REF})) inside.\n"
    "  id:: 64a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b\n"
    "- TODO Read the book\n"
    "  SCHEDULED: <2024-01-02 Tue>\n"
)


def _graph(root: Path) -> Path:
    """A Logseq graph's folder of pages under ``root``."""
    (root / "logseq").mkdir(parents=True)
    (root / "logseq" / "config.edn").write_text("{:meta/version 1}\n")
    (root / "pages").mkdir()
    return root / "pages"


def test_a_page_is_read_from_its_properties() -> None:
    parsed = parse_document(PAGE, "notes/My Page.md")
    article = parsed.article
    assert article is not None and not parsed.problems
    assert article.title == "My page"
    assert article.topics == ["reading", "notes"]
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2024-01-02"
    assert article.model_extra is not None and article.model_extra["alias"] == "mp"
    assert article.body == (
        f"- First block with a ref {REFERENCE_MARK} inside.\n"
        "- **TODO** Read the book  \n"
        "  **Scheduled:** 2024-01-02 Tue\n"
    )


def test_a_value_that_names_pages_is_their_names() -> None:
    text = "type:: [[Feature]]\ntags:: [[machine learning]], [[notes]]\n\n- Body\n"
    article = parse_document(text, "pages/Feature.md").article
    assert article is not None
    assert article.topics == ["machine learning", "notes"]
    assert article.kind == "article"  # a class of pages, no kind of item here


def test_a_problem_with_a_property_points_at_its_line() -> None:
    parsed = parse_document("title:: Due\ndate:: 2021-02-30\n\n- x\n", "due.md")
    assert [(p.line, p.message) for p in parsed.problems] == [
        (2, "date '2021-02-30' is no date; it is not used")
    ]


def test_the_outline_reads_without_logseq_syntax() -> None:
    body = (
        "- A block\n"
        "  id:: 64a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b\n"
        "  collapsed:: true\n"
        "  author:: Ada\n"
        "\t- DONE Wrote it\n"
        "\t  DEADLINE: <2024-02-03 Sat 10:00>\n"
        "- NOW writing, LATER not a marker\n"
        "- Block refs:\n"
        f"  {{{{embed (({REF}))}}}} and [as said]((({REF.upper()})))\n"
        "- logseq.order-list-type:: number\n"
    )
    assert logseq_markdown(body) == (
        "- A block  \n"
        "  **author:** Ada\n"
        "\t- **DONE** Wrote it  \n"
        "\t  **Deadline:** 2024-02-03 Sat 10:00\n"
        "- **NOW** writing, LATER not a marker\n"
        "- Block refs:\n"
        f"  {REFERENCE_MARK} and as said\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        "- Code `a:: b` and `((6543abcd-1234-4abc-9def-0123456789ab))` stay",
        "- C++ std::vector, Haskell x :: Int, Rust foo::bar",
        "- A line with key:: value further on",  # a property starts its line
        "- Shell $(( 1 + 2 )), math (( x )), ((not-a-uuid))",
        "Prose: TODO is not a task without its bullet",
    ],
)
def test_what_is_not_logseq_syntax_stays(line: str) -> None:
    assert logseq_markdown(line) == line


def test_code_in_a_block_keeps_what_it_shows() -> None:
    code = (
        "- An example:\n"
        "  ```\n"
        "  key:: value\n"
        "  TODO not a task\n"
        f"  (({REF}))\n"
        "  SCHEDULED: <2024-01-02 Tue>\n"
        "  ```\n"
        "  id:: 64a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b\n"
    )
    assert logseq_markdown(code) == code.removesuffix(
        "  id:: 64a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b\n"
    )
    on_the_bullet = f"\t\t- ```\n\t\t  key:: value\n\t\t  (({REF}))\n\t\t  ```\n- after (({REF}))"
    assert logseq_markdown(on_the_bullet) == on_the_bullet.replace(f"after (({REF}))", "after (…)")


@pytest.mark.parametrize(
    "text",
    [
        "std::vector<int> v;\n\nMore.\n",
        "x :: Int\n\nMore.\n",
        "Note: prose\n\nMore.\n",
    ],
)
def test_text_opening_with_other_colons_is_no_page(text: str) -> None:
    assert not parse_document(text, "notes/a.md", require_front_matter=False).has_front_matter


def test_other_documents_keep_their_lines(tmp_path: Path) -> None:
    """Outside a graph, a document with front matter is not Logseq's: ``a:: b`` at a line's
    start and a double-parenthesised id are what its author wrote."""
    body = f"id:: 64a1b2c3\n- TODO read\n  SCHEDULED: <2024-01-02 Tue>\n(({REF}))\n"
    article = parse_document(f"---\ntitle: Notes\n---\n{body}", str(tmp_path / "a.md")).article
    assert article is not None and article.body == body


def test_a_graph_page_with_front_matter_reads_as_logseq(tmp_path: Path) -> None:
    path = _graph(tmp_path / "graph") / "Page.md"
    text = f"---\ntitle: Page\n---\n- See (({REF}))\n  id:: {REF}\n"
    article = parse_document(text, str(path)).article
    assert article is not None
    assert readable_body(article.body, str(path)) == f"- See {REFERENCE_MARK}\n"


def test_a_property_line_of_many_spaces_is_read_at_once() -> None:
    """A first line ``note:: a`` with thousands of spaces before its last word took
    minutes to read (each space tried the line's end again), in any folder: asked in a
    process of its own, so the old pattern fails by the deadline rather than hold the suite."""
    text = "note:: a" + " " * 100_000 + "b\n\nbody\n"
    asked = f"from models.logseq import split_properties; assert split_properties({text!r})"
    subprocess.run([sys.executable, "-c", asked], check=True, timeout=10, cwd=PROJECT)


@pytest.mark.parametrize(
    ("setting", "name", "day", "title"),
    [
        ("", "2024_01_01.md", "2024-01-01", "Jan 1st, 2024"),  # Logseq's own formats
        (
            '\n :journal/file-name-format "yyyy-MM-dd"\n'
            ' :journal/page-title-format "EEEE, dd.MM.yyyy"',
            "2024-01-12.md",
            "2024-01-12",
            "Friday, 12.01.2024",
        ),
        # No day: a page, named by its file as any other.
        ('\n ;; :journal/file-name-format "yyyy-MM-dd"\n', "2024-01-15.md", None, "2024-01-15"),
        ("", "2024_02_30.md", None, "2024_02_30"),
        (
            '\n :journal/file-name-format "EEE yyyy_MM_dd"\n',
            "Mon 2024_01_15.md",
            None,
            "Mon 2024_01_15",
        ),
        (
            '\n :journal/page-title-format "MMMM do yyyy QQ"',
            "2024_03_23.md",
            "2024-03-23",
            "Mar 23rd, 2024",
        ),
    ],
)
def test_a_journal_is_dated_and_titled_by_its_name(
    tmp_path: Path, setting: str, name: str, day: str | None, title: str
) -> None:
    """A journal, named by its day alone, was listed undated, below every other page, and
    by its file's name."""
    graph = tmp_path / "graph"
    _graph(graph)
    (graph / "logseq" / "config.edn").write_text(f"{{:meta/version 1{setting}}}\n")
    (graph / "journals").mkdir()
    path = graph / "journals" / name
    article = parse_document("tags:: diary\n\n- Read a paper\n", str(path)).article
    assert article is not None
    published = article.published_at
    assert (published.date().isoformat() if published else None) == day
    assert article.title == title
    titled = parse_document("title:: Reading\n\n- Read a paper\n", str(path)).article
    assert titled is not None and titled.title == "Reading"  # as the page says


def test_a_journals_folder_out_of_a_graph_dates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journals" / "2024_01_15.md"
    article = parse_document("---\ntitle: Notes\n---\nBody\n", str(path)).article
    assert article is not None and article.published_at is None


def test_priorities_and_drawers_read_as_logseq_shows_them() -> None:
    """A priority showed as written (``[#A]``), and a block's drawer (its logbook's clock
    times), which Logseq hides, showed as text."""
    body = (
        "- LATER [#A] big and urgent\n"
        "- [#C] no task, low priority\n"
        "- DONE Timed\n"
        "  :LOGBOOK:\n"
        "  CLOCK: [2021-09-01 Wed 15:15]--[2021-09-01 Wed 15:16] =>  00:01\n"
        "  :END:\n"
        "  :PROPERTIES:\n"
        "  :id: 64a1\n"
        "  :end:\n"
        "- After, with [#B] in its words and TODO[#A]\n"
        "  :NOTES:\n"
        "  left open\n"
    )
    assert logseq_markdown(body) == (
        "- **LATER** *priority A* big and urgent\n"
        "- *priority C* no task, low priority\n"
        "- **DONE** Timed\n"
        "- After, with [#B] in its words and TODO[#A]\n"
        "  :NOTES:\n"
        "  left open\n"
    )


def test_a_graph_page_without_properties_is_read_and_named_by_its_file(
    tmp_path: Path,
) -> None:
    """Most of a graph's pages and journals open with no property: none of them was read,
    and a graph listed only its few pages with a ``title::``. An empty journal (Logseq
    writes one a day) is still no page, and a file out of a graph still needs front
    matter."""
    pages = _graph(tmp_path / "graph")
    (tmp_path / "graph" / "journals").mkdir()
    page = parse_document("- Notes on [[Rust]]\n  - more\n", str(pages / "Rust notes.md"))
    assert page.article is not None and not page.problems
    assert page.article.title == "Rust notes"
    assert page.article.body == "- Notes on [[Rust]]\n  - more\n"
    nested = parse_document("- a block\n", str(pages / "work___projects.md")).article
    assert nested is not None and nested.title == "work/projects"
    day = parse_document("- went out\n", str(tmp_path / "graph" / "journals" / "2024_01_15.md"))
    assert day.article is not None and day.article.title == "Jan 15th, 2024"
    assert (
        parse_document("- \n", str(tmp_path / "graph" / "journals" / "2024_01_16.md")).article
        is None
    )
    assert parse_document("- a block\n", str(tmp_path / "notes.md")).article is None
