"""``lede check``: one line per problem, a summary line, exit 1 if any document is invalid,
also when what reads the lines stops early (``lede check SITE | head``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from models.text import json_line, printable
from tui.cli_corpus import corpus_paths

if TYPE_CHECKING:
    from library.check import CheckReport


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """``lede check``: one line per problem, a summary, exit 1 if anything is invalid."""
    from library.check import check

    paths = corpus_paths(args.paths)  # none given: those the reader would open
    report = check(paths)
    try:
        _write_report(report, args, out)
    except BrokenPipeError:  # ``lede check SITE | head``: the documents are invalid all the same
        sys.stderr.close()  # (as ``main`` does: the last flush of stdout fails again)
        return 1 if report.invalid else 0
    if not (report.articles or report.invalid):
        sys.stderr.write(f"lede: no documents found in {', '.join(map(printable, paths))}\n")
    return 1 if report.invalid else 0


def _write_report(report: CheckReport, args: argparse.Namespace, out: TextIO) -> None:
    for problem in report.problems:
        if args.json:
            record = {
                "path": problem.path,
                "line": problem.line,
                "severity": problem.severity,
                "message": problem.message,
            }
            out.write(json_line(record, out.encoding) + "\n")
        else:
            out.write(f"{problem}\n")
    if args.json:
        out.write(
            json.dumps(
                {"summary": report.summary, "files": report.files, "invalid": report.invalid}
            )
            + "\n"
        )
    else:
        out.write(report.summary + "\n")
