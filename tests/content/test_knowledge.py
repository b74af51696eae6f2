"""The snapshot: built whole or not at all, and cached by the exact bytes it was built from."""

import pickle
import shutil
import sys
from pathlib import Path

import pytest

import bot.content.knowledge as knowledge_module
from bot.content.knowledge import CACHE_PREFIX, Library, SnapshotCache, build_knowledge, fingerprint
from bot.content.problems import LoadError
from bot.core.decide import match_message, match_text
from bot.core.engine import Engine
from bot.nlu.message import Message
from bot.private_files import sign
from tests.helpers import REPO, copy_root, line_number

SECRET = "knowledge-test-secret-of-32-bytes-or-more"


def signed_cache(folder: Path) -> SnapshotCache:
    return SnapshotCache.for_secret(folder, SECRET)


def cache_files(cache: Path | SnapshotCache) -> list[Path]:
    folder = cache.folder if isinstance(cache, SnapshotCache) else cache
    return sorted(folder.glob(f"{CACHE_PREFIX}*.pickle"))


def test_cached_snapshot_answers_like_a_fresh_one(tmp_path: Path) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    fresh, _ = build_knowledge(root, cache)
    assert fresh is not None and len(cache_files(cache)) == 1
    cached, _ = build_knowledge(root, cache)
    assert cached is not None
    for question in ("multipel sclerosys drugs", "what is epilepsy", "ms word keeps crashing"):
        assert match_text(cached.matcher, question) == match_text(fresh.matcher, question)


def test_a_second_start_reads_the_cache_not_the_files(tmp_path: Path) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    build_knowledge(root, cache)
    [cached_file] = cache_files(cache)
    # Plant a snapshot the files cannot produce under the same key: only a read of the cache returns it.
    other = copy_root(tmp_path / "other")
    text = (other / "intents.yaml").read_text(encoding="utf-8")
    (other / "intents.yaml").write_text(text.replace("      - ocrevus\n", "      - ocrevus\n      - zebra pill\n", 1),
                                        encoding="utf-8")
    planted, _ = build_knowledge(other)
    cached_file.write_bytes(b"".join(sign(cache.signing_key, pickle.dumps(planted))))  # signed with the bot's key
    again, _ = build_knowledge(root, cache)
    assert again is not None and match_text(again.matcher, "zebra pill").intent_id == "ms_dmt"


def test_only_content_and_nlu_code_invalidate_the_cache(tmp_path: Path) -> None:
    root, code = copy_root(tmp_path), tmp_path / "bot"
    shutil.copytree(REPO / "bot", code, ignore=shutil.ignore_patterns("__pycache__"))
    before = fingerprint(root, code)
    for outside in ("core/compose.py", "channels/telegram/app.py", "cli.py"):
        (code / outside).write_text((code / outside).read_text() + "\n# edited\n")
    assert fingerprint(root, code) == before, "editing code that does not build snapshots keeps the cache"
    for inside in ("nlu/matcher.py", "content/intents.py", "nlu/safety_net.json"):
        edited = (code / inside).read_text()
        (code / inside).write_text(edited + "\n# edited\n")
        assert fingerprint(root, code) != before, f"{inside} shapes the snapshot"
        (code / inside).write_text(edited)


def test_an_edit_changes_the_key_and_replaces_the_cache(tmp_path: Path) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    before = fingerprint(root)
    library = Library(root, cache)
    text = (root / "intents.yaml").read_text(encoding="utf-8")
    (root / "intents.yaml").write_text(text.replace("      - ocrevus\n", "      - ocrevus\n      - zebra pill\n", 1),
                                       encoding="utf-8")
    assert fingerprint(root) != before
    applied, _ = library.reload()
    assert applied and Engine(library, "https://x.example").respond("zebra pill").intent_id == "ms_dmt"
    [only] = cache_files(cache)
    assert fingerprint(root) in only.name


def test_a_damaged_cache_is_only_a_slower_start(tmp_path: Path) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    cache.folder.mkdir()
    cache.path(fingerprint(root)).write_bytes(b"not a pickle")
    knowledge, problems = build_knowledge(root, cache)
    assert knowledge is not None and not [p for p in problems if p.severity == "error"]


def test_a_reload_parses_only_what_changed(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    library = Library(root)
    before = library.current
    article = root / "content" / "ms-immune-role.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more reviewed sentence.\n", encoding="utf-8")
    applied, _ = library.reload()
    after = library.current
    assert applied and after is not before
    assert {slug: a is before.articles[slug] for slug, a in after.articles.items()} == {
        slug: slug != "ms-immune-role" for slug in before.articles}  # the others are shared, not parsed again
    assert "One more reviewed sentence." in after.articles["ms-immune-role"].sections[-1].paragraphs[-1]
    assert all(after.intents[i].keywords is before.intents[i].keywords for i in before.intents)
    assert after.matcher is before.matcher  # no keyword changed: the index is not built again


def test_an_edit_to_an_answered_section_rebuilds_only_the_second_signal(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    library = Library(root)
    before = library.current
    assert match_text(before.matcher, "zorblax wibble").status == "fallback"
    article = root / "content" / "neuro-immune-link.md"  # the gut-brain axis section answers gut_brain_axis
    text = article.read_text(encoding="utf-8").replace(
        "A large part of the body's immune system is found in the gut.",
        "A large part of the body's immune system is found in the gut. Zorblax wibble is a made-up name for it.")
    article.write_text(text, encoding="utf-8")
    applied, _ = library.reload()
    after = library.current.matcher
    assert applied and after is not before.matcher
    assert after._index is before.matcher._index  # the keyword index, seconds to build at 10,000 intents, is kept
    # (read in a chat with a topic: gut_brain_axis needs a word of the mind or the nerves beside it otherwise)
    assert match_message(after, Message("zorblax wibble gut"), in_context=True).intent_id == "gut_brain_axis"
    assert match_message(before.matcher, Message("zorblax wibble gut"), in_context=True).intent_id != "gut_brain_axis"


def test_a_keyword_edit_builds_a_new_matcher(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    library = Library(root)
    before = library.current
    intents = root / "intents.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace("      - ocrevus\n", "      - zebra pill\n", 1),
                       encoding="utf-8")
    applied, _ = library.reload()
    assert applied and library.current.matcher is not before.matcher
    assert match_text(library.current.matcher, "zebra pill").intent_id == "ms_dmt"
    assert match_text(before.matcher, "zebra pill").intent_id != "ms_dmt"


# -- the running bot (a cache folder) builds in a child process -----------------------------------


def forbid_building_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("built in the bot's own process")

    monkeypatch.setattr(knowledge_module, "_build", fail)


def test_the_bot_builds_in_a_child_and_reads_the_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    forbid_building_here(monkeypatch)
    library = Library(root, cache)  # a first start: nothing cached yet
    intents = root / "intents.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace("      - ocrevus\n", "      - zebra pill\n", 1),
                       encoding="utf-8")
    applied, _ = library.reload()
    assert applied and match_text(library.current.matcher, "zebra pill").intent_id == "ms_dmt"
    assert library.current.key == fingerprint(root) and not list(cache.folder.glob("build-*"))


def test_errors_found_in_the_child_name_file_line_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    library = Library(root, cache)
    forbid_building_here(monkeypatch)
    intents = root / "intents.yaml"
    broken = intents.read_text(encoding="utf-8").replace("threshold: 68", "threshold: 150")
    intents.write_text(broken, encoding="utf-8")
    applied, problems = library.reload()
    assert not applied
    assert [(p.file, p.line, p.field) for p in problems if p.severity == "error"] == [
        ("intents.yaml", line_number(broken, "threshold: 150"), "settings.threshold")]


def test_if_the_child_fails_the_bot_keeps_its_snapshot_and_never_builds_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    library = Library(root, cache)
    before = library.current
    forbid_building_here(monkeypatch)
    monkeypatch.setattr(sys, "executable", "/bin/false")  # the child exits with status 1 at once
    intents = root / "intents.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace("      - ocrevus\n", "      - zebra pill\n", 1),
                       encoding="utf-8")
    applied, problems = library.reload()
    assert not applied and library.current is before  # still answering, with the last good files
    [problem] = problems
    assert problem.severity == "error" and "snapshot builder failed (exit status 1)" in problem.message
    assert "last good files" in problem.message


def test_a_child_that_hangs_is_stopped_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.content.builder_process as builder

    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    library = Library(root, cache)
    forbid_building_here(monkeypatch)
    hang = tmp_path / "hang"
    hang.write_text("#!/bin/sh\nexec sleep 60\n")
    hang.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(hang))
    monkeypatch.setattr(builder, "BUILD_TIMEOUT_S", 0.5)
    (root / "intents.yaml").write_text((root / "intents.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    applied, [problem] = library.reload()
    assert not applied and "took longer than 0.5 s" in problem.message


def test_a_failing_child_at_start_is_a_clear_load_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    forbid_building_here(monkeypatch)
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises(LoadError, match="snapshot builder failed"):
        Library(root, cache)


# -- the cache is signed: a file the bot did not write is never unpickled ------------------------------


class _Planted:
    """Unpickling this runs code: what a file dropped into data/cache could do."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, ("import pathlib; pathlib.Path(__import__('os').environ['PLANTED']).write_text('ran')",))


def test_a_planted_cache_file_is_refused_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    marker = tmp_path / "planted-code-ran"
    monkeypatch.setenv("PLANTED", str(marker))
    cache.folder.mkdir()
    cache.path(fingerprint(root)).write_bytes(pickle.dumps(_Planted()))
    knowledge, _ = build_knowledge(root, cache)
    assert not marker.exists(), "a planted pickle ran"
    assert knowledge is not None and match_text(knowledge.matcher, "ms meds").intent_id == "ms_dmt"
    assert cached_is_signed(cache, fingerprint(root))


def test_a_cache_signed_with_another_secret_is_refused(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    build_knowledge(root, SnapshotCache.for_secret(tmp_path / "cache", "another-secret-of-32-bytes-or-more!!"))
    cache = signed_cache(tmp_path / "cache")
    assert knowledge_module.cached_snapshot(cache, fingerprint(root)) is None
    assert not cache.path(fingerprint(root)).exists()  # removed, to be built again


def test_the_builders_result_file_is_json(tmp_path: Path) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    result = tmp_path / "result"
    import subprocess

    subprocess.run([sys.executable, "-m", "bot.content.snapshot_builder", str(root), str(cache.folder), "", str(result)],
                   input=cache.signing_key.hex(), text=True, check=True, timeout=120)
    import json

    assert json.loads(result.read_text())["key"] == fingerprint(root)  # data, which reading cannot run


def cached_is_signed(cache: SnapshotCache, key: str) -> bool:
    from bot.private_files import verified_stream

    with cache.path(key).open("rb") as handle:
        return verified_stream(cache.signing_key, handle)


def test_cache_files_and_folders_are_private(tmp_path: Path) -> None:
    import os

    from bot.private_files import private_umask

    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "data" / "cache")
    old = os.umask(0o022)
    try:
        private_umask()
        build_knowledge(root, cache)
    finally:
        os.umask(old)
    assert cache.folder.stat().st_mode & 0o777 == 0o700
    assert [f.stat().st_mode & 0o777 for f in cache_files(cache)] == [0o600]


# -- broken files at start: the last good snapshot ----------------------------------------------


def break_intents(root: Path) -> None:
    path = root / "intents.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      - ocrevus\n", "\t- ocrevus\n", 1), encoding="utf-8")


def test_broken_files_at_start_serve_the_last_good_snapshot_and_say_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    good = Library(root, cache).current
    break_intents(root)
    (root / "intents.yaml").touch()

    library = Library(root, cache)  # a restart with the broken file

    assert library.current.built_at == good.built_at and library.current.key == good.key
    assert Engine(library, "https://x.example").respond("ocrevus").intent_id == "ms_dmt"
    broken = library.files_broken
    assert broken is not None and broken.at_start and broken.serving_built_at == good.built_at
    assert [p.field for p in broken.problems] == ["yaml"] and "tab" in broken.problems[0].message
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("started on the last good content" in m for m in errors) and any("intents.yaml:" in m for m in errors)
    (root / "intents.yaml").write_text((root / "intents.yaml").read_text().replace("\t- ocrevus", "      - ocrevus"))
    applied, _ = library.reload()
    assert applied and library.files_broken is None


def test_broken_files_with_no_good_snapshot_refuse_to_start_with_every_error(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    break_intents(root)
    with pytest.raises(LoadError) as raised:
        Library(root, signed_cache(tmp_path / "empty-cache"))
    assert [p.field for p in raised.value.problems] == ["yaml"]


def test_a_snapshot_built_by_other_code_is_never_started_on(tmp_path: Path) -> None:
    root, cache = copy_root(tmp_path), signed_cache(tmp_path / "cache")
    Library(root, cache)
    [snapshot] = cache_files(cache)
    snapshot.rename(cache.folder / f"{CACHE_PREFIX}{'0' * 16}{snapshot.name[len(CACHE_PREFIX) + 16:]}")  # another version
    break_intents(root)
    with pytest.raises(LoadError):
        Library(root, cache)


def test_a_failed_reload_is_recorded_until_a_good_one(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    library = Library(root)
    break_intents(root)
    applied, _ = library.reload()
    first = library.files_broken
    assert not applied and first is not None and not first.at_start
    library.reload()
    assert library.files_broken is not None and library.files_broken.since == first.since  # still the same outage


def test_a_build_runs_without_collector_passes_and_leaves_it_on(tmp_path: Path) -> None:
    """The collector stays off while a snapshot is built (its passes over millions of new objects cost a tenth
    of a big build), and is on again afterwards, after a good build and after a broken one."""
    import gc

    collections: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(record)
    try:
        knowledge, _ = build_knowledge(REPO)
    finally:
        gc.callbacks.remove(record)
    # At most the one the first allocation after the build may start (without the pause: hundreds).
    assert knowledge is not None and len(collections) <= 1 and gc.isenabled(), collections
    root = copy_root(tmp_path)
    (root / "intents.yaml").write_text("intents: [\n", encoding="utf-8")
    broken, problems = build_knowledge(root)
    assert broken is None and problems and gc.isenabled()
