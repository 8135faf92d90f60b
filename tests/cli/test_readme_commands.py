"""The README's command-line summary names every option each command takes, as
``lede --help`` and ``lede SUBCOMMAND --help`` do."""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

from tests.conftest import LedeRunner, lede_executable
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


def exit_table() -> dict[int, str]:
    """The README's table of exit codes: each code with when it is given."""
    text = README.read_text(encoding="utf-8").split("## Command line", 1)[1].split("\n## ")[0]
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", text, flags=re.MULTILINE)
    return {int(code): when for code, when in rows}


def test_each_exit_code_the_readme_gives_is_the_one_lede_exits_with(
    run_lede: LedeRunner, query_corpus: Path, tmp_path: Path
) -> None:
    """The README said the exit codes of ``lede check`` and of a missing path alone; the
    table gives every one, and each of its cases is run here as written."""
    table = exit_table()
    assert sorted(table) == [0, 1, 2, 130]
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.md").write_text("---\ntitle: [unclosed\n---\n")
    cases = {
        "malformed query": (1, ["list", "-q", "topc:x", query_corpus]),
        "sync or preview that failed": (1, ["sync", query_corpus]),  # not a git work tree
        "invalid document": (1, ["check", tmp_path / "full"]),
        "unknown option": (2, ["list", "--bogus", query_corpus]),
        "PATH that does not exist": (2, ["list", tmp_path / "nowhere"]),
        "not empty": (2, ["demo", tmp_path / "full"]),
    }
    for words, (code, args) in cases.items():
        assert words in table[code], (words, table[code])
        done = run_lede(*args)
        assert done.returncode == code, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert "(`lede list \\| head -1`)" in table[0]
    piped = subprocess.run(
        ["bash", "-c", '"$0" list "$1" | head -1 >/dev/null; exit "${PIPESTATUS[0]}"']
        + [lede_executable(), str(query_corpus)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (piped.returncode, piped.stderr) == (0, "")
