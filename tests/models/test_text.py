"""Text repair: mojibake and entities fixed, control sequences stripped whole, one line."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from models.text import (
    one_line,
    printable,
    repair_text,
    repaired_line,
    strip_controls,
    strip_tags,
)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Chinaâ€™s first", "China’s first"),
        ("cafÃ©", "café"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("plain ascii", "plain ascii"),
        ("already “fine” — ok", "already “fine” — ok"),
        ("&nbsp;a&amp;b&#x27;c&#8217;", " a&b'c’"),
        ("&#27;[2J after", "[2J after"),
        ("tom & jerry &notanentity", "tom & jerry &notanentity"),
        ("ascii\x1b[2J with\x07 controls\x7f", "ascii with controls"),
        ("lines\nand\ttabs", "lines\nand\ttabs"),
    ],
)
def test_repair_text(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


# Text as real corpora hold it: accents, curly quotes, dashes, Cyrillic, Greek, CJK,
# Portuguese and Finnish (whose letters are mojibake's own in some encodings), and lines
# ending as Windows ends them.
WRITTEN = [
    "Café naïve — it’s “quoted”; São Paulo’s coração, Hääyö, Grüße.\n",
    "Привет, мир — в Києві ні.\r\nΚαλημέρα κόσμε.\n東京の天気。\n",
    "Ünïcödé… « guillemets » and a no-break\xa0space.",
]


@pytest.mark.parametrize("written", WRITTEN)
def test_mojibake_is_fixed_as_ftfy_fixes_it_line_by_line(written: str) -> None:
    """ftfy reads only the lines that could hold mojibake; what it gives must not change."""
    from ftfy import chardata

    from models.text import _SUSPECT, _fixed, _ftfy

    fix, _ = _ftfy()
    for encoding in chardata.CHARMAP_ENCODINGS:
        broken = written.encode("utf-8").decode(encoding, errors="replace")
        for text in (broken, f"{written}{broken}\n{written}", written):
            assert _fixed(text, _SUSPECT.search(text) is not None) == fix(text), (encoding, text)


def test_ftfy_reads_only_the_lines_that_could_hold_mojibake(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Accents and curly quotes alone made a cold index of a real blog five times slower."""
    import ftfy

    read: list[str] = []
    fix_text = ftfy.fix_text
    monkeypatch.setattr(
        ftfy, "fix_text", lambda text, config: read.append(text) or fix_text(text, config)
    )
    from models import text

    text._ftfy.cache_clear()
    try:
        clean = "Café naïve — it’s “quoted”, Grüße à Zürich.\n"
        assert repair_text(clean * 3) == clean * 3
        assert repair_text(f"{clean}Chinaâ€™s first\n{clean}") == f"{clean}China’s first\n{clean}"
    finally:
        text._ftfy.cache_clear()
    assert read == ["Chinaâ€™s first\n"]


def test_strip_controls_removes_whole_sequences_and_keeps_lines_and_tabs() -> None:
    text = (
        "a\x1b]52;c;aGk=\x07b\x1b]0;title\x1b\\c\x1b[1;31md\x9b2Je\x9d8;;x\x9cf\x1bPdcs\x1b\\g\n\th"
    )
    assert strip_controls(text) == "abcdefg\n\th"
    assert strip_controls("bidi \u202eevil\u2066") == "bidi evil"
    assert strip_controls("ok") == "ok"
    # One left open takes the rest of its line: it took the text up to the next ESC.
    open_ended = "[link](x\x1b]8;;y) said.\n\n```\n\x1b[2Jcode\n"
    assert strip_controls(open_ended) == "[link](x\n\n```\ncode\n"
    assert strip_controls("a\x9d8;;open\nb") == "a\nb"


def test_a_control_that_breaks_a_line_parts_words_as_a_line_end_does() -> None:
    for text in ("two\rwords", "two\x0bwords", "two\x0cwords", "two\r\nwords"):
        assert strip_controls(text) == "two\nwords"
        assert repair_text(text) == "two\nwords"
        assert repaired_line(text) == "two words"
    assert repaired_line("Zürich\rcarriage") == "Zürich carriage"  # read by ftfy
    assert strip_controls("two\x85words") == "two\nwords"


def test_one_line_drops_the_marks_it_would_open_with() -> None:
    assert one_line("\u0301\u0301\u20dd Many related") == "Many related"
    assert one_line("\u0301\u0301") == ""
    assert one_line("Cafe\u0301 \u0915\u093f") == "Cafe\u0301 \u0915\u093f"  # marks on letters stay


def test_one_line_and_printable() -> None:
    assert one_line("  a\n b\t c  ") == "a b c"
    assert printable("new\nline\x1b[2J") == "new\\nline\\x1b[2J"
    assert printable("caf\udce9.md") == "caf\\xe9.md"
    assert printable("ünï — ok") == "ünï — ok"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Using <code>git rebase</code> <EM>safely</EM>", "Using git rebase safely"),
        ('<a href="https://x.test/">A link</a> and <img src="a.png"/>', "A link and "),
        ("<p>First.</p><p>Second.</p>", "First.\n\nSecond."),
        ("one<br>two<br/>three", "one\ntwo\nthree"),
        ("Vector<int> and a < b > c", "Vector<int> and a < b > c"),  # not HTML's elements
        ("&lt;em&gt; is written, not rendered", "&lt;em&gt; is written, not rendered"),
    ],
)
def test_strip_tags_removes_what_a_site_renders_and_keeps_text(text: str, expected: str) -> None:
    assert strip_tags(text) == expected


@given(
    text=st.one_of(
        st.from_regex(r"[ -~]{0,30}", fullmatch=True),  # printable ASCII: the fast path's
        st.text(max_size=30),
    )
)
@example(text="")
@example(text=" leading")
@example(text="trailing ")
@example(text="two  spaces")
@example(text="Tom &amp; Jerry")
@example(text="tab\there")
@example(text="caf\u00c3\u00a9")
def test_a_repaired_line_is_the_line_of_the_repaired_text(text: str) -> None:
    """A title's, a name's or a link's one call gives what repairing the text and then
    making it one line gives, whether it takes the fast path or not."""
    assert repaired_line(text) == one_line(repair_text(text))
