"""Instructions a file costs an indexing worker's parse, against the YAML loop's.

A timing moves with whatever else the machine runs; an instruction count does not, so
a change to the parse can be weighed on a busy machine, and by a few percent. Each side
runs under valgrind's callgrind twice, over the first ``--small`` and the first
``--large`` files of the benchmark's corpus: the difference, divided by the files
between, is what one file costs, without the interpreter's start and imports. The
worker's side is ``library.summaries.index_many`` in the batches the workers get; the
loop is the cold index's baseline in ``bench.py``. The count measures the code in this
working tree. Needs valgrind.

    python benchmarks/instructions.py [--keep DIR] [--count N] [--small 500] [--large 1500]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpora import ROOT, YAML_LOOP, corpus_of

PARSE = """
import os, sys
sys.path.insert(0, sys.argv[2])
from library.parallel import BATCH
from library.scan import FoundFile
from library.summaries import index_many
paths = open(sys.argv[1]).read().splitlines()
root = os.path.dirname(paths[0])
files = [FoundFile(path, 0, 0, False, root) for path in paths]  # stat is the scan's
for start in range(0, len(files), BATCH):
    index_many(files[start : start + BATCH])
"""
_COLLECTED = re.compile(r"Collected : (\d+)")


def counted(script: str, paths: list[Path], work: Path) -> int:
    """Instructions ``script`` runs, given a file listing ``paths`` and the repository."""
    listing = work / "paths.txt"
    listing.write_text("".join(f"{path}\n" for path in paths))
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={work / 'callgrind.out'}",
            sys.executable,
            "-c",
            script,
            str(listing),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        cwd=work,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same sets and dicts every run
        check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"valgrind failed:\n{done.stderr[-2000:]}")
    return int(found[1])


def per_file(script: str, files: list[Path], small: int, work: Path) -> float:
    """Instructions a file adds to ``script``: all of ``files`` against the first ``small``."""
    return (counted(script, files, work) - counted(script, files[:small], work)) / (
        len(files) - small
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="write the corpus here and reuse it")
    parser.add_argument("--count", type=int, help="articles of the corpus (default: --large)")
    parser.add_argument("--small", type=int, default=500, help="files of the first run")
    parser.add_argument("--large", type=int, default=1500, help="files of the second run")
    args = parser.parse_args()
    count = args.count or args.large
    if args.small < 1 or args.large <= args.small or count < args.large:
        parser.error("need 1 <= --small < --large <= --count")
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed to count instructions (apt install valgrind)")
    with tempfile.TemporaryDirectory(prefix="lede-instructions-") as temporary:
        work = Path(temporary)
        corpus = corpus_of(args.keep or work, count)
        files = sorted(corpus.glob("*.md"))[: args.large]
        parse = per_file(PARSE, files, args.small, work)
        loop = per_file(YAML_LOOP, files, args.small, work)
    print(f"a worker's parse  {parse:>12,.0f} instructions a file")
    print(f"yaml loop         {loop:>12,.0f} instructions a file")
    print(f"parse / loop      {parse / loop:>12.2f}x")


if __name__ == "__main__":
    main()
