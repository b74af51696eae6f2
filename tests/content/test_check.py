"""`python -m bot check` on the shipped files and on temporary copies with injected mistakes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.check import check_root, keyword_pitfall
from bot.content.knowledge import build_knowledge
from bot.content.readability import TARGET_GRADE
from tests.helpers import REPO, copy_root, line_number

PROBLEM_LINE = re.compile(r"^[\w./-]+(:\d+)?: (error|warning): \S.*: .+$")
HARD_TEXT = ("Notwithstanding considerable interindividual heterogeneity, immunomodulatory pharmacotherapeutic "
             "interventions demonstrably attenuate inflammatory demyelination, consequently ameliorating "
             "longitudinal neurological disability accumulation across heterogeneous populations.")


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return subprocess.run([sys.executable, "-m", "bot", "--root", str(root), "check", *args], capture_output=True,
                          text=True, timeout=120, cwd=REPO, env=env)


def edit(path: Path, old: str, new: str) -> str:
    """Replace the first `old` in the file; returns the new text."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def replace_block(path: Path, start: str, end: str, new: str) -> str:
    """Replace the lines from `start` up to (not including) `end`."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    text = head + new + end + tail
    path.write_text(text, encoding="utf-8")
    return text


def add_items(path: Path, intent_id: str, key: str, *items: str) -> str:
    """Insert list items at the top of an intent's `keywords:` or `examples:` list; returns the new text."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {intent_id}\n")
    at = text.index(f"    {key}:\n", start) + len(f"    {key}:\n")
    text = text[:at] + "".join(f"      - {item}\n" for item in items) + text[at:]
    path.write_text(text, encoding="utf-8")
    return text


def line_after(text: str, needle: str, anchor: str) -> int:
    """1-based line of the first `needle` after `anchor`."""
    return text[: text.index(needle, text.index(anchor))].count("\n") + 1


# -- the shipped files ------------------------------------------------------------------------


def test_shipped_files_load_without_errors() -> None:
    knowledge, problems = build_knowledge(REPO)
    assert knowledge is not None, [str(p) for p in problems]
    assert [p for p in problems if p.severity == "error"] == []


def test_shipped_files_pass() -> None:
    result = run_check(REPO)
    assert result.returncode == 0, result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("OK:")


def test_output_reports_grades_and_ends_with_a_summary() -> None:
    result = run_check(REPO)
    assert "Reading level (Flesch-Kincaid grade" in result.stdout
    for article in (REPO / "content").glob("*.md"):
        assert f"content/{article.name}: whole article " in result.stdout
    assert re.search(r"\d+ articles, \d+ intents, \d+ examples; \d+ error\(s\)", result.stdout)


def test_quiet_prints_only_problems() -> None:
    result = run_check(REPO, "--quiet")
    lines = result.stdout.splitlines()
    assert all(PROBLEM_LINE.match(line) for line in lines), lines
    assert "Reading level" not in result.stdout


# -- file errors ------------------------------------------------------------------------------


def test_each_injected_error_is_reported_with_line_and_field(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    intents = root / "intents.yaml"
    edit(intents, "threshold: 68", "threshold: 150")
    edit(intents, "article: epilepsy-and-immunity\n    section: inflammation-and-seizures",
         "article: no-such-article\n    section: inflammation-and-seizures")
    edit(intents, "section: autoimmune-encephalitis", "section: no-such-section")
    edit(intents, "follow_ups: [epilepsy_inflammation, refractory_definition, autoimmune_encephalitis]",
         "follow_ups: [epilepsy_inflammation, no_such_intent]")
    edit(intents, "  - id: thanks\n", "  - id: greeting\n")
    text = replace_block(intents, "  - id: goodbye\n", "  - id: help\n",
                         "  - id: goodbye\n    kind: smalltalk\n    keywords: []\n    reply: Bye.\n\n")

    result = run_check(root)

    assert result.returncode == 1
    second_greeting = text.index("  - id: greeting\n", text.index("  - id: greeting\n") + 1)
    expected = [
        (line_number(text, "threshold: 150"), "settings.threshold", "must be a number from 1 to 100"),
        (line_number(text, "article: no-such-article"), "intents[epilepsy_inflammation].article",
         "unknown article 'no-such-article'"),
        (line_number(text, "section: no-such-section"), "intents[autoimmune_encephalitis].section",
         "has no section 'no-such-section'"),
        (line_number(text, "- id: epilepsy_overview"), "intents[epilepsy_overview].follow_ups",
         "unknown intent id 'no_such_intent'"),
        (text[:second_greeting].count("\n") + 1, "intents[greeting].id", "duplicate id 'greeting'"),
        (line_number(text, "keywords: []"), "intents[goodbye].keywords", "at least one keyword"),
    ]
    for line, field, message in expected:
        prefix = f"intents.yaml:{line}: error: {field}: "
        assert any(out.startswith(prefix) and message in out for out in result.stdout.splitlines()), \
            f"missing {prefix}...{message}\n{result.stdout}"
    assert "FAILED" in result.stdout.splitlines()[-1]


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    text = edit(root / "intents.yaml", "      - what is epilepsy\n", "      - what is epilepsy\n     bad: [indent\n")
    result = run_check(root, "--quiet")
    assert result.returncode == 1
    line = line_number(text, "bad: [indent")
    assert re.search(rf"^intents\.yaml:{line}: error: yaml: bad YAML syntax", result.stdout, re.M), result.stdout


def test_broken_article_is_reported_with_its_line(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    text = edit(root / "content" / "ms-immune-role.md", "topic: ms\n", "topic: cardiology\n")
    result = run_check(root, "--quiet")
    assert result.returncode == 1
    assert f"content/ms-immune-role.md:{line_number(text, 'topic: cardiology')}: error: topic: " in result.stdout


# -- examples, keywords and readability -------------------------------------------------------


def test_examples_landing_elsewhere_and_keyword_pitfalls(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    add_items(root / "intents.yaml", "ms_dmt", "keywords", "what is ms", "xq", "what is it")
    text = add_items(root / "intents.yaml", "ms_dmt", "examples", "what is refractory epilepsy")

    result = run_check(root, "--quiet")

    assert result.returncode == 1
    lines = result.stdout.splitlines()

    def reported(needle: str, severity: str, *words: str) -> None:
        prefix = f"intents.yaml:{line_after(text, needle, '- id: ms_dmt')}: {severity}: intents[ms_dmt]."
        assert any(x.startswith(prefix) and all(w in x for w in words) for x in lines), (prefix, words, lines)

    reported("- what is ms", "warning", "remove 'what is ms' from ms_dmt or make it more specific",
             "reads as 'ms', which is ms_overview's keyword")
    reported("- xq", "warning", "'xq' is one word of 2 letters", "Fix:")
    reported("- what is it", "warning", "only of filler words", "Fix:")
    reported("- what is refractory epilepsy", "error", "lands on refractory_definition", "not ms_dmt", "Fix:")


def test_warnings_alone_pass(tmp_path: Path) -> None:
    root = tmp_path / "small"
    shutil.copytree(REPO / "content", root / "content")
    (root / "intents.yaml").write_text(
        "version: 1\nintents:\n"
        "  - id: ms_lesions\n    article: ms-immune-role\n    section: lesions-and-mri\n"
        "    keywords: [ms lesions, mri scan, brain lesions, plaques, what is it]\n"
        "    examples: [what are ms lesions, do i need an mri scan, lesions in my brain, what are plaques,\n"
        "               mri scan for ms lesions]\n"
        "  - id: emergency\n    kind: safety\n    keywords: [seizure wont stop]\n"
        "  - id: crisis\n    kind: safety\n    keywords: [want to die]\n"
        "  - id: medication_change\n    kind: safety\n    keywords: [stop my meds]\n",
        encoding="utf-8")
    result = run_check(root)
    assert "warning: intents[ms_lesions].keywords: 'what is it' is made only of filler words" in result.stdout
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("OK: ")


def test_hard_paragraph_and_summary_get_readability_warnings(tmp_path: Path) -> None:
    knowledge, _ = build_knowledge(REPO)
    assert knowledge is not None
    intent = next(i for i in knowledge.topical_intents() if i.section)  # a section that replies quote
    source = knowledge.articles[intent.article or ""]
    heading = next(s.heading for s in source.sections if s.id == intent.section)
    root = copy_root(tmp_path)
    article = root / "content" / source.path.name
    edit(article, f"## {heading}\n\n", f"## {heading}\n\n{HARD_TEXT}\n\n")
    text = edit(article, "summary: >-\n", f"summary: >-\n  {HARD_TEXT}\n")

    result = check_root(root)

    warnings = {(p.line, p.field): p.message for p in result.problems if p.file == f"content/{article.name}"}
    paragraph = warnings[(line_after(text, "Notwithstanding", f"## {heading}"), f"section[{intent.section}] paragraph 1")]
    assert f"above {TARGET_GRADE:g}" in paragraph and "shorter sentences" in paragraph
    assert (line_number(text, "summary: >-"), "summary") in warnings
    assert all(p.severity == "warning" for p in result.problems if p.file.startswith("content/"))


@pytest.mark.parametrize(("keyword", "flagged"), [("ms", False), ("ra", False), ("bbb", False), ("xq", True),
                                                  ("what is it", True), ("ms meds", False)])
def test_keyword_pitfall_rules(keyword: str, flagged: bool) -> None:
    assert (keyword_pitfall(keyword) is not None) is flagged
