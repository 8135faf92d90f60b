"""The topic tree: built from a taxonomy with aliases, counts up the ancestors, cycles and
missing parents warned about and broken."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from models.document import parse_document, parse_taxonomy
from models.taxonomy import Topic
from models.topic import TopicTree


@dataclass
class Entry:
    name: str
    parent: str = ""
    id: str = ""
    shortname: str = ""
    description: str = ""


def names(tree: TopicTree, keys: list[str]) -> list[str]:
    return [tree.nodes[key].name for key in keys]


def test_tree_from_taxonomy_with_aliases_and_article_only_topics() -> None:
    tree = TopicTree.build(
        [
            Entry("AI", id="ai"),
            Entry("Google AI", "AI", id="google-ai"),
            Entry("TensorFlow", "google-ai", id="tensorflow"),
            Entry("Machine Learning", "AI", shortname="ML"),
        ],
        used=["Quantum", "tensorflow", "ai"],
    )
    assert names(tree, tree.roots) == ["AI", "Quantum"]
    assert tree.resolve("google-ai") == tree.resolve("Google AI") == tree.resolve(" google  ai ")
    assert tree.resolve("ml") == tree.resolve("Machine Learning")
    assert tree.resolve("nothing") is None
    tensorflow = tree.resolve("TensorFlow")
    assert tensorflow is not None
    assert names(tree, tree.ancestors(tensorflow)) == ["TensorFlow", "Google AI", "AI"]
    ai = tree.resolve("AI")
    assert ai is not None
    assert {tree.nodes[key].name for key in tree.nodes if ai in tree.ancestors(key)} == {
        "AI",
        "Google AI",
        "TensorFlow",
        "Machine Learning",
    }
    assert [(tree.nodes[key].name, depth) for key, depth in tree.walk()] == [
        ("AI", 0),
        ("Google AI", 1),
        ("TensorFlow", 2),
        ("Machine Learning", 1),
        ("Quantum", 0),
    ]
    assert tree.warnings == []


def test_a_topic_counts_under_itself_and_every_node_above_it() -> None:
    """The index counts an article under the ancestors of each of its topics."""
    tree = TopicTree.build(
        [Entry("AI"), Entry("Google AI", "AI"), Entry("TensorFlow", "Google AI")],
        used=["Robots"],
    )

    def above(name: str) -> list[str]:
        key = tree.resolve(name)
        return [] if key is None else [tree.nodes[k].name for k in tree.ancestors(key)]

    assert sorted(above("TensorFlow")) == ["AI", "Google AI", "TensorFlow"]
    assert above("ai") == ["AI"]  # names resolve whatever their case
    assert above("Robots") == ["Robots"]  # used but not in the taxonomy: a root of its own
    assert above("Unknown") == []


@pytest.mark.parametrize(
    "entries",
    [
        [Entry("A", "B"), Entry("B", "A")],
        [Entry("A", "A")],
        [Entry("A", "B"), Entry("B", "C"), Entry("C", "A"), Entry("D", "C")],
        [Entry("X", "Y", id="x"), Entry("Y", "x")],
    ],
    ids=["pair", "self", "triangle-with-tail", "by-id"],
)
def test_cycles_are_broken_with_a_warning(entries: list[Entry]) -> None:
    tree = TopicTree.build(entries)
    assert tree.roots  # something is at the root, so the tree is walkable
    walked = [key for key, _ in tree.walk()]
    assert sorted(walked) == sorted(tree.nodes)  # every node once, and the walk ends
    for key in tree.nodes:
        assert len(tree.ancestors(key)) <= len(tree.nodes)
    assert any("cycle" in message for _, message in tree.warnings)
    for key in tree.nodes:  # a node above itself twice would count its articles twice
        ancestors = tree.ancestors(key)
        assert len(ancestors) == len(set(ancestors))


def test_missing_parents_and_duplicate_topics_are_warnings() -> None:
    tree = TopicTree.build([Entry("Child", "Ghost"), Entry("Child", "Other"), Entry("", "x")])
    assert names(tree, tree.roots) == ["Ghost"]
    assert names(tree, tree.nodes[tree.roots[0]].children) == ["Child"]
    assert [(entry, message.split(";")[0]) for entry, message in tree.warnings] == [
        (1, "topic 'Child' is defined more than once"),  # the entry that comes again
        (0, "topic 'Child' has unknown parent 'Ghost'"),
    ]


def test_a_long_chain_closed_into_a_cycle_builds_and_counts_quickly() -> None:
    size = 2000  # big enough that a quadratic or cubic walk takes seconds, not a hang
    chain = [Entry(f"T{i}", f"T{(i - 1) % size}") for i in range(size)]
    started = time.perf_counter()
    tree = TopicTree.build(chain)
    last = tree.resolve(f"T{size - 1}")
    assert last is not None
    ancestors = tree.ancestors(last)
    assert max(depth for _, depth in tree.walk()) == size - 1
    assert time.perf_counter() - started < 10  # about 0.1 s: a cubic walk takes minutes
    assert len(tree.roots) == 1
    assert tree.roots[0] in ancestors
    assert len(tree.warnings) == 1


def test_topic_models_from_taxonomy_yaml() -> None:
    parsed = parse_taxonomy(
        "taxonomy: topic\n_id: google-ai\nname: Google AI\nparent: AI\nkeywords: [tf]\n"
        '---\ntaxonomy: tag\n_id: nlp\n---\ntaxonomy: topic\nname: "\\e[2JBad"\n',
        "topics.yaml",
    )
    assert parsed.problems == []
    google, bad = parsed.topics
    assert isinstance(google, Topic)
    assert (google.name, google.id, google.parent) == ("Google AI", "google-ai", "AI")
    assert google.model_extra == {"taxonomy": "topic", "keywords": ["tf"]}
    assert bad.name == "Bad"
    broken = parse_taxonomy("taxonomy: topic\nparent: AI\n", "broken.yaml")
    assert broken.topics == [] and [p.severity for p in broken.problems] == ["error"]


def test_yaml_that_is_no_taxonomy_is_not_read() -> None:
    """A site's configuration (``mkdocs.yml``, with ``!ENV`` tags) was an invalid document,
    and ``lede check`` failed the corpus for it; a taxonomy's own mistakes still count."""
    config = parse_taxonomy("site_name: X\nextra:\n  p: !ENV KEY\n", "mkdocs.yml")
    assert (config.topics, config.problems) == ([], [])
    broken = parse_taxonomy("taxonomy: topic\nname: [AI\n", "topics.yaml")
    assert [(p.line, p.severity) for p in broken.problems] == [(3, "error")]


def test_nested_tags_hang_under_the_tag_before_their_last_slash() -> None:
    used = ["project/alpha/design", "Project/Beta", "CI/CD", "a//b", "trailing/"]
    tree = TopicTree.build([], used, nested=used)
    project = tree.resolve("project")
    assert project is not None and tree.nodes[project].name == "project"  # as first met
    assert names(tree, tree.nodes[project].children) == ["project/alpha", "Project/Beta"]
    assert [tree.nodes[key].label for key in tree.nodes[project].children] == ["alpha", "Beta"]
    design = tree.resolve("project/alpha/design")
    assert design is not None and names(tree, tree.ancestors(design)) == [
        "project/alpha/design",
        "project/alpha",
        "project",
    ]
    # A blank side of a slash nests nothing, as no tag is named by a blank.
    assert names(tree, tree.roots) == ["a/", "CI", "project", "trailing/"]
    assert tree.nodes[tree.resolve("a//b") or ""].label == "b"
    assert not tree.warnings


def test_a_slash_nests_only_the_names_said_to_nest() -> None:
    tree = TopicTree.build([], ["CI/CD", "project/alpha"], nested=["project/alpha"])
    assert names(tree, tree.roots) == ["CI/CD", "project"]
    assert tree.nodes[tree.resolve("CI/CD") or ""].label == "CI/CD"


def test_a_nested_tag_the_taxonomy_places_stays_where_it_puts_it() -> None:
    tree = TopicTree.build(
        [Entry("Work"), Entry("project/alpha", "Work")],
        ["project/alpha", "project/beta"],
        nested=["project/alpha", "project/beta"],
    )
    alpha = tree.resolve("project/alpha")
    assert alpha is not None and names(tree, tree.ancestors(alpha)) == ["project/alpha", "Work"]
    assert names(tree, tree.roots) == ["Work", "project"]


def test_a_parent_tag_with_no_note_below_it_is_not_shown() -> None:
    """Counted over what is listed, a parent tag of tags whose notes are all out of the
    list stood alone as "maintenance (0)"; a taxonomy's topic and one above it stay."""
    tree = TopicTree.build(
        [Entry("Kept", "Above")], ["pkb/maintenance/refactoring"], ["pkb/maintenance/refactoring"]
    )
    assert [key for key in tree.nodes if tree.shown(key, 0)] == ["kept", "above"]
    assert tree.shown("pkb", 1)


def test_topics_no_taxonomy_declares_come_in_the_order_a_person_reads() -> None:
    """A newsletter's issues and a year's months were listed as text sorts them: 'Issue
    10' before 'Issue 9', '2024/11' before '2024/2'; a number of thousands of digits, a
    hostile tag, is no error."""
    huge = "x" + "9" * 5000
    used = ["Issue 10", "issue 9", "Issue 1", "2024/11", "2024/2", "AI", huge, "x5"]
    tree = TopicTree.build([Entry("Zed")], used=used)
    assert names(tree, tree.roots) == [
        "Zed",
        "2024/2",
        "2024/11",
        "AI",
        "Issue 1",
        "issue 9",
        "Issue 10",
        "x5",
        huge,
    ]


def test_a_number_or_a_day_among_a_blogs_tags_is_the_name_it_is_written_as() -> None:
    """Middleman's own test site tags a post ``- 120``: the post could not be read at all
    ("'int' object has no attribute 'translate'"), its title and date lost with it."""
    text = "---\ntitle: Another\ntags:\n  - foo\n  - 120\n  - 2020-01-01\n  - 日本語\n---\n"
    parsed = parse_document(text, "source/blog/2011-01-02-another.html.markdown")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.topics == ["foo", "120", "2020-01-01", "日本語"]
