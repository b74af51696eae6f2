"""The import rule of docs/architecture.md, checked on the AST of every module under bot/."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

from tests.helpers import REPO
from tools.import_depth import import_graph, longest_chain
from tools.import_depth import imported as imports_of
from tools.import_depth import module_name as module_of

# (importing package, forbidden import prefix, why)
RULES: list[tuple[str, str, str]] = [
    *[(inner, edge, "the answer path is plain Python")
      for inner in ("bot.core", "bot.nlu") for edge in ("telegram", "sqlite3", "aiosqlite")],
    ("bot.content", "telegram", "content knows nothing of Telegram"),
    ("bot.channels.telegram", "bot.channels.terminal", "channels do not import each other"),
    ("bot.channels.terminal", "bot.channels.telegram", "channels do not import each other"),
    *[(inner, outer, "the inner packages never reach for the edges")
      for inner in ("bot.core", "bot.nlu", "bot.content", "bot.storage")
      for outer in ("bot.app", "bot.channels", "bot.admin", "bot.commands", "bot.cli")],
    ("bot.core", "bot.storage", "the core sees storage only through the Store protocol"),
    *[("bot", backend, "only bot/app.py opens the store; the rest sees the Store protocol")
      for backend in ("bot.storage.sqlite", "bot.storage.sqlite_handover")],
    ("bot", "tools", "the development tools are not in the wheel"),
    ("bot", "tests", "tests are not in the wheel"),
]
# (importing package, import prefix) exceptions to the rules above
ALLOWED: list[tuple[str, str]] = [
    ("bot.core", "bot.storage.protocol"),
    ("bot.app", "bot.storage.sqlite"),
    ("bot.storage", "bot.storage"),
]


def module_name(path: Path) -> str:
    return module_of(path, REPO)


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def allowed(module: str, name: str) -> bool:
    return any(within(module, owner) and within(name, prefix) for owner, prefix in ALLOWED)


def violations(sources: dict[str, str]) -> list[str]:
    broken = []
    for module, source in sorted(sources.items()):
        imported = imports_of(source, module)
        for owner, forbidden, why in RULES:
            if within(module, owner):
                broken += [f"{module} imports {name}: {why}" for name in sorted(imported)
                           if within(name, forbidden) and not allowed(module, name)]
    return broken


def bot_sources() -> dict[str, str]:
    return {module_name(path): path.read_text(encoding="utf-8") for path in sorted((REPO / "bot").rglob("*.py"))}


def test_every_module_keeps_the_import_rule() -> None:
    sources = bot_sources()
    assert len(sources) > 40 and "bot.core.engine" in sources  # the walk really found the package
    assert violations(sources) == []


@pytest.mark.parametrize(("module", "source"), [
    ("bot.core.engine", "import telegram"),
    ("bot.nlu.matcher", "def f():\n    import aiosqlite\n"),
    ("bot.core.conversation", "import sqlite3"),
    ("bot.core.conversation", "from bot.storage.sqlite_handover import HandoverRecords"),
    ("bot.core.conversation", "from bot.storage.sqlite import SQLiteStore"),
    ("bot.content.intents", "from telegram.constants import MessageLimit"),
    ("bot.channels.terminal.chat", "from bot.channels.telegram import render"),
    ("bot.channels.telegram.app", "from bot.channels import terminal"),
    ("bot.channels.telegram.app", "from ..terminal import chat"),
    ("bot.storage.sqlite", "from bot.admin.report import usage_report"),
    ("bot.cli", "from tools import bench"),
    ("bot.content.check", "from bot.app import build_engine"),
    ("bot.channels.terminal.chat", "from bot.storage.sqlite import SQLiteStore"),
    ("bot.admin.cli", "from bot.storage.sqlite import SQLiteStore"),
    ("bot.channels.telegram.app", "from bot.storage.sqlite import load_or_create_secret"),
    ("bot.admin.cli", "import tests.fakebotapi"),
])
def test_the_rule_catches_a_forbidden_import(module: str, source: str) -> None:
    assert violations({module: source})


def test_the_core_may_import_the_store_protocol() -> None:
    assert violations({"bot.core.conversation": "from bot.storage.protocol import Store, StoredContext"}) == []


def test_the_composition_root_may_open_the_sqlite_store() -> None:
    assert violations({"bot.app": "from bot.storage.sqlite import SQLiteStore, load_or_create_secret"}) == []


# -- every user-facing string in one module ------------------------------------------------------

TEXTS_MODULE = "bot.core.texts"
SENTENCE_WORDS = 4  # a literal of this many words or more reads as a sentence someone is shown
LOG_CALLS = frozenset({"debug", "info", "warning", "error", "exception", "critical", "log"})
# Calls whose string arguments are never shown to a chat user: log lines, regular expressions, call labels
# for the retry log, command-line help.
NOT_SHOWN_CALLS = LOG_CALLS | {"compile", "with_retries", "add_argument", "Formatter", "strftime"}
# (module, the literal's start, why it is not a chat string)
SENTENCE_ALLOWED: list[tuple[str, str, str]] = [
    ("bot.channels.telegram.app", "No TELEGRAM_BOT_TOKEN is set", "console help for whoever runs the bot"),
    ("bot.channels.telegram.app", "BOT_WEBHOOK_", "console help for whoever runs the bot"),
    ("bot.channels.telegram.errors", "409 Conflict", "logged for whoever runs the bot"),
    ("bot.channels.telegram.delivery", "user over their throttle", "a reason in the log"),
    ("bot.channels.telegram.handover", "message to copy not found", "a Bot API error text it compares"),
    ("bot.channels.telegram.health", "unhealthy: ", "the health check's console output"),
    ("bot.channels.telegram.health", "healthy", "the health check's console output"),
    ("bot.channels.telegram.webhook", "", "HTTP answers to Telegram's servers"),
    ("bot.core.decide", "", "a decision's reasons: diagnostics that `explain` prints beside the scores"),
]


def _not_shown(tree: ast.AST) -> set[int]:
    """The ids of string nodes no chat user sees: docstrings, bare string statements, arguments of the
    NOT_SHOWN_CALLS, exception messages (for whoever runs the bot) and f-string format specs."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            hidden.add(id(node.value))  # docstrings and string statements
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in NOT_SHOWN_CALLS:
                hidden |= {id(inner) for inner in ast.walk(node)}
        elif isinstance(node, (ast.Raise, ast.Assert)):
            hidden |= {id(inner) for inner in ast.walk(node)}
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            hidden |= {id(inner) for inner in ast.walk(node.format_spec)}  # f"{when:%a %d %b %Y}"
    return hidden


def sentences_outside_texts(module: str, source: str) -> list[str]:
    """The long English literals of `module` that belong in bot/core/texts.py."""
    if module == TEXTS_MODULE:
        return []
    tree = ast.parse(source)
    hidden = _not_shown(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.JoinedStr):  # an f-string reads as a whole: f"Next part of {n}"
            hidden |= {id(part) for part in node.values}
            text = "".join(p.value if isinstance(p, ast.Constant) else "{}" for p in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        words = [word for word in text.split() if any(c.isalpha() for c in word)]  # not "{}", "•" or "%s"
        if (len(words) >= SENTENCE_WORDS and "\\" not in text  # a backslash: a regular expression
                and not any(module == owner and text.startswith(start) for owner, start, _ in SENTENCE_ALLOWED)):
            found.append(f"{module}:{node.lineno}: {text[:60]!r}")
    return found


def test_chat_strings_live_in_texts() -> None:
    sources = {module: source for module, source in bot_sources().items()
               if within(module, "bot.core") or within(module, "bot.channels")}
    assert TEXTS_MODULE in sources and "bot.channels.telegram.handlers" in sources
    assert [line for module, source in sources.items() for line in sentences_outside_texts(module, source)] == []


@pytest.mark.parametrize("source", [
    'NOTICE = "Sorry, that did not work."',
    'def f():\n    return Reply(paragraphs=("Type your question here please",))',
    'BUTTON = Button(f"Read the next part ({n}) ▶", "ar")',
    'log.info("done")\nTEXT = "Please try again in a minute."',
])
def test_the_texts_rule_catches_a_sentence(source: str) -> None:
    assert sentences_outside_texts("bot.core.compose", source)


@pytest.mark.parametrize("source", [
    '"""A docstring of many words, not shown."""',
    'log.warning("the store failed for this user: %s", err)',
    'PATTERN = re.compile(r"tell me more|say more about it")',
    'raise ValueError("a message for whoever runs the bot")',
    'SHORT = "📚 Topics"',
])
def test_the_texts_rule_lets_through_what_no_user_sees(source: str) -> None:
    assert sentences_outside_texts("bot.core.compose", source) == []


# -- no import cycles ----------------------------------------------------------------------------


def cycles(sources: dict[str, str]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a loop (lazy imports count:
    "import it inside the function" hides a cycle, it does not remove it)."""
    graph = {module: sorted(name for name in imports_of(source, module) if name in sources and name != module)
             for module, source in sources.items()}
    found: list[list[str]] = []
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        order[module] = low[module] = len(order)
        stack.append(module)
        for name in graph[module]:
            if name not in order:
                visit(name)
                low[module] = min(low[module], low[name])
            elif name in stack:
                low[module] = min(low[module], order[name])
        if low[module] == order[module]:
            group = []
            while (top := stack.pop()) != module:
                group.append(top)
            if group:
                found.append(sorted([module, *group]))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return found


def test_no_module_imports_itself_round_a_loop() -> None:
    assert cycles(bot_sources()) == []


def test_the_cycle_check_finds_a_lazy_cycle() -> None:
    sources = {"bot.content.knowledge": "def f():\n    from bot.content.snapshot_builder import build_in_child\n",
               "bot.content.snapshot_builder": "from bot.content.knowledge import build_knowledge\n",
               "bot.content.problems": ""}
    assert cycles(sources) == [["bot.content.knowledge", "bot.content.snapshot_builder"]]


# -- the message is normalised once ------------------------------------------------------------------------

# The steps a message passes through read the `Message` the engine built (bot/nlu/message.py); none cleans,
# folds or splits the text again.
MESSAGE_STEPS = ("bot.core.engine", "bot.core.decide", "bot.core.followup", "bot.core.fallback",
                 "bot.core.safety_state", "bot.core.compose", "bot.core.compose_safety", "bot.nlu.safety",
                 "bot.nlu.safety_unit", "bot.nlu.safety_crisis", "bot.nlu.safety_net", "bot.nlu.language", "bot.nlu.self_questions")
NORMALISING = frozenset(("clean", "tokens", "content_tokens", "content_words", "has_letters"))
# The matcher also reads keywords and article text, so only its functions that take a Message are held to it.
MESSAGE_READERS = ("bot.nlu.matcher", "bot.nlu.safety_lexicon")
STR_READINGS = NORMALISING | {"_typed_words", "match_words", "index_words", "keyword_reading"}


def _called(node: ast.AST) -> set[str]:
    """The names of the functions `node` calls (`clean(...)`, `normalise.clean(...)`)."""
    return {call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
            for call in ast.walk(node) if isinstance(call, ast.Call)
            and isinstance(call.func, (ast.Attribute, ast.Name))}


def renormalising(module: str, source: str) -> list[str]:
    """Where a step of the flow normalises the message's text again instead of reading the Message."""
    tree = ast.parse(source)
    found = []
    if module in MESSAGE_STEPS:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "bot.nlu.normalise":
                found += [f"{module}: imports {a.name}" for a in node.names if a.name in NORMALISING]
        found += [f"{module}: calls {name}" for name in sorted(_called(tree) & NORMALISING)]
    if module in MESSAGE_READERS:
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                    a.annotation is not None and "Message" in ast.unparse(a.annotation) for a in function.args.args):
                found += [f"{module}.{function.name}: calls {name}"
                          for name in sorted(_called(function) & STR_READINGS)]
    return found


def test_no_step_normalises_the_message_again() -> None:
    sources = bot_sources()
    assert set(MESSAGE_STEPS) | set(MESSAGE_READERS) <= set(sources)
    assert [line for module, source in sources.items() for line in renormalising(module, source)] == []


@pytest.mark.parametrize(("module", "source"), [
    ("bot.nlu.safety", "from bot.nlu.normalise import clean\n"),
    ("bot.core.followup", "from bot.nlu import normalise\ndef f(m):\n    return normalise.tokens(m.raw)\n"),
    ("bot.nlu.matcher", "def evidence(self, message: Message):\n    return _typed_words(message.raw)\n"),
])
def test_the_normalise_once_rule_catches_a_step_that_cleans(module: str, source: str) -> None:
    assert renormalising(module, source)


# -- the depth of the import graph ---------------------------------------------------------------------------


def test_the_import_depth_tool_finds_the_longest_chain() -> None:
    assert longest_chain({"a": ("b", "c"), "b": ("c",), "c": ("d",), "d": ()}) == ["a", "b", "c", "d"]
    graph = import_graph()
    chain = longest_chain(graph)
    assert all(after in graph[before] for before, after in itertools.pairwise(chain))
    assert set(graph) == set(bot_sources())
    print(f"\nimport depth: {len(chain)} modules: {' -> '.join(chain)}")  # shown with pytest -s


# -- one place decides the winner ---------------------------------------------------------------------------

DECIDER = "bot.core.decide"
VERDICTS = frozenset(("Match", "Decision"))  # made only by the decider
VERDICT_READS = frozenset(("status", "threshold", "ambiguity_margin"))  # read only by the decider, in core and nlu
# (module, attribute, why it may read it)
VERDICT_ALLOWED = [("bot.nlu.matcher", "threshold", "the second signal's scale is calibrated at the threshold")]


def deciding(module: str, source: str) -> list[str]:
    """Where a module other than bot/core/decide.py makes a verdict or reads one's status or the thresholds."""
    if module == DECIDER:
        return []
    tree = ast.parse(source)
    found = [f"{module}: makes a {name}" for name in sorted(_called(tree) & VERDICTS)]
    if within(module, "bot.core") or within(module, "bot.nlu"):
        read = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)} & VERDICT_READS
        found += [f"{module}: reads .{name}" for name in sorted(read)
                  if not any(module == owner and name == attribute for owner, attribute, _ in VERDICT_ALLOWED)]
    return found


def test_only_decide_decides_the_winner() -> None:
    sources = bot_sources()
    assert DECIDER in sources
    assert [line for module, source in sources.items() for line in deciding(module, source)] == []


@pytest.mark.parametrize(("module", "source"), [
    ("bot.nlu.matcher", "def match(self, e):\n    return Match('matched', e[0], 90.0, None)\n"),
    ("bot.core.engine", "def turn(match):\n    return 'topical' if match.status == 'matched' else 'fallback'\n"),
    ("bot.core.followup", "def wins(score, settings):\n    return score >= settings.threshold\n"),
])
def test_the_one_winner_rule_catches_a_second_decider(module: str, source: str) -> None:
    assert deciding(module, source)


# -- the tests mirror the package ------------------------------------------------------------------------

# Modules with no test file of their own, each with why: module path -> reason. Kept short.
UNMIRRORED_ALLOWED: dict[str, str] = {
    "bot/core/verdict.py": "one frozen record type (Match) and its Status, no behaviour: tests/core/test_decide.py "
                           "checks the verdicts decide gives, and every test that matches reads one",
}


def mirror_of(module: str) -> str:
    """bot/x/y.py -> tests/x/test_y.py (bot/y.py -> tests/test_y.py)."""
    parent, _, name = module.removeprefix("bot/").rpartition("/")
    return "/".join(part for part in ("tests", parent, f"test_{name}") if part)


def unmirrored(modules: list[str], tests: set[str]) -> list[str]:
    """The modules (repository paths) with no mirror test file among `tests`, but __init__ and __main__."""
    return [f"{module} -> {mirror_of(module)}" for module in sorted(modules)
            if module.rsplit("/", 1)[-1] not in ("__init__.py", "__main__.py") and mirror_of(module) not in tests]


def test_every_module_has_its_own_test_file() -> None:
    modules = [path.relative_to(REPO).as_posix() for path in (REPO / "bot").rglob("*.py")]
    tests = {path.relative_to(REPO).as_posix() for path in (REPO / "tests").rglob("test_*.py")}
    assert len(modules) > 40 and "tests/core/test_engine.py" in tests  # the walks really found both trees
    missing = unmirrored(modules, tests)
    assert [line for line in missing if line.split(" ->")[0] not in UNMIRRORED_ALLOWED] == []
    assert sorted(UNMIRRORED_ALLOWED) == sorted(line.split(" ->")[0] for line in missing)  # no stale entry


def test_the_mirror_rule_catches_a_module_without_tests() -> None:
    assert unmirrored(["bot/core/new.py", "bot/core/__init__.py", "bot/__main__.py"], set()) == [
        "bot/core/new.py -> tests/core/test_new.py"]
    assert unmirrored(["bot/settings.py"], {"tests/test_settings.py"}) == []
    assert unmirrored(["bot/nlu/matcher.py"], {"tests/test_matcher.py"})  # in the wrong folder: not its mirror
