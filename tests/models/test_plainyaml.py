"""The fast reader of plain front matter gives what PyYAML gives, or gives up."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from library.synthetic import generate
from models.document import SUMMARY_SKIPS
from models.frontmatter import DocumentError, load_yaml, split_front_matter
from models.plainyaml import _KEY, _key_line, load_plain
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
    assert whole >= 10 and summaries >= 60  # the news articles take the fast path


def test_the_untidy_site_reads_as_pyyaml_reads_it() -> None:
    whole, summaries = read_as_pyyaml_reads(SITE)
    assert whole >= 10 and summaries >= 14  # all but a course with a blank nested value


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
