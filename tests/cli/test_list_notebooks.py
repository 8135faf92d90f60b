"""``lede list`` on a blog that keeps posts as Jupyter notebooks (fastpages', Quarto's)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner
from tests.models.test_notebook import notebook
from tests.site_corpus import write_files


def test_notebook_posts_are_listed_beside_markdown_posts(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """fastpages' site listed its three Markdown posts and none of its four notebooks; a
    notebook that is no post (an analysis) is passed over, in a check too."""
    post = notebook(("markdown", "# Notebook post\n> Its summary.\n\n- categories: [jupyter]"))
    analysis = notebook(("markdown", "# Sales\n\nThe numbers."), ("code", "1 + 1"))
    site = write_files(
        tmp_path / "blog",
        {
            "_config.yml": "title: A blog\n",
            "_posts/2020-01-14-markdown-post.md": "---\ntitle: Markdown post\n---\nText.\n",
            "_notebooks/2020-02-20-notebook-post.ipynb": post,
            "analysis/sales.ipynb": analysis,
        },
    )
    assert [row["title"] for row in rows(run_lede, site)] == ["Notebook post", "Markdown post"]
    checked = run_lede("check", site)
    assert checked.returncode == 0 and "2 articles" in checked.stdout, checked.stdout
    assert "warning" not in checked.stdout.replace("0 warnings", "")


def test_a_notebook_of_megabytes_of_outputs_is_passed_over_as_a_small_one_is(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A blog's notebooks kept for download, their plots inlined as base64 (over 1 MB),
    were each an error, "JSON is larger than 1000000 characters", read as a page's JSON
    front matter: the blog said "no articles ... 3 documents could not be read"."""
    plot = {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo" * 120_000}}
    cell = {"cell_type": "code", "metadata": {}, "source": "plot()", "outputs": [plot]}
    analysis = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 4})
    site = write_files(
        tmp_path / "blog",
        {
            "posts/2014-05-09-frequentism.md": "---\ntitle: Frequentism\n---\nText.\n",
            "downloads/notebooks/FreqBayes.ipynb": analysis,
        },
    )
    assert [row["title"] for row in rows(run_lede, site)] == ["Frequentism"]
    checked = run_lede("check", site)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.splitlines()[-1].endswith("0 invalid, 0 errors, 0 warnings")
