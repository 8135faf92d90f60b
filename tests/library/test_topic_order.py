"""The topic tree keeps the site's order: taxonomy files by file name, a file's entries as
written; topics no taxonomy defines come after, by name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from library.index import CorpusIndex
from models.taxonomy import Topic
from models.topic import TopicTree
from tests.conftest import write_document


def names(tree: TopicTree, keys: list[str]) -> list[str]:
    return [tree.nodes[key].name for key in keys]


def test_children_and_roots_keep_the_order_they_are_given() -> None:
    topics = [
        Topic(name="Power Apps"),
        Topic(name="Canvas Apps", parent="Power Apps"),
        Topic(name="Model-driven Apps", parent="Power Apps"),
        Topic(name="AI Builder", parent="Power Apps"),
        Topic(name="Power Automate"),
        Topic(name="Dataverse"),
    ]
    tree = TopicTree.build(topics, used=["Zeta", "Alpha", "Power Apps"])
    assert names(tree, tree.roots) == ["Power Apps", "Power Automate", "Dataverse", "Alpha", "Zeta"]
    power_apps = tree.resolve("Power Apps")
    assert power_apps is not None
    children = tree.nodes[power_apps].children
    assert names(tree, children) == ["Canvas Apps", "Model-driven Apps", "AI Builder"]


def test_undeclared_parents_and_children_come_after_the_declared_by_name() -> None:
    topics = [Topic(name="B child", parent="Root"), Topic(name="A child", parent="Missing")]
    tree = TopicTree.build([Topic(name="Root"), *topics], used=[])
    assert names(tree, tree.roots) == ["Root", "Missing"]
    missing = tree.resolve("Missing")
    assert missing is not None and names(tree, tree.nodes[missing].children) == ["A child"]


def topic(name: str, parent: str = "") -> str:
    return f"taxonomy: topic\nname: {name}\n" + (f"parent: {parent}\n" if parent else "")


def test_the_index_and_lede_topics_keep_the_files_order(tmp_path: Path, run_lede: Any) -> None:
    site = tmp_path / "site"
    folder = site / "_data" / "topics"
    folder.mkdir(parents=True)
    # Written out of order, so neither creation order nor names of topics give the answer.
    files = {
        "02-dataverse.yaml": topic("Dataverse", "Power Platform"),
        "00-power-platform.yaml": topic("Power Platform"),
        "01-power-apps.yaml": "---\n".join(
            [
                topic("Power Apps", "Power Platform"),
                topic("Model-driven Apps", "Power Apps"),
                topic("Canvas Apps", "Power Apps"),
            ]
        ),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    write_document(
        site / "_news",
        "a.md",
        'title: "A"\ntopics:\n  - Canvas Apps\n  - Model-driven Apps\n  - Dataverse\n  - Copilot',
    )
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    try:
        index.refresh()
        tree = index.topic_tree()
        assert [(tree.nodes[key].name, depth) for key, depth in tree.walk()] == [
            ("Power Platform", 0),
            ("Power Apps", 1),
            ("Model-driven Apps", 2),
            ("Canvas Apps", 2),
            ("Dataverse", 1),
            ("Copilot", 0),
        ]
    finally:
        index.close()
    done = run_lede("topics", site)
    assert done.returncode == 0, done.stderr
    assert [line.split(" (")[0].strip() for line in done.stdout.splitlines()[1:]] == [
        "Power Platform",
        "Power Apps",
        "Model-driven Apps",
        "Canvas Apps",
        "Dataverse",
        "Copilot",
    ]
