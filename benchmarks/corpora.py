"""The benchmark's corpora: written once and kept, measured against as the disk holds
them, and edited to time how soon the reader shows a change.

A million articles take minutes to write and over 4 GB: a corpus kept in a folder
(``--keep``) is reused while its marker file says it was written for the same
count and seed. Past ``YAML_SAMPLE`` files, the plain YAML loop parses a fixed
random sample of them and its time is scaled to the whole (the table says so).
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from in_terminal import run_in_terminal

ROOT = Path(__file__).resolve().parents[1]
SEED = 1
MARKER = ".lede-bench-corpus"  # in a kept corpus: what it was written for
YAML_SAMPLE = 100_000  # files the YAML loop parses at most; beyond, a sample scaled up
YAML_LOOP = """
import sys, yaml
from pathlib import Path
for path in Path(sys.argv[1]).read_text().splitlines():
    yaml.load_all(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader).__next__()
"""


def corpus_of(work: Path, count: int) -> Path:
    """``count`` news articles by the project's generator in a plain folder of ``work``
    (the reader shows every one: the warm start waits for "N articles"), reused when
    its marker says it was written for the same count and seed."""
    folder = work / f"corpus{count}"
    wanted = f"count={count} seed={SEED}\n"
    marker = folder / MARKER
    if marker.exists() and marker.read_text() == wanted:
        return folder
    if folder.exists():
        sys.exit(f"{folder} exists but was not written for {wanted.strip()}; remove it")
    sys.path.insert(0, str(ROOT))
    from library.synthetic import generate

    started = time.perf_counter()
    generate(folder, count, seed=SEED, plain=True)
    marker.write_text(wanted)
    print(f"wrote {count} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder


def drop_file_cache() -> bool:
    """Empty the kernel's page cache, so that what runs next reads every file from the
    disk, as a first index of a corpus not read lately does; whether it could (it takes
    root, on Linux)."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("1\n")
    except OSError:
        return False
    return True


def yaml_loop(
    corpus: Path, env: dict[str, str], runs: int, work: Path, uncached: bool = False
) -> tuple[float, str]:
    """Seconds a one-process C-YAML loop takes over the corpus's files (the best of
    ``runs``, each after ``drop_file_cache`` when ``uncached``, else over files read once
    first), and what it was: a fixed random sample of ``YAML_SAMPLE`` files scaled up to
    all of them, when there are more. Read first, the files are cached as the index
    mostly finds them: a single run that read part of its sample from the disk made the
    index look faster than it is."""
    files = sorted(str(path) for path in corpus.rglob("*.md"))
    chosen = files
    if len(files) > YAML_SAMPLE:
        chosen = sorted(random.Random(SEED).sample(files, YAML_SAMPLE))
    listing = work / "yaml-files.txt"
    listing.write_text("\n".join(chosen))
    if not uncached:
        for path in chosen:
            Path(path).read_bytes()
    times = []
    for _ in range(runs):
        if uncached:
            drop_file_cache()
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", YAML_LOOP, str(listing)], env=env, check=True)
        times.append(time.perf_counter() - started)
    listing.unlink()
    if len(chosen) == len(files):
        return min(times), "yaml loop"
    return min(times) * len(files) / len(chosen), f"yaml loop ({len(chosen):,} sampled)"


def disk_usage(folder: Path) -> int:
    """Bytes the files under ``folder`` take on disk (whole blocks, as ``du`` counts)."""
    total = 0
    for path, _, names in os.walk(folder):
        total += sum(os.lstat(os.path.join(path, name)).st_blocks * 512 for name in names)
    return total


def newest_article(cache: Path) -> str:
    """The file of the article the reader lists first (the newest)."""
    (index,) = cache.rglob("*.sqlite")
    db = sqlite3.connect(index)
    try:
        return db.execute(
            "SELECT path FROM articles WHERE duplicate_of IS NULL "
            "ORDER BY published IS NULL, published DESC, title COLLATE NOCASE LIMIT 1"
        ).fetchone()[0]
    finally:
        db.close()


def changed_pickup(
    lede: list[str], corpus: Path, home: Path, env: dict[str, str], marker: str
) -> float:
    """Seconds from the reader's list on screen (``marker``) to the new title of its
    first article, the file edited before the launch; restored, with its time, after."""
    path = Path(newest_article(home / "cache"))
    original, info = path.read_bytes(), path.stat()
    title = f"Benchmark edit {time.time_ns()}"
    path.write_bytes(re.sub(rb"(?m)^title: .*$", f'title: "{title}"'.encode(), original, count=1))
    try:
        return run_in_terminal(lede + [str(corpus)], marker, env, then=title)[0]
    finally:
        path.write_bytes(original)
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
