"""A Hugo site's topics are shown by the titles its taxonomy term pages give them, and
follow a title changed there."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from library.index import CorpusIndex
from tests.library.test_site_settings_files import rewrite
from tests.site_corpus import write_files

TERM_PAGE = "content/topics/human-centered-design/_index.md"


def topic_names(index: CorpusIndex) -> set[str]:
    """The names of the topic tree's nodes."""
    return {node.name for node in index.topic_tree().nodes.values()}


@pytest.mark.parametrize(
    "taxonomies", ['[taxonomies]\ntopic = "topics"\ntag = "tags"\n', ""], ids=["named", "default"]
)
def test_a_hugo_sites_topics_are_named_by_their_term_pages(tmp_path: Path, taxonomies: str) -> None:
    """A post's ``topics: [human-centered-design]`` was shown as that key, though the
    site titles it "Human-centred design" on the term's page; a term with no page, or a
    page with no title, keeps its name. Hugo's own taxonomies, where its settings name
    none, are tags and categories."""
    plural = "topics" if taxonomies else "tags"
    site = write_files(
        tmp_path / "site",
        {
            "hugo.toml": f'baseURL = "https://e.test/"\n{taxonomies}',
            "content/posts/a.md": (
                f"---\ntitle: A post\ndate: 2024-01-02\n{plural}: [human-centered-design, ux]\n"
                "---\nWords.\n"
            ),
            TERM_PAGE.replace("topics", plural): "---\ntitle: Human-centred design\n---\n",
            f"content/{plural}/ux/_index.md": "---\ndescription: No title\n---\n",
        },
    )
    with closing(CorpusIndex([str(site)], tmp_path / "index.db")) as index:
        index.refresh()
        assert topic_names(index) == {"Human-centred design", "ux"}
        rewrite(site / TERM_PAGE.replace("topics", plural), "---\ntitle: Human-centered\n---\n")
        assert index.refresh().parsed == 1
        assert topic_names(index) == {"Human-centered", "ux"}
