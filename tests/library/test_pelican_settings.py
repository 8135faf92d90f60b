"""A Pelican site's settings are read from its ``pelicanconf.py`` without running it."""

from __future__ import annotations

from pathlib import Path

from library.pelican_settings import pelican_settings


def test_literal_settings_are_read_and_the_rest_left_out(tmp_path: Path) -> None:
    (tmp_path / "pelicanconf.py").write_text(
        "import os\n"
        "DEFAULT_DATE = 'fs'\n"
        "DEFAULT_PAGINATION = 4\n"
        "SITEURL = os.environ['SITEURL']\n"
        "LINKS = [('Pelican', 'https://getpelican.com/')]\n"
        "if True:\n    THEME = 'nested'\n"
    )
    assert pelican_settings(str(tmp_path)) == {
        "DEFAULT_DATE": "fs",
        "DEFAULT_PAGINATION": 4,
        "LINKS": [("Pelican", "https://getpelican.com/")],
    }


def test_a_settings_file_that_does_not_read_gives_none(tmp_path: Path) -> None:
    assert pelican_settings(str(tmp_path)) == {}
    (tmp_path / "pelicanconf.py").write_text("DEFAULT_DATE = (\n")
    assert pelican_settings(str(tmp_path)) == {}
    (tmp_path / "pelicanconf.py").write_bytes(b"\xff\xfe\x00garbage")
    assert pelican_settings(str(tmp_path)) == {}
