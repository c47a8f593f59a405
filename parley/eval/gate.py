"""The evaluation gate: score floors per gold file, which only go up.

``eval/floors.json`` records, for each dev gold file, its SHA-256 (a changed gold set is
detected, not silently re-scored), where it lives (relative to the floors file) and a floor
for every score the file supports. :func:`check_floors` lists every score below its floor;
:func:`raise_floors` lifts floors to the current scores and refuses to lower one unless told
to, with a reason that is kept in the file's ``history``.

Floors are the scores truncated to four decimals, so the run that set them always passes.

Scores where lower is better (over-coding: ``events_per_gold_event``) have *ceilings*
instead, in the optional ``ceilings`` section: a run above its ceiling fails, updating only
ever lowers a ceiling (rounded up to four decimals), and raising one needs ``allow_lower``
and a reason like lowering a floor.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import Errors, EvalError
from .gold import GoldSet
from .scoring import INFO_NAMES, SCORE_NAMES, EvalResult

FLOORS_VERSION = 1
#: Environment variable naming a folder that holds the gold files named in a floors file.
GOLD_DIR_ENV = "PARLEY_GOLD_DIR"
_EPS = 1e-9


def floor4(value: float) -> float:
    """``value`` truncated (not rounded) to four decimals."""
    return math.floor(value * 10_000 + _EPS) / 10_000


def ceil4(value: float) -> float:
    """``value`` rounded up to four decimals."""
    return math.ceil(value * 10_000 - _EPS) / 10_000


def new_floors() -> dict[str, Any]:
    return {
        "version": FLOORS_VERSION,
        "about": "Scores parley must not fall below on the dev gold (per gold file). Raise "
        "with `parley eval --update-floors`; lowering needs --allow-lower --reason. "
        "See docs/eval.md.",
        "gold": {},
        "floors": {},
        "history": [],
    }


def load_floors(path: str | Path) -> dict[str, Any]:
    """Read a floors file (E182 when it is not one)."""
    p = Path(path)
    if not p.is_file():
        raise EvalError(Errors.E182.format(path=p, reason="no such file"))
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvalError(Errors.E182.format(path=p, reason=f"not valid JSON ({exc})")) from exc
    if not isinstance(data, dict) or data.get("version") != FLOORS_VERSION:
        raise EvalError(Errors.E182.format(
            path=p, reason=f"expected a JSON object with \"version\": {FLOORS_VERSION}"))
    for key in ("gold", "floors", "history"):
        if not isinstance(data.get(key), dict if key != "history" else list):
            raise EvalError(Errors.E182.format(path=p, reason=f"'{key}' is missing or malformed"))
    return data


def save_floors(path: str | Path, data: dict[str, Any]) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n",
                 encoding="utf-8")  # fmt: skip


def gold_paths(data: dict[str, Any], floors_path: str | Path) -> list[Path]:
    """Where the gold files named in a floors file are: ``$PARLEY_GOLD_DIR/<name>`` when that
    is set, else the recorded path relative to the floors file. E185 when one is missing."""
    base = Path(floors_path).resolve().parent
    env_dir = os.environ.get(GOLD_DIR_ENV)
    out: list[Path] = []
    for name, info in data["gold"].items():
        where = Path(env_dir) / name if env_dir else (base / str(info.get("path", name)))
        if not where.is_file():
            raise EvalError(Errors.E185.format(name=name, path=floors_path, where=where))
        out.append(where)
    return out


def check_floors(
    result: EvalResult, gold_sets: Sequence[GoldSet], data: dict[str, Any]
) -> list[str]:
    """Every way the run falls short of the floors (empty: the gate passes)."""
    failures: list[str] = []
    by_name = {g.name: g for g in gold_sets}
    for name, floors in data["floors"].items():
        gs = by_name.get(name)
        if gs is None:
            failures.append(f"{name}: not evaluated (pass it, or all gold files of the floors)")
            continue
        recorded = data["gold"].get(name, {}).get("sha256")
        if recorded and recorded != gs.sha256:
            failures.append(
                f"{name}: the gold file changed (sha256 {gs.sha256[:12]}, floors recorded "
                f"{recorded[:12]}); re-record with --update-floors --allow-lower --reason"
            )
            continue
        scores = result.by_file.get(name, {})
        for metric, floor in floors.items():
            value = scores.get(metric)
            if value is None:
                failures.append(f"{name}: {metric} was not computed (floor {floor:.4f})")
            elif value + _EPS < float(floor):
                failures.append(f"{name}: {metric} = {value:.4f} is below its floor {floor:.4f}")
        for metric, ceiling in data.get("ceilings", {}).get(name, {}).items():
            value = scores.get(metric)
            if value is None:
                failures.append(f"{name}: {metric} was not computed (ceiling {ceiling:.4f})")
            elif value - _EPS > float(ceiling):
                failures.append(
                    f"{name}: {metric} = {value:.4f} is above its ceiling {ceiling:.4f}")
    return failures


def raise_floors(
    data: dict[str, Any],
    result: EvalResult,
    gold_sets: Sequence[GoldSet],
    *,
    floors_path: str | Path,
    allow_lower: bool = False,
    reason: str | None = None,
    coder_version: str | None = None,
    model: str | None = None,
    today: dt.date | None = None,
) -> tuple[dict[str, Any], dict[str, tuple[float | None, float | None]]]:
    """The floors raised to the current scores, and what changed (``"file:metric" -> (old,
    new)``). Lowering a floor, dropping one, or re-basing a changed gold file needs
    ``allow_lower`` and a ``reason`` (E183, E184); ``data`` itself is not modified."""
    if allow_lower and not (reason and reason.strip()):
        raise EvalError(Errors.E184)
    out = json.loads(json.dumps(data))
    base = Path(floors_path).resolve().parent
    changes: dict[str, tuple[float | None, float | None]] = {}
    lowered: list[str] = []
    for gs in gold_sets:
        name = gs.name
        old_floors: dict[str, float] = dict(out["floors"].get(name, {}))
        recorded = out["gold"].get(name, {}).get("sha256")
        rebased = bool(recorded) and recorded != gs.sha256
        if rebased:
            lowered.append(f"{name} (gold file changed)")
        scores = result.by_file.get(name, {})
        new: dict[str, float] = {}
        for metric in SCORE_NAMES:
            value = scores.get(metric)
            old = old_floors.get(metric)
            if value is None:
                if old is not None:
                    lowered.append(f"{name}:{metric} (no longer computed)")
                    changes[f"{name}:{metric}"] = (old, None)
                continue
            candidate = floor4(value)
            if old is None or rebased:
                new[metric] = candidate
                if old != candidate:
                    changes[f"{name}:{metric}"] = (old, candidate)
            elif candidate > old:
                new[metric] = candidate
                changes[f"{name}:{metric}"] = (old, candidate)
            elif candidate < old - _EPS:
                lowered.append(f"{name}:{metric} {old:.4f} -> {candidate:.4f}")
                new[metric] = candidate
                changes[f"{name}:{metric}"] = (old, candidate)
            else:
                new[metric] = old
        out["floors"][name] = new
        old_ceilings: dict[str, float] = dict(out.get("ceilings", {}).get(name, {}))
        new_ceilings: dict[str, float] = {}
        for metric in INFO_NAMES:
            value = scores.get(metric)
            old = old_ceilings.get(metric)
            if value is None:
                if old is not None:
                    lowered.append(f"{name}:{metric} ceiling (no longer computed)")
                    changes[f"{name}:{metric}"] = (old, None)
                continue
            candidate = ceil4(value)
            if old is None or rebased or candidate < old - _EPS:
                new_ceilings[metric] = candidate
                if old != candidate:
                    changes[f"{name}:{metric}"] = (old, candidate)
            elif candidate > old + _EPS:
                lowered.append(f"{name}:{metric} ceiling {old:.4f} -> {candidate:.4f}")
                new_ceilings[metric] = candidate
                changes[f"{name}:{metric}"] = (old, candidate)
            else:
                new_ceilings[metric] = old
        if new_ceilings:
            out.setdefault("ceilings", {})[name] = new_ceilings
        try:
            rel = os.path.relpath(gs.path.resolve(), base)
        except ValueError:  # another drive on Windows
            rel = str(gs.path.resolve())
        out["gold"][name] = {"path": rel, "format": gs.fmt, "sha256": gs.sha256,
                             "items": len(gs.items)}  # fmt: skip
    if lowered and not allow_lower:
        raise EvalError(Errors.E183.format(lowered="; ".join(lowered)))
    if changes or lowered:
        entry: dict[str, Any] = {
            "date": (today or dt.date.today()).isoformat(),
            "action": "lower" if lowered else "raise",
            "changes": {k: [o, n] for k, (o, n) in sorted(changes.items())},
        }
        if lowered:
            entry["reason"] = reason
            entry["lowered"] = lowered
        elif reason:
            entry["reason"] = reason
        if coder_version:
            entry["coder_version"] = coder_version
        if model:
            entry["model"] = model
        out["history"].append(entry)
    if model:
        out["model"] = model
    return out, changes


__all__ = [
    "FLOORS_VERSION",
    "GOLD_DIR_ENV",
    "ceil4",
    "check_floors",
    "floor4",
    "gold_paths",
    "load_floors",
    "new_floors",
    "raise_floors",
    "save_floors",
]
