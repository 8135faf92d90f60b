"""A Jupyter notebook written as a post (Quarto's, fastpages'): its first cell's front
matter, its cells the post."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from models.document import parse_document


def notebook(*cells: tuple[str, str | list[str]]) -> str:
    """A notebook's JSON of ``cells`` (its kind, its source), in a Python kernel."""
    return json.dumps(
        {
            "cells": [
                {"cell_type": kind, "metadata": {}, "source": source} for kind, source in cells
            ],
            "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
            "nbformat": 4,
            "nbformat_minor": 4,
        }
    )


def article(text: str, path: str) -> Any:
    parsed = parse_document(text, path, require_front_matter=False)
    assert parsed.problems == []
    return parsed.article


def test_a_fastpages_notebook_is_a_post() -> None:
    """fastpages' notebook posts were not read: four of its seven posts. A cell the page
    hides (``#hide``) is not shown."""
    text = notebook(
        (
            "markdown",
            [
                '# "Introducing fastpages"\n',
                "> An easy to use blogging platform.\n",
                "\n",
                "- toc: true\n",
                "- categories: [fastpages, jupyter]\n",
            ],
        ),
        ("markdown", "## About\n\nWhy we made it."),
        ("code", ["import fastpages\n", "fastpages.go()"]),
        ("code", "#hide\nimport os"),
        ("code", "# hide_input\nplot()"),
        ("raw", "not shown"),
    )
    post = article(text, "_notebooks/2020-02-21-introducing-fastpages.ipynb")
    assert post.title == "Introducing fastpages"
    assert post.excerpt == "An easy to use blogging platform."
    assert post.topics == ["fastpages", "jupyter"]
    assert post.published_at == datetime(2020, 2, 21, tzinfo=UTC)  # the name's, as Jekyll's
    assert (
        post.body
        == "## About\n\nWhy we made it.\n\n```python\nimport fastpages\nfastpages.go()\n```\n"
    )


def test_a_quarto_notebook_is_a_post() -> None:
    text = notebook(
        ("raw", "---\ntitle: Palmer Penguins\ndate: 2023-03-17\ncategories: [data]\n---"),
        ("code", "```\nshown\n```"),
        ("code", "#| echo: false\nimport altair"),
    )
    post = article(text, "posts/penguins/index.ipynb")
    assert (post.title, post.topics) == ("Palmer Penguins", ["data"])
    assert post.body == "````python\n```\nshown\n```\n````\n"  # a longer fence around fences


def test_a_notebook_of_another_kind_is_no_document() -> None:
    """A project's analysis, which opens with a heading and goes on, or with a heading
    alone (the demos Julia's site keeps beside its posts), and a file that is no notebook,
    are passed over quietly."""
    analysis = notebook(("markdown", "# Sales\n\nWe look at the numbers."), ("code", "1 + 1"))
    demo = notebook(("markdown", "# Julia 0.5 Highlights"), ("code", "1 + 1"))
    for text in (analysis, demo, "{not json", "[]", notebook()):
        parsed = parse_document(text, "analysis.ipynb", require_front_matter=False)
        assert (parsed.article, parsed.problems) == (None, [])
