"""An Obsidian vault's nested tags form a tree, as Obsidian's tag pane shows them:
``project/alpha`` under ``project``, which counts its notes and whose ``topic:`` finds
them. Elsewhere a tag's slash is part of its name (a Hugo site's ``CI/CD``)."""

from __future__ import annotations

import json
from pathlib import Path

from library.index import CorpusIndex
from tests.conftest import LedeRunner, write_document
from tests.site_corpus import tagged_vault

VAULT_TOPICS = [
    "All articles (4)",
    "  CI (1)",
    "    CD (1)",
    "  project (3)",
    "    alpha (2)",
    "      design (1)",
    "    beta (1)",
    "  reading (1)",
]


def listed(run_lede: LedeRunner, folder: Path, query: str) -> list[str]:
    result = run_lede("list", folder, "-q", query, "--json")
    assert result.returncode == 0, result.stderr
    return sorted(json.loads(line)["title"] for line in result.stdout.splitlines())


def test_a_vaults_tags_nest_in_lede_topics(run_lede: LedeRunner, tmp_path: Path) -> None:
    vault = tagged_vault(tmp_path / "vault")
    assert run_lede("topics", vault).stdout.splitlines() == VAULT_TOPICS


def test_a_parent_tag_finds_the_notes_of_the_tags_below_it(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    vault = tagged_vault(tmp_path / "vault")
    for hashed in ("", "#"):  # Obsidian's search writes a tag with its #: tag:#project
        everything = listed(run_lede, vault, f"topic:{hashed}project")
        assert everything == ["Kickoff", "Reading list", "Sketches"]
        assert listed(run_lede, vault, f"topic:{hashed}project/alpha") == ["Kickoff", "Sketches"]
    refused = run_lede("list", vault, "-q", "topic:#nothing")
    assert refused.returncode == 1 and "unknown topic '#nothing'" in refused.stderr


def test_a_note_that_arrives_joins_its_parent_tag(run_lede: LedeRunner, tmp_path: Path) -> None:
    vault = tagged_vault(tmp_path / "vault")
    assert run_lede("topics", vault).stdout.splitlines() == VAULT_TOPICS
    write_document(vault / "notes", "Launch.md", "tags: [project/gamma]", "Launch day.\n")
    topics = run_lede("topics", vault).stdout.splitlines()
    assert topics[3:5] == ["  project (4)", "    alpha (2)"]
    assert topics[6:8] == ["    beta (1)", "    gamma (1)"]


def test_outside_a_vault_a_slash_is_part_of_a_tag(run_lede: LedeRunner, tmp_path: Path) -> None:
    folder = tagged_vault(tmp_path / "notes", settings=False)
    assert run_lede("topics", folder).stdout.splitlines() == [
        "All articles (4)",
        "  CI/CD (1)",
        "  project/alpha (1)",
        "  project/alpha/design (1)",
        "  project/beta (1)",
        "  reading (1)",
    ]
    assert listed(run_lede, folder, "topic:project/alpha") == ["Kickoff"]


def test_a_tag_no_longer_nested_anywhere_leaves_the_tree(tmp_path: Path) -> None:
    """A folder holding a vault and a site, which both use ``project/alpha``: when the
    vault's note goes, the tag is the site's, of one piece, though a note still uses it."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    note = write_document(vault, "Kickoff.md", "tags: [project/alpha]", "Plans.\n")
    write_document(tmp_path / "site", "post.md", "title: Post\ntags: [project/alpha]", "Words.")
    index = CorpusIndex([str(tmp_path)], tmp_path / "index.db")
    index.refresh()
    tree = index.topic_tree()
    assert tree.ancestors(tree.resolve("project/alpha") or "") == ["project/alpha", "project"]
    note.unlink()
    assert index.refresh().removed == 1
    tree = index.topic_tree()
    assert tree.resolve("project") is None and tree.roots == ["project/alpha"]


def test_a_notes_tags_in_its_body_are_topics(run_lede: LedeRunner, tmp_path: Path) -> None:
    """A vault's notes tag in their bodies as often as in front matter: those tags are
    listed, nest and are found."""
    vault = tagged_vault(tmp_path / "vault")
    body = "Ideas for #project/alpha and #project/delta.\n\n```\n#include <notes.h>\n```\n"
    write_document(vault / "notes", "Ideas.md", "tags: [reading]", body + "#reading\n")
    topics = run_lede("topics", vault).stdout.splitlines()
    assert topics[3:] == [
        "  project (4)",
        "    alpha (3)",
        "      design (1)",
        "    beta (1)",
        "    delta (1)",
        "  reading (2)",
    ]
    assert listed(run_lede, vault, "topic:project/delta") == ["Ideas"]
    assert listed(run_lede, vault, "topic:#project/alpha") == ["Ideas", "Kickoff", "Sketches"]


def test_a_folder_that_becomes_a_vault_is_read_as_one(tmp_path: Path) -> None:
    """A folder indexed before Obsidian opened it kept its flat tags and no body's #tags
    until each note changed; it is read again when its .obsidian comes, and when it goes."""
    folder = tagged_vault(tmp_path / "notes", settings=False)
    write_document(folder / "notes", "Ideas.md", "title: Ideas", "Some #ideas.\n")
    index = CorpusIndex([str(folder)], tmp_path / "index.db")
    index.refresh()
    assert "project" not in index.topic_tree().nodes
    assert index.refresh().parsed == 0  # nothing turned: nothing read again
    (folder / ".obsidian").mkdir()
    assert index.refresh().parsed == 5
    tree = index.topic_tree()
    assert tree.nodes["project"].children == ["project/alpha", "project/beta"]
    assert "ideas" in tree.nodes
    assert index.refresh().parsed == 0
    (folder / ".obsidian").rmdir()
    assert index.refresh().parsed == 5
    assert "project" not in index.topic_tree().nodes


def test_a_vault_that_comes_below_a_folder_indexed_is_read_as_one(tmp_path: Path) -> None:
    """A folder opened in Obsidian inside a corpus indexed before: only the corpus's own
    folders were looked at, and its notes stayed plain articles (flat tags, no body's
    #tags) until each changed. Read again when its .obsidian comes, and when it goes."""
    corpus = tmp_path / "corpus"
    write_document(corpus / "news", "a.md", "title: News\ntopics: [a/b]")
    folder = tagged_vault(corpus / "notes", settings=False)
    write_document(folder / "notes", "Ideas.md", "title: Ideas", "Some #ideas.\n")
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    index.refresh()
    assert "project" not in index.topic_tree().nodes
    assert index.refresh().parsed == 0
    (folder / ".obsidian").mkdir()
    assert index.refresh().parsed == 5  # the vault's files, not the news beside it
    tree = index.topic_tree()
    assert tree.nodes["project"].children == ["project/alpha", "project/beta"]
    assert "ideas" in tree.nodes
    assert "a/b" in tree.nodes  # outside the vault, a slash is part of a tag
    assert index.refresh().parsed == 0
    (folder / ".obsidian").rmdir()
    assert index.refresh().parsed == 5
    assert "project" not in index.topic_tree().nodes


def test_a_note_of_a_vault_come_since_the_last_run_is_listed(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Between two runs of ``lede list``, a folder of the corpus became a vault: its note
    with no front matter, no article before, is one now, named by its file."""
    corpus = tmp_path / "corpus"
    write_document(corpus, "a.md", 'title: "Harbour news"')
    (corpus / "notes").mkdir()
    (corpus / "notes" / "Meeting notes.md").write_text("Talked about #project/gamma.\n")
    assert listed(run_lede, corpus, "") == ["Harbour news"]
    (corpus / "notes" / ".obsidian").mkdir()
    assert listed(run_lede, corpus, "") == ["Harbour news", "Meeting notes"]
    assert listed(run_lede, corpus, "topic:project") == ["Meeting notes"]


def test_a_vaults_notes_without_front_matter_are_read(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Most of a vault's notes open with no front matter: Obsidian lists them, named by
    their files, with the tags of their bodies; lede passed them over with a warning each.
    Outside a vault such a file (a README) is still no article."""
    vault = tagged_vault(tmp_path / "vault")
    (vault / "notes" / "Meeting notes.md").write_text("Talked about #project/gamma.\n")
    (vault / "notes" / "Empty.md").write_text("\n")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "README.md").write_text("Talked about #project/gamma.\n")
    assert listed(run_lede, vault, "topic:project/gamma") == ["Meeting notes"]
    checked = run_lede("check", vault)
    assert "Meeting notes" not in checked.stdout and checked.returncode == 0, checked.stdout
    assert listed(run_lede, tmp_path / "plain", "") == []


def test_a_vaults_note_is_named_by_its_file(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Obsidian names a note by its file, whatever heading it opens with; lede titled an
    untitled note by that heading (``# Agenda`` for ``2024-05-02 Standup.md``). A title
    in its front matter (a web clipper's) is still its title."""
    vault = tagged_vault(tmp_path / "vault")
    notes = vault / "notes"
    (notes / "2024-05-02 Standup.md").write_text("# Agenda\n\n- #project/delta\n")
    (notes / "Reading list.md").write_text("---\ntags: [project/delta]\n---\n# Books\n")
    (notes / "clip.md").write_text("---\ntitle: A clipped page\ntags: [project/delta]\n---\n")
    assert sorted(listed(run_lede, vault, "topic:project/delta")) == [
        "2024-05-02 Standup",
        "A clipped page",
        "Reading list",
    ]
