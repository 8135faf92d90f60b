"""A security advisory in RustSec's format (TOML in a fenced block, then a heading): an
advisory database of 1,231 such files listed no document and warned of each."""

from __future__ import annotations

from pathlib import Path

from models.document import parse_document
from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner

ADVISORY = (
    "```toml\n"
    "[advisory]\n"
    'id = "RUSTSEC-2020-0105"\n'
    'package = "abi_stable"\n'
    'date = "2020-12-21"\n'
    'url = "https://example.org/issues/44"\n'
    'categories = ["memory-corruption"]\n'
    'keywords = ["unsound"]\n'
    "\n"
    "[versions]\n"
    'patched = [">= 0.9.1"]\n'
    "```\n"
    "\n"
    "# Update unsound DrainFilter\n"
    "\n"
    "Affected versions contained a double drop.\n"
)


def test_an_advisory_is_read_from_its_toml_and_heading() -> None:
    parsed = parse_document(ADVISORY, "crates/abi_stable/RUSTSEC-2020-0105.md")
    article = parsed.article
    assert article is not None and not parsed.problems
    assert article.title == "Update unsound DrainFilter"
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2020-12-21"
    assert article.original_url == ""  # where it was reported: no copy of another's
    assert article.model_extra is not None
    assert article.model_extra["reported"] == "https://example.org/issues/44"
    assert article.topics == ["memory-corruption", "unsound"]
    assert article.model_extra["package"] == "abi_stable"
    assert "double drop" in article.body


def test_a_broken_advisory_is_an_error_on_its_line_and_other_toml_no_advisory() -> None:
    broken = ADVISORY.replace('date = "2020-12-21"', "date = ")
    parsed = parse_document(broken, "crates/x/RUSTSEC-2020-0105.md")
    assert [(problem.severity, problem.line) for problem in parsed.problems] == [("error", 5)]
    other = '```toml\n[package]\nname = "x"\n```\n\n# Cargo.toml\n'
    assert parse_document(other, "docs/cargo.md", require_front_matter=False).article is None


def test_lede_lists_an_advisory_database(run_lede: LedeRunner, tmp_path: Path) -> None:
    crates = tmp_path / "db" / "crates"
    (crates / "abi_stable").mkdir(parents=True)
    (crates / "abi_stable" / "RUSTSEC-2020-0105.md").write_text(ADVISORY)
    (crates / "aesni").mkdir()  # reported in the same issue: its own advisory all the same
    other = ADVISORY.replace("2020-0105", "2020-0106").replace("abi_stable", "aesni")
    (crates / "aesni" / "RUSTSEC-2020-0106.md").write_text(other.replace("Update", "Fix"))
    (tmp_path / "db" / "README.md").write_text("# The advisory database\n")
    listed = rows(run_lede, tmp_path / "db")
    assert sorted(row["title"] for row in listed) == [
        "Fix unsound DrainFilter",
        "Update unsound DrainFilter",
    ]
    assert {row["published_at"] for row in listed} == {"2020-12-21T00:00:00+00:00"}
    done = run_lede("check", tmp_path / "db")
    assert "(2 articles, 0 topics)" in done.stdout, done.stdout
