import pickle
from pathlib import Path

import pytest
import yaml

from bot.content.articles import load_articles
from bot.content.intents import IntentFile, TextList, _parse_whole, parse_intents
from bot.content.yamlsource import split_block_list
from tests.helpers import REPO, line_number

ARTICLES, _ = load_articles(REPO / "content")
SHIPPED = (REPO / "intents.yaml").read_text(encoding="utf-8")

BASE = """version: 1
settings:
  threshold: 68
  ambiguity_margin: 6
intents:
  - id: ms_dmt
    article: ms-immunity-and-treatment
    section: disease-modifying-therapies
    keywords: [ms meds, ocrevus]
    examples: [a, b, c, d, e]
    follow_ups: [greeting]
  - id: greeting
    kind: smalltalk
    keywords: [hello]
    reply: Hi there.
  - id: emergency
    kind: safety
    keywords: [seizure wont stop]
  - id: crisis
    kind: safety
    keywords: [want to die]
  - id: medication_change
    kind: safety
    keywords: [stop my meds]
"""


def problems_of(text: str) -> list[tuple[str, int | None]]:
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None, "a broken file must not load"
    return [(p.field, p.line) for p in problems if p.severity == "error"]


def test_valid_file_loads() -> None:
    loaded, problems = parse_intents(BASE, ARTICLES)
    assert loaded is not None and [p for p in problems if p.severity == "error"] == []
    assert loaded.settings.threshold == 68
    assert loaded.by_id()["ms_dmt"].follow_ups == ("greeting",)


def test_formed_by_is_read_and_must_name_an_intent() -> None:
    text = BASE.replace("    follow_ups: [greeting]\n", "    follow_ups: [greeting]\n    formed_by: greeting\n", 1)
    loaded, _ = parse_intents(text, ARTICLES)
    assert loaded is not None and loaded.by_id()["ms_dmt"].formed_by == "greeting"
    _, problems = parse_intents(text.replace("formed_by: greeting", "formed_by: greting"), ARTICLES)
    assert any("unknown intent id 'greting'. Did you mean 'greeting'?" in p.message and p.severity == "error"
               for p in problems), problems


def test_about_medicines_is_read_and_off_by_default() -> None:
    text = BASE.replace("    follow_ups: [greeting]\n", "    follow_ups: [greeting]\n    about_medicines: true\n", 1)
    loaded, _ = parse_intents(text, ARTICLES)
    assert loaded is not None and loaded.by_id()["ms_dmt"].about_medicines is True
    base, _ = parse_intents(BASE, ARTICLES)
    assert base is not None and base.by_id()["ms_dmt"].about_medicines is False


def test_shipped_file_has_every_planned_id() -> None:
    loaded, problems = parse_intents(SHIPPED, ARTICLES)
    assert loaded is not None, problems
    plan = REPO / "docs" / "content-plan.md"  # the project's own copy: the suite needs nothing beside the checkout
    ids = {line.split("`")[1] for line in plan.read_text().splitlines() if line.startswith("| `")}
    ids = {i for i in ids if "-" not in i}  # article slugs have hyphens, intent ids do not
    # Planned in the current plan (copied from /work/shared on the package move) and being built on other
    # branches: they may be missing until those land, nothing else may.
    pending = {"handover", "seizure_first_aid"}
    assert len(ids) == 37 and ids - set(loaded.by_id()) <= pending


@pytest.mark.parametrize(
    ("old", "new", "field", "needle"),
    [
        ("article: ms-immunity-and-treatment", "article: ms-nonexistent", "intents[ms_dmt].article",
         "article: ms-nonexistent"),
        ("section: disease-modifying-therapies", "section: nope", "intents[ms_dmt].section", "section: nope"),
        ("keywords: [hello]", "keywords: []", "intents[greeting].keywords", "keywords: []"),
        ("follow_ups: [greeting]", "follow_ups: [ghost]", "intents[ms_dmt].follow_ups", "- id: ms_dmt"),
        ("threshold: 68", "threshold: 150", "settings.threshold", "threshold: 150"),
        ("ambiguity_margin: 6", "ambiguity_margin: many", "settings.ambiguity_margin", "ambiguity_margin"),
        ("kind: smalltalk", "kind: chit-chat", "intents[greeting].kind", "kind: chit-chat"),
    ],
)
def test_each_problem_names_field_and_line(old: str, new: str, field: str, needle: str) -> None:
    text = BASE.replace(old, new)
    assert (field, line_number(text, needle)) in problems_of(text)


def test_duplicate_ids_reported_with_both_lines() -> None:
    text = BASE + "  - id: greeting\n    kind: smalltalk\n    keywords: [hey]\n    reply: Hey.\n"
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None
    [duplicate] = [p for p in problems if "duplicate" in p.message]
    assert duplicate.line == len(BASE.splitlines()) + 1
    assert f"first defined on line {line_number(text, '- id: greeting')}" in duplicate.message


def test_yaml_syntax_error_reports_line() -> None:
    text = BASE.replace("keywords: [ms meds, ocrevus]", "keywords: [ms meds, ocrevus")
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None
    assert problems[0].field == "yaml" and problems[0].line is not None and problems[0].line >= 9


def test_all_problems_reported_not_only_the_first() -> None:
    text = BASE.replace("threshold: 68", "threshold: -1").replace("section: disease-modifying-therapies",
                                                                 "section: nope")
    fields = {f for f, _ in problems_of(text)}
    assert {"settings.threshold", "intents[ms_dmt].section"} <= fields


def test_missing_safety_intent_is_an_error() -> None:
    text = BASE.split("  - id: crisis")[0] + "  - id: medication_change\n    kind: safety\n    keywords: [x y]\n"
    assert ("intents", 5) in problems_of(text)


def test_problem_string_is_file_line_field() -> None:
    _, problems = parse_intents(BASE.replace("threshold: 68", "threshold: 150"), ARTICLES, "intents.yaml")
    assert str(problems[0]).startswith("intents.yaml:3: error: settings.threshold:")


def test_unreadable_file(tmp_path: Path) -> None:
    from bot.content.intents import load_intents

    loaded, problems = load_intents(tmp_path / "missing.yaml", ARTICLES)
    assert loaded is None and problems[0].field == "file"


# -- item by item: a reload parses only the intents that changed ------------------------------


def fields(loaded: IntentFile | None) -> list[tuple[object, ...]]:
    assert loaded is not None
    return [(i.id, i.kind, i.keywords, i.examples, i.article, i.section, i.label, i.follow_ups, i.reply, i.line)
            for i in loaded.intents]


def test_split_block_list_keeps_line_numbers() -> None:
    text = "settings:\n  threshold: 68\nintents:\n# about MS\n- id: a\n  keywords: [x]\n\n- id: b\n  # note\n" \
           "  keywords:\n  - y\nlater: 1\n"
    split = split_block_list(text, "intents")
    assert split is not None
    assert [start for start, _ in split.items] == [4, 7]
    assert split.items[1][1] == "- id: b\n  # note\n  keywords:\n  - y"
    assert split.header.splitlines()[1] == "  threshold: 68" and split.header.splitlines()[11] == "later: 1"
    assert split_block_list("intents: [{id: a}]\n", "intents") is None  # a flow list: parsed whole
    assert split_block_list("intents:\n\t- id: a\n", "intents") is None


def test_items_parse_like_the_whole_file() -> None:
    loaded, _ = parse_intents(SHIPPED, ARTICLES)
    assert loaded is not None and len(loaded.parsed) == len(loaded.intents)  # the item-by-item way was taken
    header, whole = _parse_whole(SHIPPED, "intents.yaml")
    assert whole is not None
    assert fields(loaded) == [(i.id, i.kind, i.keywords, i.examples, i.article, i.section, i.label, i.follow_ups,
                               i.reply, i.line) for _, _, item in whole if (i := item.intent)]
    assert loaded.settings.threshold == header["settings"]["threshold"]


def test_a_reload_reuses_unchanged_items_and_keeps_every_line_right() -> None:
    first, _ = parse_intents(SHIPPED, ARTICLES)
    assert first is not None
    edited = SHIPPED.replace("      - what is epilepsy\n", "      - what is epilepsy\n      - epilepsy basics\n", 1)
    second, _ = parse_intents(edited, ARTICLES, previous=first)
    assert fields(second) == fields(parse_intents(edited, ARTICLES)[0])  # as if parsed from scratch
    assert second is not None and second.by_id()["ms_dmt"].line == line_number(edited, "- id: ms_dmt")
    before, after = first.by_id(), second.by_id()
    parsed_again = [i for i in after if after[i].keywords is not before[i].keywords]  # a reused item shares them
    assert parsed_again == ["epilepsy_overview"]  # only the edited intent
    broken = edited.replace("section: disease-modifying-therapies", "section: nope", 1)
    assert parse_intents(broken, ARTICLES, previous=second)[0] is None
    assert ("intents[ms_dmt].section", line_number(broken, "section: nope")) in problems_of(broken)
    _, problems = parse_intents(broken, ARTICLES, previous=second)
    assert [(p.field, p.line) for p in problems] == [(p.field, p.line) for p in parse_intents(broken, ARTICLES)[1]]


def test_an_alias_to_another_item_is_read_from_the_whole_file() -> None:
    text = BASE.replace("keywords: [hello]", "keywords: &hi [hello]") + \
        "  - id: hey\n    kind: smalltalk\n    keywords: *hi\n    reply: Hey.\n"
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is not None, problems
    assert loaded.by_id()["hey"].keywords == ("hello",) and loaded.parsed == {}  # parsed whole


def test_a_flow_style_file_loads_the_same() -> None:
    flow = yaml.safe_dump(yaml.safe_load(BASE), default_flow_style=True, width=10_000)
    assert "\n  - " not in flow
    loaded, problems = parse_intents(flow, ARTICLES)
    assert loaded is not None, problems
    assert [i.id for i in loaded.intents] == ["ms_dmt", "greeting", "emergency", "crisis", "medication_change"]


def test_windows_line_endings_and_a_last_line_without_newline_load_the_same() -> None:
    for text in (BASE.replace("\n", "\r\n"), BASE.rstrip("\n")):
        loaded, problems = parse_intents(text, ARTICLES)
        assert loaded is not None and len(loaded.parsed) == 5, problems  # item by item
        assert fields(loaded) == fields(parse_intents(BASE, ARTICLES)[0])


def test_keywords_read_like_a_tuple_but_are_kept_as_one_string() -> None:
    texts = TextList(["ms meds", "ocrevus", "dmt"])
    assert (len(texts), texts[0], texts[-1], texts[1:], list(texts)) == (3, "ms meds", "dmt", ("ocrevus", "dmt"),
                                                                         ["ms meds", "ocrevus", "dmt"])
    assert texts == ("ms meds", "ocrevus", "dmt") and texts == TextList(iter(texts)) and texts != ("ms meds",)
    assert "ocrevus" in texts and "ms" not in texts and texts.index("dmt") == 2
    assert pickle.loads(pickle.dumps(texts)) == texts and hash(texts) == hash(TextList(texts))
    assert len(TextList()) == 0 and list(TextList()) == [] and TextList() == ()
    assert TextList([""]) == ("",) and len(TextList([""])) == 1  # one empty text is not no text
    with pytest.raises(ValueError):
        TextList(["two\nlines"])
    loaded, _ = parse_intents(BASE, ARTICLES)
    assert loaded is not None and isinstance(loaded.by_id()["ms_dmt"].keywords, TextList)


# -- severity matches the harm; one root error, with did-you-mean ------------------------------


def test_too_few_examples_is_a_warning_and_the_file_loads() -> None:
    text = BASE.replace("examples: [a, b, c, d, e]", "examples: [a, b]")
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is not None
    [warning] = problems
    assert (warning.severity, warning.field, warning.line) == ("warning", "intents[ms_dmt].examples",
                                                               line_number(text, "examples: [a, b]"))
    assert "has 2 example(s)" in warning.message


def test_a_misspelt_required_field_is_one_error_with_did_you_mean() -> None:
    text = BASE.replace("keywords: [ms meds, ocrevus]", "keyword: [ms meds, ocrevus]")
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None
    assert [(p.severity, p.field, p.line) for p in problems] == [
        ("error", "intents[ms_dmt].keyword", line_number(text, "keyword: [ms"))]  # not also "no keywords"
    assert problems[0].message == "unknown field 'keyword'. Did you mean 'keywords'?"


def test_a_misspelt_optional_field_is_one_warning() -> None:
    text = BASE.replace("examples: [a, b, c, d, e]", "exampels: [a, b, c, d, e]")
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is not None
    assert [(p.severity, p.message) for p in problems] == [
        ("warning", "unknown field 'exampels'. Did you mean 'examples'?")]  # not also "has 0 examples"


def test_an_unknown_field_like_nothing_is_ignored_with_the_list_of_fields() -> None:
    loaded, problems = parse_intents(BASE.replace("    reply: Hi there.\n", "    reply: Hi there.\n    zzz: 1\n"),
                                     ARTICLES)
    assert loaded is not None
    assert problems[0].severity == "warning" and "unknown field 'zzz' (ignored). The fields are:" in problems[0].message


@pytest.mark.parametrize(("old", "new", "message"), [
    ("article: ms-immunity-and-treatment", "article: ms-immunity-and-treatmnt",
     "unknown article 'ms-immunity-and-treatmnt'. Did you mean 'ms-immunity-and-treatment'?"),
    ("section: disease-modifying-therapies", "section: disease-modifying-therapy",
     "has no section 'disease-modifying-therapy'. Did you mean 'disease-modifying-therapies'?"),
    ("follow_ups: [greeting]", "follow_ups: [greting]", "unknown intent id 'greting'. Did you mean 'greeting'?"),
])
def test_unknown_names_come_with_did_you_mean(old: str, new: str, message: str) -> None:
    _, problems = parse_intents(BASE.replace(old, new), ARTICLES)
    assert any(message in p.message and p.severity == "error" for p in problems), problems


def test_an_intent_with_its_own_error_is_not_reported_again_by_follow_ups_to_it() -> None:
    text = BASE.replace("kind: smalltalk", "kind: chit-chat")  # greeting is dropped; ms_dmt follows up to it
    _, problems = parse_intents(text, ARTICLES)
    assert [p.field for p in problems] == ["intents[greeting].kind"]


def test_intents_pointing_at_a_broken_article_are_not_reported_again() -> None:
    articles = {slug: a for slug, a in ARTICLES.items() if slug != "ms-immunity-and-treatment"}
    _, alone = parse_intents(BASE, articles)
    assert [p.field for p in alone] == ["intents[ms_dmt].article"]  # a missing file: reported here
    _, problems = parse_intents(BASE, articles, broken=frozenset({"ms-immunity-and-treatment"}))
    assert problems == []  # the article's own error is the one to fix (and it blocks the load)


def test_a_text_with_colon_space_in_a_list_is_named_as_such() -> None:
    text = BASE.replace("keywords: [hello]", "keywords:\n      - hello: there")
    _, problems = parse_intents(text, ARTICLES)
    assert any("has ': ' in it" in p.message and p.line == line_number(text, "- hello: there") for p in problems)


def test_a_field_written_twice_is_an_error_not_silently_the_last() -> None:
    text = BASE.replace("    reply: Hi there.\n", "    reply: Hi there.\n    reply: Hello.\n")
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None
    [problem] = problems
    assert problem.line == line_number(text, "reply: Hello.") and "the field 'reply' is written twice" in \
        problem.message and f"first on line {line_number(text, 'reply: Hi there.')}" in problem.message


def test_the_handover_intent_is_one_kind_with_one_id() -> None:
    handover = """
  - id: handover
    kind: handover
    keywords: [talk to a person]
    examples: [a, b, c, d, e]
"""
    loaded, problems = parse_intents(BASE + handover, ARTICLES)
    assert loaded is not None and loaded.by_id()["handover"].kind == "handover", problems
    assert ("intents[talk].kind", 27) in problems_of(BASE + handover.replace("id: handover", "id: talk"))
    few, problems = parse_intents(BASE + handover.replace("[a, b, c, d, e]", "[a]"), ARTICLES)
    assert few is not None  # too few examples is a content warning, as for topical intents
    assert [(p.field, p.severity) for p in problems if p.field.endswith(".examples")] == [
        ("intents[handover].examples", "warning")]
    shipped, _ = parse_intents(SHIPPED, ARTICLES)
    assert shipped is not None and len(shipped.by_id()["handover"].examples) >= 5


def test_texts_in_a_list_are_squeezed_and_a_blank_one_is_named() -> None:
    """Lists of plain texts take a shortcut: spaces are still squeezed, and a blank item in one is still reported
    with its line, as are numbers (read as texts) and empty items."""
    text = BASE.replace("keywords: [ms meds, ocrevus]", 'keywords: ["  ms   meds ", ocrevus, 42]')
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is not None and loaded.by_id()["ms_dmt"].keywords == ("ms meds", "ocrevus", "42"), problems
    blank = BASE.replace("keywords: [ms meds, ocrevus]", 'keywords:\n      - ms meds\n      - "   "')
    assert ("intents[ms_dmt].keywords", line_number(blank, '- "   "')) in problems_of(blank)
    assert all("is empty" in p.message for p in parse_intents(blank, ARTICLES)[1] if p.field == "intents[ms_dmt].keywords")


def test_needs_one_of_is_read_for_topical_intents_only() -> None:
    text = BASE.replace("follow_ups: [greeting]", "follow_ups: [greeting]\n    needs_one_of: [ms, relapse]")
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is not None and loaded.by_id()["ms_dmt"].needs_one_of == ("ms", "relapse"), problems
    smalltalk = BASE.replace("keywords: [hello]", "keywords: [hello]\n    needs_one_of: [ms]")
    assert any(field == "intents[greeting].needs_one_of" for field, _ in problems_of(smalltalk))
