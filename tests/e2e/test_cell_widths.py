"""Rows whose titles hold emoji or unknown characters stay in line in a real terminal (tmux):
the reader's, and those ``lede stats`` prints.

Where tmux and Rich (which lays out the screen) count a character's cells differently,
everything drawn right of it on its row moves: the list's columns and its border.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import write_document
from tests.e2e.cell_probe import cells_of
from tests.e2e.terminal import TmuxTerminal

# Each as tmux 3.3a and Rich counted them apart: a presentation selector (VS16), a
# keycap, a skin tone, joined sequences, a flag, a text presentation selector (VS15).
EMOJI = [
    "\u2764\ufe0f",
    "1\ufe0f\u20e3",
    "\U0001f44d\U0001f3fd",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f3f3\ufe0f\u200d\U0001f308",
    "\U0001f1ef\U0001f1f5",
    "\u2764\ufe0e",
    "\u26a0\ufe0f",
]
# As tmux 3.3a and Rich counted them apart: unassigned, a noncharacter, unassigned where
# Rich counts two cells, and the two Hangul fillers.
UNKNOWN = ["\u0378", "\ufffe", "\U0003fffd", "\u3164", "\uffa0"]
LIST_BORDER = "\u258f"  # the list pane's right edge
TREE_BORDER = "\u2595"  # the topic tree's right edge


def emoji_corpus(folder: Path, characters: list[str] = EMOJI) -> Path:
    """One article per emoji (or other character), in its title, its provider's name
    and its topic."""
    corpus = folder / "corpus"
    for number, emoji in enumerate(characters, 1):
        write_document(
            corpus,
            f"a{number}.md",
            f'title: "Story {emoji} number {number}"\n'
            f"publishedDateTime: 2024-05-{number:02d}T08:00:00Z\n"
            f'provider:\n  name: "Wire {emoji}"\n'
            f'topics: ["Topic {emoji} {number}"]\n',
        )
    return corpus


def test_rows_with_emoji_line_up(terminal: TmuxTerminal, lede: str, tmp_path: Path) -> None:
    terminal.start([lede, str(emoji_corpus(tmp_path))], width=160, height=30)
    terminal.wait_for(f"{len(EMOJI)} articles")
    screen = terminal.wait_for(f" {len(EMOJI)} 1 · 1 unread")  # the last topic is in the tree
    # Drawn whole again (a row alone was redrawn, up to its end before the border):
    # narrower, without the tree, and back.
    terminal.resize(120, 30)
    terminal.wait_until_gone(f" {len(EMOJI)} 1 · 1 unread")
    terminal.resize(160, 30)
    again = terminal.wait_for(f" {len(EMOJI)} 1 · 1 unread")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    # Each row up to a pane's border: the list's rows, and the tree's topics.
    assert_in_line(terminal, screen, tmp_path, len(EMOJI))
    assert_in_line(terminal, again, tmp_path, len(EMOJI))


def test_rows_with_unknown_characters_line_up(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    terminal.start([lede, str(emoji_corpus(tmp_path, UNKNOWN))], width=160, height=30)
    screen = terminal.wait_for(f" {len(UNKNOWN)} 1 · 1 unread")  # the last topic is in the tree
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    assert_in_line(terminal, screen, tmp_path, len(UNKNOWN))


def test_stats_keeps_its_counts_in_one_column(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """Its topics and providers were padded to the cells Rich gives their names, so a
    count stood up to two columns off the others, as tmux drew it."""
    characters = EMOJI[:5] + UNKNOWN  # ten, as many topics and providers as it lists
    corpus = emoji_corpus(tmp_path, characters)
    stats = subprocess.run(
        [lede, "stats", str(corpus)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    for section in ("  Topic ", "  Wire "):
        rows = [line for line in stats.splitlines() if line.startswith(section)]
        assert len(rows) == len(characters)
        # Each row up to its count, 1 (the bar after it is the same on every row).
        cells = cells_of(terminal, [row[: row.index("  1  ") + 3] for row in rows], tmp_path)
        assert len(set(cells)) == 1, list(zip(cells, rows, strict=True))


def assert_in_line(
    terminal: TmuxTerminal,
    screen: str,
    folder: Path,
    count: int,
    more_rows: list[str] | None = None,
) -> None:
    """As tmux measures them, the list's border is in the same column on each of the
    ``count`` rows of ``screen`` and ``more_rows``, and so is the tree's on its topics."""
    lines = screen.splitlines()
    rows = [line[: line.index(LIST_BORDER) + 1] for line in lines if LIST_BORDER in line]
    rows = [row for row in rows if "Story " in row]
    more_rows = [line[: line.index(LIST_BORDER) + 1] for line in more_rows or []]
    rows += more_rows
    topics = [line[: line.index(TREE_BORDER) + 1] for line in lines if TREE_BORDER in line]
    topics = [topic for topic in topics if "Topic " in topic]
    assert len(rows) - len(more_rows) == count == len(topics), screen  # each with its border
    cells = cells_of(terminal, rows + topics, folder)
    row_cells, topic_cells = cells[: len(rows)], cells[len(rows) :]
    assert len(set(row_cells)) == 1, list(zip(row_cells, rows, strict=True))
    assert len(set(topic_cells)) == 1, list(zip(topic_cells, topics, strict=True))
