"""``lede list -q`` finds a word however a user spells it: case, accents (Greek's too),
ß, typographic quotes, decomposed text, emoji glued to a word; and several bounds all
hold. Each query here found nothing, or too much, before."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import LedeRunner, write_document

DOCUMENTS = {
    "zurich": ("Zürich banks report", "ZÜRICH Zeitung", "2021-06-01", "Zürich"),
    "greek": ("Ο κόσμος της τεχνολογίας", "Wire", "2021-06-02", "AI"),
    "strasse": ("Die Straße ist lang", "Wire", "2021-06-03", "AI"),
    "robot": ("Smart assistants🤖 arrive", "Wire", "2021-06-04", "AI"),
    "osaka": ("大阪でAIが話題", "Wire", "2021-06-05", "AI"),
    "faces": ("Facial recognition at airports", "Wire", "2020-01-01", "AI"),
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("provider:zurich", {"zurich"}),
        ("topic:zurich", {"zurich"}),
        ("ΚΟΣΜΟΣ", {"greek"}),
        ("τεχνολογιας", {"greek"}),
        ("strasse", {"strasse"}),
        ("assistants", {"robot"}),
        (unicodedata.normalize("NFD", "大阪で"), {"osaka"}),  # pasted from a macOS file name
        ("“facial recognition”", {"faces"}),
        ("“recognition facial”", set()),
        ("after:2021-06-04 after:2021-06-02", {"robot", "osaka"}),
        ("before:2021-01-01 before:2021-06-03", {"faces"}),
    ],
)
def test_a_query_finds_the_word_however_it_is_spelled(
    tmp_path: Path, run_lede: LedeRunner, query: str, expected: set[str]
) -> None:
    folder = tmp_path / "news"
    for name, (title, provider, day, topic) in DOCUMENTS.items():
        front = (
            f"title: {json.dumps(title, ensure_ascii=False)}\npublishedDateTime: {day}T12:00:00Z\n"
            f"provider:\n  name: {json.dumps(provider, ensure_ascii=False)}\n  domain: news.test\n"
            f"topics: [{json.dumps(topic, ensure_ascii=False)}]\n"
        )
        write_document(folder, f"{name}.md", front, "Body.\n")
    done = run_lede("list", "--json", "-q", query, folder)
    assert done.returncode == 0, done.stderr
    found = {Path(json.loads(line)["path"]).stem for line in done.stdout.splitlines()}
    assert found == expected
