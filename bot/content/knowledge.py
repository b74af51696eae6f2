"""One immutable snapshot of the content and intents, and the holder that swaps it on reload.

A message in flight keeps the snapshot it started with; a reload builds a new one
completely (validated) and then replaces one reference, so nobody sees half a file.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import logging
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from bot.content.admin_files import ARTICLE_MAX_BYTES, INTENTS_MAX_BYTES, AdminFileError, read_admin_file
from bot.content.articles import Article, ArticleFiles, load_articles_reusing
from bot.content.builder_process import BuildFailed, build_in_child
from bot.content.intent import Intent
from bot.content.intents import IntentFile, load_intents
from bot.content.problems import LoadError, Problem, errors_only
from bot.nlu.matcher import Matcher
from bot.nlu.safety import SafetyCheck
from bot.nlu.topic_net import TopicNet, load_follow_up_net, load_net
from bot.private_files import derive_key, make_private_dir, sign, verified_stream, write_atomically

log = logging.getLogger(__name__)
_BOT = Path(__file__).resolve().parent.parent
# Only the code a snapshot is built by invalidates it: editing the bench, a channel or compose keeps the cache.
SNAPSHOT_CODE = ("content", "nlu")
SNAPSHOT_CODE_FILES = ("*.py", "*.json")


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Articles, intents and the matcher built from them."""

    articles: dict[str, Article]
    intent_file: IntentFile
    intents: dict[str, Intent]
    matcher: Matcher
    safety: SafetyCheck
    warnings: tuple[Problem, ...]
    built_at: float = 0.0  # when it was built (time.time()): told when the bot has to start on it
    article_files: ArticleFiles = field(default_factory=dict, compare=False, repr=False)  # for the next reload
    key: str = ""  # the fingerprint of the files it was built from, when cached
    # The topic net (bot/nlu/topic_net.py): shipped with the code, not built from the admin's files; None without it
    topic_net: TopicNet | None = field(default=None, compare=False, repr=False)
    # ... and the follow-up net (tools/train_followup_net.py): whether a message goes on with the last topic
    follow_up_net: TopicNet | None = field(default=None, compare=False, repr=False)

    def topical_intents(self, slug: str | None = None) -> list[Intent]:
        """Topical intents in file order, optionally only those of one article."""
        return [i for i in self.intents.values() if i.kind == "topical" and (slug is None or i.article == slug)]

    def label(self, intent: Intent) -> str:
        """Button text for an intent: its label, else its section heading, else its id."""
        if intent.label:
            return intent.label
        article = self.articles.get(intent.article or "")
        section = article.section(intent.section) if article and intent.section else None
        return section.heading if section else intent.id.replace("_", " ")


CACHE_PREFIX = "knowledge-"


@dataclass(frozen=True, slots=True)
class SnapshotCache:
    """Where built snapshots are kept, and the key they are signed with: a file there is unpickled only when its
    HMAC matches, so a file anyone else wrote into the folder is refused, never run (bot.private_files)."""

    folder: Path
    signing_key: bytes = field(repr=False)

    @classmethod
    def for_secret(cls, folder: Path, secret: str) -> SnapshotCache:
        """The cache in `folder`, signed with a key derived from the bot's stored secret."""
        return cls(folder, derive_key(secret, "snapshot-cache"))

    def path(self, key: str) -> Path:
        return self.folder / f"{CACHE_PREFIX}{key}.pickle"


def fingerprint(root: Path, code: Path = _BOT) -> str:
    """A hash of everything a snapshot is built from: the code that reads the files, then the files.

    `code` is the bot package (a test passes a copy of it). The code's part comes first, so the snapshots
    this same code built can be found by their name alone (see `last_good_snapshot`): a snapshot built by
    other code is never started on.
    """
    files = [root / "intents.yaml", *sorted((root / "content").glob("*.md"))]
    return code_fingerprint(code) + _hash(files, code, admin=root)


def code_fingerprint(code: Path = _BOT) -> str:
    """The hash of the modules a snapshot is built by, and of their data files (the crisis net's weights are
    pickled with the snapshot: a retrained model must not start on a snapshot holding the old one)."""
    return _hash(sorted(path for folder in SNAPSHOT_CODE for pattern in SNAPSHOT_CODE_FILES
                        for path in (code / folder).glob(pattern)), code)


def _hash(paths: list[Path], code: Path, admin: Path | None = None) -> str:
    """Hash the files; `admin` files (under that folder) are read only through the guarded reader: this runs
    in the serving process, before the child builder with its memory ceiling and time limit."""
    digest = hashlib.sha256()
    for path in paths:
        name = path.relative_to(code) if path.is_relative_to(code) else path.name  # two __init__.py differ
        digest.update(str(name).encode() + b"\0")
        with contextlib.suppress(OSError):
            digest.update(_admin_bytes(path, admin) if admin is not None else path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _admin_bytes(path: Path, root: Path) -> bytes:
    """The file's bytes, or for a refused file its size and time: still a change when it changes, so the
    builder runs and reports the problem (and the last good content keeps being served)."""
    try:
        return read_admin_file(path, path.parent, INTENTS_MAX_BYTES if path.parent == root else ARTICLE_MAX_BYTES)
    except AdminFileError:
        info = os.lstat(path)
        return f"refused {info.st_mode} {info.st_size} {info.st_mtime_ns}".encode()


def last_good_snapshot(cache: SnapshotCache) -> Knowledge | None:
    """The newest snapshot in the cache that this same code built: only validated files are ever cached, so
    it is the last good version of the content. Read through `cached_snapshot`, as any cached snapshot is
    (so only one this bot signed)."""
    code = code_fingerprint()
    candidates = sorted(cache.folder.glob(f"{CACHE_PREFIX}{code}*.pickle"), key=_modified, reverse=True)
    for path in candidates:
        if (knowledge := cached_snapshot(cache, path.name[len(CACHE_PREFIX):-len(".pickle")])) is not None:
            return knowledge
    return None


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def cached_snapshot(cache: SnapshotCache, key: str) -> Knowledge | None:
    """The snapshot cached under `key`, if it is there, signed by us and readable."""
    hit = _cached(cache, key)
    return hit[0] if hit else None


def _cached(cache: SnapshotCache, key: str) -> tuple[Knowledge, list[Problem]] | None:
    path = cache.path(key)
    try:
        with path.open("rb") as handle:
            if not verified_stream(cache.signing_key, handle):  # not written by this bot with this secret
                signed = False
            else:
                signed = True
                with _no_gc():
                    knowledge = pickle.load(handle)  # signed by this bot: written by it
    except FileNotFoundError:
        return None
    except Exception:  # unreadable, or an outdated format: only a slower start
        log.warning("snapshot cache unreadable; loading the files", exc_info=True)
        return None
    if not signed:  # never unpickled
        log.warning("snapshot cache %s fails its signature check: removed, building the snapshot again", path.name)
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return (knowledge, list(knowledge.warnings)) if isinstance(knowledge, Knowledge) else None


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Millions of new objects, none of them garbage: collections while unpickling only cost time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _store_cache(cache: SnapshotCache, key: str, knowledge: Knowledge) -> None:
    try:
        make_private_dir(cache.folder)
        target = cache.path(key)
        # Not flushed to disk: a snapshot torn by a power cut fails its signature and is built again.
        write_atomically(target, sign(cache.signing_key, pickle.dumps(knowledge, protocol=pickle.HIGHEST_PROTOCOL)),
                         durable=False)
        for old in cache.folder.glob(f"{CACHE_PREFIX}*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        log.warning("could not write the snapshot cache in %s", cache.folder, exc_info=True)


def build_knowledge(root: Path, cache: SnapshotCache | None = None, previous: Knowledge | None = None) -> tuple[
        Knowledge | None, list[Problem]]:
    """Load `content/` and `intents.yaml` under `root`; None (and every problem) if any error.

    With `previous` (the snapshot now serving), articles and intents whose text is unchanged are taken
    from it rather than parsed again.

    With a `cache`, a snapshot already built and validated from byte-identical files (and the same
    code) is read back instead: a big intents.yaml then starts in about a second instead of ten.
    """
    key = fingerprint(root) if cache else ""
    if cache and (hit := _cached(cache, key)):
        return hit
    knowledge, problems = _build(root, previous)
    if knowledge is not None and cache:
        knowledge = replace(knowledge, key=key)
        _store_cache(cache, key, knowledge)
    return knowledge, problems


def _build(root: Path, previous: Knowledge | None = None) -> tuple[Knowledge | None, list[Problem]]:
    try:
        # A build makes millions of objects that all live on (parsed items, the index) and almost no cycles:
        # at 10,000 intents the collector's full passes over them were a tenth of the build. The input is
        # bounded (INTENTS_MAX_BYTES, ARTICLE_MAX_BYTES), so what cyclic garbage there is stays small, and
        # the collector takes it after the build.
        with _no_gc():
            return _build_checked(root, previous)
    except Exception as error:  # a bug of ours met an odd file: a reported problem, never a dead bot or watcher
        log.exception("building the snapshot failed")
        return None, [Problem("content", None, "load", f"could not be loaded ({type(error).__name__}: {error}); "
                              "the bot keeps the last good files. Run `python -m bot check` for details.")]


def _build_checked(root: Path, previous: Knowledge | None) -> tuple[Knowledge | None, list[Problem]]:
    articles, problems, files = load_articles_reusing(root / "content", previous.article_files if previous else {})
    intent_file, intent_problems = load_intents(root / "intents.yaml", articles,
                                                previous.intent_file if previous else None, broken_articles(files))
    problems += intent_problems
    if intent_file is None or errors_only(problems):
        return None, problems
    intents = intent_file.by_id()
    extra = {i.id: i.keywords for i in intent_file.intents if i.kind == "safety"}
    knowledge = Knowledge(
        articles=articles,
        intent_file=intent_file,
        intents=intents,
        matcher=_matcher(intent_file, articles, previous),
        safety=SafetyCheck(extra),  # type: ignore[arg-type]
        warnings=tuple(problems),
        built_at=time.time(),
        article_files=files,
        topic_net=load_net(),
        follow_up_net=load_follow_up_net(),
    )
    return knowledge, problems


def broken_articles(files: ArticleFiles) -> frozenset[str]:
    """Slugs (and file names) of the articles whose own file has errors: intents pointing at them are not
    reported again, so one broken front matter gives one error, not one per intent."""
    broken: set[str] = set()
    for path, (_, article, found) in files.items():
        if errors_only(found):
            broken.update({path.stem, article.slug} if article else {path.stem})
    return frozenset(broken)


def section_texts(articles: dict[str, Article]) -> dict[tuple[str, str], tuple[str, str]]:
    """(article, section id) -> (heading, text): what the matcher's second signal reads of each section."""
    return {(a.slug, s.id): (s.heading, s.text) for a in articles.values() for s in a.sections}


def _matcher(intent_file: IntentFile, articles: dict[str, Article], previous: Knowledge | None) -> Matcher:
    """The previous snapshot's keyword index when no keyword changed (an article edit, a moved intent, a new
    example): building one for 10,000 intents takes seconds. The second signal (examples, labels, section
    text) is built again when what it reads changed."""
    sections = section_texts(articles)
    if previous is not None and previous.intent_file.settings == intent_file.settings and \
            _matched_parts(previous.intent_file) == _matched_parts(intent_file):
        if _example_parts(previous.intent_file, section_texts(previous.articles)) == \
                _example_parts(intent_file, sections):
            return previous.matcher
        return previous.matcher.with_sections(intent_file.intents, sections)
    return Matcher(intent_file.intents, intent_file.settings, sections)


def _matched_parts(intent_file: IntentFile) -> list[tuple[str, str, Sequence[str]]]:
    return [(i.id, i.kind, i.keywords) for i in intent_file.intents]


def _example_parts(intent_file: IntentFile, sections: dict[tuple[str, str], tuple[str, str]]) -> list[object]:
    return [(i.examples, i.label, sections.get((i.article or "", i.section or ""))) for i in intent_file.intents]


def _settle(replaced: bool) -> None:
    """Keep the garbage collector from rescanning a big snapshot: with 10,000 intents a full
    collection paused matching for about 250 ms. After a reload, unfreeze and collect first so the
    previous snapshot, if nothing uses it any more, is freed now."""
    if replaced:
        gc.unfreeze()
        gc.collect()
    gc.freeze()
    _give_back_memory()


def _give_back_memory() -> None:
    """Hand the memory a load freed (the parser's and the index builder's scratch) back to the system: glibc
    keeps freed heap otherwise, and the bot would sit at its load-time peak. A no-op elsewhere."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@dataclass(frozen=True, slots=True)
class FilesBroken:
    """The files on disk have errors, so the bot serves an earlier good version of them."""

    problems: tuple[Problem, ...]  # the errors
    since: float  # when this was first found (a start, or a reload)
    serving_built_at: float  # when the version being served was built
    at_start: bool  # the bot started on the cached last good snapshot


class Library:
    """Holds the current Knowledge; `reload()` swaps in a new one only if it loads cleanly.

    With a `cache` (the running bot), snapshots are built in a child process and only read back here:
    see `bot.content.snapshot_builder` for why. If the child fails or takes too long, the bot keeps the
    snapshot it has and the problem is reported like any error in the files; a snapshot is never built in the
    serving process. If the files are broken when the bot starts, it starts on the last good snapshot in that
    cache, and says so (log, `files_broken`, and through the channels to admins and the health check); only
    with no good snapshot does it refuse to start (LoadError). Cached snapshots are signed (`SnapshotCache`).
    """

    def __init__(self, root: Path, cache: SnapshotCache | None = None) -> None:
        self.root = root
        self.cache = cache
        self._lock = threading.Lock()
        self._listeners: list[Callable[[list[Problem], bool], None]] = []
        self.files_broken: FilesBroken | None = None
        knowledge, problems = self._load(None)
        if knowledge is None:
            knowledge = self._start_on_last_good(problems)
        self._current = knowledge
        _settle(replaced=False)

    def _start_on_last_good(self, problems: list[Problem]) -> Knowledge:
        errors = errors_only(problems)
        last_good = last_good_snapshot(self.cache) if self.cache else None
        if last_good is None:
            raise LoadError(errors)
        built = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(last_good.built_at))
        log.error("THE CONTENT FILES HAVE %d ERROR(S): started on the last good content, built %s, instead. "
                  "Fix the files (python -m bot check lists every error); saving a fixed file loads it.",
                  len(errors), built)
        for problem in errors:
            log.error("content error: %s", problem)
        self.files_broken = FilesBroken(tuple(errors), time.time(), last_good.built_at, at_start=True)
        return last_good

    @property
    def current(self) -> Knowledge:
        return self._current

    def _load(self, previous: Knowledge | None) -> tuple[Knowledge | None, list[Problem]]:
        if self.cache is None:
            return build_knowledge(self.root, None, previous)
        if hit := _cached(self.cache, fingerprint(self.root)):
            return hit  # unchanged files (a restart): nothing to build
        try:
            key, problems = build_in_child(self.root, self.cache.folder, self.cache.signing_key,
                                           previous.key if previous else "")
        except BuildFailed as failure:
            return None, [Problem("content", None, "build", f"{failure}; "
                                  + ("the bot keeps answering with the last good files" if previous else
                                     "the bot cannot start without a snapshot: see the log above"))]
        if key is None:
            return None, problems
        if (knowledge := cached_snapshot(self.cache, key)) is not None:
            return knowledge, problems
        return None, [Problem("content", None, "build", "the snapshot builder's result could not be read back "
                              "(see the log); the bot keeps answering with the last good files")]

    def on_reload(self, listener: Callable[[list[Problem], bool], None]) -> None:
        """Call `listener(problems, applied)` after every reload attempt."""
        self._listeners.append(listener)

    def reload(self) -> tuple[bool, list[Problem]]:
        """Validate the files again; swap them in if clean. Returns (applied, problems). Never raises: anything
        that goes wrong is a problem in the list, and the last good files keep serving."""
        with self._lock:
            try:
                knowledge, problems = self._load(self._current)
            except Exception as error:
                log.exception("reload failed")
                knowledge, problems = None, [Problem("content", None, "load", f"reload failed ({type(error).__name__}:"
                                                     f" {error}); the bot keeps the last good files")]
            applied = knowledge is not None
            if knowledge is not None:
                self._current = knowledge
                _settle(replaced=True)
                self.files_broken = None
            else:
                broken = self.files_broken
                self.files_broken = FilesBroken(tuple(errors_only(problems)), broken.since if broken else time.time(),
                                                self._current.built_at, broken.at_start if broken else False)
        if applied:
            log.info("reloaded content: %d articles, %d intents", len(knowledge.articles), len(knowledge.intents))
        else:
            for problem in errors_only(problems):
                log.error("reload rejected, still serving the last good files: %s", problem)
        for listener in self._listeners:
            try:
                listener(problems, applied)
            except Exception:  # a listener's failure (a notice that cannot be sent) is not the reload's
                log.exception("a reload listener failed")
        return applied, problems
