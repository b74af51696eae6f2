"""The supply chain: a hashed lock the image installs from, advisory floors, an image with only what runs."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.helpers import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = (REPO / "requirements.lock").read_text(encoding="utf-8")
# Versions below these have published advisories (see the comments in pyproject.toml): (floor, one below it).
FLOORS = {"cryptography": ("50.0.0", "49.0.0"), "aiohttp": ("3.14.3", "3.14.2")}


def locked() -> dict[str, tuple[Version, int]]:
    """name -> (pinned version, number of hashes)."""
    found = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", LOCK):
        if match := re.match(r"([A-Za-z0-9._-]+)==([^ \\\n;]+)", block):
            found[canonicalize_name(match[1])] = (Version(match[2]), block.count("--hash=sha256:"))
    return found


def test_every_locked_package_is_pinned_with_hashes() -> None:
    pins = locked()
    assert len(pins) > 20
    assert all(hashes >= 1 for _, hashes in pins.values()), [n for n, (_, h) in pins.items() if not h]


def test_the_lock_satisfies_pyproject_and_the_advisory_floors() -> None:
    pins = locked()
    for line in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in requirements.lock: regenerate it (README, Docker)"
        assert requirement.specifier.contains(pins[name][0]), (name, str(pins[name][0]), str(requirement.specifier))
    for name, (floor, below) in FLOORS.items():
        requirement = next(Requirement(d) for d in PYPROJECT["project"]["dependencies"] if d.startswith(name))
        assert not requirement.specifier.contains(below), f"pyproject.toml still allows {name} {below}"
        assert pins[name][0] >= Version(floor), name
    assert {"pip", "setuptools"} <= set(pins), "the image's installer and build backend are locked too"


def test_the_image_installs_only_from_the_lock() -> None:
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert "pip install -q --require-hashes -r requirements.lock" in dockerfile
    assert "pip install -q --no-deps --no-build-isolation ." in dockerfile
    assert "-e ." not in dockerfile and "[test]" not in dockerfile
    copied = {source for line in re.findall(r"^COPY (?!--from)(.+)$", dockerfile, flags=re.MULTILINE)
              for source in line.split()[:-1]}
    assert copied == {"requirements.lock", "pyproject.toml", "README.md", "bot/", "content/", "intents.yaml"}


def test_the_build_context_holds_only_what_the_image_copies() -> None:
    ignored = [line for line in (REPO / ".dockerignore").read_text().splitlines() if line and not line.startswith("#")]
    assert ignored[0] == "*", "everything is left out unless listed"
    allowed = {line[1:].rstrip("/") for line in ignored if line.startswith("!")}
    assert allowed == {"requirements.lock", "pyproject.toml", "README.md", "bot", "content", "intents.yaml"}


def test_the_chart_pulls_no_plotting_stack() -> None:
    """The /stats chart is drawn with Pillow alone: matplotlib's stack (about 150 MB) is not in the image."""
    runtime = {canonicalize_name(Requirement(line).name) for line in PYPROJECT["project"]["dependencies"]}
    assert "pillow" in runtime
    assert not {"matplotlib", "contourpy", "kiwisolver", "fonttools", "cycler"} & set(locked())
