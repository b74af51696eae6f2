"""The longest import chain inside bot/: how many modules deep the package's imports go.

Every import counts, lazy ones inside functions too (as in tests/test_architecture.py: hiding an import in a
function does not remove the dependency). Run from a checkout: `python -m tools.import_depth [CHECKOUT]` prints the
depth and the chain; tests/test_architecture.py checks the graph has no cycle, so a longest chain exists.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
Graph = dict[str, tuple[str, ...]]


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, module: str) -> set[str]:
    """Every module name `source` imports, anywhere in it (`from bot.x import y` names bot.x and bot.x.y)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = module.split(".")[: -node.level]
                base = ".".join([*package, base] if base else package)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def import_graph(root: Path = ROOT, package: str = "bot") -> Graph:
    """Module -> the modules of the package it imports."""
    sources = {module_name(path, root): path.read_text(encoding="utf-8")
               for path in sorted((root / package).rglob("*.py"))}
    return {module: tuple(sorted(name for name in imported(source, module) if name in sources and name != module))
            for module, source in sources.items()}


def longest_chain(graph: Graph) -> list[str]:
    """The longest chain of imports (a -> b: a imports b), as the modules along it. The graph must have no
    cycle (tests/test_architecture.py checks that)."""

    @cache
    def longest_from(module: str) -> tuple[str, ...]:
        below = max((longest_from(name) for name in graph[module]), key=len, default=())
        return (module, *below)

    return list(max((longest_from(module) for module in sorted(graph)), key=len, default=()))


def main() -> int:
    chain = longest_chain(import_graph(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
    print(f"import depth: {len(chain)} modules")
    print("  " + " -> ".join(name.removeprefix("bot.") for name in chain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
