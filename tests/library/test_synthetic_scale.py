"""A synthetic corpus of any size can be written: stories, each a distinct event, stop
growing past ``SPECIAL_UPTO`` articles, where the events would run out."""

from __future__ import annotations

from pathlib import Path

import pytest

import library.synthetic
from library.synthetic import generate


def test_stories_stop_growing_past_their_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library.synthetic, "SPECIAL_UPTO", 400, raising=False)
    bound = generate(tmp_path / "bound", 400, plain=True)
    past = generate(tmp_path / "past", 1200, plain=True)
    assert past.files["news"] == 1200
    assert past.stories == bound.stories
    assert past.lookalikes == bound.lookalikes
