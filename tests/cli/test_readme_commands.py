"""The README's command-line summary names every option each command takes, as
``lede --help`` and ``lede SUBCOMMAND --help`` do."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from tui.cli_args import SUBCOMMANDS, command_parser, reader_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def summary() -> str:
    """The code block under the README's "Command line" heading."""
    text = README.read_text(encoding="utf-8").split("## Command line", 1)[1]
    return text.split("```", 2)[1]


def options(parser: argparse.ArgumentParser) -> list[list[str]]:
    """Each option's spellings (``-q``, ``--query``), but help and version."""
    return [
        action.option_strings
        for action in parser._actions
        if action.option_strings and not {"--help", "--version"} & set(action.option_strings)
    ]


def named(spellings: list[str], text: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(option)}\b", text) for option in spellings)


def entries() -> dict[str, str]:
    """Each command's lines of the summary: from its ``lede NAME`` to the next ``lede``."""
    parts = re.split(r"^(?=lede )", summary(), flags=re.MULTILINE)
    found: dict[str, str] = {}
    for part in parts:
        name = part.split(maxsplit=2)[1] if part.startswith("lede ") else ""
        key = name if name in SUBCOMMANDS else "reader"
        found[key] = found.get(key, "") + part
    return found


def test_every_option_of_every_command_is_in_the_readme() -> None:
    """``lede stats --all`` and ``lede --serve --host`` were missing from the summary."""
    subparsers = next(
        action
        for action in command_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    described = entries()
    missing = [
        f"lede {name} {spellings[-1]}"
        for name, parser in subparsers.choices.items()
        for spellings in options(parser)
        if not named(spellings, described.get(name, ""))
    ]
    missing += [
        f"lede {spellings[-1]}"
        for spellings in options(reader_parser())
        if not named(spellings, described["reader"])
    ]
    assert missing == []
    assert set(described) == {*SUBCOMMANDS, "reader"}
