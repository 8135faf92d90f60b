"""``lede preview URL [--json]`` and the cost of importing the package."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from preview import preview_command
from tests.conftest import LedeRunner
from tests.webserver import ARTICLE_PARAGRAPHS, ARTICLE_TITLE, TestServer, article_html, page

ROOT = Path(__file__).resolve().parents[2]


def test_prints_the_markdown(server: TestServer, tmp_path: Path) -> None:
    server.routes["/story"] = page(article_html())
    out = io.StringIO()

    assert preview_command(server.url("/story"), False, tmp_path / "previews", out) == 0

    assert out.getvalue().startswith(f"# {ARTICLE_TITLE}\n\n")
    assert ARTICLE_PARAGRAPHS[-1] in out.getvalue()
    assert out.getvalue().endswith("\n")


def test_json_is_one_object_with_the_fields(server: TestServer, tmp_path: Path) -> None:
    server.routes["/story"] = page(article_html())
    out = io.StringIO()

    assert preview_command(server.url("/story"), True, None, out) == 0

    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {"url", "final_url", "title", "markdown", "fetched_at"}
    assert record["url"] == record["final_url"] == server.url("/story")
    assert record["title"] == ARTICLE_TITLE
    assert ARTICLE_PARAGRAPHS[0] in record["markdown"]
    assert record["fetched_at"].endswith("+00:00")


def test_a_second_run_reads_the_cache(server: TestServer, tmp_path: Path) -> None:
    server.routes["/story"] = page(article_html())
    first, second = io.StringIO(), io.StringIO()

    preview_command(server.url("/story"), False, tmp_path, first)
    server.routes["/story"] = page("gone", status=500)
    assert preview_command(server.url("/story"), False, tmp_path, second) == 0

    assert second.getvalue() == first.getvalue()


def test_a_long_temporary_folder_still_reads_the_page(
    server: TestServer, tmp_path: Path, run_lede: LedeRunner
) -> None:
    """The page is read in a worker process, whose server's socket is made in the
    temporary folder: under a long ``TMPDIR`` it failed ("AF_UNIX path too long")."""
    server.routes["/story"] = page(article_html())
    folder = tmp_path / ("long-temporary-folder-" * 4)
    folder.mkdir()

    done = run_lede("preview", server.url("/story"), env={"TMPDIR": str(folder)})

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"# {ARTICLE_TITLE}\n\n")
    assert list(folder.iterdir()) == []  # nothing of the worker's left in it


def assert_one_line_failure(capsys: pytest.CaptureFixture[str], reason: str) -> None:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"lede: preview failed: {reason}")
    assert captured.err.count("\n") == 1 and captured.err.endswith("\n")


def test_an_http_error_is_one_line_on_stderr(
    server: TestServer, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    assert preview_command(server.url("/missing"), False, None, out) == 1
    assert out.getvalue() == ""
    assert_one_line_failure(capsys, "HTTP 404 Not Found")


def test_a_refused_scheme_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert preview_command("javascript:alert(1)", True, None, out) == 1
    assert out.getvalue() == ""
    assert_one_line_failure(capsys, "only http and https links can be previewed")


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("example.com", "https://example.com"),
        ("example.com/a?b=1&c=2", "'https://example.com/a?b=1&c=2'"),
    ],
)
def test_an_address_without_its_scheme_is_shown_with_one(
    run_lede: LedeRunner, typed: str, written: str
) -> None:
    """``lede preview example.com``, as a browser's address bar takes it, was refused for
    "links without a scheme", which left the reader to guess what to type instead."""
    done = run_lede("preview", typed)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "lede: preview failed: only http and https links can be previewed, not links "
        f"without a scheme; try lede preview {written}\n"
    )


def test_importing_preview_leaves_the_extractor_unloaded() -> None:
    code = "import preview, sys; assert 'trafilatura' not in sys.modules, 'trafilatura loaded'"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=30)
