"""Problems found in an admin's files, reported as `file:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an admin-edited file. Errors block loading; warnings do not."""

    file: str
    line: int | None
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.field}: {self.message}"


class LoadError(Exception):
    """The files could not be loaded; `problems` lists every error found (never only the first)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def errors_only(problems: list[Problem]) -> list[Problem]:
    """The problems that block loading."""
    return [p for p in problems if p.severity == "error"]
