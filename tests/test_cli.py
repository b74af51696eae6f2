"""The command line, run as a real process the way an admin runs it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO


def run_bot(*args: str, stdin: str = "", env: dict[str, str] | None = None,
            cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          timeout=60, cwd=cwd, env=full_env)


def test_ask_json_reads_stdin_in_order() -> None:
    questions = ["multipel sclerosys drugs", "what's the weather tomorrow", "vagus nerve stimulation",
                 "my son is fitting right now", "👍"]
    result = run_bot("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["text"] for a in answers] == questions
    assert answers[0]["intent"] == "ms_dmt"
    assert answers[1]["intent"] is None and answers[1]["kind"] == "fallback"
    assert answers[2]["intent"] == "refractory_treatments"
    assert answers[3]["kind"] == "emergency"
    for answer in answers:
        assert {"intent", "score", "reply", "buttons"} <= answer.keys() and answer["reply"]


def test_ask_prints_reply_and_numbered_buttons() -> None:
    result = run_bot("ask", "what", "is", "refractory", "epilepsy")
    assert result.returncode == 0, result.stderr
    assert "Reviewed" in result.stdout and "[1]" in result.stdout


def test_explain_names_the_safety_tier_and_criterion() -> None:
    result = run_bot("explain", "my husband had a seizure")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("SAFETY: emergency, possible (a safety line on top of the answer), criterion "
                                    "seizure_now;")


def test_explain_shows_candidates_and_keywords() -> None:
    result = run_bot("explain", "MS meds")
    assert result.returncode == 0, result.stderr
    assert "ms_dmt" in result.stdout and "keyword:" in result.stdout and "threshold" in result.stdout


def test_chat_uses_context_and_buttons(tmp_path: Path) -> None:
    env = {"BOT_DB_PATH": str(tmp_path / "db.sqlite3"), "BOT_WATCH": "0"}
    result = run_bot("chat", stdin="what is multiple sclerosis\nand what about treatment?\n1\n/quit\n", env=env)
    assert result.returncode == 0, result.stderr
    assert "Disease-modifying therapies" in result.stdout
    assert (tmp_path / "db.sqlite3").exists()


def test_default_command_without_token_starts_terminal_chat(tmp_path: Path) -> None:
    result = run_bot(stdin="hello\n", env={"BOT_DB_PATH": str(tmp_path / "db.sqlite3"), "BOT_WATCH": "0"})
    assert result.returncode == 0, result.stderr
    assert "No TELEGRAM_BOT_TOKEN set" in result.stdout


def test_bad_setting_fails_at_start_with_its_name() -> None:
    result = run_bot("ask", "hi", env={"BOT_RETENTION_DAYS": "soon"})
    assert result.returncode == 2 and "BOT_RETENTION_DAYS" in result.stderr


def test_broken_content_stops_start_with_file_and_line(tmp_path: Path) -> None:
    from tests.helpers import copy_root

    root = copy_root(tmp_path)
    (root / "intents.yaml").write_text("settings:\n  threshold: 500\nintents: []\n", encoding="utf-8")
    result = run_bot("--root", str(root), "ask", "hi")
    assert result.returncode == 1
    assert "intents.yaml:2: error: settings.threshold" in result.stderr


def test_dev_tools_run_from_a_checkout_even_outside_it(tmp_path: Path) -> None:
    result = run_bot("evaluate", "--help", cwd=tmp_path)  # tools/ is found beside the installed bot/
    assert result.returncode == 0, result.stderr
    assert "usage: python -m bot evaluate" in result.stdout


def test_dev_tools_missing_from_an_install_say_so(tmp_path: Path) -> None:
    shutil.copytree(REPO / "bot", tmp_path / "bot", ignore=shutil.ignore_patterns("__pycache__"))  # no tools/
    result = run_bot("bench", cwd=tmp_path)
    assert result.returncode == 1
    assert "'bench' is a development tool" in result.stderr and "Traceback" not in result.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    """`python -m bot explain "..." | head -1`: the reader leaves early; no traceback, the status of SIGPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the bot writes a line
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    for args in (["explain", "can ms be cured"], ["ask", "what is ms"], ["check"]):
        done = subprocess.run([sys.executable, "-m", "bot", *args], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, timeout=60, cwd=REPO, env=env)
        assert (done.returncode, done.stderr) == (141, ""), args
    os.close(write_end)


def test_broken_content_and_no_good_version_stops_the_chat_with_every_error(tmp_path: Path) -> None:
    from tests.helpers import copy_root

    root = copy_root(tmp_path)
    intents = root / "intents.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace("      - ocrevus\n", "\t- ocrevus\n"), "utf-8")
    result = run_bot("--root", str(root), "chat", stdin="hi\n", env={"BOT_DB_PATH": str(tmp_path / "d" / "db"),
                                                                     "BOT_WATCH": "0"})
    assert result.returncode == 1
    assert "no earlier good version of them in the cache to start on" in result.stderr
    assert "error: yaml: this line is indented with a tab" in result.stderr
    assert "\n      →- ocrevus\n      ^\n" in result.stderr  # the line (its tab made visible) and a caret under it


def test_evaluate_reports_safety_on_the_set_given(tmp_path: Path) -> None:
    safety = tmp_path / "safety.yaml"
    safety.write_text('- {text: "he is fitting right now", expect: emergency, criterion: seizure_now}\n'
                      '- {text: "what causes seizures", expect: calm, criterion: calm}\n', encoding="utf-8")
    result = run_bot("evaluate", "--safety", str(safety), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["safety"]
    assert report["by_kind"]["emergency"] == {"n": 1, "served": 1, "line_only": 0}
    assert report["false_alarms"] == 0 and all(report["floors_met"].values())
    printed = run_bot("evaluate", "--safety", str(safety))
    assert "Safety set:" in printed.stdout and "seizure_now" in printed.stdout
