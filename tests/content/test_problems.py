"""bot/content/problems.py: how a problem in an admin's file is written, sorted and suggested."""

from __future__ import annotations

import pytest

from bot.content.problems import LoadError, Problem, close_match, did_you_mean, errors_only, warnings_only


def test_a_problem_reads_file_line_severity_field_message() -> None:
    assert str(Problem("intents.yaml", 12, "keywords", "empty list")) == \
        "intents.yaml:12: error: keywords: empty list"
    assert str(Problem("content/ms.md", None, "title", "missing", "warning")) == \
        "content/ms.md: warning: title: missing"


def test_the_offending_line_is_shown_with_a_caret_under_the_column() -> None:
    problem = Problem("intents.yaml", 3, "yaml", "bad indent", excerpt="\tkeywords: [a]", column=2)
    text = str(problem).splitlines()
    assert text[1] == "    →keywords: [a]"  # the tab made visible, one column wide
    assert text[2] == "     ^"  # under the second column
    assert Problem("f", 1, "x", "y").pointer() == ""


def test_a_caret_past_the_end_of_the_line_stops_one_after_it() -> None:
    pointer = Problem("f", 1, "x", "y", excerpt="abc", column=99).pointer()
    assert pointer.splitlines()[1] == "    " + " " * 3 + "^"


def test_errors_and_warnings_are_told_apart() -> None:
    error, warning = Problem("a", 1, "f", "m"), Problem("a", 2, "f", "m", "warning")
    assert errors_only([error, warning]) == [error]
    assert warnings_only([error, warning]) == [warning]


def test_a_load_error_carries_every_problem() -> None:
    problems = [Problem("a", 1, "f", "one"), Problem("b", 2, "g", "two")]
    with pytest.raises(LoadError) as raised:
        raise LoadError(problems)
    assert raised.value.problems == problems
    assert str(raised.value) == "a:1: error: f: one\nb:2: error: g: two"


def test_a_misspelt_name_is_matched_to_the_closest_known_one() -> None:
    assert close_match("keyword", ["keywords", "examples", "article"]) == "keywords"
    assert close_match("zzzz", ["keywords", "examples"]) is None
    assert did_you_mean("exampels", ["keywords", "examples"]) == " Did you mean 'examples'?"
    assert did_you_mean("zzzz", ["keywords"]) == ""
