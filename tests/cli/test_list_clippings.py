"""``lede list`` and ``lede check`` on a vault of pages saved by read-later tools, each in
its tool's default shape."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner
from tests.models.test_clippings import MARKDOWNLOAD, OMNIVORE, READWISE


def vault(folder: Path) -> Path:
    (folder / ".obsidian").mkdir(parents=True)
    for name, text in (
        ("Readwise/Articles/Data Platform Explained.md", READWISE),
        ("Omnivore/2024-02-11/The AI bubble.md", OMNIVORE),
        ("Clippings/Why SQLite is so great.md", MARKDOWNLOAD),
    ):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def test_each_saved_page_has_its_link_date_site_and_byline(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Before: the Readwise note had no link or byline, the Omnivore one no link, site or
    date and the byline 'unknown', the MarkDownload one no date (and a warning)."""
    found = {
        Path(str(row["path"])).parent.parent.name: row
        for row in rows(run_lede, vault(tmp_path / "v"))
    }
    readwise, omnivore, clipped = found["Readwise"], found["Omnivore"], found["v"]
    assert (readwise["title"], readwise["original_url"], readwise["authors"]) == (
        "Data Platform Explained Part I",
        "https://engineering.test/2024/04/data-platform/",
        ["Spotify Engineering"],
    )
    assert omnivore["original_url"] == "https://techweekly.test/ai-bubble"
    assert omnivore["provider"] == {"name": "Tech Weekly", "domain": ""}
    assert (omnivore["authors"], omnivore["kind"]) == ([], "article")
    assert str(omnivore["published_at"]).startswith("2024-02-11T09:15:00")
    assert clipped["published_at"] == "2023-01-05T09:20:30+00:00"
    done = run_lede("check", tmp_path / "v")
    assert done.returncode == 0 and done.stdout.endswith("0 warnings\n"), done.stdout


def test_readwises_markdown_download_is_listed(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Readwise's Markdown download (no vault, no front matter): 'no documents found'."""
    export = tmp_path / "export"
    (export / "Articles").mkdir(parents=True)
    (export / "Articles" / "Data Platform Explained.md").write_text(READWISE)
    (export / "README.md").write_text("# My highlights\n\nExported from Readwise.\n")
    found = rows(run_lede, export)
    assert [(row["title"], row["original_url"]) for row in found] == [
        ("Data Platform Explained Part I", "https://engineering.test/2024/04/data-platform/")
    ]
    done = run_lede("check", export)
    assert done.returncode == 0, done.stdout
    assert [Path(line.split(":")[0]).name for line in done.stdout.splitlines()[:-1]] == [
        "README.md"
    ]
