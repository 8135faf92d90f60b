"""The synthetic site: the real layout and habits, stories whose truth is known, the same
bytes for the same seed, and every file clean by ``lede check``.

Files are read here with plain YAML, not the project's parser, for a second opinion.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from library.synthetic import generate
from library.synthetic.words import TOPICS
from tests.conftest import LedeRunner

COUNT = 1000
# Counts past a thousand are written 1,058.
SUMMARY = re.compile(r"checked ([\d,]+) files? \(([\d,]+) articles?, (\d+) topics?\): (.*)")


def front(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    data = yaml.safe_load(text[4 : text.index("\n---\n", 4)])
    assert isinstance(data, dict), path
    return data


def when(data: dict[str, Any]) -> datetime:
    value = data["publishedDateTime"]
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - the Generated
    return generate(tmp_path_factory.mktemp("synthetic") / "site", COUNT, seed=7)


def news_files(root: Path) -> list[Path]:
    return sorted([*(root / "_news").glob("*.md"), *(root / "_archive" / "_news").glob("*.md")])


def test_every_collection_is_there_in_the_site_layout(site) -> None:  # noqa: ANN001
    root = site.root
    news = news_files(root)
    assert len(news) == COUNT + site.files["duplicates"] and site.files["duplicates"] >= 1
    assert list((root / "_archive" / "_news").glob("*.md"))
    letters = sorted((root / "_newsletters").glob("*.html"))
    learning = sorted((root / "_learning").rglob("*.md"))
    samples = sorted((root / "_samples").glob("*.md"))
    people = sorted((root / "_people").glob("*.md"))
    found = {
        "newsletters": len(letters),
        "learning": len(learning),
        "samples": len(samples),
        "people": len(people),
    }
    assert found == {key: site.files[key] for key in found} and all(found.values())
    assert all(len(path.relative_to(root / "_learning").parts) == 3 for path in learning)
    assert {path.relative_to(root / "_learning").parts[0] for path in learning} >= {
        "videos",
        "courses",
        "books",
    }
    assert (root / "_people" / ".template").is_file()
    for path in people:
        data = front(path)
        assert data["name"] and "title" not in data and data["type"] == "profile"


def test_news_has_the_real_sites_habits(site) -> None:  # noqa: ANN001
    documents = [front(path) for path in news_files(site.root)]
    assert all(data["category"] == "news" and data["webUrl"] for data in documents)
    unpublished = sum(data.get("published") is False for data in documents)
    assert 0.1 < unpublished / len(documents) < 0.5
    assert any("published" not in data for data in documents)
    assert any(data.get("heat") == -1 for data in documents)
    assert any("originalUrl" not in data for data in documents)  # a webUrl only
    assert any(data.get("related") for data in documents)
    assert any(data.get("images") for data in documents)
    for data in documents:
        assert data["provider"]["name"] and data["provider"]["domain"]
        assert data["topics"] and when(data).year >= 2019


def test_newsletters_are_daily_html_in_liquid_raw_tags(site) -> None:  # noqa: ANN001
    paths = sorted((site.root / "_newsletters").glob("*.html"))
    published = {
        data["title"] for data in map(front, news_files(site.root)) if data.get("published", True)
    }
    days = []
    for path in paths:
        data = front(path)
        assert set(data["excerpt"].split(" / ")) <= published  # the day's news
        day = re.fullmatch(r"A\.I\. Every Day \((\d{4}-\d{2}-\d{2})\)", data["title"])
        assert day, data["title"]
        days.append(datetime.fromisoformat(day[1]))
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert body.startswith("{% raw %}\n<html>") and body.endswith("</html>\n{% endraw %}\n")
    assert days == [days[0] + timedelta(days=n) for n in range(len(days))]


def test_the_taxonomy_files_are_ordered_by_prefix_with_parents_first(site) -> None:  # noqa: ANN001
    paths = sorted((site.root / "_data" / "topics").glob("*.yaml"))
    assert len(paths) == len(TOPICS) == site.files["topics"]
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.yaml", path.name) for path in paths)
    entries = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in paths]
    names = [entry["name"] for entry in entries]
    assert names != sorted(names)  # file order is the site's order, not the alphabet's
    for position, entry in enumerate(entries):
        assert entry["taxonomy"] == "topic"
        if entry.get("parent"):
            assert entry["parent"] in names[:position], entry
    assert any(a.name[:3] == b.name[:3] for a, b in zip(paths, paths[1:], strict=False))


def test_stories_are_one_event_across_outlets_within_days(site) -> None:  # noqa: ANN001
    assert len(site.stories) >= 5
    assert max(len(story) for story in site.stories) >= 5
    in_stories = [path for story in site.stories for path in story]
    assert len(in_stories) == len(set(in_stories))
    assert 0.02 < len(in_stories) / COUNT < 0.1
    for story in site.stories:
        documents = [front(site.root / path) for path in story]
        dates = [when(data) for data in documents]
        assert max(dates) - min(dates) <= timedelta(days=5)
        outlets = [data["provider"]["domain"] for data in documents]
        assert len(set(outlets)) == len(outlets)
        assert len({data["title"] for data in documents}) >= min(len(story), 2)
        first = min(documents, key=when)
        assert first.get("published") is True  # the earliest is the one the site kept


def words_of(title: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", title.lower()))


def test_lookalikes_share_words_but_not_an_event(site) -> None:  # noqa: ANN001
    assert len(site.lookalikes) >= 3
    in_stories = {path for story in site.stories for path in story}
    for pair in site.lookalikes:
        assert len(pair) == 2 and not in_stories & set(pair)
        one, two = (front(site.root / path) for path in pair)
        assert one["title"] != two["title"]
        assert abs(when(one) - when(two)) <= timedelta(days=2)
        shared = words_of(one["title"]) & words_of(two["title"])
        assert len(shared) >= 2, (one["title"], two["title"])


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "one", 300, seed=3)
    second = generate(tmp_path / "two", 300, seed=3)
    other = generate(tmp_path / "three", 300, seed=4)
    assert digest(tmp_path / "one") == digest(tmp_path / "two")
    assert (first.stories, first.lookalikes) == (second.stories, second.lookalikes)
    assert digest(tmp_path / "one") != digest(tmp_path / "three")
    assert first.stories != other.stories


def test_the_plain_layout_is_a_flat_folder_of_news(tmp_path: Path) -> None:
    written = generate(tmp_path / "plain", 120, plain=True)
    names = sorted(path.name for path in (tmp_path / "plain").iterdir())
    assert "topics.yaml" in names and len(names) == 121
    assert all(name.endswith(".md") for name in names if name != "topics.yaml")
    assert written.files == {"topics": len(TOPICS), "news": 120}
    assert all(not path.startswith("_") for story in written.stories for path in story)


def test_every_generated_file_is_clean_by_lede_check(site, run_lede: LedeRunner) -> None:  # noqa: ANN001
    done = run_lede("check", site.root, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    *lines, summary = done.stdout.splitlines()
    assert all("warning: duplicate of" in line for line in lines), lines[:5]
    assert len(lines) == site.files["duplicates"]
    counts = SUMMARY.fullmatch(summary)
    assert counts, summary
    files = sum(site.files.values())
    # Profiles are data, and a duplicate is no second article.
    articles = files - site.files["topics"] - site.files["people"] - site.files["duplicates"]
    assert counts.groups()[:3] == (f"{files:,}", f"{articles:,}", str(site.files["topics"]))
    assert counts[4].startswith("0 invalid, 0 errors")
