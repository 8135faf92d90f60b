"""Files saved in an encoding older than UTF-8 (an old archive's windows-1252, a Russian
site's windows-1251, a Japanese one's Shift_JIS) are listed in the encoding their bytes
most likely are, with a warning that says which, where they were lost as errors."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.conftest import LedeRunner

ARTICLES = [
    ("cafe.md", "Un été à Paris, le café «naïve» de Noël", "cp1252", "windows-1252"),
    ("moscow.md", "Городской совет утвердил бюджет на будущий год", "cp1251", "windows-1251"),
    ("tokyo.md", "市議会は水曜日の夜、来年度の均衡予算を可決した", "shift_jis", "Shift_JIS"),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    for name, title, encoding, _ in ARTICLES:
        text = f"---\ntitle: {title}\ndate: 2009-03-01\n---\n{title}. {title}.\n"
        (root / name).write_bytes(text.encode(encoding))
    (root / "plain.md").write_bytes(b"---\ntitle: Plain\ndate: 2009-03-02\n---\nok\n")
    return root


def test_each_is_listed_in_its_own_letters(run_lede: LedeRunner, corpus: Path) -> None:
    done = run_lede("list", "--json", corpus)
    assert done.returncode == 0, done.stderr
    titles = {
        Path(row["path"]).name: row["title"]
        for row in map(json.loads, done.stdout.split("\n")[:-1])
    }
    assert titles == {name: title for name, title, _, _ in ARTICLES} | {"plain.md": "Plain"}


def test_check_says_which_encoding_each_was_read_in(run_lede: LedeRunner, corpus: Path) -> None:
    done = run_lede("check", corpus)
    lines = done.stdout.splitlines()
    for name, _, _, known_as in ARTICLES:
        (line,) = [line for line in lines if line.startswith(f"{corpus / name}:")]
        assert line.startswith(f"{corpus / name}:2: warning: not UTF-8 text (byte 0x"), line
        assert f"read as {known_as}, the likeliest encoding of its bytes" in line
    assert lines[-1].endswith("0 invalid, 0 errors, 3 warnings"), lines[-1]
    assert done.returncode == 0


def test_bytes_no_encoding_reads_are_still_an_error(run_lede: LedeRunner, corpus: Path) -> None:
    noise = random.Random(1).randbytes(2000).replace(b"\x00", b"\x01")  # no text at all
    (corpus / "noise.md").write_bytes(b"---\ntitle: Noise\n---\n" + noise)
    done = run_lede("check", corpus)
    (line,) = [line for line in done.stdout.splitlines() if "noise.md" in line]
    assert line.startswith(f"{corpus / 'noise.md'}:4: error: not UTF-8 text (byte 0x"), line
    assert done.stdout.splitlines()[-1].endswith("1 invalid, 1 error, 3 warnings")


def test_a_stray_byte_before_the_front_matter_is_still_an_error(
    run_lede: LedeRunner, corpus: Path
) -> None:
    """Read as windows-1252 it is no document ("ÿ---"): the byte is what to say."""
    (corpus / "stray.md").write_bytes(b"\xff---\ntitle: Stray\n---\n")
    done = run_lede("check", corpus)
    assert f"{corpus / 'stray.md'}:1: error: not UTF-8 text (byte 0xff at offset 0)" in done.stdout
