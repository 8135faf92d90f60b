"""An Obsidian note's tags written in its body (``#project/alpha``) are its tags, as
Obsidian counts them: only in a vault, and never a ``#`` in code, a link, a heading, a
comment or HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.document import parse_document


def note_topics(folder: Path, body: str, front: str = "title: Note") -> list[str]:
    """The topics of a note of ``folder`` whose body is ``body``, as the parser reads them."""
    parsed = parse_document(f"---\n{front}\n---\n{body}", str(folder / "Note.md"))
    assert parsed.article is not None
    return parsed.article.topics


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / "notes").mkdir()
    return tmp_path / "notes"


@pytest.mark.parametrize(
    ("body", "tags"),
    [
        ("#start of a line, and #mid-line #project/alpha.", ["start", "mid-line", "project/alpha"]),
        ("Tabs\t#tabbed, lists:\n- #item\n> #quoted", ["tabbed", "item", "quoted"]),
        ("Any script: #日本語 #café #привет_мир", ["日本語", "café", "привет_мир"]),
        ("Digits alone: #1984 #42, a letter: #y1984 #2024-q1", ["y1984", "2024-q1"]),
        ("Inside a word: foo#bar, C#, a&#39;b, x#y", []),
        ("# A heading\n## Another #one", ["one"]),
        ("`#code` and ``#more code``, then #after", ["after"]),
        ("```\n#include <stdio.h>\n```\n~~~python\n# comment #not\n~~~\n#outside", ["outside"]),
        ("```\nan unclosed fence\n#never", []),
        ("> [!example]\n> ```css\n>    color: #ff0000;\n> ```\n> #after", ["after"]),
        ("https://example.com/#anchor and <https://example.com/ #x>", []),
        ("[see](https://example.com/page #part) [[Note#Heading]] [[#Local]] #real", ["real"]),
        ("%% a comment #hidden %% shown #shown\n%%\nlines #also-hidden\n%%", ["shown"]),
        ("<!-- #html-comment --> <span style='color: #FFC700'>x</span> #FFC700", ["FFC700"]),
        ("#Tag, #tag and #TAG are one, as first written", ["Tag"]),
        ("No hash sign at all", []),
        ("A lone # and ## and #/, then #end/", ["end"]),
    ],
)
def test_a_notes_inline_tags(vault: Path, body: str, tags: list[str]) -> None:
    assert note_topics(vault, body) == tags


def test_inline_tags_join_the_front_matters_once(vault: Path) -> None:
    front = "title: Note\ntags: [reading, Project/Alpha]"
    topics = note_topics(vault, "#project/alpha and #Reading, then #new", front)
    assert topics == ["reading", "Project/Alpha", "new"]


def test_outside_a_vault_a_hash_is_no_tag(tmp_path: Path) -> None:
    """A site's post writes ``#hashtags`` and issue numbers in prose: no topics of its own."""
    assert note_topics(tmp_path, "Fixed in #pull-request, #python", "tags: [site]") == ["site"]
