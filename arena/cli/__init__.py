"""Command-line dispatcher. Each module in arena/cli/commands is one sub-command.

A command module exposes NAME, HELP, register(parser) and run(args) -> exit code, so new
commands need no edit here.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from types import ModuleType

from arena import __version__
from arena.cli import commands


def _command_modules() -> list[ModuleType]:
    modules = [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    ]
    return sorted((m for m in modules if hasattr(m, "NAME")), key=lambda m: m.NAME)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m arena", description="klantenarena: klantpanels plannen, notuleren, analyseren en rapporteren."
    )
    parser.add_argument("--version", action="version", version=f"klantenarena {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        command_parser = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.register(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a clear line for the user instead of a traceback
        from arena.domain.text import ValidationError
        from arena.services.auth import PermissionDenied
        from arena.services.sessions import NotFound

        if isinstance(exc, (ValidationError, PermissionDenied, NotFound)):
            print(f"Fout: {exc}", file=sys.stderr)
            return 1
        raise
