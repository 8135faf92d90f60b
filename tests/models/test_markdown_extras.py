"""Footnotes and task lists are shown as text: the marks raw, the definitions run into one
paragraph (``[^talk-mod]: See … [^talk-comms]: See``) and ``• [ ] task`` were what the
reader showed of them."""

from __future__ import annotations

from models.html import readable_body
from models.markdown_extras import plain_extras


def test_marks_and_definitions_become_text_each_definition_its_own_paragraph() -> None:
    body = (
        "On the council[^affiliates] and more[^2].\n\n"
        "[^affiliates]: See the limits.\n[^2]: A second note\n    continued.\n"
    )
    assert plain_extras(body) == (
        "On the council\\[affiliates\\] and more\\[2\\].\n\n"
        "\n\\[affiliates\\] See the limits.\n\n\\[2\\] A second note\n    continued.\n"
    )


def test_code_keeps_its_footnote_syntax() -> None:
    body = "Write `x[^1]` for a mark:\n\n```\n[^1]: a definition\n```\n"
    assert plain_extras(body) == body


def test_the_reader_and_the_index_read_bodies_so() -> None:
    assert readable_body("Rust[^gleam].\n\n[^gleam]: A language.\n", "a.md") == (
        "Rust\\[gleam\\].\n\n\n\\[gleam\\] A language.\n"
    )


def test_a_task_lists_boxes_are_drawn() -> None:
    body = "- [ ] write\n* [x] test\n  + [X] nested\n- [link](x) stays\n\n`- [ ] code`\n"
    assert plain_extras(body) == (
        "- ☐ write\n* ☑ test\n  + ☑ nested\n- [link](x) stays\n\n`- [ ] code`\n"
    )
