"""The settings file: the default corpus and the theme; a bad file warns and loses nothing."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from library.settings import MAX_SETTINGS_BYTES, Settings, load_settings
from tests.conftest import DocWriter
from tests.unprivileged import run_unprivileged


def settings_from(tmp_path: Path, text: str | bytes) -> Settings:
    path = tmp_path / "config.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_settings(path)


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "absent.toml") == Settings()


def test_paths_and_theme_are_read_and_home_is_expanded(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, 'paths = ["~/news", "/srv/archive"]\ntheme = "nord"\n')
    assert settings.paths == [str(Path.home() / "news"), "/srv/archive"]
    assert (settings.theme, settings.problems) == ("nord", [])
    assert settings_from(tmp_path, 'paths = "/one"\n').paths == ["/one"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("paths = [", "config.toml: "),
        # Said as lede check says YAML's ("invalid YAML: did not find ..."), not with
        # tomllib's capital in mid-line ("config.toml: Invalid value (at line 1, ...").
        ("theme = \n", "config.toml: invalid TOML: invalid value (at line 1, column 9)"),
        ("paths = 3\n", "paths must be a list of folders"),
        ("paths = [1, 2]\n", "paths must be a list of folders"),
        ('paths = ["/srv/news\\u0000x"]\n', "paths must be a list of folders"),
        ("theme = 7\n", "theme must be a name"),
        ("collections = 3\n", "collections must be a list of names, like collections = ["),
        ("collections = []\n", "collections must be a list of names"),
        ('collections = ["news", 2]\n', "collections must be a list of names"),
        ('collections = [" "]\n', "collections must be a list of names"),
        ('hide_unpublished = "yes"\n', "hide_unpublished must be true or false"),
        ("colour = 'red'\n", "unknown setting colour"),
        (b"theme = '\xff'\n", "config.toml: not UTF-8 text, as TOML is; using the defaults"),
        pytest.param(
            "paths = " + "[" * 100_000,
            "config.toml: nested too deeply to read; using the defaults",
            id="nested-lists",
        ),
        pytest.param("theme = " + "{a = " * 100_000, "nested too deeply", id="nested-tables"),
    ],
)
def test_a_bad_setting_is_one_line_and_the_rest_still_applies(
    tmp_path: Path, text: str | bytes, message: str
) -> None:
    settings = settings_from(tmp_path, text)
    assert len(settings.problems) == 1
    assert message in settings.problems[0] and "\n" not in settings.problems[0]


@pytest.mark.parametrize(
    ("text", "collections", "hide"),
    [
        ("", None, False),
        ('collections = ["news", "learning"]\n', ("news", "learning"), False),
        ('collections = ["_news"]\nhide_unpublished = true\n', ("news",), True),
        ('collections = "*"\n', ("*",), False),
        ("hide_unpublished = false\n", None, False),
    ],
)
def test_the_stream_settings_are_read(
    tmp_path: Path, text: str, collections: tuple[str, ...] | None, hide: bool
) -> None:
    settings = settings_from(tmp_path, text)
    assert (settings.collections, settings.hide_unpublished, settings.problems) == (
        collections,
        hide,
        [],
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("colections = ['news']\n", "colections: did you mean collections?"),
        ("hide-unpublished = true\n", "hide-unpublished: did you mean hide_unpublished?"),
        (
            "colour = 'red'\n",
            "colour: the settings are paths, theme, collections, hide_unpublished, auto_images",
        ),
    ],
)
def test_an_unknown_setting_names_the_one_meant_or_those_there_are(
    tmp_path: Path, text: str, said: str
) -> None:
    """A mistyped setting was "unknown settings colections", which left it to the reader
    to find how it is spelled, while the stream it chose went on holding the news alone."""
    settings = settings_from(tmp_path, text)
    assert settings.problems == [f"{tmp_path / 'config.toml'}: unknown setting {said}"]


def test_whatever_the_toml_parser_raises_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> dict[str, object]:
        raise IndexError("the parser's own bug")

    monkeypatch.setattr(tomllib, "loads", broken)
    settings = settings_from(tmp_path, 'theme = "nord"\n')
    assert settings == Settings(
        problems=[f"{tmp_path / 'config.toml'}: cannot parse it (IndexError); using the defaults"]
    )


def test_good_values_survive_a_bad_neighbour(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, 'paths = ["/srv/a"]\ntheme = 7\n')
    assert settings.paths == ["/srv/a"] and settings.theme is None
    assert settings.problems == [
        f'{tmp_path / "config.toml"}: theme must be a name, like theme = "textual-light"'
    ]


def test_lede_opens_the_configured_corpus_and_warns_about_the_rest(
    run_lede, doc_writer: DocWriter, tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    corpus = tmp_path / "archive"
    doc_writer("kept.md", "title: From the settings\n", folder=corpus)
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f"paths = [{json.dumps(str(corpus))}]\nshade = 1\n", encoding="utf-8")
    done = run_lede("list", "--json")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["title"] for line in done.stdout.splitlines()] == ["From the settings"]
    assert done.stderr == (
        f"lede: warning: {config}: unknown setting shade: the settings are paths, theme, "
        "collections, hide_unpublished, auto_images\n"
    )
    named = run_lede("list", "--json", str(tmp_path / "archive"))
    # Given paths, the settings still choose a site's stream: their mistakes are told too.
    assert named.stderr == done.stderr


def test_lede_starts_whatever_the_settings_file_holds(
    run_lede, isolated_dirs: dict[str, Path]
) -> None:
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("paths = " + "[" * 100_000, encoding="utf-8")
    done = run_lede("list", "--json")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2  # the bundled sample
    assert (
        done.stderr == f"lede: warning: {config}: nested too deeply to read; using the defaults\n"
    )


def test_a_settings_file_that_is_no_regular_file_or_too_large_is_not_read(
    tmp_path: Path,
) -> None:
    """A FIFO there hung every command, waiting for a writer; /dev/zero took gigabytes."""
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    assert load_settings(fifo).problems == [
        f"{fifo}: a named pipe (FIFO), not a regular file; using the defaults"
    ]
    zero = tmp_path / "zero.toml"
    zero.symlink_to("/dev/zero")
    assert load_settings(zero).problems == [
        f"{zero}: a character device, not a regular file; using the defaults"
    ]
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * MAX_SETTINGS_BYTES)
    [problem] = load_settings(huge).problems
    assert problem.startswith(f"{huge}: too large (") and problem.endswith("using the defaults")


def test_a_settings_file_that_cannot_be_read_says_why_once(
    isolated_dirs: dict[str, Path], query_corpus: Path
) -> None:
    """It said "cannot read it ([Errno 13] Permission denied: '/home/.../config.toml')",
    naming the file twice, and not that the defaults were used."""
    config = isolated_dirs["XDG_CONFIG_HOME"] / "lede" / "config.toml"
    config.parent.mkdir()
    config.write_text('theme = "textual-light"\n')
    config.chmod(0)
    listed = run_unprivileged("list", query_corpus)
    assert listed.returncode == 0 and listed.stdout
    assert listed.stderr == (
        f"lede: warning: {config}: cannot read it (Permission denied); using the defaults\n"
    )


def test_auto_images_is_off_unless_set_to_true(tmp_path: Path) -> None:
    assert not settings_from(tmp_path, 'theme = "nord"\n').auto_images
    assert settings_from(tmp_path, "auto_images = true\n").auto_images
    settings = settings_from(tmp_path, 'auto_images = "yes"\n')
    assert not settings.auto_images
    assert settings.problems == [f"{tmp_path / 'config.toml'}: auto_images must be true or false"]
