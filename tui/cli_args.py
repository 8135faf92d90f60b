"""The ``lede`` command line's words: the reader's options, each subcommand's, and the
checks of their values."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from library.schema import SORTS
from tui.usage import DEFAULT_PATHS, QUERIES, SORT_HELP, STATS_HELP

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# Each subcommand in a few words, as ``lede --help`` lists them, and in a sentence, as its
# own --help opens.
SUMMARIES = {
    "check": (
        "validate documents",
        "Validate documents: one line per problem (PATH:LINE: error|warning: MESSAGE) and "
        "a summary line; exit 1 if any document is invalid.",
    ),
    "list": ("list matching articles", "List the articles matching a query, newest first."),
    "topics": (
        "the topic tree with counts",
        "Print the topic tree with article counts (on a site, of its stream).",
    ),
    "stats": (
        "articles per month, top topics and providers",
        # Its line broken by hand: the stats help is laid out as written, its sections are.
        "Articles per month as bars, the top topics and the top providers, for the\n"
        "corpus or the articles matching a query.",
    ),
    "index": (
        "build or update the index",
        "Build or update the index of a corpus (the reader does this by itself).",
    ),
    "preview": (
        "print a page's readable text",
        "Fetch a page and print its readable text as Markdown (needs the network).",
    ),
    "demo": (
        "write a synthetic site to try lede on",
        "Write a synthetic site of news articles into a new or empty folder, to try lede on.",
    ),
    "sync": (
        "git pull a corpus, then index it",
        "Fast-forward each corpus root that is a git work tree to its upstream, index it, "
        "and report what arrived: N new, M changed, K removed.",
    ),
}
SUBCOMMANDS = tuple(SUMMARIES)
PATHS_HELP = "files or folders (default: below)"
# A demo of this many articles already takes gigabytes and minutes to write.
DEMO_MOST = 1_000_000
# What --all adds, alike for list, topics and stats (each counts what list lists).
EVERYTHING = (
    "everything on a site: every collection and language, and what it did not "
    "publish where the settings hide that (default: its stream)"
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lede")
    except PackageNotFoundError:
        return "0+unknown"


class _Version(argparse.Action):
    """``--version``, looked up only when asked: reading the package's metadata at every
    start cost the reader a twentieth of its start."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        sys.stdout.write(f"lede {_version()}\n")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """A parser whose help fails as any other output does: argparse drops an error in
    writing it, and ``lede --help >/dev/full`` ended 0 having written nothing."""

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        (sys.stdout if file is None else file).write(self.format_help())
        sys.stdout.flush()  # an error in it comes here, where it is said, not as lede ends


def reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lede",
        description="Read a corpus of news articles (Markdown with YAML front matter).\n\n"
        "subcommands (lede SUBCOMMAND --help):\n"
        + "\n".join(f"  {name:<9}{short}" for name, (short, _) in SUMMARIES.items()),
        epilog=f"{DEFAULT_PATHS}\n\n{QUERIES}\n\n{SORT_HELP}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders to open (default: below)"
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--serve", action="store_true", help="serve the reader to a browser")
    # No defaults here: given without --serve they are a mistake to name (``serve`` has them).
    parser.add_argument("--port", type=_port, help="port for --serve (1-65535; default 8000)")
    parser.add_argument(
        "--host",
        help="address for --serve (default localhost: IPv4 and IPv6)",
    )
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lede")
    commands = parser.add_subparsers(dest="command", required=True)
    check = _corpus_command(commands, "check")
    check.add_argument("--json", action="store_true", help="JSON Lines output")
    listing = _corpus_command(commands, "list", QUERIES, SORT_HELP)
    listing.add_argument("-q", "--query", default="", help="a query (the language is below)")
    listing.add_argument("--sort", choices=tuple(SORTS), default="date", help="the order (below)")
    listing.add_argument("--limit", type=_whole_number(0), metavar="N", help="at most N articles")
    listing.add_argument("--json", action="store_true", help="JSON Lines output")
    listing.add_argument("--all", action="store_true", help=EVERYTHING)
    listing.add_argument(
        "--stories", action="store_true", help="one row per story, with its number of sources"
    )
    topics = _corpus_command(commands, "topics")
    topics.add_argument("--all", action="store_true", help=EVERYTHING)
    stats = _corpus_command(commands, "stats", STATS_HELP, QUERIES)
    stats.add_argument("-q", "--query", default="", help="count only the articles matching it")
    stats.add_argument("--json", action="store_true", help="one JSON object")
    stats.add_argument("--all", action="store_true", help=EVERYTHING)
    index = _corpus_command(commands, "index")
    preview = commands.add_parser("preview", description=SUMMARIES["preview"][1])
    preview.add_argument("url", metavar="URL", help="an http or https address")
    preview.add_argument("--json", action="store_true", help="one JSON object")
    demo = commands.add_parser("demo", description=SUMMARIES["demo"][1])
    demo.add_argument("folder", metavar="DIR", help="a new or empty folder")
    demo.add_argument(
        "--count",
        type=_whole_number(1, DEMO_MOST),
        default=50_000,
        metavar="N",
        help=f"how many news articles (default: 50,000, at most {DEMO_MOST:,})",
    )
    sync = _corpus_command(commands, "sync")
    for subcommand in (check, listing, topics, stats, index, preview, demo, sync):
        subcommand.set_defaults(parser=subcommand)
    return parser


def _corpus_command(
    commands: argparse._SubParsersAction[_Parser], name: str, *sections: str
) -> argparse.ArgumentParser:
    """A command that reads corpora: its PATHs, found as the reader finds them where none
    is given (``DEFAULT_PATHS`` says how, after the help's other ``sections``, which are
    laid out by hand)."""
    layout = argparse.RawDescriptionHelpFormatter if sections else argparse.HelpFormatter
    epilog = "\n\n".join((*sections, DEFAULT_PATHS))
    command = commands.add_parser(
        name, description=SUMMARIES[name][1], epilog=epilog, formatter_class=layout
    )
    command.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    return command


def parse_command(argv: list[str]) -> argparse.Namespace:
    """``argv`` (a subcommand and its arguments) read; an argument the subcommand does not
    know is told by its own usage (``lede list: error``), not the top one's."""
    parser = command_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        args.parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _whole_number(least: int, most: int | None = None) -> Callable[[str], int]:
    """A whole number of ``least`` or more (and ``most`` or less), refused in the same words
    whatever the option: ``--limit`` takes 0 (a negative one would cut from the end),
    ``--count`` 1 to ``DEMO_MOST`` (with no bound it wrote until the disk was full)."""

    def whole_number(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expects a whole number, not '{text}'") from None
        if number < least:
            raise argparse.ArgumentTypeError(f"expects {least} or more, not {number}")
        if most is not None and number > most:
            raise argparse.ArgumentTypeError(f"expects {most:,} or fewer, not {text}")
        return number

    return whole_number


def _port(text: str) -> int:
    """A port one can point a browser at: 0 would be one the system picks, unknown here."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expects a port from 1 to 65535, not '{text}'")
    return int(text)


def query_values_attached(argv: list[str]) -> list[str]:
    """``-q VALUE`` as ``--query=VALUE``: argparse takes a value that starts with a dash
    (``-q -word``) for an option and refuses it, and a query often starts with one."""
    attached: list[str] = []
    rest = iter(argv)
    for arg in rest:
        if arg == "--":  # everything after it is a path
            attached += [arg, *rest]
        elif arg == "-q" or (len(arg) > 2 and "--query".startswith(arg)):
            value = next(rest, None)
            attached.append(arg if value is None else f"--query={value}")
        else:
            attached.append(arg)
    return attached
