"""The README is checked: two set-up commands, CI runs the test one, every documented command exists."""

from __future__ import annotations

import re

from arena.cli import build_parser
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return README.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_exactly_two_setup_commands_and_ci_runs_the_test_one():
    block = re.search(r"```bash\n(.*?)```", _section("Aan de slag"), re.S).group(1)
    commands = [line.strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make start", "make test"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_every_documented_cli_command_is_registered():
    documented = set(re.findall(r"^\| `([a-z-]+)", _section("Opdrachtregel"), re.M))
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    assert documented and documented <= set(subparsers.choices)


def test_every_documented_benchmark_exists():
    for name in re.findall(r"-m benchmarks\.(\w+)", README):
        assert (REPO / "benchmarks" / f"{name}.py").exists(), name
