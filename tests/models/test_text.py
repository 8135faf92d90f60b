"""Text repair: mojibake and entities fixed, control sequences stripped whole, one line."""

from __future__ import annotations

import pytest

from models.text import one_line, printable, repair_text, strip_controls, strip_tags


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


def test_strip_controls_removes_whole_sequences_and_keeps_lines_and_tabs() -> None:
    text = (
        "a\x1b]52;c;aGk=\x07b\x1b]0;title\x1b\\c\x1b[1;31md\x9b2Je\x9d8;;x\x9cf\x1bPdcs\x1b\\g\n\th"
    )
    assert strip_controls(text) == "abcdefg\n\th"
    assert strip_controls("bidi \u202eevil\u2066") == "bidi evil"
    assert strip_controls("ok") == "ok"


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
