"""Odd admin files: every failure is a problem with file and line, never a traceback or a stuck parser."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.content.admin_files import ARTICLE_MAX_BYTES, AdminFileError, read_admin_file
from bot.content.articles import load_articles, parse_article
from bot.content.intents import load_intents, parse_intents
from bot.content.knowledge import Library, SnapshotCache, build_knowledge
from bot.content.problems import Problem
from tests.helpers import REPO, copy_root

ARTICLES, _ = load_articles(REPO / "content")
SHIPPED = (REPO / "intents.yaml").read_text(encoding="utf-8")
ARTICLE = (REPO / "content" / "ms-immune-role.md").read_text(encoding="utf-8")


def problems_of_intents(text: str) -> list[tuple[str, int | None, str]]:
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None
    return [(p.file, p.line, p.message) for p in problems if p.severity == "error"]


def problems_of_every_kind(text: str) -> list[Problem]:
    return parse_article(Path("content/odd.md"), text)[1]


def problems_of_article(text: str) -> list[tuple[str, int | None, str]]:
    _, problems = parse_article(Path("content/odd.md"), text)
    return [(p.file, p.line, p.message) for p in problems if p.severity == "error"]


@pytest.mark.parametrize(("text", "line"), [
    ("intents:\n  - id: x\n    ? [a, b]\n    : 1\n", 3),  # a list as a key: unhashable
    ("intents:\n  - {[1]: 2}\n", 2),
    ("intents:\n  - id: x\n    ? {a: 1}\n    : 1\n", 3),
])
def test_a_list_or_mapping_as_a_key_is_a_problem_with_its_line(text: str, line: int) -> None:
    [(file, found_line, message)] = problems_of_intents(text)
    assert (file, found_line) == ("intents.yaml", line) and "list or mapping" in message


def test_a_bad_key_in_front_matter_is_a_problem_with_its_line() -> None:
    [(file, line, message)] = problems_of_article("---\nslug: odd\n? [a]\n: 1\n---\n## A\ntext\n")
    assert (file, line) == ("content/odd.md", 3) and "list or mapping" in message


@pytest.mark.parametrize("text", [
    "intents: " + "[" * 5000 + "]" * 5000 + "\n",
    "intents:\n  - id: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
    "intents:\n" + "".join(" " * i + f"k{i}:\n" for i in range(2, 1500)),  # nesting by indentation alone
])
def test_deep_nesting_is_a_problem_not_a_recursion_error(text: str) -> None:
    [(file, line, message)] = problems_of_intents(text)
    assert file == "intents.yaml" and line and "nested too deeply" in message


def test_deep_nesting_in_front_matter() -> None:
    [(_, line, message)] = problems_of_article("---\nslug: odd\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n## A\nt\n")
    assert line == 3 and "nested too deeply" in message


# -- linear regexes: 100,000-character lines --------------------------------------------------------

LONG_LINES = r"""
import json, sys, time
from pathlib import Path
from bot.content.articles import load_articles, parse_article
from bot.content.intents import parse_intents
from bot.content.yamlsource import split_block_list
n = 100_000
article = Path(sys.argv[1]).read_text()
shipped = Path(sys.argv[2]).read_text()
cases = {
    "heading with trailing spaces": article.replace("\n## ", "\n## Heading" + " " * n + "x\n\n## ", 1),
    "heading of spaces then hashes": article.replace("\n## ", "\n## A" + " \t" * (n // 2) + "#" * 10 + "\n\n## ", 1),
    "heading of spaces": article + "\n## " + " " * n + "\n",
    "body line": article + "\n" + "word " * (n // 5) + "\n",
    "front matter line": article.replace("\ntopic:", "\nnote: " + " " * n + "x\ntopic:", 1),
    "many dashes": "---" + " " * n + "\n" + article,
}
articles, _ = load_articles(Path(sys.argv[3]))
intents = {
    "intents key line": shipped.replace("\nintents:", "\nintents:" + " " * n + "x", 1),
    "comment after spaces": shipped.replace("\nintents:", "\n" + " " * n + "# note\nintents:", 1),
    "keyword line": shipped.replace("      - ocrevus\n", "      - " + "ms " * (n // 3) + "\n", 1),
    "tabs before a dash": shipped.replace("  - id: greeting", " " * n + "\t- id: greeting", 1),
}
out = {}
for name, text in cases.items():
    start = time.perf_counter(); parse_article(Path("content/ms-immune-role.md"), text)
    out[name] = time.perf_counter() - start
for name, text in intents.items():
    start = time.perf_counter(); split_block_list(text, "intents"); parse_intents(text, articles)
    out[name] = time.perf_counter() - start
print(json.dumps(out))
"""


def test_regexes_over_admin_text_are_linear_on_100000_character_lines() -> None:
    """A hang guard, not a speed test: each case takes milliseconds; the old heading pattern took over 8 minutes
    for 8,000 spaces (and would take days for 100,000). The child is stopped if it does not finish."""
    done = subprocess.run([sys.executable, "-c", LONG_LINES, str(REPO / "content" / "ms-immune-role.md"),
                           str(REPO / "intents.yaml"), str(REPO / "content")], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 10


# -- links out of content/ ---------------------------------------------------------------------------


def test_a_link_to_a_file_outside_content_is_refused_unread(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    outside = tmp_path / "private.md"
    outside.write_text("---\nslug: private\nsecret line: hunter2\n---\n", encoding="utf-8")
    (root / "content" / "private.md").symlink_to(outside)
    (root / "content" / "passwd.md").symlink_to("/etc/passwd")
    inside = root / "content" / "alias.md"
    inside.symlink_to(root / "content" / "ms-immune-role.md")  # a link within content/ is fine (then a slug error)
    _articles, problems = load_articles(root / "content")
    refused = {p.file: p.message for p in problems if "outside content/" in p.message}
    assert set(refused) == {"content/private.md", "content/passwd.md"}
    assert not any("hunter2" in str(p) or "root:" in str(p) for p in problems)
    assert "content/alias.md" in {p.file for p in problems}  # read, and its slug reported


# -- the loader as a whole -------------------------------------------------------------------------


def test_a_bad_file_at_start_is_a_list_of_problems(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    (root / "intents.yaml").write_text(SHIPPED.replace("  - id: greeting\n", "  - {[1]: 2}\n  - id: greeting\n", 1),
                                       encoding="utf-8")
    knowledge, problems = build_knowledge(root)
    assert knowledge is None and [p.field for p in problems if p.severity == "error"] == ["yaml"]


def test_the_bot_process_starts_with_problems_listed_not_a_traceback(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    (root / "intents.yaml").write_text("intents: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    done = subprocess.run([sys.executable, "-m", "bot", "--root", str(root), "ask", "what is ms"],
                          capture_output=True, text=True, cwd=REPO, timeout=60,
                          env={**env, "BOT_DB_PATH": str(tmp_path / "data" / "bot.sqlite3")})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "intents.yaml:1: error: yaml" in done.stderr and "nested too deeply" in done.stderr


def test_reload_never_raises(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    library = Library(root)
    for odd in ("intents:\n  - {[1]: 2}\n", "intents: " + "[" * 3000, "\x00\xff binary", ""):
        (root / "intents.yaml").write_text(odd, encoding="utf-8", errors="surrogateescape")
        applied, problems = library.reload()
        assert not applied and problems
    (root / "intents.yaml").write_text(SHIPPED, encoding="utf-8")
    assert library.reload()[0]


# -- special and huge files: refused before a byte is read (issue 12, attack finding 2) ---------------------


def _reload_guarded(library: Library) -> tuple[bool, list[Problem]]:
    """`library.reload()` in a thread, so a hang fails the test (a generous guard, not a timing)."""
    result: list[tuple[bool, list[Problem]]] = []
    worker = threading.Thread(target=lambda: result.append(library.reload()), daemon=True)
    worker.start()
    worker.join(120)
    assert result, "reload hung on a special file"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("name", ["content/fifo.md", "intents.yaml"])
def test_a_fifo_is_a_problem_and_the_bot_keeps_its_content(tmp_path: Path, name: str) -> None:
    root = copy_root(tmp_path)
    library = Library(root, SnapshotCache.for_secret(tmp_path / "cache", "admin-files-secret-of-32-bytes-or-more"))
    before = library.current
    (root / name).unlink(missing_ok=True)
    os.mkfifo(root / name)  # with no writer: a blocking open or read waits for ever
    applied, problems = _reload_guarded(library)
    assert not applied and library.current is before
    assert any(p.file.endswith(Path(name).name) and "not a regular file" in p.message for p in problems)


def test_a_link_to_dev_zero_is_never_read_by_the_serving_process(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    (root / "content" / "zero.md").symlink_to("/dev/zero")
    (root / "intents.yaml").unlink()
    (root / "intents.yaml").symlink_to("/dev/zero")
    # Change detection in a process with 1 GB of address space: reading /dev/zero whole is a MemoryError.
    script = ("import resource, sys; from pathlib import Path; from bot.content.knowledge import fingerprint; "
              "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); print(fingerprint(Path(sys.argv[1])))")
    done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, cwd=REPO,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    _articles, problems = load_articles(root / "content")
    assert any(p.file == "content/zero.md" and "outside content/" in p.message for p in problems)
    _intents, problems = load_intents(root / "intents.yaml", {})
    assert [p.file for p in problems] == ["intents.yaml"] and "refused" in problems[0].message


def test_an_article_over_the_size_cap_is_refused_unread_with_its_name(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    with (root / "content" / "huge.md").open("wb") as handle:
        handle.truncate(ARTICLE_MAX_BYTES + 1)  # sparse: no disk, but a read would be 2 MB of NULs
    _articles, problems = load_articles(root / "content")
    [problem] = [p for p in problems if p.file == "content/huge.md"]
    assert "huge.md is larger than 2048 kB: refused" in problem.message


def test_the_guarded_reader_refuses_what_it_cannot_read_safely(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_bytes(b"x" * 10)
    assert read_admin_file(tmp_path / "ok.md", tmp_path, 10) == b"x" * 10
    with pytest.raises(AdminFileError, match="larger than"):
        read_admin_file(tmp_path / "ok.md", tmp_path, 9)
    (tmp_path / "dir.md").mkdir()
    (tmp_path / "dev.md").symlink_to("/dev/null")
    for name in ("dir.md", "dev.md"):
        with pytest.raises(AdminFileError, match="refused"):
            read_admin_file(tmp_path / name, tmp_path, 10)


# -- huge front matter (attack finding 4) -------------------------------------------------------------------


def test_thousands_of_unknown_fields_are_the_first_20_and_one_line_for_the_rest() -> None:
    odd = "".join(f"odd{number}: x\n" for number in range(3000))
    problems = problems_of_every_kind(ARTICLE.replace("---\n", "---\n" + odd, 1))
    listed = [p for p in problems if p.message.startswith("unknown field")]
    assert len(listed) == 20 and all(p.line for p in listed)
    assert [p.message for p in problems if p.field == "front matter"] == ["and 2980 more unknown fields (not listed)"]


def test_a_misspelt_required_field_past_the_first_20_is_still_an_error() -> None:
    odd = "".join(f"aaa{number}: x\n" for number in range(30))
    problems = problems_of_every_kind(ARTICLE.replace("---\n", "---\n" + odd, 1).replace("\ntitle:", "\nzztitle:", 1))
    assert [p.message for p in problems if p.severity == "error"] == ["unknown field 'zztitle'. Did you mean 'title'?"]


def test_front_matter_over_64_kB_is_refused_before_it_is_parsed() -> None:
    odd = "".join(f"odd{number}: {'x' * 60}\n" for number in range(1100))  # about 70 kB
    assert problems_of_article(ARTICLE.replace("---\n", "---\n" + odd, 1)) == [
        ("content/odd.md", 2, "is longer than 64 kB: refused (it needs only a few short fields)")]
