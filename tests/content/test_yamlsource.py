"""bot/content/yamlsource.py: YAML that remembers its lines, refuses deep nesting, and cuts a block list."""

from __future__ import annotations

import pytest
import yaml

from bot.content.yamlsource import (
    MAX_NESTING,
    LineDict,
    LineList,
    NestingError,
    item_line,
    line_of,
    load_yaml,
    split_block_list,
    syntax_error_line,
)

TEXT = """\
version: 1
intents:
  - id: a
    keywords:
      - one
      - two
  - id: b
"""


def test_mappings_and_lists_know_their_lines() -> None:
    data = load_yaml(TEXT)
    assert isinstance(data, LineDict) and isinstance(data["intents"], LineList)
    assert line_of(data, "intents") == 2
    first, second = data["intents"]
    assert line_of(first, "keywords") == 4
    assert item_line(first["keywords"], 1) == 6
    assert item_line(data["intents"], 1) == 7 and line_of(second, "id") == 7
    assert line_of(first, "missing") == 3  # a key not there: the line of its mapping
    assert item_line(first["keywords"], 5, default=0) == 0
    assert line_of("a plain string", default=3) == 3


def test_a_syntax_error_names_its_line() -> None:
    with pytest.raises(yaml.YAMLError) as raised:
        load_yaml("version: 1\nintents:\n  - id: a\n   bad: [\n")
    assert syntax_error_line(raised.value) in (4, 5)


def test_a_list_as_a_key_is_refused() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("? [a, b]\n: value\n")


def test_brackets_nested_too_deep_are_refused_before_parsing() -> None:
    fine = "x: " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n"
    assert load_yaml(fine) is not None
    deep = "y: 1\nx: " + "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1) + "\n"
    with pytest.raises(NestingError) as raised:
        load_yaml(deep)
    assert syntax_error_line(raised.value) == 2
    quoted = "x: '" + "[" * (MAX_NESTING + 5) + "'  # " + "{" * (MAX_NESTING + 5) + "\n"
    assert load_yaml(quoted) == {"x": "[" * (MAX_NESTING + 5)}  # inside quotes and comments: not nesting


def test_brackets_opened_over_many_lines_count_as_nesting() -> None:
    """Lines without quotes or comments are counted bracket by bracket (a shortcut): depth carries over lines,
    a closing bracket never takes it below zero, and the limit is reported on the line that passes it."""
    lines = ["x:"] + ["  " * n + "- [a, [" for n in range(MAX_NESTING // 2 + 1)]
    with pytest.raises(NestingError) as raised:
        load_yaml("\n".join(lines) + "\n")
    assert syntax_error_line(raised.value) == MAX_NESTING // 2 + 2
    closed = "a: ]]]]\nb: " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n"
    with pytest.raises(yaml.YAMLError) as raised:  # the stray closers are a syntax error, not nesting
        load_yaml(closed)
    assert not isinstance(raised.value, NestingError)


SCALARS = """\
texts: [treatment, yes please, no, "yes", 'null', null, ~, "", tusuxa, On, off, True, 12, -3, 1.5, .inf, 0x1f,
        2024-01-02, "2024-01-02", Nope, Yesterday, ok, 'o', n, y]
keyed: {yes: 1, 3: three, ~: nothing}
empty:
"""


def test_scalars_get_the_types_yaml_gives_them() -> None:
    """The resolver's shortcut for texts gives every scalar the type the generic safe loader gives it."""
    assert load_yaml(SCALARS) == yaml.safe_load(SCALARS)


def test_a_block_list_is_cut_into_items_with_their_lines() -> None:
    cut = split_block_list(TEXT, "intents")
    assert cut is not None
    assert [line for line, _ in cut.items] == [2, 6]  # 0-based first lines of the items
    assert cut.items[0][1].startswith("  - id: a") and cut.items[1][1] == "  - id: b"
    assert cut.header.count("\n") == TEXT.count("\n")  # the same line numbers
    assert "id: a" not in cut.header and "version: 1" in cut.header


def test_a_list_not_in_the_plain_shape_is_not_cut() -> None:
    assert split_block_list(TEXT, "absent") is None
    assert split_block_list("intents: [a, b]\n", "intents") is None
    assert split_block_list("intents:\n  - id: a\n  \tx: 1\n", "intents") is None  # a tab in the indent
