"""Problems found in an admin's files, reported as `file:line: severity: field: message`.

Severity matches the harm: an error is structural (the file cannot be read as meant: bad YAML, an unknown
article or section, a duplicate id) and rejects the files; a warning is a content problem (too few examples,
an example landing elsewhere, a hard sentence, a review due) and never blocks a reload.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an admin-edited file. Errors block loading; warnings do not.

    `excerpt` is the offending line as written and `column` (1-based) where in it the mistake is: shown
    under the message with a caret.
    """

    file: str
    line: int | None
    field: str
    message: str
    severity: Severity = "error"
    excerpt: str = ""
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.severity}: {self.field}: {self.message}"
        return f"{text}\n{self.pointer()}" if self.excerpt else text

    def pointer(self) -> str:
        """The offending line, and a caret under the column: two indented lines (empty without an excerpt)."""
        if not self.excerpt:
            return ""
        shown = self.excerpt.replace("\t", "→")  # a tab made visible, one column wide as the parser counts it
        lines = f"    {shown}"
        if self.column:
            lines += f"\n    {' ' * (min(self.column, len(shown) + 1) - 1)}^"
        return lines


class LoadError(Exception):
    """The files could not be loaded; `problems` lists every error found (never only the first)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that block loading."""
    return [p for p in problems if p.severity == "error"]


def warnings_only(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are reported but never block loading."""
    return [p for p in problems if p.severity == "warning"]


def close_match(word: str, choices: Iterable[str]) -> str | None:
    """The known name closest to a misspelt one (`keyword` -> `keywords`), or None."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean 'x'?' for the closest known name, or '' when nothing is close."""
    match = close_match(word, choices)
    return f" Did you mean '{match}'?" if match else ""
