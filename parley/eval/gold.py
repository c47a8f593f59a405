"""Gold readers: every format ``parley eval`` accepts, read into :class:`GoldItem`.

One :class:`GoldItem` is one sentence (or short text) with whatever its format labels:

========== ================================================ =====================================
format     file                                             labels on each item
========== ================================================ =====================================
``plover`` PLOVER gold-standard records (JSON array)        one event: type, source, target
``cameo``  the CAMEO codebook table (CSV with ``example``)   one event: its CAMEO code
``penta``  ``sentence<TAB>label`` (labels 0..4)              the sentence's PentaClass
``spans``  CoNLL ``token tag`` (BIO, S/T/R)                 source and target character spans
``jsonl``  parley's own gold, one JSON object per line      every event: type, CAMEO, actors ...
========== ================================================ =====================================

:func:`sniff_format` tells the format from the file's extension and first bytes;
:func:`read_gold` reads a file in any of them. Nothing here prints.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import DataFileError, Errors, EvalError, InputError
from ..events.cameo import PLOVER_ALIASES

GoldFormat = Literal["plover", "cameo", "penta", "spans", "jsonl"]
FORMATS: tuple[GoldFormat, ...] = ("plover", "cameo", "penta", "spans", "jsonl")

#: Old PLOVER names used in the 2016 gold-standard records -> current names (one table,
#: kept with the CAMEO-to-PLOVER mapping).
OLD_PLOVER_NAMES: dict[str, str] = PLOVER_ALIASES

#: Non-ISO country codes found in older gold -> ISO 3166 alpha-3.
CODE_ALIASES: dict[str, str] = {
    "JAP": "JPN",
    "UK": "GBR",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "BUR": "MMR",
    "YUG": "SRB",
}


@dataclass(frozen=True)
class GoldActor:
    """An actor on a gold event: its country/organisation code and sector (either may be None)."""

    code: str | None = None
    sector: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One gold event. ``event`` is a PLOVER type or None when the gold gives only a CAMEO code."""

    event: str | None = None
    cameo: str | None = None
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    negated: bool = False
    hypothetical: bool = False
    location: str | None = None  # the place name where it happened, when the gold says

    @property
    def cameo_root(self) -> str | None:
        return cameo_root(self.cameo)


@dataclass(frozen=True)
class GoldSpan:
    """A gold source or target span: character offsets into :attr:`GoldItem.text`."""

    role: Literal["source", "target"]
    start: int
    end: int
    text: str


@dataclass
class GoldItem:
    """One gold sentence and its labels.

    ``events`` is None when the format does not label events (``penta``, ``spans``).
    ``complete`` says whether ``events`` lists every event in the sentence (``jsonl``) or only
    one of them (``plover``, ``cameo``): predicted events beyond the matched one are false
    positives only when it is complete.
    """

    source: str  # the gold file's name
    ref: str  # the record id or "line N"
    fmt: GoldFormat
    text: str
    date: dt.date | None = None
    events: list[GoldEvent] | None = None
    complete: bool = False
    penta: int | None = None
    spans: list[GoldSpan] | None = None


@dataclass
class GoldSet:
    """The items of one gold file, with the file's format and content hash."""

    path: Path
    fmt: GoldFormat
    sha256: str
    items: list[GoldItem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


# --------------------------------------------------------------------------- helpers


def cameo_root(code: str | None) -> str | None:
    """The two-digit CAMEO root of ``code`` ("0311" -> "03"), or None."""
    if not code:
        return None
    digits = code.strip()
    if len(digits) < 2 or not digits[:2].isdigit():
        return None
    return digits[:2]


def penta_of_root(root: str | None) -> int | None:
    """PentaClass of a CAMEO root: 0 statement (01), 1 verbal cooperation (02-05),
    2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if root is None:
        return None
    n = int(root)
    if n == 1:
        return 0
    if 2 <= n <= 5:
        return 1
    if 6 <= n <= 8:
        return 2
    if 9 <= n <= 13:
        return 3
    if 14 <= n <= 20:
        return 4
    return None


def _penta_of_code(code: str) -> int | None:
    """The PentaClass of a gold CAMEO code in the convention events carry (``penta_class``:
    Phoenix, as the PentaClass gold is labelled: appeals 02 are neutral, 16 is verbal
    conflict), so that a gold code and a predicted code are compared alike."""
    from ..events.cameo import penta_class

    return penta_class(code) if cameo_root(code) is not None else None


def quad_of_penta(penta: int | None) -> int | None:
    """CAMEO QuadClass (1..4) of a PentaClass: statements (0) are verbal cooperation (1)."""
    if penta is None:
        return None
    return 1 if penta == 0 else penta


def normalise_event_type(name: str) -> str:
    upper = name.strip().upper()
    return OLD_PLOVER_NAMES.get(upper, upper)


def normalise_code(code: str | None) -> str | None:
    if code is None:
        return None
    c = code.strip().upper()
    if not c or c == "***":
        return None
    return CODE_ALIASES.get(c, c)


def normalise_sector(sector: str | None) -> str | None:
    """The three-letter PLOVER sector: "ELIyor" -> "ELI", "***" -> None."""
    if sector is None:
        return None
    s = sector.strip()
    if len(s) < 3 or not s[:3].isalpha():
        return None
    return s[:3].upper()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise InputError(Errors.E020.format(path=path), path=str(path))
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            Errors.E031.format(path=path, reason=f"not UTF-8 text ({exc.reason})"), path=str(path)
        ) from exc


# --------------------------------------------------------------------------- sniffing

_CAMEO_COLUMNS = {"code", "example"}


def sniff_format(path: Path, text: str) -> GoldFormat:
    """Tell the gold format of ``path`` from its content (and extension, when the content is
    ambiguous). Raises :class:`EvalError` E050 naming the file when it cannot tell."""
    stripped = text.lstrip()
    first_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    suffix = path.suffix.lower()
    if not stripped:
        raise EvalError(Errors.E050.format(path=path, hint="The file is empty."))
    if stripped.startswith("["):
        return "plover"
    if stripped.startswith("{"):
        return "jsonl"
    header = [c.strip().lower() for c in next(csv.reader([first_line]), [])]
    if set(header) >= _CAMEO_COLUMNS:
        return "cameo"
    if "\t" in first_line:
        label = first_line.rsplit("\t", 1)[1].strip()
        if label.isdigit():
            return "penta"
    lines = [ln for ln in text.splitlines()[:200] if ln.strip()]
    if lines and all(_looks_like_conll(ln) for ln in lines):
        return "spans"
    by_suffix: dict[str, GoldFormat] = {
        ".jsonl": "jsonl", ".conll": "spans", ".tsv": "penta", ".csv": "cameo",
    }  # fmt: skip
    guess = by_suffix.get(suffix)
    hint = (
        "Known formats: PLOVER records (a JSON array), parley JSONL (one object per line with "
        "'text' and 'events'), the CAMEO codebook CSV (columns code, ..., example), "
        "'sentence<TAB>label' TSV (labels 0-4) and CoNLL 'token tag' spans (BIO with S/T/R)."
    )
    if guess is not None:
        hint = f"The extension says {guess!r} but the content does not match it. " + hint
    raise EvalError(Errors.E050.format(path=path, hint=hint))


def _looks_like_conll(line: str) -> bool:
    parts = line.split()
    if len(parts) != 2:
        return False
    tag = parts[1]
    return tag == "O" or (len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES")


# --------------------------------------------------------------------------- readers


def read_gold(path: str | Path, *, fmt: GoldFormat | None = None) -> GoldSet:
    """Read the gold file at ``path`` (format sniffed unless ``fmt`` is given)."""
    p = Path(path)
    text = _read_text(p)
    kind = fmt or sniff_format(p, text)
    readers = {
        "plover": _read_plover,
        "cameo": _read_cameo,
        "penta": _read_penta,
        "spans": _read_spans,
        "jsonl": _read_jsonl,
    }
    items = list(readers[kind](p, text))
    if not items:
        raise EvalError(
            Errors.E180.format(path=p, fmt=kind, reason="it holds no usable gold item")
        )
    return GoldSet(path=p, fmt=kind, sha256=file_sha256(p), items=items)


def _actors_from(value: Any, path: Path, ref: str, field_name: str) -> tuple[GoldActor, ...]:
    """Actors from a PLOVER/JSONL ``source``/``target`` value: list, single object, string or
    empty."""
    if value is None or value == "" or value == []:
        return ()
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, str):
        return (GoldActor(code=normalise_code(value), text=value),)
    if not isinstance(value, list):
        raise DataFileError(
            Errors.E181.format(
                path=path, ref=ref, field=field_name,
                reason=f"expected a list of actor objects, found {type(value).__name__}",
            ),
            path=str(path),
        )  # fmt: skip
    actors: list[GoldActor] = []
    for a in value:
        if isinstance(a, str):
            actors.append(GoldActor(code=normalise_code(a), text=a))
            continue
        if not isinstance(a, dict):
            raise DataFileError(
                Errors.E181.format(
                    path=path, ref=ref, field=field_name,
                    reason=f"an actor must be an object, found {type(a).__name__}",
                ),
                path=str(path),
            )  # fmt: skip
        actors.append(
            GoldActor(
                code=normalise_code(_opt_str(a.get("code"))),
                sector=normalise_sector(_opt_str(a.get("sector"))),
                text=_opt_str(a.get("actorText") or a.get("text")),
            )
        )
    return tuple(actors)


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _location(value: Any) -> str | None:
    """A gold event location: a place name, or an object with ``name``."""
    if isinstance(value, dict):
        value = value.get("name")
    return _opt_str(value)


def _parse_date(value: Any, path: Path, ref: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise DataFileError(
            Errors.E181.format(path=path, ref=ref, field="date", reason="expected YYYY-MM-DD"),
            path=str(path),
        )
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise DataFileError(
            Errors.E181.format(path=path, ref=ref, field="date", reason=f"{value!r}: {exc}"),
            path=str(path),
        ) from exc


def _read_plover(path: Path, text: str) -> Iterator[GoldItem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError.at(path, exc.lineno, f"invalid JSON: {exc.msg}") from exc
    if not isinstance(data, list):
        raise DataFileError(
            Errors.E031.format(path=path, reason="PLOVER gold must be a JSON array of records"),
            path=str(path),
        )
    for i, rec in enumerate(data):
        if not isinstance(rec, dict):
            raise DataFileError(
                Errors.E181.format(path=path, ref=f"record {i}", field="(record)",
                                   reason="each record must be a JSON object"),
                path=str(path),
            )  # fmt: skip
        ref = str(rec.get("id") or f"record {i}")
        event = _opt_str(rec.get("event"))
        if event is None or event.upper() == "DOCUMENT":
            continue  # the documentation header
        sentence = _opt_str(rec.get("text"))
        if sentence is None:
            raise DataFileError(
                Errors.E181.format(path=path, ref=ref, field="text", reason="missing or empty"),
                path=str(path),
            )
        gold_event = GoldEvent(
            event=normalise_event_type(event),
            source=_actors_from(rec.get("source"), path, ref, "source"),
            target=_actors_from(rec.get("target"), path, ref, "target"),
            location=_location(rec.get("eventLoc")),
        )
        yield GoldItem(
            source=path.name, ref=ref, fmt="plover", text=sentence,
            date=_parse_date(rec.get("date"), path, ref), events=[gold_event], complete=False,
        )  # fmt: skip


def _read_cameo(path: Path, text: str) -> Iterator[GoldItem]:
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if not fields >= _CAMEO_COLUMNS:
        raise DataFileError(
            Errors.E031.format(path=path, reason="the CAMEO table needs columns 'code' and "
                               f"'example'; found {sorted(fields)}"),
            path=str(path),
        )  # fmt: skip
    for row in reader:
        line = reader.line_num
        norm = {(k or "").strip().lower(): (v or "") for k, v in row.items()}
        example = norm.get("example", "").strip()
        if not example:
            continue  # held out, or a root row without an example
        code = norm.get("code", "").strip()
        if cameo_root(code) is None:
            raise DataFileError.at(path, line,
                                   f"CAMEO code {code!r} does not start with two digits")
        yield GoldItem(
            source=path.name, ref=f"line {line}", fmt="cameo", text=example,
            events=[GoldEvent(cameo=code)], complete=False,
            penta=_penta_of_code(code),
        )  # fmt: skip


def _read_penta(path: Path, text: str) -> Iterator[GoldItem]:
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        if "\t" not in raw:
            raise DataFileError.at(path, n, "expected 'sentence<TAB>label' (no tab found)")
        sentence, label = raw.rsplit("\t", 1)
        label = label.strip()
        if label not in {"0", "1", "2", "3", "4"}:
            raise DataFileError.at(path, n, f"label {label!r} is not a PentaClass 0-4")
        if not sentence.strip():
            continue
        yield GoldItem(
            source=path.name, ref=f"line {n}", fmt="penta", text=sentence.strip(),
            penta=int(label),
        )  # fmt: skip


# Tokens glued to the previous token / the next token when rebuilding a sentence.
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re",
                    "'ve", "'ll", "'d", "'m", "’s", "’"}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into a sentence; returns the text and each token's ``(start, end)``."""
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev: str | None = None
    for tok in tokens:
        glue = prev is None or tok.lower() in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER
        if not glue:
            out.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(out), offsets


def _read_spans(path: Path, text: str) -> Iterator[GoldItem]:
    tokens: list[str] = []
    tags: list[str] = []
    start_line = 1
    for n, raw in enumerate([*text.splitlines(), ""], start=1):
        if not raw.strip():
            if tokens:
                yield _spans_item(path, start_line, tokens, tags)
            tokens, tags = [], []
            start_line = n + 1
            continue
        parts = raw.split()
        if len(parts) != 2:
            raise DataFileError.at(path, n,
                                   f"expected 'token tag', found {len(parts)} fields")
        tok, tag = parts
        if tag != "O" and not (len(tag) > 2 and tag[0] in "BI" and tag[1] == "-"):
            raise DataFileError.at(path, n, f"tag {tag!r} is not O, B-X or I-X")
        tokens.append(tok)
        tags.append(tag)


def _spans_item(path: Path, line: int, tokens: list[str], tags: list[str]) -> GoldItem:
    sentence, offsets = detokenize(tokens)
    spans: list[GoldSpan] = []
    cur_role: str | None = None
    cur_start = cur_end = 0

    def close() -> None:
        if cur_role in ("S", "T"):
            role: Literal["source", "target"] = "source" if cur_role == "S" else "target"
            spans.append(GoldSpan(role=role, start=cur_start, end=cur_end,
                                  text=sentence[cur_start:cur_end]))  # fmt: skip

    for (s, e), tag in zip(offsets, tags, strict=True):
        if tag == "O":
            close()
            cur_role = None
            continue
        bio, label = tag[0], tag[2:]
        if bio == "B" or label != cur_role:
            close()
            cur_role, cur_start, cur_end = label, s, e
        else:
            cur_end = e
    close()
    return GoldItem(source=path.name, ref=f"line {line}", fmt="spans", text=sentence,
                    spans=spans)  # fmt: skip


def _read_jsonl(path: Path, text: str) -> Iterator[GoldItem]:
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise DataFileError.at(path, n, f"invalid JSON: {exc.msg}") from exc
        ref = f"line {n}"
        if not isinstance(obj, dict):
            raise DataFileError.at(path, n, "each line must be a JSON object")
        sentence = _opt_str(obj.get("text"))
        if sentence is None:
            raise DataFileError(
                Errors.E181.format(path=path, ref=ref, field="text", reason="missing or empty"),
                path=str(path),
            )
        raw_events = obj.get("events", [])
        if not isinstance(raw_events, list):
            raise DataFileError(
                Errors.E181.format(path=path, ref=ref, field="events",
                                   reason="must be a list (use [] for a sentence with no event)"),
                path=str(path),
            )  # fmt: skip
        events: list[GoldEvent] = []
        for j, ev in enumerate(raw_events):
            where = f"events[{j}]"
            if not isinstance(ev, dict):
                raise DataFileError(
                    Errors.E181.format(path=path, ref=ref, field=where,
                                       reason="each event must be an object"),
                    path=str(path),
                )  # fmt: skip
            etype = _opt_str(ev.get("event"))
            cameo = ev.get("cameo")
            if cameo is not None and not isinstance(cameo, str):
                raise DataFileError(
                    Errors.E181.format(path=path, ref=ref, field=f"{where}.cameo",
                                       reason="write the CAMEO code as a string, e.g. \"042\""),
                    path=str(path),
                )  # fmt: skip
            if etype is None and not cameo:
                raise DataFileError(
                    Errors.E181.format(path=path, ref=ref, field=where,
                                       reason="an event needs 'event' (PLOVER type) or 'cameo'"),
                    path=str(path),
                )  # fmt: skip
            events.append(
                GoldEvent(
                    event=normalise_event_type(etype) if etype else None,
                    cameo=cameo or None,
                    source=_actors_from(ev.get("source"), path, ref, f"{where}.source"),
                    target=_actors_from(ev.get("target"), path, ref, f"{where}.target"),
                    negated=bool(ev.get("negated", False)),
                    hypothetical=bool(ev.get("hypothetical", False)),
                    location=_location(ev.get("location")),
                )
            )
        first_code = next((e.cameo for e in events if e.cameo and e.cameo_root), None)
        yield GoldItem(
            source=path.name, ref=str(obj.get("id") or ref), fmt="jsonl", text=sentence,
            date=_parse_date(obj.get("date"), path, ref), events=events,
            complete=bool(obj.get("complete", True)),
            penta=_penta_of_code(first_code) if first_code else None,
        )  # fmt: skip


__all__ = [
    "CODE_ALIASES",
    "FORMATS",
    "OLD_PLOVER_NAMES",
    "GoldActor",
    "GoldEvent",
    "GoldFormat",
    "GoldItem",
    "GoldSet",
    "GoldSpan",
    "cameo_root",
    "detokenize",
    "file_sha256",
    "normalise_code",
    "normalise_event_type",
    "normalise_sector",
    "penta_of_root",
    "quad_of_penta",
    "read_gold",
    "sniff_format",
]
