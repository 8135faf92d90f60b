"""Front matter keys written as other programs write them, told from the usual ones."""

from __future__ import annotations

from datetime import date

from models.key_names import unusual_keys


def test_keys_of_other_programs_are_told_from_usual_ones_each_time_they_come() -> None:
    """A notes tool's ``Full Title``, Hugo's ``Title``, a number or a day read as a key;
    asked again (the keys of a corpus's next document), the same answer."""
    data = {
        "title": "a",
        "Title": "b",
        "Full Title": "c",
        "full-title": "d",
        1: "e",
        date(2020, 1, 2): "f",
        "_private": "g",
        "publishedDateTime": "h",
        "été": "i",
        "Été": "j",
    }
    unusual = ["Title", "Full Title", "full-title", 1, date(2020, 1, 2), "Été"]
    assert unusual_keys(data) == unusual
    assert unusual_keys(data) == unusual
    assert unusual_keys({"title": "a", "Title": "b"}) == ["Title"]
    assert unusual_keys({"title": "a", "_private": "g"}) == []
