"""Find every service function `f(db, actor, ...)` in arena/, and build arguments for it."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import arena
from arena.store.types import utcnow

SKIP_PACKAGES = ("arena.cli", "arena.store", "arena.domain")  # no actor: plumbing, not services


def service_functions() -> list[tuple[str, Callable]]:
    found = []
    for info in pkgutil.walk_packages(arena.__path__, "arena."):
        if info.name.startswith(SKIP_PACKAGES) or info.ispkg or info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:  # an optional part that does not import here is not a service
            continue
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:2] == ["db", "actor"]:
                found.append((f"{module.__name__}.{name}", fn))
    return sorted(found, key=lambda pair: pair[0])


def guess(name: str, annotation: Any, pool: dict[str, Any], tmp: Path) -> Any:
    if name in pool:
        return pool[name]
    text = str(annotation)
    if name.endswith("_ids") or name == "ids":
        return [pool.get(name[:-1], 1)]
    if name.endswith("_id") or name == "id":
        return pool.get(name, 1)
    if name in ("confirmed", "dry_run"):
        return name == "confirmed"
    for marker, value in (("Path", tmp / "x.sqlite3"), ("datetime", utcnow()), ("date", date.today()), ("bool", True),
                          ("float", 1.0), ("int", 1), ("bytes", b"x"), ("str", "x"), ("list", []), ("Sequence", []),
                          ("dict", {}), ("Role", "lezer")):
        if marker in text:
            return value
    return None


def call_args(fn: Callable, db, actor, pool: dict[str, Any], tmp: Path) -> tuple[list, dict]:
    args, kwargs = [db, actor], {}
    for param in list(inspect.signature(fn).parameters.values())[2:]:
        if param.default is not inspect.Parameter.empty or param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
            continue
        value = guess(param.name, param.annotation, pool, tmp)
        if param.kind is param.KEYWORD_ONLY:
            kwargs[param.name] = value
        else:
            args.append(value)
    return args, kwargs


def mentions(value: Any, needles: list[str], depth: int = 0) -> list[str]:
    """Names in a returned value: its repr, and for bytes also the members of zip containers."""
    blobs: list[str] = []
    if isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
        blobs.append(raw.decode("utf-8", errors="ignore"))
        if raw[:2] == b"PK":
            try:
                with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                    blobs += [archive.read(n).decode("utf-8", errors="ignore") for n in archive.namelist()]
            except zipfile.BadZipFile:
                pass
    else:
        blobs.append(repr(value))
        if depth < 2 and isinstance(value, (list, tuple, dict)):
            items = value.values() if isinstance(value, dict) else value
            for item in items:
                if isinstance(item, (bytes, bytearray)):
                    blobs.append(" ".join(mentions(item, needles, depth + 1)))
    text = "\n".join(blobs)
    return [n for n in needles if n in text]


__all__ = ["call_args", "datetime", "mentions", "service_functions"]
