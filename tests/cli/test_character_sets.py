"""The command line under a locale that is not UTF-8: ``LANG=en_US`` (ISO-8859-1 on glibc),
an old server's default, ``PYTHONIOENCODING=ascii``. What the character set lacks is
printed in its nearest plain form, never as a row of question marks."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import lede_executable, write_document
from tests.e2e.tools import latin1_locale

TITLE = "Café crème à Zürich — “naïve” résumé…"


@pytest.fixture
def world(tmp_path: Path, isolated_dirs: dict[str, Path]) -> Path:
    corpus = tmp_path / "corpus"
    write_document(
        corpus,
        "cafe.md",
        f'title: "{TITLE}"\npublishedDateTime: 2024-03-01T10:00:00Z\n'
        "provider: {name: Le Monde, domain: lemonde.fr}\ntopics: [Économie]\n",
    )
    write_document(
        corpus,
        "xinhua.md",
        'title: "人工智能 report"\npublishedDateTime: 2024-04-01T10:00:00Z\n'
        "provider: {name: 新华社, domain: xinhua.cn}\ntopics: [Économie]\n",
    )
    return corpus


def lede(env: dict[str, str], *args: str | Path) -> tuple[str, str]:
    """``lede ARGS`` in ``env``: what it printed, read in the character set it wrote."""
    encoding = "ascii" if env.get("PYTHONIOENCODING") == "ascii" else "latin-1"
    done = subprocess.run(
        [lede_executable(), *map(str, args)], capture_output=True, env={**os.environ, **env}
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode(encoding), done.stderr.decode(encoding)


def test_latin1_keeps_its_letters_and_spells_the_rest(world: Path, tmp_path: Path) -> None:
    env = latin1_locale(tmp_path)
    listed, _ = lede(env, "list", world)
    assert '2024-03-01  Café crème à Zürich - "naïve" résumé...  - Le Monde' in listed
    assert "2024-04-01  ???????? report  - ??????" in listed  # a ? per column it takes
    stats, _ = lede(env, "stats", world)
    assert "  2024-03  1  " + "#" * 40 in stats.splitlines()
    assert "  Le Monde  1  " + "#" * 40 in stats.splitlines()
    assert "  ??????    1  " + "#" * 40 in stats.splitlines()  # lined up below it
    topics, _ = lede(env, "topics", world)
    assert "  Économie (2)" in topics.splitlines()


def test_ascii_drops_accents_rather_than_letters(world: Path) -> None:
    env = {"PYTHONIOENCODING": "ascii"}
    listed, _ = lede(env, "list", world)
    assert 'Cafe creme a Zurich - "naive" resume...  - Le Monde' in listed
    topics, _ = lede(env, "topics", world)
    assert "  Economie (2)" in topics.splitlines()
    checked, _ = lede(env, "check", world)
    assert checked.startswith("checked 2 files")
