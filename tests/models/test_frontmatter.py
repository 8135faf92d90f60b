"""Splitting documents at their delimiter lines, and loading their YAML safely and boundedly."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import frontmatter
from models.document import parse_document, parse_taxonomy
from models.frontmatter import (
    MAX_FRONT_MATTER_CHARS,
    MAX_YAML_DEPTH,
    DocumentError,
    blank_blocks,
    load_yaml,
    load_yaml_documents,
    split_front_matter,
)

PROPERTIES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: ``levels`` lists of nine aliases to the list before."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghijklmnop"[: levels - 1]:
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


# -- split_front_matter -----------------------------------------------------------------


def test_split_gives_front_matter_body_and_the_body_line() -> None:
    split = split_front_matter("---\ntitle: x\nquality: 3\n---\n# Body\n\ntext\n")
    assert split is not None
    assert split.front_matter == "title: x\nquality: 3\n"
    assert split.body == "# Body\n\ntext\n"
    assert split.body_line == 5


@pytest.mark.parametrize(
    "text",
    ["", "title: x\n", "\n---\ntitle: x\n---\n", " ---\ntitle: x\n---\n", "----\nx: 1\n----\n"],
    ids=["empty", "plain", "blank-first-line", "indented", "four-dashes"],
)
def test_text_without_an_opening_delimiter_line_has_no_front_matter(text: str) -> None:
    assert split_front_matter(text) is None


def test_a_url_with_dashes_does_not_close_the_front_matter() -> None:
    text = (
        "---\n"
        'image: "https://www.geektime.com/images/BLEND-Founders---CEO.-Photo---BLEND.jpg"\n'
        "note: ---\n"
        "quote: |\n"
        "  ---\n"
        "---\n"
        "body\n"
    )
    split = split_front_matter(text)
    assert split is not None
    assert split.body == "body\n"
    data = load_yaml(split.front_matter)
    assert data["image"].endswith("Founders---CEO.-Photo---BLEND.jpg")
    assert data["note"] == "---"
    assert data["quote"] == "---\n"


def test_closing_delimiter_may_have_trailing_blanks() -> None:
    split = split_front_matter("---  \ntitle: x\n--- \t\nbody")
    assert split is not None
    assert (split.front_matter, split.body) == ("title: x\n", "body")


def test_bom_and_crlf_are_accepted() -> None:
    plain = split_front_matter("---\ntitle: x\n---\nline one\nline two\n")
    windows = split_front_matter("\ufeff---\r\ntitle: x\r\n---\r\nline one\r\nline two\r\n")
    assert plain == windows


@pytest.mark.parametrize(
    ("text", "front", "body"),
    [
        ("---\ntitle: x\n---", "title: x\n", ""),
        ("---\ntitle: x\n---\n", "title: x\n", ""),
        ("---\r\ntitle: x\r\n---", "title: x\n", ""),
        ("---\n---\n", "", ""),
        ("---\n---\nonly a body", "", "only a body"),
        ("---\ntitle: x\n---\nno newline at the end", "title: x\n", "no newline at the end"),
    ],
)
def test_optional_body_and_missing_final_newline(text: str, front: str, body: str) -> None:
    split = split_front_matter(text)
    assert split is not None
    assert (split.front_matter, split.body) == (front, body)


@pytest.mark.parametrize(
    "text",
    [
        "---",
        "---\n",
        "---\ntitle: x\n",
        "---\ntitle: x\n----\n",
        "---\ntitle: x\n--- x\n",
        "---\ntitle: x\n---\r \nbody",
        "---\ntitle: x\n ---\n",
    ],
)
def test_an_unclosed_front_matter_is_an_error_on_line_1(text: str) -> None:
    with pytest.raises(DocumentError) as raised:
        split_front_matter(text)
    assert raised.value.line == 1
    assert "not closed" in raised.value.message


_DELIMITER_LINE = re.compile(r"---[ \t]*")
front_lines = st.lists(
    st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",))).filter(
        lambda line: not _DELIMITER_LINE.fullmatch(line)
    ),
    max_size=8,
)
bodies = st.text(st.characters(blacklist_characters="\r", blacklist_categories=("Cs",)))


@PROPERTIES
@given(lines=front_lines, body=bodies)
def test_split_round_trips_any_front_matter_and_body(lines: list[str], body: str) -> None:
    front = "".join(line + "\n" for line in lines)
    split = split_front_matter("---\n" + front + "---\n" + body)
    assert split is not None
    assert split.front_matter == front
    assert split.body == body
    assert split.body_line == len(lines) + 3


@PROPERTIES
@given(lines=front_lines, body=bodies)
def test_crlf_and_bom_variants_split_the_same(lines: list[str], body: str) -> None:
    text = "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body
    expected = split_front_matter(text)
    assert split_front_matter(text.replace("\n", "\r\n")) == expected
    assert split_front_matter("\ufeff" + text) == expected
    assert split_front_matter("\ufeff" + text.replace("\n", "\r\n")) == expected


line_text = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)))


@PROPERTIES
@given(prefix=line_text, suffix=line_text)
def test_dashes_inside_a_value_are_never_a_delimiter(prefix: str, suffix: str) -> None:
    line = f"url: {prefix}---{suffix}"
    split = split_front_matter(f"---\n{line}\n---\nbody\n")
    assert split is not None
    assert split.front_matter == line + "\n"
    assert split.body == "body\n"


# -- blank_blocks -------------------------------------------------------------------------

SAMPLE_FRONT = """\
title: "A title"
related:
  - title: "Other"
    webUrl: "https://x.test/a---b"
    images:
      - url: "https://x.test/i.jpg"

  - title: "Third"
- stray: entry at column zero belongs to related
# a comment
topics:
  - AI
images:
- url: "https://x.test/1.jpg"
  width: 10
secured: "token"
quality: 5
"""


def test_blank_blocks_removes_the_blocks_and_keeps_every_line() -> None:
    blanked = blank_blocks(SAMPLE_FRONT, ("related", "images", "secured"))
    assert blanked.count("\n") == SAMPLE_FRONT.count("\n")
    assert load_yaml(blanked) == {"title": "A title", "topics": ["AI"], "quality": 5}
    # Lines that were kept are still on their original line number.
    for number, line in enumerate(blanked.split("\n")):
        assert line in ("", SAMPLE_FRONT.split("\n")[number])


def test_blank_blocks_handles_a_block_on_the_first_line_and_absent_keys() -> None:
    front = "related:\n  - a\n  - b\ntitle: x\n"
    blanked = blank_blocks(front, ("related", "images"))
    assert blanked == "\n\n\ntitle: x\n"
    assert blank_blocks("title: x\n", ("related",)) == "title: x\n"


scalar_values = st.one_of(
    st.integers(-1000, 1000), st.text(st.characters(codec="ascii", categories=("L", "N")))
)
blocks = st.dictionaries(
    st.sampled_from(["title", "related", "images", "topics", "quality", "secured", "excerpt"]),
    st.one_of(scalar_values, st.lists(scalar_values, max_size=3)),
    min_size=1,
)


@PROPERTIES
@given(data=blocks, skip=st.sets(st.sampled_from(["related", "images", "secured"])))
def test_blank_blocks_equals_dropping_the_keys(data: dict[str, object], skip: set[str]) -> None:
    front = yaml.safe_dump(data, sort_keys=False, default_flow_style=False)
    blanked = blank_blocks(front, tuple(sorted(skip)))
    assert blanked.count("\n") == front.count("\n")
    expected = {key: value for key, value in data.items() if key not in skip}
    assert (load_yaml(blanked) or {}) == expected


# -- load_yaml ------------------------------------------------------------------------------


def test_the_c_safe_loader_is_used() -> None:
    assert yaml.__with_libyaml__
    assert frontmatter._Loader is yaml.CSafeLoader


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("title: ok\nfoo: bar: baz\n", 3, "mapping values are not allowed"),
        ("title: ok\nlist:\n  - a\n\t- b\n", 5, "tab"),
        ('title: ok\nx: "never closed\n', 4, "quoted scalar on line 3"),
        ("title: ok\nfoo: [a, b\nbar: 1\n", 4, "flow sequence on line 3"),
    ],
    ids=["mapping", "tab", "quote", "bracket"],
)
def test_yaml_errors_point_at_file_lines(text: str, line: int, fragment: str) -> None:
    with pytest.raises(DocumentError) as raised:
        load_yaml(text, first_line=2)  # front matter starts on line 2 of a file
    assert raised.value.line == line
    assert raised.value.message.startswith("invalid YAML: ")
    assert fragment in raised.value.message


def test_yaml_errors_in_a_document_point_at_the_same_lines_in_every_mode() -> None:
    text = '\ufeff---\r\ntitle: ok\r\nexcerpt: "fine"\r\nfoo: bar: baz\r\n---\r\nbody\r\n'
    for summary in (False, True):
        parsed = parse_document(text, "doc.md", summary=summary)
        assert parsed.article is None
        assert [(p.line, p.severity) for p in parsed.problems] == [(4, "error")]


def test_an_alias_bomb_is_rejected_quickly() -> None:
    bomb = billion_laughs(9)
    started = time.perf_counter()
    with pytest.raises(DocumentError) as raised:
        load_yaml(bomb)
    assert time.perf_counter() - started < 1
    assert "alias bomb" in raised.value.message


def test_an_alias_bomb_in_a_document_is_an_error_not_a_hang() -> None:
    text = "---\ntitle: bomb\n" + billion_laughs(9) + "---\n"
    started = time.perf_counter()
    parsed = parse_document(text, "bomb.md")
    parsed_summary = parse_document(text, "bomb.md", summary=True)
    assert time.perf_counter() - started < 1
    for result in (parsed, parsed_summary):
        assert result.article is None
        assert [p.severity for p in result.problems] == ["error"]


def test_a_self_referencing_alias_is_rejected() -> None:
    with pytest.raises(DocumentError):
        load_yaml("a: &a [*a, *a]\n")


def test_a_few_aliases_are_fine() -> None:
    assert load_yaml("base: &b {x: 1}\none: *b\ntwo: *b\n") == {
        "base": {"x": 1},
        "one": {"x": 1},
        "two": {"x": 1},
    }


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * (MAX_YAML_DEPTH + 5) + "]" * (MAX_YAML_DEPTH + 5),
        "a: " + "{b: " * (MAX_YAML_DEPTH + 5) + "1" + "}" * (MAX_YAML_DEPTH + 5),
        "".join(" " * depth + f"k{depth}:\n" for depth in range(MAX_YAML_DEPTH + 5)) + "x",
    ],
    ids=["flow-lists", "flow-maps", "indented-maps"],
)
def test_deep_nesting_is_rejected(text: str) -> None:
    with pytest.raises(DocumentError) as raised:
        load_yaml(text)
    assert "nested deeper" in raised.value.message


def test_nesting_under_the_limit_loads() -> None:
    depth = MAX_YAML_DEPTH // 2
    value = load_yaml("a: " + "[" * depth + "1" + "]" * depth)["a"]
    for _ in range(depth - 1):
        value = value[0]
    assert value == [1]


# A C stack overflow in the composer kills the interpreter, so these run in a child.
DEEP_PAYLOADS = {
    "flow-lists": "'a: ' + '[' * 100_000",
    "flow-maps": "'{a: ' * 100_000",
    "block-lists": "'- ' * 100_000 + 'x'",
}


@pytest.mark.parametrize("payload", DEEP_PAYLOADS.values(), ids=DEEP_PAYLOADS.keys())
def test_very_deep_nesting_is_an_error_not_a_crash(payload: str) -> None:
    script = (
        "import time\n"
        "from models.frontmatter import DocumentError, load_yaml, load_yaml_documents\n"
        "from models.document import parse_document\n"
        f"text = {payload}\n"
        "started = time.perf_counter()\n"
        "for load in (load_yaml, load_yaml_documents):\n"
        "    try:\n"
        "        load(text)\n"
        "    except DocumentError as error:\n"
        "        assert 'nested deeper' in error.message, error.message\n"
        "    else:\n"
        "        raise SystemExit('accepted')\n"
        "parsed = parse_document('---\\n' + text + '\\n---\\n', 'deep.md')\n"
        "assert parsed.article is None and parsed.problems[0].line == 2, parsed.problems\n"
        "print(round(time.perf_counter() - started, 3))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr or done.stdout
    assert float(done.stdout) < 1


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/object:collections.OrderedDict {{}}",
    ],
)
def test_python_object_tags_are_rejected(tag: str, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = f"title: x\nrun: {tag.format(marker=marker)}\n"
    with pytest.raises(DocumentError) as raised:
        load_yaml(text, first_line=2)
    assert raised.value.line == 3
    assert "constructor" in raised.value.message
    parsed = parse_document(f"---\n{text}---\n", "evil.md", summary=True)
    assert parsed.article is None
    assert [p.line for p in parsed.problems] == [3]
    assert not marker.exists()


def test_oversized_front_matter_is_rejected_without_parsing() -> None:
    text = "x: " + "a" * MAX_FRONT_MATTER_CHARS + "\n"
    started = time.perf_counter()
    with pytest.raises(DocumentError) as raised:
        load_yaml(text)
    assert time.perf_counter() - started < 1
    assert "larger than" in raised.value.message


def test_load_yaml_of_nothing_is_none() -> None:
    assert load_yaml("") is None
    assert load_yaml("# only a comment\n") is None


def test_load_yaml_rejects_a_second_document() -> None:
    with pytest.raises(DocumentError):
        load_yaml("a: 1\n---\nb: 2\n")


def test_multi_document_taxonomy_files_load_every_document() -> None:
    text = "taxonomy: topic\nname: AI\n---\ntaxonomy: topic\nname: ML\nparent: AI\n---\n"
    assert [document for document in load_yaml_documents(text) if document] == [
        {"taxonomy": "topic", "name": "AI"},
        {"taxonomy": "topic", "name": "ML", "parent": "AI"},
    ]
    parsed = parse_taxonomy(text, "topics.yaml")
    assert [(t.name, t.parent) for t in parsed.topics] == [("AI", ""), ("ML", "AI")]
    assert parsed.problems == []


def test_a_taxonomy_alias_bomb_is_an_error() -> None:
    parsed = parse_taxonomy("taxonomy: topic\nname: AI\n" + billion_laughs(9), "bomb.yaml")
    assert parsed.topics == []
    assert [p.severity for p in parsed.problems] == ["error"]
