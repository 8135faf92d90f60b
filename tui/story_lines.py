"""``lede list --stories``: one line (or JSON object) per story, with its size."""

from __future__ import annotations

import argparse
from typing import TextIO

from library.days import local_date, local_iso
from library.index import CorpusIndex
from library.query import Query
from library.story_view import stories_of, story_entries
from models.text import json_line


def write_stories(index: CorpusIndex, query: Query, args: argparse.Namespace, out: TextIO) -> int:
    """The stories of the articles ``query`` matches, in the order of their first member."""
    rows = index.search(query, sort=args.sort)
    entries = story_entries(rows, stories_of(index.db, [row.id for row in rows]))
    for entry in entries[: args.limit]:
        first, last = entry.span
        size, head = len(entry.members), entry.headline
        if args.json:
            record = {
                "story": entry.story,
                "size": size,
                "title": head.title,
                "path": head.path,
                "first_published": None if first is None else local_iso(first),
                "last_published": None if last is None else local_iso(last),
            }
            out.write(json_line(record, out.encoding) + "\n")
            continue
        days = "----------" if first is None else local_date(first)
        if last is not None and local_date(last) != days:
            days += f"..{local_date(last)}"
        provider = f"  — {head.provider}" if head.provider else ""
        sources = "1 source" if size == 1 else f"{size} sources"
        out.write(f"{days}  {head.title}{provider}  ({sources})  story:{entry.story}\n")
    return 0
