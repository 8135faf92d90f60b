"""``lede sync``: fast-forward each corpus root that is a git work tree, index, and say
what arrived (the git part is ``library.sync``, shared with the reader's ``R``)."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from library.days import local_date
from library.sync import Pulled, SyncError, pull
from models.text import printable

MARKS = (("+", "added"), ("~", "changed"))


def sync_corpus(args: argparse.Namespace, out: TextIO) -> int:
    """Pull every root, then index once; one line per root, then the articles that came
    (``+`` new, ``~`` changed, ``-`` removed). Exit 1 if any root could not be synced."""
    from library.corpus import open_index, open_state
    from tui.cli import corpus_paths
    from tui.cli_state import carry_marks

    roots = corpus_paths(args.paths)
    pulled: list[Pulled] = []
    failed = False
    for root in roots:
        try:
            pulled.append(pull(root))
        except SyncError as error:
            sys.stderr.write(f"lede: sync {printable(root)}: {error}\n")
            failed = True
    state = open_state()
    index = open_index(roots, state)
    carry_marks(index.refresh(), state)  # a post the pull moved keeps its marks
    for result in pulled:
        out.write(f"{printable(result.root)}: {result.summary()}\n")
        for mark, kind in MARKS:
            for row in index.rows_at(getattr(result, kind)):
                day = local_date(row.published) if row.published is not None else "----------"
                out.write(f"  {mark} {day}  {row.title}\n")
        for path in result.removed:
            out.write(f"  - {printable(path)}\n")
    return 1 if failed else 0
