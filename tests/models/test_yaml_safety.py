"""Loading YAML safely and boundedly: the C safe loader, errors on file lines, alias bombs,
deep nesting, object tags and oversized front matter refused quickly."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from models import yaml_loader
from models.bounded_yaml import load_yaml, load_yaml_documents
from models.document import parse_document, parse_taxonomy
from models.frontmatter import MAX_FRONT_MATTER_CHARS, MAX_YAML_DEPTH, DocumentError


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: ``levels`` lists of nine aliases to the list before."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghijklmnop"[: levels - 1]:
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


def test_the_c_safe_loader_is_used() -> None:
    assert yaml.__with_libyaml__
    assert issubclass(yaml_loader.Loader, yaml.CSafeLoader)


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
    # A tab before a key: an error no reading of the line as text mends.
    text = '\ufeff---\r\ntitle: ok\r\nexcerpt: "fine"\r\n\tfoo: bar\r\n---\r\nbody\r\n'
    for summary in (False, True):
        parsed = parse_document(text, "doc.md", summary=summary)
        assert parsed.article is None
        assert [(p.line, p.severity) for p in parsed.problems] == [(4, "error")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (billion_laughs(9), "alias bomb"),
        # Refused by its size, before any parsing.
        ("x: " + "a" * MAX_FRONT_MATTER_CHARS + "\n", "larger than"),
    ],
    ids=["alias-bomb", "oversized"],
)
def test_yaml_too_big_to_load_is_rejected_quickly(text: str, reason: str) -> None:
    started = time.perf_counter()
    with pytest.raises(DocumentError) as raised:
        load_yaml(text)
    assert time.perf_counter() - started < 1
    assert reason in raised.value.message


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
        "from models.bounded_yaml import load_yaml, load_yaml_documents\n"
        "from models.frontmatter import DocumentError\n"
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


def test_load_yaml_of_nothing_is_none() -> None:
    assert load_yaml("") is None
    assert load_yaml("# only a comment\n") is None


def test_load_yaml_rejects_a_second_document() -> None:
    with pytest.raises(DocumentError):
        load_yaml("a: 1\n---\nb: 2\n")


def test_multi_document_taxonomy_files_load_every_document() -> None:
    text = "taxonomy: topic\nname: AI\n---\ntaxonomy: topic\nname: ML\nparent: AI\n---\n"
    assert [document for document in load_yaml_documents(text) if document[1]] == [
        (1, {"taxonomy": "topic", "name": "AI"}),
        (4, {"taxonomy": "topic", "name": "ML", "parent": "AI"}),
    ]
    parsed = parse_taxonomy(text, "topics.yaml")
    assert [(t.name, t.parent) for t in parsed.topics] == [("AI", ""), ("ML", "AI")]
    assert parsed.problems == []


def test_a_bad_entry_of_a_taxonomy_stream_is_reported_on_its_own_line() -> None:
    text = "taxonomy: topic\nname: AI\n---\n\n# a comment\ntaxonomy: topic\nname: [ML]\n"
    parsed = parse_taxonomy(text, "topics.yaml")
    assert [t.name for t in parsed.topics] == ["AI"]
    assert [(p.line, p.severity) for p in parsed.problems] == [(6, "error")]
    assert parsed.problems[0].message.startswith("topic field 'name': ")


def test_a_taxonomy_alias_bomb_is_an_error() -> None:
    parsed = parse_taxonomy("taxonomy: topic\nname: AI\n" + billion_laughs(9), "bomb.yaml")
    assert parsed.topics == []
    assert [p.severity for p in parsed.problems] == ["error"]


@pytest.mark.parametrize("summary", [False, True], ids=["full", "summary"])
def test_a_control_character_in_the_front_matter_goes_and_the_document_loads(
    summary: bool,
) -> None:
    """YAML allows none: one backspace or escape (a name pasted from a terminal) lost the
    whole document, reported on line 1 with the loader's "position 79"."""
    text = "---\ntitle: Hello\nauthor: Jane \bDoe\nexcerpt: a\x1b[2Jb\x9bc\n---\nBody\n"
    parsed = parse_document(text, "news/a.md", summary=summary)
    assert parsed.article is not None and not parsed.problems
    assert parsed.article.authors == ["Jane Doe"]
    assert "\x1b" not in parsed.article.excerpt and "\x9b" not in parsed.article.excerpt
