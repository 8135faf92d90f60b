"""A synthetic corpus shaped like a real Jekyll news site, for demos, tests and benchmarks.

``generate(root, count)`` writes ``count`` news articles and, scaled modestly from
it, the rest of a site: ``_news/`` and ``_archive/_news/`` (some items unpublished,
a few archived twice), daily ``_newsletters/*.html`` in Liquid ``raw`` tags,
``_learning/<kind>/<outlet>/`` items, ``_samples/``, the ``_people/`` data
collection and ``_data/topics/NN-name.yaml``. Among the news are multi-source
stories and look-alike pairs; which files they are is returned, so a grouping
of stories can be scored. ``plain=True`` writes only the news, flat, with a
one-file taxonomy. The same seed writes the same bytes. Pure standard library.
"""

from __future__ import annotations

import bisect
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from library.synthetic import render, words
from library.synthetic.stories import Report, lookalike, story
from library.synthetic.words import (
    FIRST_NAMES,
    LAST_NAMES,
    LEARNING,
    PLACES,
    PROVIDERS,
    TOPICS,
)

START = datetime(2019, 1, 1)
SPAN_MINUTES = 6 * 365 * 24 * 60
ARCHIVED_BEFORE = START + timedelta(days=365)  # the site's archive holds its first year
STORY_WINDOW = 5 * 24 * 60
# Stories and look-alikes are as many as for this many articles, at most: each is a
# distinct event, and past it the events run out (the generator looked for one forever).
SPECIAL_UPTO = 200_000
_TOPIC_NAMES = tuple(name for _, name, _, _ in TOPICS[1:])
_LABELS = (
    ("newsletters", "newsletters"),
    ("learning", "learning items"),
    ("samples", "samples"),
    ("people", "people"),
    ("topics", "topics"),
)


@dataclass
class Generated:
    """What was written: files per collection, and the truth about stories, as paths
    relative to ``root``: ``stories`` are the multi-source ones (every other news
    article is a story of its own); each of ``lookalikes`` is two articles that share
    most of their words but report different events, so must stay apart."""

    root: Path
    files: dict[str, int] = field(default_factory=dict)
    stories: list[list[str]] = field(default_factory=list)
    lookalikes: list[list[str]] = field(default_factory=list)

    def summary(self) -> str:
        """What was written, in words: "600 news articles (1 also archived), ..."."""
        files = self.files
        parts = [f"{files['news']:,} news articles"]
        if files.get("duplicates"):
            parts[0] += f" ({files['duplicates']:,} also archived)"
        for key, label in _LABELS:
            if files.get(key):
                parts.append(f"{files[key]:,} {label}")
        return ", ".join(parts)


def _write(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` whole. An error names the file: a full disk's, from
    the write rather than the open, said only "No space left on device"; and a write
    that stops short (the disk filled within it) is carried on, to its error."""
    data = memoryview(text.encode("utf-8"))
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            while data:
                data = data[os.write(descriptor, data) :]
        finally:
            os.close(descriptor)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None


class _Site:
    """Writes one corpus; keeps what later files (newsletters) and the truth need."""

    def __init__(self, root: Path, seed: int, plain: bool) -> None:
        self.rng = random.Random(seed)
        self.root = root
        self.plain = plain
        self.names: set[str] = set()
        self.headlines: dict[int, list[tuple[str, str, str]]] = {}
        self.result = Generated(root)

    def folder(self, relative: str) -> Path:
        path = self.root / relative
        path.mkdir(parents=True, exist_ok=True)
        return path

    def count(self, collection: str, files: int = 1) -> None:
        self.result.files[collection] = self.result.files.get(collection, 0) + files

    def unique(self, folder: str, stem: str) -> str:
        """``folder/stem.md``, numbered when taken (two outlets, one headline, one day)."""
        name, number = f"{folder}/{stem}.md", 1
        while name in self.names:
            number += 1
            name = f"{folder}/{stem}-{number}.md"
        self.names.add(name)
        return name

    def news(self, report: Report, source: tuple[str, str], url: bool, block: bool) -> str:
        """Write one news article; its path relative to the root."""
        rng = self.rng
        when = START + timedelta(minutes=report.minute)
        day, stem = f"{when:%Y/%m/%d}", render.slug(report.title, 80)
        link = f"https://{source[1]}/{day}/{stem}" if url else None
        web = link or f"{words.SITE}/news/{day}/{stem}-{rng.getrandbits(20)}/"
        unpublished = report.unpublished if block else None
        text = render.news(
            rng, when, report.title, report.excerpt, source, report.topics, link, web, unpublished
        )
        archived = when < ARCHIVED_BEFORE
        folder = "." if self.plain else "_archive/_news" if archived else "_news"
        name = self.unique(folder, f"{day.replace('/', '-')}-{stem[:60].rstrip('-')}")
        _write(f"{self.root}/{name}", text)
        self.count("news")
        if not unpublished:
            headlines = self.headlines.setdefault(when.toordinal(), [])
            if len(headlines) < 3:
                headlines.append((report.title, report.excerpt, web))
        return name.removeprefix("./")

    def filler(self, minute: int) -> Report:
        rng = self.rng
        topic = _TOPIC_NAMES[int(rng.random() * len(_TOPIC_NAMES))]
        topics = ("AI", topic) if rng.random() < 0.9 else (topic,)
        excerpt = render.words(rng, 20, 45) + "."
        return Report(minute, render.words(rng, 6, 14), excerpt, topics, rng.random() < 0.55)


def _special(rng: random.Random, count: int) -> Iterator[tuple[bool, list[Report]]]:
    """The stories, then the look-alike pairs, for ``count`` news articles: about one
    article in 25 is in a story (the first of 29 sources when there are enough for
    it to be one in ten of them), one in a hundred in a look-alike pair."""
    used: set[tuple[object, ...]] = set()
    budget = max(2, count // 25) if count >= 20 else 0
    size = 29 if budget >= 290 else 2
    while budget >= 2:
        yield True, story(rng, used, size, rng.randrange(SPAN_MINUTES - STORY_WINDOW))
        budget -= size
        size = min(budget, 2 + int(rng.expovariate(0.5)))
    for _ in range(count // 200 if count >= 200 else int(count >= 20)):
        yield False, lookalike(rng, used, rng.randrange(SPAN_MINUTES - STORY_WINDOW))


def _write_news(site: _Site, count: int) -> None:
    rng = site.rng
    written = 0
    for is_story, reports in _special(rng, min(count, SPECIAL_UPTO)):
        sources = rng.sample(PROVIDERS, len(reports))
        paths = [
            site.news(report, source, url=True, block=True)
            for report, source in zip(reports, sources, strict=True)
        ]
        (site.result.stories if is_story else site.result.lookalikes).append(paths)
        written += len(reports)
    for number in range(count - written):
        report = site.filler(int(rng.random() * SPAN_MINUTES))
        source = PROVIDERS[int(rng.random() * len(PROVIDERS))]
        name = site.news(report, source, url=number % 5 != 4, block=rng.random() < 0.5)
        if number % 1000 == 500 and not site.plain:
            # The site keeps a few articles both in the news and in its archive.
            other = "_news" if name.startswith("_archive/") else "_archive/_news"
            copy = site.unique(other, Path(name).stem)
            _write(site.root / copy, (site.root / name).read_text(encoding="utf-8"))
            site.count("duplicates")


def _write_newsletters(site: _Site, days: int) -> None:
    """One a day for the last ``days`` days, with the first headlines of that day (or
    of the latest day before it that had news, in a small corpus)."""
    folder = site.folder("_newsletters")
    last = START + timedelta(minutes=SPAN_MINUTES)
    with_news = sorted(site.headlines)
    for back in range(days, 0, -1):
        day = last - timedelta(days=back)
        latest = bisect.bisect_right(with_news, day.toordinal()) - 1
        headlines = site.headlines[with_news[latest]] if latest >= 0 else []
        headlines = headlines or [("No news yet", "Nothing was published yet.", words.SITE)]
        name = f"ai-every-day-{day:%Y-%m-%d}.html"
        _write(folder / name, render.newsletter(site.rng, day, headlines))
        site.count("newsletters")


def _write_others(site: _Site, count: int) -> None:
    """Learning items two folders deep, samples, and the people (with the site's
    hidden ``.template``)."""
    rng = site.rng
    for number in range(max(4, count // 100)):
        folder, kind, outlets = LEARNING[number % len(LEARNING)]
        outlet = outlets[number // len(LEARNING) % len(outlets)]
        title = render.words(rng, 3, 8)
        name = site.unique(f"_learning/{folder}/{outlet}", render.slug(title))
        site.folder(f"_learning/{folder}/{outlet}")
        topics = ("AI", rng.choice(_TOPIC_NAMES))
        _write(site.root / name, render.learning(rng, title, kind, outlet, topics))
        site.count("learning")
    site.folder("_samples")
    for _ in range(max(2, count // 250)):
        title = "Sample: " + render.words(rng, 3, 6).lower()
        when = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
        name = site.unique("_samples", render.slug(title))
        _write(site.root / name, render.sample(rng, title, when, ("AI", rng.choice(_TOPIC_NAMES))))
        site.count("samples")
    people = site.folder("_people")
    _write(people / ".template", render.PERSON_TEMPLATE)
    for number in range(min(len(FIRST_NAMES) * len(LAST_NAMES), max(2, count // 500))):
        first = FIRST_NAMES[number % len(FIRST_NAMES)]
        last = LAST_NAMES[(number // len(FIRST_NAMES) + number) % len(LAST_NAMES)]
        name = f"{first} {last}"
        text = render.person(rng, name, PLACES[number % len(PLACES)])
        _write(people / f"{render.slug(name)}.md", text)
        site.count("people")


def generate(root: Path, count: int = 50_000, *, seed: int = 1, plain: bool = False) -> Generated:
    """Write a corpus of ``count`` news articles (and the rest of a site unless
    ``plain``) under ``root``, which is created; what was written, and the stories."""
    site = _Site(root, seed, plain)
    topics = render.taxonomy_files()
    if plain:
        site.folder(".")
        _write(root / "topics.yaml", "---\n".join(text for _, text in topics))
    else:
        folder = site.folder("_data/topics")
        for name, text in topics:
            _write(folder / name, text)
        site.folder("_news")
        site.folder("_archive/_news")
    site.count("topics", len(topics))
    _write_news(site, count)
    if not plain:
        _write_newsletters(site, max(2, count // 50))
        _write_others(site, count)
    return site.result
