"""Hypothesis strategies for hostile documents: a real-shaped article's front matter and
body (the shape of a news corpus's documents), mutated with every kind of damage and
malice a file can carry, in its text, its YAML and its bytes."""

from __future__ import annotations

from hypothesis import strategies as st

# Text a terminal would act on, or a markup engine would read, or a column counter miscount.
HOSTILE_TEXT = [
    "[bold red]x[/bold red]",
    "[link=https://evil.test]click[/link]",
    "[@click=app.quit]quit[/]",
    "[/]",
    "[b]",
    "\\[escaped]",
    "$variable",
    "\x1b[2J\x1b[31mred",
    "\x1b]8;;https://evil.test\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]52;c;aGFja2Vk\x07",
    "\x1b]0;title\x07",
    "\x1bPq#0;2;0;0;0\x1b\\",
    "\x1b_apc\x1b\\",
    "\x1b",
    "\x9b31m",
    "\x9d8;;https://evil.test\x9c",
    "\x85\x8d\x90\x9c\x9f",
    "\x00",
    "\x07\x08\x0b\x0c\x7f",
    "\r",
    "\u202e\u2066evil\u2069",
    "\u200b\u200d\ufeff\u2060",
    "e" + "\u0301\u0302\u0303\u0304\u0305" * 40,
    "\u0336" * 10,
    "👩\u200d👩\u200d👧\u200d👦",
    "🏳️\u200d🌈",
    "中文标题，全角字符",
    "ｗｉｄｅ",
    "\u2028\u2029",
    "\ud800",
    "{{ liquid }}",
    "{% raw %}",
    "<script>alert(1)</script>",
    "&lt;b&gt;",
]

# Scalars as YAML source: quoted, escaped, typed, tagged.
YAML_SCALARS = [
    '"plain title"',
    "plain",
    "1.5",
    "-0.0",
    ".nan",
    ".inf",
    "12345678901234567890123",
    "0x1F",
    "true",
    "null",
    "~",
    "",
    "2021-01-01",
    "0000-01-01",
    "0001-01-01T00:00:00Z",
    "99999-01-01",
    "-2021-01-01",
    "2021-13-45",
    "9999-12-31T23:59:59+14:00",
    "2021-01-01T00:00:00+25:00",
    "[a, b]",
    "{a: 1}",
    "[]",
    "{}",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!binary aGVsbG8=",
    "!!timestamp 2021-01-01",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!custom x",
    "!!str",
    "!!int x",
    "!!float y",
    '"\\e[31mred\\e]8;;https://evil.test\\e\\\\"',
    '"\\x9b31m \\x85 \\u202e"',
    '"\\0\\a\\b"',
    '"\\uD800"',
    "&anchor value",
    "*undefined",
    "|\n  block\n  text",
    ">-\n  folded\n  text",
    "'single ''quoted'''",
    '"never closed',
    "[never closed",
    "a: b: c",
]

FIELDS = [
    "title",
    "excerpt",
    "publishedDateTime",
    "date",
    "updated",
    "originalUrl",
    "webUrl",
    "type",
    "category",
    "categories",
    "tags",
    "topics",
    "quality",
    "author",
    "authors",
    "image",
    "images",
    "provider",
    "published",
    "draft",
    "slug",
    "lang",
    "description",
    "summary",
    "secured",
    "related",
]

KEYS_ODD = ["1", "1.5", "null", "true", "[a, b]", "{a: 1}", "? complex\n", "''", '"\\e[31m"']


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """A string mixing ordinary words with hostile pieces."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(HOSTILE_TEXT),
                st.sampled_from(["News", "AI", "a title", " ", "-", ":", "#", "'", '"']),
                st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
            ),
            min_size=1,
            max_size=6,
        )
    )
    return "".join(parts)


def _quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar with its controls written as escapes."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


@st.composite
def yaml_value(draw: st.DrawFn, depth: int = 0) -> str:
    """A value as YAML source text (may span lines, indented by the caller)."""
    kind = draw(st.integers(0, 6 if depth < 2 else 3))
    if kind == 0:
        return draw(st.sampled_from(YAML_SCALARS))
    if kind == 1:
        return _quoted(draw(hostile_text()))
    if kind == 2:
        return "'" + draw(hostile_text()).replace("'", "''") + "'"
    if kind == 3:  # raw, unquoted: controls straight in the YAML stream
        return draw(hostile_text())
    if kind == 4:
        items = draw(st.lists(yaml_value(depth + 1), max_size=3))
        return "[" + ", ".join(item.replace("\n", " ") for item in items) + "]"
    if kind == 5:
        items = draw(st.lists(yaml_value(depth + 1), min_size=1, max_size=3))
        return "".join(f"\n  - {item.replace(chr(10), ' ')}" for item in items)
    keys = draw(st.lists(st.sampled_from(["name", "domain", "url", "title", *KEYS_ODD[:4]])))
    values = [draw(yaml_value(depth + 1)).replace("\n", " ") for _ in keys]
    return "".join(f"\n  {key}: {value}" for key, value in zip(keys, values, strict=True))


BOMBS = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "deep: " + "[" * 5000 + "]" * 5000 + "\n",
    "deep: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
    "deep:\n" + "".join("  " * i + "- \n" for i in range(1, 300)),
    "r: &r [*r]\n",
    "m: &m {self: *m}\n",
    "<<: *nothing\n",
    "base: &b {title: merged}\n<<: *b\n",
    "<<: [1, 2]\n",
    "? [a, b]\n: value\n",
    "? {a: 1}\n: value\n",
    "title: one\ntitle: two\n",
    "%YAML 1.1\n",
    "--- \n",
    "...\n",
]


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = []
    for key in draw(st.lists(st.sampled_from(FIELDS + KEYS_ODD), min_size=1, max_size=8)):
        lines.append(f"{key}: {draw(yaml_value())}\n")
    if draw(st.integers(0, 3)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(BOMBS)))
    return "".join(lines)


@st.composite
def body(draw: st.DrawFn) -> str:
    pieces = draw(
        st.lists(
            st.one_of(
                hostile_text(),
                st.sampled_from(
                    [
                        "\n\n# Heading [bold]x[/bold]\n\n",
                        "\n- item\n- [red]item[/red]\n",
                        "\n```\n\x1b[31mcode\n```\n",
                        "\n| a | b |\n|---|---|\n| \x1b]52;c;eA==\x07 | [b] |\n",
                        "[link text](javascript:alert(1))",
                        "[link](https://evil.test/\x1b[2J)",
                        "![img](data:image/png;base64,AAAA)",
                        "<div>\n<p>html</p>\n</div>\n",
                        "> quote\n",
                        "---\n",
                        "\n\n",
                    ]
                ),
            ),
            max_size=8,
        )
    )
    return "".join(pieces)


@st.composite
def document_bytes(draw: st.DrawFn) -> bytes:
    """A whole file: front matter and body, then its line ends and bytes damaged."""
    text = "---\n" + draw(front_matter()) + "---\n" + draw(body())
    ends = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = text.replace("\n", ends)
    encoding = draw(
        st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le"])
    )
    raw = text.encode(encoding, "surrogatepass")
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        at = draw(st.integers(0, len(raw)))
        junk = draw(st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf"]))
        raw = raw[:at] + junk + raw[at:]
    return raw
