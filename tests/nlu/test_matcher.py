"""The fuzzy matcher on its own: small hand-made intent sets, plus a few questions against the shipped file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.content.intent import Intent, Kind, MatchSettings
from bot.content.knowledge import Library, build_knowledge
from bot.core.decide import match_text
from bot.core.engine import Engine
from bot.nlu.matcher import (
    EXAMPLE_LEAD,
    KEYWORD_LEAD,
    Candidate,
    Matcher,
    _KeywordReader,
    _typed_words,
    index_words,
    match_words,
    max_edits,
    stem,
)
from bot.nlu.message import Message
from tests.helpers import REPO
from tools.synthetic import generate

SETTINGS = MatchSettings(threshold=68, ambiguity_margin=6)


def intent(intent_id: str, *keywords: str, kind: Kind = "topical") -> Intent:
    return Intent(id=intent_id, kind=kind, keywords=keywords)


INTENTS = [
    intent("ms_overview", "ms", "what is multiple sclerosis", "ms explained"),
    intent("ms_dmt", "ms meds", "disease modifying therapy", "ocrelizumab", "what slows down ms", "dmt"),
    intent("ms_symptoms", "ms symptoms", "numbness", "pins and needles", "ms fatigue"),
    intent("ms_bladder", "bladder problems", "needing to pee", "ms bladder"),
    intent("ms_stem_cells", "stem cells", "hsct", "stem cell transplant ms"),
    intent("epilepsy_overview", "epilepsy", "what is a seizure", "epilepsy seizures"),
    intent("epilepsy_immunotherapy", "immunotherapy", "immunotherapy for epilepsy", "antibody test epilepsy"),
    intent("epilepsy_treatments", "vns", "ketogenic diet", "epilepsy surgery"),
    intent("epilepsy_genetics", "genetic epilepsy", "gene testing epilepsy"),
    intent("epilepsy_causes", "what causes epilepsy", "infection and epilepsy"),
    intent("greeting", "hello", "hi", kind="smalltalk"),
    intent("thanks", "thanks", "thank you", kind="smalltalk"),
    intent("emergency", "seizure wont stop", kind="safety"),
    intent("oos_tech", "ms word", "ms excel", "microsoft", kind="out_of_scope"),
    intent("oos_other", "knee", "diabetes", "covid", kind="out_of_scope"),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(INTENTS, SETTINGS)


def decided(matcher: Matcher, text: str) -> str | None:
    """The intent the matcher settles on, or None (fallback or ambiguous)."""
    return match_text(matcher, text).intent_id


# -- words: normalising, stems, phrases, synonyms ----------------------------------------------------


def test_word_forms_meet() -> None:
    assert stem("treated") == stem("treatment") == stem("treating") == stem("treat")
    assert stem("caused") == stem("causes") == stem("cause")
    assert stem("seizures") == stem("seizure")
    assert stem("stiffness") == stem("stiff")
    assert stem("therapies") == stem("therapy")
    assert stem("stopped") == stem("stop")
    assert stem("ms") == "ms" and stem("vns") == "vns"  # short words are left alone


def test_filler_and_numbers_are_dropped_but_a_message_of_filler_is_kept() -> None:
    assert match_words("My husband is 34, what is MS exactly?") == ["ms"]
    assert match_words("what can you do") == ["what", "can", "you", "do"]


def test_spelled_out_terms_fold_into_their_abbreviation_typos_included() -> None:
    assert match_words("multipel sclerosys drugs") == ["ms", "drug"]
    assert match_words("vagus nerve stimulater") == ["vns"]
    assert match_words("drug-resistant epilepsy") == ["refractory", "epilepsy"]
    assert match_words("multiple seizures") == [stem("multiple"), stem("seizures")]  # no fold without the pair


def test_abbreviation_and_long_form_match_each_other(matcher: Matcher) -> None:
    assert decided(matcher, "what is multiple sclerosis") == "ms_overview"
    assert decided(matcher, "does vagus nerve stimulation work") == "epilepsy_treatments"


def test_synonyms_match_each_other(matcher: Matcher) -> None:
    assert decided(matcher, "fits") == "epilepsy_overview"  # keyword says "seizure"
    assert decided(matcher, "ms tablets") == "ms_dmt"  # keyword says "meds"
    assert decided(matcher, "ms and needing to wee") == "ms_bladder"  # keyword says "pee"


# -- typos and the deletion index ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("ocrelizumabb", "ms_dmt"),  # one letter too many
    ("ocrelizmab", "ms_dmt"),  # one missing
    ("orcelizumab", "ms_dmt"),  # two swapped
    ("imunotherapy for epilepsey", "epilepsy_immunotherapy"),
    ("ketogentic diet", "epilepsy_treatments"),
])
def test_typos_are_tolerated(matcher: Matcher, text: str, expected: str) -> None:
    assert decided(matcher, text) == expected


def test_a_typo_that_stops_stemming_is_still_found(matcher: Matcher) -> None:
    assert stem("numnbess") == "numnbess"  # the slip hides the "-ness" ending...
    assert decided(matcher, "numnbess") == "ms_symptoms"  # ...but it is one swap from "numbness" as typed


def test_short_words_must_match_exactly(matcher: Matcher) -> None:
    assert max_edits("ms") == max_edits("vns") == max_edits("hsct") == 0
    assert decided(matcher, "vnz") is None
    assert match_text(matcher, "mz").candidates == ()


def test_a_typo_does_not_change_the_first_letter() -> None:
    matcher = Matcher([intent("bladder", "peeing a lot")], SETTINGS)
    assert matcher.score("seeing a lot") == []  # "seeing" is a word of its own, not a typo of "peeing"


def test_a_word_spelled_as_a_vocabulary_word_is_no_typo_of_another() -> None:
    matcher = Matcher([intent("complementary", "meditation ms"), intent("meds", "medication")], SETTINGS)
    assert [c.intent_id for c in matcher.score("is there medication for ms fatigue")] == ["meds"]
    assert matcher.score("medittion ms")[0].intent_id == "complementary"  # a real typo still finds it


def test_deletion_index_finds_typos_without_scanning_the_vocabulary(matcher: Matcher) -> None:
    index = matcher._index
    ocrelizumab = index.vocab["ocrelizumab"]
    assert "ocrelizumab" in index.near("ocrelizmab")  # the keyword word minus one letter is filed
    assert "ocrelizumab" in index.near("ocrelzmab")  # ...and minus two (it is long enough for two typos)
    assert "ocrelizumab" not in index.near("ocrezmab")
    found = dict(matcher._lookup_word("ocrelizmab", 2))
    assert found[ocrelizumab] == pytest.approx(92.0)  # one edit costs 8
    assert dict(matcher._lookup_word("ocrelizumab", 2))[ocrelizumab] == 100.0
    assert matcher._lookup_word("ocrelizmab", 0) == ()  # looked up exactly: no typo allowed
    assert matcher._lookup_word("zzzzzzzz", 2) == ()


def test_a_keyword_is_filed_under_its_rarest_word_only() -> None:
    many = [intent(f"ms_topic_{n}", f"ms topic{n}") for n in range(50)]
    matcher = Matcher([intent("ms_overview", "ms"), *many], SETTINGS)
    index = matcher._index
    under_ms = index.postings[index.vocab["ms"]]
    assert [matcher.keyword_text(k) for k in under_ms] == ["ms"]  # not the 50 "ms topicN" keywords
    assert decided(matcher, "ms topic7") == "ms_topic_7"


def test_matching_cost_does_not_grow_with_the_number_of_intents() -> None:
    """Counts the keywords a message makes the matcher look at (work, not seconds: no timing here)."""
    rng = random.Random(7)

    def name() -> str:  # a made-up medicine or condition name
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(3, 5)))

    many = [intent(f"topic_{n}", f"{name()} side effects", f"{name()} treatment", name()) for n in range(10_000)]
    small = Matcher(INTENTS, SETTINGS)
    large = Matcher([*INTENTS, *many], SETTINGS)
    assert decided(large, "ms meds") == "ms_dmt"
    for question in ("ms meds", "side effects of treatment for ms", "multipel sclerosys drugs"):
        assert large.keywords_reached(question) <= small.keywords_reached(question) + 2, question
    made_up = many[123].keywords[0].split()[0]
    assert large.keywords_reached(f"{made_up} side effects") <= 3


# -- scoring, threshold and ambiguity --------------------------------------------------------------


def test_more_explained_words_win_over_a_generic_keyword(matcher: Matcher) -> None:
    match = match_text(matcher, "MS meds")
    assert match.status == "matched" and match.intent_id == "ms_dmt"
    assert len(match.candidates) > 1 and match.candidates[1].intent_id == "ms_overview"


def test_specific_word_beats_the_disease_name(matcher: Matcher) -> None:
    assert decided(matcher, "hsct multiple sclerosis") == "ms_stem_cells"


def test_unknown_words_around_a_generic_keyword_fall_below_threshold(matcher: Matcher) -> None:
    match = match_text(matcher, "how to convert ms to seconds")
    assert match.status == "fallback" and match.reason == "below threshold"
    assert decided(matcher, "ms explained please") == "ms_overview"  # filler words cost nothing


def test_threshold_comes_from_settings() -> None:
    strict = Matcher(INTENTS, MatchSettings(threshold=80, ambiguity_margin=6))
    assert match_text(strict, "ocrelizumab").status == "matched"  # 85 for one exact word
    weak = match_text(strict, "ocrelizmab")  # a typo costs 8 %: 78, under this threshold
    assert weak.status == "ambiguous" and weak.options == ("ms_dmt",)  # weak but plausible: "Did you mean"
    stricter = Matcher(INTENTS, MatchSettings(threshold=90, ambiguity_margin=6))
    assert match_text(stricter, "ocrelizmab").status == "fallback"  # too far under: not even offered


def test_a_weak_best_topic_that_explains_little_is_not_offered(matcher: Matcher) -> None:
    # "ms" is a weak clue beside two words no intent knows: no "Did you mean" about MS
    assert match_text(matcher, "how to convert ms to seconds").status == "fallback"


def test_close_intents_with_their_own_words_are_ambiguous(matcher: Matcher) -> None:
    match = match_text(matcher, "genetic epilepsy infection")
    assert match.status == "ambiguous"
    assert {c.intent_id for c in match.candidates[:2]} == {"epilepsy_genetics", "epilepsy_causes"}
    assert set(match.options) == {"epilepsy_genetics", "epilepsy_causes"}  # what "Did you mean" offers


def test_smalltalk_only_answers_a_whole_message(matcher: Matcher) -> None:
    assert decided(matcher, "hello") == "greeting"
    assert decided(matcher, "hi") == "greeting"  # a filler word on its own is still read
    assert decided(matcher, "hello, what are the ms meds") == "ms_dmt"
    assert decided(matcher, "thanks") == "thanks"
    assert decided(matcher, "epilepsy surgery thanks") == "epilepsy_treatments"


def test_smalltalk_keyword_needs_most_of_its_filler_words() -> None:
    # Matching drops filler words, so "see you" reads as "see" and "i'm done" as "done"; a message without
    # them is not a goodbye ("I see", "what can be done")
    goodbye = Matcher([intent("goodbye", "see you", "see ya", "i'm done", kind="smalltalk"),
                       intent("help", "how does this work", kind="smalltalk")], SETTINGS)
    assert decided(goodbye, "see you") == "goodbye"
    assert decided(goodbye, "see ya") == "goodbye"  # its own keyword, not "see you" with a filler missing
    assert decided(goodbye, "I see") is None
    assert decided(goodbye, "what can be done") is None
    assert decided(goodbye, "how does it work") == "help"  # two of its three fillers: enough


def test_handover_keyword_needs_its_filler_words_too() -> None:
    # "not a bot" reads as "not" and "actual person" as "actual": without "bot" or "person" (an article does
    # not count) the message asks no human for anything
    human = Matcher([intent("handover", "not a bot", "actual person", "talk to someone today", kind="handover")],
                    SETTINGS)
    assert decided(human, "i want a real person not a bot") == "handover"
    assert decided(human, "can i talk to an actual person") == "handover"
    assert decided(human, "why would they not work") is None
    assert decided(human, "what if hes not a candidate") is None
    assert decided(human, "what is the immune system actually attacking") is None
    assert decided(human, "is it serious today") is None


def test_safety_intents_are_not_matched_here(matcher: Matcher) -> None:
    assert all(c.intent_id != "emergency" for c in matcher.score("seizure wont stop"))


def test_an_intent_about_one_disease_does_not_answer_the_other(matcher: Matcher) -> None:
    assert decided(matcher, "immunotherapy for epilepsy") == "epilepsy_immunotherapy"
    assert decided(matcher, "immunotherapy for ms") is None  # not the epilepsy text


# -- out of scope ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "ms word keeps crashing",  # the out-of-scope intent wins outright
    "ms excel formula",
    "stem cells for knee injury",  # a topical keyword, but the message is about a knee
    "hsct after covid",
    "diabetes",
])
def test_out_of_scope_gets_the_fallback(matcher: Matcher, text: str) -> None:
    match = match_text(matcher, text)
    assert match.status == "fallback" and match.reason == "out of scope", match


def test_a_passing_out_of_scope_word_in_a_long_question_does_not_block_the_answer(matcher: Matcher) -> None:
    text = ("I was diagnosed with multiple sclerosis two years ago, after a knee operation, and now my "
            "neurologist says I should think about stem cells. Is a stem cell transplant a real option for ms?")
    assert decided(matcher, text) == "ms_stem_cells"


def test_an_out_of_scope_keyword_with_a_typo_does_not_overrule_a_topical_answer(matcher: Matcher) -> None:
    assert decided(matcher, "stem cells diabetis") == "ms_stem_cells"


# -- duplicates ------------------------------------------------------------------------------------


def test_keywords_that_read_the_same_are_kept_once_and_reported() -> None:
    matcher = Matcher([intent("ms_overview", "ms", "what is ms"),
                       intent("ms_causes", "how do you get ms", "ms causes")], SETTINGS)
    assert matcher.shadowed == [("ms_causes", "how do you get ms", "ms_overview")]
    assert decided(matcher, "how do you get ms") == "ms_overview"  # the first intent keeps it
    assert decided(matcher, "what causes ms") == "ms_causes"


def test_synonym_keywords_count_as_duplicates() -> None:
    matcher = Matcher([intent("a", "epileptic fits"), intent("b", "epileptic seizures")], SETTINGS)
    assert matcher.shadowed == [("b", "epileptic seizures", "a")]


# -- the shipped intents.yaml ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Engine:
    return Engine(Library(REPO), "https://example.org")


@pytest.mark.parametrize("text", ["multipel sclerosys drugs", "MS meds", "what slows down ms",
                                  "how is ms treated", "ocrevus"])
def test_shipped_ms_medicine_questions(shipped: Engine, text: str) -> None:
    assert shipped.respond(text).intent_id == "ms_dmt"


@pytest.mark.parametrize(("text", "expected"), [
    ("ms stiffness", "ms_symptomatic_treatment"),
    ("ms flare up", "ms_relapsing_remitting"),
    ("what is a vagus nerve stimulator", "refractory_treatments"),
    ("fisio for multiple sclerosis", "ms_rehabilitation"),
])
def test_shipped_lay_terms(shipped: Engine, text: str, expected: str) -> None:
    assert shipped.respond(text).intent_id == expected


@pytest.mark.parametrize("text", ["ms word keeps crashing", "how do i install ms office", "my dog has fits",
                                  "what does a seizure feel like", "yoga for knee pain"])
def test_shipped_out_of_scope(shipped: Engine, text: str) -> None:
    assert shipped.respond(text).kind == "fallback"


def test_shipped_follow_up_borrows_the_last_topic(shipped: Engine) -> None:
    first = shipped.respond("what is ms")
    follow = shipped.respond("and how is it treated?", first.context)
    assert follow.intent_id == "ms_dmt" and follow.used_context
    other = shipped.respond("what is epilepsy", first.context)
    assert other.intent_id == "epilepsy_overview"  # a question with its own subject keeps it


def test_keywords_read_word_by_word_as_messages_are(tmp_path: Path) -> None:
    """The loader's word-by-word shortcut must read every keyword exactly as a message is read."""
    generate(tmp_path, 300, messages=10)
    knowledge, _ = build_knowledge(tmp_path)
    assert knowledge is not None
    keywords = [k for i in knowledge.intents.values() for k in i.keywords]
    keywords += ["multiple sclerosis", "dont stop", "soooo tired", "phone epilepsy", "the and of", "2024 12",
                 "Hard To Treat", "ms's", "  spaced   out  "]
    read = _KeywordReader()
    assert [read(k) for k in keywords] == [_typed_words(k) for k in keywords]


def test_texts_read_word_by_word_as_messages_are(tmp_path: Path) -> None:
    """The same shortcut reads the second signal's examples, labels and section texts (punctuation, capitals,
    accents, markup, past `clean`'s length limit) exactly as `_typed_words` does."""
    generate(tmp_path, 300, messages=10)
    knowledge, _ = build_knowledge(tmp_path)
    assert knowledge is not None
    texts = [e for i in knowledge.intents.values() for e in (*i.examples, i.label)]
    texts += [t for a in knowledge.articles.values() for s in a.sections for t in (s.heading, s.text)]
    texts += ["Don't STOP!!", "Caf\u00e9 <b>seizures</b> &amp; fits", "The And, Of?", "Multiple   Sclerosis's",
              "phenytoin\u2019s dose", "word " * 600, "numbness. " * 300]
    texts += ["multiple sclerosis and multiple sclerosys", "ms ms fits fits seizures", "the the and"]
    read = _KeywordReader()
    assert [read(t) for t in texts] == [_typed_words(t) for t in texts]
    assert [read.index_words(t) for t in texts] == [index_words(t) for t in texts]


# -- bounded work, whatever the message holds ----------------------------------------------------------


def adversarial(library: Library) -> dict[str, str]:
    from tools.adversarial import adversarial_messages

    return adversarial_messages(kw for i in library.current.intents.values() for kw in i.keywords)


def test_a_huge_word_is_looked_up_exactly_with_little_memory() -> None:
    import tracemalloc

    from tools.adversarial import _random_word

    library = Library(REPO)
    word = _random_word(random.Random(3), 4096)
    assert max_edits(word) == 0 and max_edits(word[:30]) == 2
    tracemalloc.start()
    try:
        match_text(library.current.matcher, word)  # before the cap: every 2-letter deletion, 8 million strings, 3.8 GB
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


def test_a_huge_keyword_word_is_filed_exactly() -> None:
    from tools.adversarial import _random_word

    word = _random_word(random.Random(4), 3000)
    matcher = Matcher([intent("odd", f"ms {word}"), *INTENTS], SETTINGS)
    assert len(matcher._index.variant_keys) < 2000  # not the 4.5 million deletion variants of that word
    assert decided(matcher, f"ms {word}") == "odd"


def test_typo_work_per_message_is_capped(library: Library) -> None:
    from bot.nlu.matcher import MAX_MATCH_WORDS, TYPO_VARIANT_BUDGET, _typed_words

    matcher = library.current.matcher
    for name, text in adversarial(library).items():
        assert matcher.typo_variants(text) <= TYPO_VARIANT_BUDGET, name
        assert len(matcher._lookups(_typed_words(text))) <= MAX_MATCH_WORDS, name
        match_text(matcher, text)
    # an ordinary question keeps its full typo tolerance
    plan = matcher._lookups(_typed_words("my husbands speach is slurry and his legs feel numbb since his relapse"))
    assert all(edits == max_edits(spelling) for _, spellings in plan for spelling, edits in spellings)


def test_keywords_reached_are_the_same_whichever_way_pairs_are_walked(library: Library) -> None:
    index = library.current.matcher._index
    rng = random.Random(5)
    words = list(range(len(index.words)))
    place = {key: at for at, key in enumerate(index.pair_keys)}
    for size in (1, 2, 5, 40, 400):
        ids = rng.sample(words, min(size, len(words)))
        brute = set()
        for word in ids:
            brute.update(index.postings.get(word, ()))
        for first in ids:
            for other in ids:
                if (at := place.get(first * len(index.words) + other)) is not None:
                    brute.update(index.pair_keywords[index.pair_starts[at]:index.pair_starts[at + 1]])
        assert index.reached(ids) == brute


def test_keywords_with_enough_words_are_those_a_full_reading_keeps(library: Library) -> None:
    """`enough` counts a keyword's words by the pairs that found it; reading every word must agree."""
    index = library.current.matcher._index
    rng = random.Random(7)
    words = list(range(len(index.words)))
    kept_some = False
    for size in (1, 2, 3, 5, 8, 40):
        for _ in range(20):
            ids = set(rng.sample(words, min(size, len(words))))
            full = sorted(k for k in index.reached(ids) if sum(
                w in ids for w in index.keyword_words[index.keyword_starts[k]:index.keyword_starts[k + 1]])
                >= index.keyword_required[k])
            assert index.enough(ids) == full
            kept_some |= bool(full) and len(full) < len(index.reached(ids))
    assert kept_some  # the sample had keywords reached without enough words, so the filter was tested


# -- the second signal: examples, labels and section text --------------------------------------------------


def with_examples(intent_id: str, keywords: tuple[str, ...], examples: tuple[str, ...], kind: Kind = "topical",
                  article: str | None = None, section: str | None = None) -> Intent:
    return Intent(id=intent_id, kind=kind, keywords=keywords, examples=examples, article=article, section=section)


EXAMPLE_INTENTS = [
    with_examples("gut_brain", ("microbiota",), ("does my gut affect my brain", "gut bacteria and mood",
                                                 "can my stomach change how my brain works"), article="a", section="gut"),
    with_examples("ms_causes", ("what causes ms",), ("why do people get ms", "is ms inherited",
                                                     "genes and environment in ms"), article="a", section="causes"),
    with_examples("lupus", ("lupus",), ("can lupus affect the nerves", "lupus and memory problems"),
                  article="a", section="lupus"),
    with_examples("greeting", ("hello",), (), kind="smalltalk"),
    # other topics, so that word rarity means something, as in a real file
    *(with_examples(f"topic_{n}", (f"subject{n}",), (f"what is subject{n}", f"subject{n} {w} treatment",
                                                     f"living with subject{n} and {w}"))
      for n, w in enumerate(("sleep", "work", "diet", "exercise", "travel", "school", "money", "family", "sport",
                             "music", "driving", "holidays"))),
]
SECTIONS = {("a", "gut"): ("The gut-brain axis", "The gut and the brain talk through nerves and chemicals."),
            ("a", "causes"): ("What causes MS", "Genes and the environment both play a part."),
            ("a", "lupus"): ("Lupus and the nerves", "Lupus can affect the brain and nerves.")}


@pytest.fixture(scope="module")
def example_matcher() -> Matcher:
    return Matcher(EXAMPLE_INTENTS, SETTINGS, SECTIONS)


def test_a_paraphrase_without_keywords_is_found_through_the_examples(example_matcher: Matcher) -> None:
    match = match_text(example_matcher, "could my intestines change how my brain works")  # "intestine" is "gut"
    assert match.status == "matched" and match.intent_id == "gut_brain"
    best = match.candidates[0]
    assert best.keyword_score == 0.0 and best.example_score >= SETTINGS.threshold
    keywords_only = Matcher([with_examples(i.id, tuple(i.keywords), (), i.kind) for i in EXAMPLE_INTENTS], SETTINGS)
    assert match_text(keywords_only, "could my intestines change how my brain works").status == "fallback"


def test_the_section_heading_and_text_count_too(example_matcher: Matcher) -> None:
    assert match_text(example_matcher, "how do the gut and the brain talk").intent_id == "gut_brain"


def test_the_example_score_is_on_the_keyword_scale() -> None:
    from bot.nlu.matcher import EXAMPLE_COVERAGE_AT_THRESHOLD, example_points

    assert example_points(EXAMPLE_COVERAGE_AT_THRESHOLD, 68) == 68  # the threshold means the same for both
    assert example_points(1.0, 68) > 68 > example_points(0.5, 68)
    assert example_points(0.0, 68) >= 0 and example_points(1.0, 68) <= 100


SECTIONS_OF_ONE_ARTICLE = Matcher([with_examples("r_what", ("resistant epilepsy",), (), article="r"),
                                   with_examples("r_options", ("surgery",), (), article="r"),
                                   with_examples("m_what", ("ms myelin",), (), article="m"),
                                   with_examples("i_what", ("epilepsy immunotherapy",), (), article="i"),
                                   with_examples("x_what", ("lupus",), (), article="x")], SETTINGS)


def _ranked(first: tuple[str, float, float], second: tuple[str, float, float]) -> list[tuple[str, float]]:
    """(id, keyword score, example score) of the keywords' choice and of a rival: the order, with scores."""
    found = [Candidate(i, max(k, e), i, "topical", (i, "epilepsy"), keyword_score=k, example_score=e)
             for i, k, e in (first, second)]
    return [(c.intent_id, c.score) for c in SECTIONS_OF_ONE_ARTICLE._within_article(found)]


def test_within_one_article_the_examples_clear_choice_leads() -> None:
    """ "what are the options if the meds don't work": the article's subject finds its definition by keyword,
    the examples find its treatment section; the examples' choice takes the lead (and its score)."""
    assert _ranked(("r_what", 90.0, 50.0), ("r_options", 60.0, 50.0 + EXAMPLE_LEAD)) == [
        ("r_options", 90.0), ("r_what", 65.0)]


def test_within_one_disease_the_examples_clear_choice_leads_too() -> None:
    """ "can immunotherapy work for epilepsy that doesn't respond to meds": the disease's words find the
    definition of drug resistance by keyword, in another epilepsy article than the immunotherapy section."""
    assert _ranked(("r_what", 86.0, 36.0), ("i_what", 68.0, 77.0))[0][0] == "i_what"
    # ... not when the rival's keyword says nothing the first's does not ("ms diagnosis": its "ms" is the first's)
    said = [Candidate("r_what", 86.0, "resistant epilepsy", "topical", ("resistant", "epilepsy"), keyword_score=86.0,
                      example_score=36.0),
            Candidate("i_what", 77.0, "epilepsy", "topical", ("epilepsy",), keyword_score=61.0, example_score=77.0)]
    assert SECTIONS_OF_ONE_ARTICLE._within_article(said)[0].intent_id == "r_what"


@pytest.mark.parametrize(("first", "second"), [
    (("r_what", 90.0, 50.0), ("m_what", 60.0, 80.0)),  # another disease: never
    (("r_what", 90.0, 50.0), ("x_what", 60.0, 80.0)),  # an article of no disease: never
    (("r_what", 90.0, 50.0), ("r_options", 90.0 - KEYWORD_LEAD, 80.0)),  # the keywords' lead is large
    (("r_what", 90.0, 50.0), ("r_options", 80.0, 50.0 + EXAMPLE_LEAD - 1)),  # the examples' preference is slight
])
def test_the_keywords_choice_stays_otherwise(first: tuple[str, float, float], second: tuple[str, float, float]) -> None:
    assert _ranked(first, second)[0][0] == first[0]


def test_a_health_word_no_article_covers_counts_against_the_topic(example_matcher: Matcher) -> None:
    assert match_text(example_matcher, "lupus and the nerves").intent_id == "lupus"
    match = match_text(example_matcher, "lupus rash on my face")
    assert match.status == "fallback" and "rash" in match.foreign


def test_smalltalk_is_not_scored_by_the_second_signal(example_matcher: Matcher) -> None:
    assert match_text(example_matcher, "hello").intent_id == "greeting"


def test_common_words_are_only_looked_up_for_documents_already_reached() -> None:
    """A common word is not walked and is kept as one bit per document with its average weight: rare words
    score exactly as when every posting is kept, and the common word adds the same to every document it is in."""
    from bot.nlu import example_index
    from bot.nlu.example_index import Document, ExampleIndex

    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(600)]
    documents = [Document(examples=[[*rng.sample(vocabulary, 4), *(["common"] if n % 2 else [])] for _ in range(3)])
                 for n in range(400)]
    index = ExampleIndex(documents)
    saved = example_index.COMMON_MIN, example_index.COMMON_SHARE
    try:
        example_index.COMMON_MIN, example_index.COMMON_SHARE = 10**9, 1.0
        walked = ExampleIndex(documents)
    finally:
        example_index.COMMON_MIN, example_index.COMMON_SHARE = saved
    assert index.common_bits and not walked.common_bits and len(index) < len(walked)
    rare = [[("w1", 1.0)], [("w2", 0.9)]]
    assert index.coverage(rare) == pytest.approx(walked.coverage(rare))  # rare words: exactly as before
    with_common = [d for d, doc in enumerate(documents) if any("common" in e for e in doc.examples)]
    alone = index.coverage([[("common", 1.0)]], reached=[*with_common[:5], 0])  # document 0 lacks it
    assert set(alone) == set(with_common[:5])  # only the documents asked for, and only those holding the word
    assert len(set(alone.values())) == 1  # the same (average) weight in each
    shortcut = index.coverage([[("common", 1.0)], *rare])
    assert shortcut and set(shortcut) <= set(walked.coverage([[("common", 1.0)], *rare]))


def test_a_health_word_some_topic_covers_is_not_foreign() -> None:
    without = Matcher(INTENTS, SETTINGS)
    assert match_text(without, "knee pain and ms").foreign == ("knee", "pain")  # only an out-of-scope keyword has it
    covering = Matcher([*INTENTS, intent("ms_knee", "knee pain in ms")], SETTINGS)
    assert match_text(covering, "knee pain and ms").foreign == ()


@pytest.mark.parametrize("text", ["just diagnosed with MS today. what actually is it?",
                                  "My husband has been diagnosed with multiple sclerosis, what is it?"])
def test_diagnosed_with_ms_is_the_story_not_the_question(shipped: Engine, text: str) -> None:
    """The keyword 'how is ms diagnosed' found 'diagnosed with MS' (the question words are filler)."""
    match = match_text(shipped.knowledge.matcher, text)
    assert "ms_lesions_mri" not in (match.intent_id, *match.options), match


@pytest.mark.parametrize("text", ["how is ms diagnosed", "what tests confirm a diagnosis of ms", "ms diagnosis"])
def test_questions_about_diagnosing_ms_still_find_it(shipped: Engine, text: str) -> None:
    assert match_text(shipped.knowledge.matcher, text).intent_id == "ms_lesions_mri"


@pytest.mark.parametrize("text", ["baclofen drowsiness normal?", "does amantadine give u weird dreams",
                                  "methotrexate dose for RA"])
def test_a_side_effect_or_another_conditions_drug_is_not_our_topic(shipped: Engine, text: str) -> None:
    """The drug is ours (baclofen for stiffness), the question is not: no article covers side effects."""
    match = match_text(shipped.knowledge.matcher, text)
    assert match.status != "matched" and match.foreign, match



# -- needs_one_of: an intent that answers only beside some words ---------------------------------------------

def test_an_intent_that_needs_words_is_no_candidate_without_them() -> None:
    gut = Intent(id="gut_brain", kind="topical", keywords=("gut bacteria", "microbiome", "gut and depression"),
                 needs_one_of=("brain", "mood", "depression"))
    matcher = Matcher([gut, *INTENTS], SETTINGS)
    assert decided(matcher, "can gut bacteria affect my mood") == "gut_brain"
    # a typo of a needed word that is also a keyword word: read as that word
    assert decided(matcher, "can gut bacteria affect my depresion") == "gut_brain"
    assert decided(matcher, "how to increase my gut bacteria") is None
    waived = matcher.evidence(Message("how to increase my gut bacteria"), needs=False)
    assert waived.candidates and waived.candidates[0].intent_id == "gut_brain"  # the chat's topic stands for them
    assert matcher.lacks_needed_words("gut_brain", Message("gut bacteria and diet"))
    assert not matcher.lacks_needed_words("gut_brain", Message("gut bacteria and the brain"))


def test_the_words_no_section_has_are_the_subjects_no_intent_names() -> None:
    """What the follow-ups weigh ("can he have coffee on it" after the ketogenic diet): words no intent's examples,
    label or section has. A typo of a keyword's word is that word; filler, short words and numbers are no subject."""
    keto = Intent(id="keto", kind="topical", keywords=("ketogenic diet",),
                  examples=("what can he eat on the ketogenic diet", "is bread allowed on it"))
    matcher = Matcher([keto], SETTINGS)
    assert matcher.words_no_section_has(Message("can he have coffee on it, or bread?")) == ("coffee",)
    assert matcher.words_no_section_has(Message("is the ketogenik diet allowed")) == ()
    assert matcher.words_no_section_has(Message("tho can he eat it twelve days in a row")) == ()
