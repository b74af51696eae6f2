"""YAML syntax errors in plain words: the usual cause, the line of the mistake, a caret under it."""

from __future__ import annotations

import pytest
import yaml

from bot.content.problems import Problem
from bot.content.yaml_errors import explain_yaml_error, yaml_problem
from bot.content.yamlsource import load_yaml

GOOD = """intents:
  - id: epilepsy_overview
    article: epilepsy-and-immunity
    label: What epilepsy is
    keywords:
      - epilepsy
      - fits
    follow_ups: [ms_dmt, ms_overview]
    examples:
      - what is epilepsy
      - is epilepsy common
"""


def mistake(old: str, new: str) -> tuple[str, int, int | None, str]:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text)
    found = explain_yaml_error(text, caught.value)
    return text.splitlines()[found.line - 1], found.line, found.column, found.message


@pytest.mark.parametrize(("old", "new", "line", "column", "words"), [
    ("      - fits", "\t    - fits", 7, 1, "indented with a tab"),
    ("label: What epilepsy is", "label: Epilepsy: what it is", 4, 20, "Put the whole text in quotes: \"Epilepsy: what it is\""),
    ("    keywords:", "    keywords", 5, 13, "has no ':'"),
    ("article: epilepsy", "article:epilepsy", 3, 12, "put a space after the ':'"),
    ("      - fits", '      - "fits', 7, 9, "quote is never closed"),
    ("[ms_dmt, ms_overview]", "[ms_dmt, ms_overview", 8, 17, "'[' here is never closed"),
    ("    keywords:", "     keywords:", 5, 6, "indentation of this line is out of step (5 spaces here, 4 on the line"),
    ("    label: What epilepsy is", "    label: What epilepsy is\n    label: Epilepsy", 5, 5,
     "the field 'label' is written twice in the same block (first on line 4)"),
    ("      - fits", "      - @fits", 7, 9, "cannot start with '@'"),
])
def test_each_usual_cause_is_named_at_its_line(old: str, new: str, line: int, column: int, words: str) -> None:
    text, found_line, found_column, message = mistake(old, new)
    assert (found_line, found_column) == (line, column), (text, message)
    assert words in message


def test_an_unclosed_quote_is_found_where_it_opens_not_where_the_parser_stops() -> None:
    text = GOOD.replace("      - fits", '      - "fits') + "".join(f'      - "q{n}"\n' for n in range(5))
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text)
    assert caught.value.problem_mark.line + 1 > 7  # type: ignore[attr-defined]  # PyYAML points later
    assert explain_yaml_error(text, caught.value).line == 7


def test_a_problem_shows_the_line_and_a_caret_under_the_mistake() -> None:
    text = GOOD.replace("label: What epilepsy is", "label: Epilepsy: what it is")
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text)
    problem = yaml_problem("intents.yaml", text, caught.value)
    assert str(problem).splitlines() == [
        'intents.yaml:4: error: yaml: this text has \': \' in it, which YAML reads as a new field. Put the whole '
        'text in quotes: "Epilepsy: what it is"',
        "        label: Epilepsy: what it is",
        "                       ^",
    ]


def test_a_tab_is_one_column_wide_under_the_caret() -> None:
    problem = Problem("f", 3, "yaml", "tab", excerpt="\t- x", column=1)
    assert problem.pointer().splitlines() == ["    →- x", "    ^"]
    assert Problem("f", 3, "field", "plain").pointer() == "" and "\n" not in str(Problem("f", 3, "x", "y"))


def test_front_matter_errors_are_placed_in_the_file() -> None:
    text = "title: One: two\n"
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text)
    problem = yaml_problem("content/a.md", text, caught.value, first_line=2, field="front matter")
    assert (problem.line, problem.field, problem.excerpt) == (2, "front matter", "title: One: two")
