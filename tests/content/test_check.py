"""`python -m bot check` on the shipped files and on temporary copies with injected mistakes."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.check import EXAMPLES_SHOWN, check_root
from bot.content.check_keywords import keyword_pitfall
from bot.content.governance import stamp_review
from bot.content.knowledge import Library, build_knowledge
from bot.content.readability import TARGET_GRADE
from bot.nlu.matcher import keyword_reading
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
    assert re.search(rf"^intents\.yaml:{line}: error: yaml: the indentation of this line is out of step", result.stdout,
                     re.M), result.stdout
    assert "     bad: [indent\n         ^" in result.stdout  # the line as written, a caret under the mistake


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

    assert result.returncode == 0  # all of these are content problems: warnings, the files still load
    lines = result.stdout.splitlines()

    def reported(needle: str, severity: str, *words: str) -> None:
        prefix = f"intents.yaml:{line_after(text, needle, '- id: ms_dmt')}: {severity}: intents[ms_dmt]."
        assert any(x.startswith(prefix) and all(w in x for w in words) for x in lines), (prefix, words, lines)

    ms_keyword = line_after(text, "      - ms\n", "- id: ms_overview")
    reported("- what is ms", "warning", f"'what is ms' reads the same as 'ms' (intents.yaml:{ms_keyword}, "
             "ms_overview): filler words are ignored (what, is)", "Fix: remove it from ms_dmt")
    reported("- xq", "warning", "'xq' is one word of 2 letters", "Fix:")
    reported("- what is it", "warning", "only of filler words", "Fix:")
    definition = line_after(text, "      - refractory epilepsy\n", "- id: refractory_definition")
    reported("- what is refractory epilepsy", "warning", "lands on refractory_definition",
             f"keyword 'refractory epilepsy' at intents.yaml:{definition}", "not ms_dmt", "Fix:")
    assert run_check(root, "--quiet", "--strict").returncode == 1


def test_an_example_with_none_of_the_needed_words_is_named(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    text = add_items(root / "intents.yaml", "ms_complementary", "examples", "is tai chi good for people")
    lines = run_check(root, "--quiet", "--examples").stdout.splitlines()
    line = line_after(text, "- is tai chi good for people", "- id: ms_complementary")
    assert any(x.startswith(f"intents.yaml:{line}: warning: intents[ms_complementary].examples")
               and "none of the words in needs_one_of" in x for x in lines), lines


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
                                                  ("what is it", True), ("ms meds", False),
                                                  ("not a bot", True), ("not working", False)])
def test_keyword_pitfall_rules(keyword: str, flagged: bool) -> None:
    assert (keyword_pitfall(keyword) is not None) is flagged


# -- severity matches the harm; one consistent summary ----------------------------------------

NEW_TOPIC = """  - id: ms_fatigue
    article: ms-immunity-and-treatment
    section: treating-symptoms
    keywords:
      - ms fatigue
    examples:
      - why am i so tired with ms
      - ms fatigue tips
      - how to cope with ms fatigue
      - does ms make you exhausted
"""


def add_new_topic(root: Path) -> str:
    return edit(root / "intents.yaml", "  - id: ms_rehabilitation\n", NEW_TOPIC + "\n  - id: ms_rehabilitation\n")


def counted(stdout: str) -> tuple[int, int]:
    """(errors, warnings) as printed line by line."""
    lines = [line for line in stdout.splitlines() if PROBLEM_LINE.match(line)]
    return sum(": error: " in x for x in lines), sum(": warning: " in x for x in lines)


def test_a_new_topic_with_content_problems_passes_with_warnings_that_agree_with_the_summary(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    add_new_topic(root)  # 4 examples, and examples that land on another intent

    result = run_check(root, "--examples")  # every warning listed, to count them

    assert result.returncode == 0, result.stdout
    errors, warnings = counted(result.stdout)
    summary = result.stdout.rstrip().splitlines()[-1]
    assert errors == 0 and summary.startswith("OK: ") and "FAILED" not in result.stdout
    assert f"0 error(s), {warnings} warning(s) (" in summary and "of them: examples landing on another intent" in summary
    assert "intents[ms_fatigue].examples: has 4 example(s)" in result.stdout

    strict = run_check(root, "--strict")
    assert strict.returncode == 1
    assert strict.stdout.rstrip().splitlines()[-1].startswith("FAILED: ") and "--strict counts warnings" in strict.stdout


def test_a_reload_applies_an_edit_with_content_problems(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    library = Library(root)
    add_new_topic(root)
    applied, problems = library.reload()
    assert applied and "ms_fatigue" in library.current.intents
    assert any(p.field == "intents[ms_fatigue].examples" and p.severity == "warning" for p in problems)


def test_a_clash_names_the_real_keyword_as_written_with_its_line(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    add_new_topic(root)
    text = edit(root / "intents.yaml", "      - ms fatigue\n    examples:", "      - ms fatigue\n"
                "      - exhaustion in ms\n    examples:")
    symptoms = next(i for i in build_knowledge(REPO)[0].intent_file.intents if i.id == "ms_demyelination_symptoms")
    owner = next(k for k in symptoms.keywords if keyword_reading(k) == keyword_reading("ms exhaustion"))
    needle = f"      - {owner}\n"
    where = f"intents.yaml:{line_after(text, needle, '- id: ms_demyelination_symptoms')}"

    result = check_root(root)

    clashes = [p for p in result.problems if p.field == "intents[ms_fatigue].keywords"]
    assert [p.line for p in clashes] == [line_after(text, "      - ms fatigue", "- id: ms_fatigue"),
                                         line_after(text, "      - exhaustion in ms", "- id: ms_fatigue")]
    assert all(p.severity == "warning" for p in clashes)
    assert clashes[0].message.startswith("'ms fatigue' is already a keyword of ms_demyelination_symptoms (")
    assert clashes[1].message.startswith(f"'exhaustion in ms' reads the same as '{owner}' ({where}, "
                                         "ms_demyelination_symptoms): 'exhaustion' and ")
    assert "count as the same word; filler words are ignored (in)" in clashes[1].message
    assert "Fix: remove it from ms_fatigue or make it more specific" in clashes[1].message


def test_a_broken_front_matter_is_one_error_not_one_per_intent(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    article = root / "content" / "ms-immunity-and-treatment.md"
    text = edit(article, "title: How MS affects the immune system, and how it is treated",
                "title: How MS affects the immune system: and how it is treated")
    result = run_check(root)
    assert result.returncode == 1
    assert counted(result.stdout) == (1, 0)
    line = line_number(text, "title: How MS")
    assert f"content/ms-immunity-and-treatment.md:{line}: error: front matter: this text has ': ' in it" in result.stdout
    assert "unknown article" not in result.stdout


def test_a_misspelt_field_is_one_error_with_did_you_mean(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    text = edit(root / "intents.yaml", "  - id: ms_dmt\n", "  - id: ms_dmt\n    kind: topical\n")
    text = edit(root / "intents.yaml", "    kind: topical\n", "    knd: topical\n")
    result = run_check(root, "--quiet")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"intents.yaml:{line_number(text, 'knd: topical')}: error: "
                                          "intents[ms_dmt].knd: unknown field 'knd'. Did you mean 'kind'?"]


# -- content governance -----------------------------------------------------------------------


def test_review_warnings_overdue_changed_and_missing(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    article = root / "content" / "ms-immune-role.md"
    stamp_review(article, dt.date(2026, 11, 20), dt.date(2027, 11, 20), "MS nurse team")
    assert not [p for p in check_root(root, dt.date(2027, 1, 1)).problems
                if p.file == "content/ms-immune-role.md" and p.field in ("owner", "next_review", "digest")]

    overdue = [p for p in check_root(root, dt.date(2027, 11, 21)).problems if p.file == "content/ms-immune-role.md"]
    assert [(p.field, p.severity) for p in overdue if p.field == "next_review"] == [("next_review", "warning")]
    assert "review overdue since 2027-11-20 (last reviewed 2026-11-20)" in str(overdue)
    assert "python -m bot review ms-immune-role" in str(overdue)

    text = edit(article, "Multiple sclerosis (MS) is an autoimmune disease.", "MS is an autoimmune disease.")
    changed = [p for p in check_root(root, dt.date(2027, 1, 1)).problems if p.field == "digest"
               and p.file == "content/ms-immune-role.md"]
    assert len(changed) == 1 and "the text changed after its review on 2026-11-20" in changed[0].message
    assert changed[0].line == line_number(text, "digest:") and changed[0].severity == "warning"
    assert run_check(root).returncode == 0  # never an error: the text is still served


def test_articles_without_governance_fields_get_one_warning_each(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    article = root / "content" / "neuro-immune-link.md"
    text = article.read_text(encoding="utf-8")
    article.write_text("\n".join(line for line in text.split("\n")
                                 if not line.startswith(("next_review:", "owner:", "digest:"))), encoding="utf-8")
    found = {p.field: p for p in check_root(root, dt.date(2027, 1, 1)).problems
             if p.file == "content/neuro-immune-link.md" and p.field in ("owner", "next_review", "digest")}
    assert set(found) == {"owner", "next_review", "digest"}
    assert all(p.severity == "warning" for p in found.values())


def test_many_examples_landing_elsewhere_are_folded_per_intent(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    stray = ("what is refractory epilepsy", "what is drug resistant epilepsy", "refractory epilepsy meaning",
             "define refractory epilepsy", "refractory epilepsy explained")
    add_items(root / "intents.yaml", "ms_dmt", "examples", *stray)
    shown = [x for x in run_check(root, "--quiet").stdout.splitlines() if "intents[ms_dmt].examples" in x]
    every = [x for x in run_check(root, "--quiet", "--examples").stdout.splitlines()
             if "intents[ms_dmt].examples" in x]

    assert all(any(f"'{s}'" in x for x in every) for s in stray)
    assert len(shown) == EXAMPLES_SHOWN + 1 and shown[:-1] == every[:EXAMPLES_SHOWN]
    assert shown[-1] == f"intents.yaml: warning: intents[ms_dmt].examples: {len(every) - EXAMPLES_SHOWN} more of " \
        "its examples land on another intent"
    summary = run_check(root).stdout.splitlines()[-1]
    assert re.search(r"; \d+ of those not listed \(--examples lists every one\)", summary), summary
