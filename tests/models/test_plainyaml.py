"""The fast reader of plain front matter gives what PyYAML gives, or gives up."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from library.synthetic import generate
from models.bounded_yaml import load_yaml
from models.document import SUMMARY_SKIPS
from models.frontmatter import DocumentError, split_front_matter
from models.plainyaml import _KEY, _TYPED_KEYS, _key_line, load_plain
from tests.conftest import REAL_CORPUS, SITE, needs_real_corpus


def pyyaml(text: str) -> object:
    """What PyYAML's safe loader reads as the fallback runs it (a scalar that looks typed
    and is none stays text), or the error."""
    try:
        return load_yaml(text)
    except DocumentError:
        return DocumentError


def read_as_pyyaml_reads(corpus: Path) -> tuple[int, int]:
    """Every document of ``corpus`` the fast reader reads, whole and as the index reads
    it (without the blocks a list row does not need), reads as PyYAML reads it; how
    many it read each way."""
    whole = summaries = 0
    for path in sorted([*corpus.rglob("*.md"), *corpus.rglob("*.html")]):
        split = split_front_matter(path.read_text(encoding="utf-8"))
        if split is None:
            continue
        expected = pyyaml(split.front_matter)
        found = load_plain(split.front_matter)
        if found is not None:
            whole += 1
            assert found == expected, path
        summary = load_plain(split.front_matter, SUMMARY_SKIPS)
        if summary is not None:
            summaries += 1
            assert isinstance(expected, dict)
            assert summary == {k: v for k, v in expected.items() if k not in SUMMARY_SKIPS}, path
    return whole, summaries


@needs_real_corpus
def test_the_sample_corpus_reads_as_pyyaml_reads_it() -> None:
    whole, summaries = read_as_pyyaml_reads(REAL_CORPUS)
    # All but a few with numbers of other shapes (``4.5``, ``201-500 employees``) or a flow
    # list take the fast path, the provider's list of images and the related articles too.
    assert whole >= 95 and summaries >= 95


def test_the_untidy_site_reads_as_pyyaml_reads_it() -> None:
    whole, summaries = read_as_pyyaml_reads(SITE)
    assert whole >= 14 and summaries >= 14  # a blank nested value and lists of mappings too


def test_a_synthetic_site_reads_as_pyyaml_reads_it(tmp_path: Path) -> None:
    written = generate(tmp_path / "site", 200, seed=5)
    whole, summaries = read_as_pyyaml_reads(tmp_path / "site")
    assert whole >= 50 and summaries >= written.files["news"]


keys = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,12}", fullmatch=True)
values = st.one_of(
    st.from_regex(r"[a-z][a-z ]{0,12}", fullmatch=True),  # plain words, spaces at the end
    st.text(st.characters(codec="utf-8", exclude_characters="\n"), max_size=40),
    st.from_regex(r'"[^"\\\n]{0,20}"|\'[^\'\n]{0,20}\'', fullmatch=True),
    st.from_regex(
        r"-?[0-9]{1,6}|[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)?", fullmatch=True
    ),
    st.sampled_from(
        ["yes", "No", "true", "null", "~", "", "a: b", "x #c", "[a]", "- a", "=", "<<"]
    ),
)
spaces = st.sampled_from(["", " ", "  "])


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    lines = []
    for key in draw(st.lists(keys, min_size=1, max_size=6, unique=True)):
        form = draw(st.sampled_from(["scalar", "list", "mapping"]))
        if form == "scalar":
            lines.append(f"{key}:{draw(spaces)}{draw(values)}{draw(spaces)}")
            continue
        lines.append(f"{key}:{draw(spaces)}")
        indent = " " * draw(st.integers(1, 4))
        for item in draw(st.lists(values, min_size=1, max_size=3)):
            if form == "list":
                lines.append(f"{indent}- {item}{draw(spaces)}")
            else:
                lines.append(f"{indent}{draw(keys)}: {item}{draw(spaces)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(text=front_matters())
@example(text="title: a plain title  \nprovider:\n  name: Wire  \n")
@example(text="ON: x\n")  # PyYAML's key is True
@example(text="A:\n - \xa0\n")  # a no-break space is text to YAML, no blank
@example(text="provider:\n  null: a\n")
@example(text="provider:\n  name: a: b\n  url: x:y\n")  # a colon in a nested value
@example(text="topics:\n  - AI: the future\n  - x:y\n")  # and in a list's entry
@example(text="title: a\n\n\nexcerpt: b\n \n")  # blank lines after a line
@example(text="title: a\n  b\n")  # a multi-line scalar
def test_generated_front_matter_reads_as_pyyaml_reads_it_or_falls_back(text: str) -> None:
    found = load_plain(text)
    if found is not None:
        assert found == pyyaml(text)


valid_stamps = st.builds(
    lambda at, sign, hours, minutes, zone: (
        at.isoformat(timespec="seconds")
        + {"utc": "Z", "naive": "", "offset": f"{sign}{hours:02d}:{minutes:02d}"}[zone]
    ),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.sampled_from("+-"),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["utc", "naive", "offset"]),
)
any_stamps = st.from_regex(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[-+][0-9]{2}:[0-9]{2})?",
    fullmatch=True,
)


@settings(max_examples=500, deadline=None)
@given(stamp=st.one_of(valid_stamps, any_stamps))
@example(stamp="2019-01-06T10:08:00Z")
@example(stamp="2019-01-06T10:08:00-00:00")
@example(stamp="2019-01-06T10:08:00+05:60")
@example(stamp="2019-02-30T10:08:00Z")
def test_a_feed_timestamp_reads_as_pyyaml_reads_it(stamp: str) -> None:
    """The same instant, the same offset (or none); a date that does not exist, which
    PyYAML refuses, is the text it is."""
    text = f"publishedDateTime: {stamp}\n"
    found = load_plain(text)
    assert found is not None
    try:
        expected = yaml.load(text, Loader=yaml.CSafeLoader)["publishedDateTime"]
    except ValueError:
        assert found["publishedDateTime"] == stamp
        return
    assert found["publishedDateTime"] == expected
    assert found["publishedDateTime"].utcoffset() == expected.utcoffset()


@given(
    line=st.one_of(
        st.from_regex(r"[A-Za-z_0-9é-]{0,6}:[ \t]{0,2}[^\n]{0,8}", fullmatch=True),
        st.text(st.characters(exclude_characters="\n"), max_size=12),
    )
)
@example(line="key:")
@example(line="key:   ")
@example(line="key:value")
@example(line="_k9: a: b")
@example(line="clé: x")
def test_a_top_level_line_splits_as_the_key_expression_matches_it(line: str) -> None:
    match = _KEY.match(line)
    assert _key_line(line) == (match.groups() if match else ("", None))


def typed(value: object) -> str:
    """A value written out with its types and its keys' order, which ``==`` does not
    tell apart (``1 == True``, two offsets of one instant)."""
    return repr(value)


# What feeds write in a nested block, and what only looks like it.
plain_scalars = st.one_of(
    st.from_regex(r"[a-z][a-z /.:-]{0,20}[a-z]", fullmatch=True),  # words, links
    st.from_regex(r'"[a-zA-Z0-9 ,.!?:#-]{0,20}"', fullmatch=True),
    st.from_regex(r"-?[1-9][0-9]{0,4}|20[0-9]{2}-0[1-9]-1[0-9]T1[0-9]:00:00Z", fullmatch=True),
    st.sampled_from(["yes", "false", "null", "~", ""]),
)
near_scalars = st.one_of(
    values,
    st.sampled_from(["&a x", "*a", "!x y", "[a, b]", "{a: 1}", "|", ">", "? x", "x # c", "4.5"]),
)
plain_keys = st.from_regex(r"[a-z][a-zA-Z]{0,8}", fullmatch=True).filter(
    lambda key: key not in _TYPED_KEYS
)
near_keys = keys | st.sampled_from(["on", "null", "a b", "a-b", '"a"'])


@st.composite
def nested_blocks(
    draw: st.DrawFn, indent: int, level: int, near: bool, entry: bool = False
) -> list[str]:
    """The lines of a block list or mapping at ``indent``, holding others to ``level``
    more as feeds write them; ``near``: sometimes what only looks like it (an indent off
    by one, an entry's mapping further in, a comment, a key given twice, a scalar going
    on over the next line, a tag, an anchor, a flow list, a list in a list's entry);
    ``entry``: the block is a list's entry."""
    pad = " " * indent
    scalars = near_scalars if near else plain_scalars
    lines: list[str] = []
    if (near or not entry) and draw(st.booleans()):  # a list
        shapes = ["scalar", "mapping", "mapping", *(["dash", "wide"] if near else [])]
        for _ in range(draw(st.integers(1, 3))):
            shape = draw(st.sampled_from(shapes))
            if shape == "scalar" or level == 0:
                lines.append(f"{pad}-{draw(st.sampled_from([' ', '  ']))}{draw(scalars)}")
                continue
            if shape == "dash":  # ``-`` alone, its block below it: PyYAML's
                lines.append(f"{pad}-{draw(spaces)}")
                lines += draw(nested_blocks(indent + 2, level - 1, near))
                continue
            first, *rest = draw(nested_blocks(indent + 2, level - 1, near, entry=True))
            # the entry's mapping starts on its dash's line
            lines.append(f"{pad}{'-  ' if shape == 'wide' else '- '}{first[indent + 2 :]}")
            lines += rest
    else:
        names = (
            st.lists(near_keys, min_size=1, max_size=4)
            if near
            else st.lists(plain_keys, min_size=1, max_size=4, unique=True)
        )
        for key in draw(names):
            if level == 0 or draw(st.booleans()):
                lines.append(f"{pad}{key}: {draw(scalars)}{draw(spaces)}")
                continue
            lines.append(f"{pad}{key}:{draw(spaces)}")
            if draw(st.integers(0, 5)):  # else blank: None
                step = draw(st.sampled_from([1, 2, 2, 4]))
                lines += draw(nested_blocks(indent + step, level - 1, near))
    if near and draw(st.integers(0, 4)) == 0:  # something that is not a block's line
        where = draw(st.integers(0, len(lines)))
        odd = draw(st.sampled_from(["#c", "- x", "x: y", "  y", "\tz: 1", "", "---"]))
        lines.insert(where, f"{' ' * draw(st.integers(0, indent + 3))}{odd}")
    return lines


@st.composite
def nested_front_matters(draw: st.DrawFn) -> str:
    near = draw(st.booleans())
    lines = ["title: a title"]
    for key in draw(st.lists(plain_keys, min_size=1, max_size=3, unique=True)):
        lines.append(f"{key}:{draw(spaces)}")
        lines += draw(nested_blocks(draw(st.integers(1, 4)), draw(st.integers(1, 3)), near))
    return "\n".join(lines) + "\n"


PROVIDER = """provider:
  name: Medium
  domain: medium.com
  images:
    - url: /assets/images/organizations/medium.com-50x50.jpg
      width: 50
      height: 50
  publishers:
    - name: deeplearning.ai
      domain:\x20
topics:
  - AI
"""


def test_a_providers_list_of_images_is_read_as_pyyaml_reads_it() -> None:
    """The nested lists of mappings feeds write take the fast path."""
    found = load_plain(PROVIDER)
    assert found is not None
    assert found["provider"]["images"] == [
        {"url": "/assets/images/organizations/medium.com-50x50.jpg", "width": 50, "height": 50}
    ]
    assert typed(found) == typed(pyyaml(PROVIDER))


@settings(max_examples=600, deadline=None)
@given(text=nested_front_matters())
@example(text=PROVIDER)
@example(text="related:\n  - title: a\n    provider:\n      name: b\n    images:\n      - url: c\n")
@example(text="provider:\n  images:\n  - url: a\n")  # a list at its key's indent
@example(text="images:\n  - url: a\n     width: 1\n")  # an entry's key one space further
@example(text="images:\n  - url: a\n   width: 1\n")  # and one space nearer
@example(text="images:\n  -  url: a\n     width: 1\n")  # its mapping two spaces in
@example(text="images:\n  -\n    url: a\n")  # its mapping under a dash alone
@example(text="images:\n  - url: a\n    url: b\n")  # a key given twice
@example(text="images:\n  - url: a\n    # a comment\n")
@example(text="images:\n  - url: a\n      b\n")  # a scalar going on
@example(text="images:\n  - - a\n")  # a list in a list
@example(text="images:\n  - on: a\n")  # a key PyYAML reads as True
@example(text="images:   \n  - url: a\n  - b\n  -\n")  # blanks after the key, a None
@example(text="images:\n    - url: a\n  - url: b\n")  # less indented than the first
def test_nested_blocks_read_as_pyyaml_reads_them_or_fall_back(text: str) -> None:
    found = load_plain(text)
    if found is not None:
        assert typed(found) == typed(pyyaml(text))


def test_blocks_nested_deeper_than_feeds_write_them_are_left_to_pyyaml() -> None:
    deep = (
        "a:\n" + "".join(f"{' ' * (2 * level)}k:\n" for level in range(1, 10)) + f"{' ' * 20}x: 1\n"
    )
    assert load_plain(deep) is None


def test_lines_read_again_read_the_same_and_each_reading_has_its_own_blocks() -> None:
    """A corpus's short lines come again in file after file, and are read once: what a
    later file's reading is given is the same, and a block changed by one reader (a
    list of topics appended to) is not changed in the next."""
    text = "category: news\nprovider:\n  name: Wire\ntopics:\n  - AI\n"
    first = load_plain(text)
    assert first == {"category": "news", "provider": {"name": "Wire"}, "topics": ["AI"]}
    first["provider"]["name"] = "changed"
    first["topics"].append("changed")
    assert load_plain(text) == {"category": "news", "provider": {"name": "Wire"}, "topics": ["AI"]}
    assert load_plain(text, ("topics",)) == {"category": "news", "provider": {"name": "Wire"}}
    assert load_plain("category: news\ncategory: news\n") is None  # given twice, as before


def test_a_nested_block_read_again_is_not_changed_by_an_earlier_reader() -> None:
    """A block that holds another is read anew each time: a copy would share the inner one."""
    text = "provider:\n  images:\n    - url: a\n"
    first = load_plain(text)
    assert first is not None
    first["provider"]["images"][0]["url"] = "changed"
    first["provider"]["images"].append("changed")
    assert load_plain(text) == {"provider": {"images": [{"url": "a"}]}}
