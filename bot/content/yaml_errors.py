"""YAML syntax errors in plain words: the usual cause, the line to look at, and the fix.

PyYAML says "mapping values are not allowed here" or "found character '\\t' that cannot start any token",
often at a line after the real mistake (an unclosed quote is noticed where the next quote is). Here each
error is traced back to the mistake people make most (an unquoted ': ' in a text, a tab, a missing colon or
space after it, an unclosed quote or bracket, a line indented out of step, a field written twice) and said
so, with the line where the mistake is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from bot.content.problems import Problem

_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?=[^\s])")
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+)(.*)$")
_ITEM = re.compile(r"^(\s*-\s+)(.*)$")
_INDENT_WORDS = ("expected <block end>", "did not find expected key", "did not find expected '-' indicator")


@dataclass(frozen=True, slots=True)
class YamlMistake:
    """Where the mistake is (1-based line and column in the parsed text) and what to do about it."""

    line: int
    column: int | None
    message: str


def explain_yaml_error(text: str, error: yaml.YAMLError) -> YamlMistake:
    """The likely cause of a YAML syntax error, at the line where the mistake is."""
    lines = text.splitlines() or [""]
    problem = str(getattr(error, "problem", "") or error)
    context = str(getattr(error, "context", "") or "")
    at = _mark(getattr(error, "problem_mark", None), lines) or _mark(getattr(error, "context_mark", None), lines)
    began = _mark(getattr(error, "context_mark", None), lines)
    line, column = at or (1, None)
    for explain in (_duplicate_key, _tab, _unclosed_flow, _unclosed_quote, _missing_colon, _colon_in_text,
                    _bad_start, _indentation):
        if found := explain(lines, problem, context, line, column, began):
            return found
    return YamlMistake(line, column, f"this is not valid YAML here (the parser says: {problem}). Compare the "
                                     "line with a working block above it")


def yaml_problem(file: str, text: str, error: yaml.YAMLError, first_line: int = 1, field: str = "yaml") -> Problem:
    """A YAML syntax error in plain words, at the line of the mistake (`first_line`: where `text` starts in
    the file), with that line and a caret."""
    mistake = explain_yaml_error(text, error)
    lines = text.splitlines()
    excerpt = lines[mistake.line - 1] if 0 < mistake.line <= len(lines) else ""
    return Problem(file, mistake.line + first_line - 1, field, mistake.message, "error", excerpt, mistake.column)


Position = tuple[int, int | None]


def _mark(mark: object, lines: list[str]) -> Position | None:
    if mark is None:
        return None
    line = min(getattr(mark, "line", 0) + 1, len(lines))
    return line, getattr(mark, "column", 0) + 1


def _duplicate_key(lines: list[str], problem: str, context: str, line: int, column: int | None,
                   began: Position | None) -> YamlMistake | None:
    if not problem.startswith("found duplicate key"):
        return None
    first = f" (first on line {began[0]})" if began else ""
    name = problem.removeprefix("found duplicate key ")
    return YamlMistake(line, column, f"the field {name} is written twice in the same block{first}; YAML would "
                                     "silently keep only the last one. Remove one of them, or merge their values")


def _tab(lines: list[str], problem: str, context: str, line: int, column: int | None,
         began: Position | None) -> YamlMistake | None:
    if "'\\t'" not in problem and not lines[line - 1][: (column or 1)].lstrip(" ").startswith("\t"):
        return None
    tab = lines[line - 1].find("\t")
    return YamlMistake(line, tab + 1 if tab >= 0 else column, "this line is indented with a tab; YAML only "
                       "accepts spaces. Replace the tab with spaces, lined up with the lines around it")


def _unclosed_flow(lines: list[str], problem: str, context: str, line: int, column: int | None,
                   began: Position | None) -> YamlMistake | None:
    if began is None or not context.startswith(("while parsing a flow", "while scanning a flow")):
        return None
    opened, closer = ("[", "]") if "sequence" in context else ("{", "}")
    return YamlMistake(began[0], began[1], f"the '{opened}' here is never closed: end it with '{closer}' "
                       "on the same line (or put a text that contains ',', ':' or brackets in quotes)")


def _unclosed_quote(lines: list[str], problem: str, context: str, line: int, column: int | None,
                    began: Position | None) -> YamlMistake | None:
    if context.startswith("while scanning a quoted scalar") and began is not None:
        return _quote_mistake(began[0], began[1])
    start = began[0] if began else 1
    for number in range(start, line + 1):
        if (found := _open_quote(lines[number - 1])) is not None:
            return _quote_mistake(number, found + 1)
    return None


def _quote_mistake(line: int, column: int | None) -> YamlMistake:
    return YamlMistake(line, column, "this quote is never closed: add the closing quote at the end of the text "
                                     "(a quote inside the text: write it twice in '...', or use \\\" in \"...\")")


def _open_quote(text: str) -> int | None:
    """Column (0-based) of a quoted value that does not close on its own line, or None."""
    found = _KEY_VALUE.match(text) or _ITEM.match(text)
    if found is None:
        return None
    value = found.group(2)
    if not value or value[0] not in "\"'":
        return None
    quote, rest = value[0], value[1:]
    if quote == '"':
        closed = re.search(r'(?<!\\)"', rest.replace("\\\\", "")) is not None
    else:
        closed = "'" in rest.replace("''", "")
    return None if closed else found.start(2)


def _missing_colon(lines: list[str], problem: str, context: str, line: int, column: int | None,
                   began: Position | None) -> YamlMistake | None:
    if "could not find expected ':'" not in problem:
        return None
    where = began or (line, column)
    text = lines[where[0] - 1]
    if found := _KEY_NO_SPACE.match(text):
        return YamlMistake(where[0], found.end(), "put a space after the ':' (write 'name: value', not "
                           "'name:value')")
    end = len(text.rstrip()) + 1
    return YamlMistake(where[0], end, "this line has no ':'. A field is written 'name: value' (a list of "
                       "items: 'name:' and then '- item' lines below it)")


def _colon_in_text(lines: list[str], problem: str, context: str, line: int, column: int | None,
                   began: Position | None) -> YamlMistake | None:
    if "mapping values are not allowed" not in problem:
        return None
    found = _KEY_VALUE.match(lines[line - 1]) or _ITEM.match(lines[line - 1])
    if found is None:
        return None
    value = found.group(2)
    inner = value.find(": ") if value.find(": ") >= 0 else (len(value) - 1 if value.endswith(":") else -1)
    if inner < 0 or value[:1] in "\"'":
        return None
    return YamlMistake(line, found.start(2) + inner + 1, "this text has ': ' in it, which YAML reads as a new "
                       f"field. Put the whole text in quotes: \"{value}\"")


def _bad_start(lines: list[str], problem: str, context: str, line: int, column: int | None,
               began: Position | None) -> YamlMistake | None:
    found = re.search(r"found character '(.)' that cannot start any token", problem)
    alias = "alias" in problem or "anchor" in problem
    if not found and not alias:
        return None
    char = found.group(1) if found else lines[line - 1][(column or 1) - 1: column] or "*"
    return YamlMistake(line, column, f"a text cannot start with '{char}' in YAML: put the whole text in quotes")


def _indentation(lines: list[str], problem: str, context: str, line: int, column: int | None,
                 began: Position | None) -> YamlMistake | None:
    if "mapping values are not allowed" not in problem and not problem.startswith(_INDENT_WORDS):
        return None
    text = lines[line - 1]
    spaces = len(text) - len(text.lstrip(" "))
    above = next((lines[n] for n in range(line - 2, -1, -1) if lines[n].strip() and
                  not lines[n].lstrip().startswith("#")), "")
    spaces_above = len(above) - len(above.lstrip(" "))
    compare = (f" ({spaces} spaces here, {spaces_above} on the line above)" if above and spaces != spaces_above
               else "")
    return YamlMistake(line, spaces + 1, f"the indentation of this line is out of step{compare}. Fields of one "
                       "block start in the same column, and the '- ' items of a list line up with each other")
