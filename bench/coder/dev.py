"""Score the event coder on the development gold and print scores and error lists.

Usage::

    python bench/coder/dev.py [GOLD ...] [--errors N] [--kind penta|wrong_type|...]

Defaults to ``../shared/eval/penta_dev.tsv`` and ``../shared/eval/plover_gsr_dev.json``.
Codes with the full pipeline (spaCy, ``parley_actors``, ``parley_events``) and scores with
:func:`parley.eval.scoring.score`, the scorer behind ``parley eval``.
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from parley.eval.gold import read_gold
from parley.eval.scoring import primary_event, score
from parley.nlp import load_pipeline, make_doc

ROOT = Path(__file__).resolve().parents[2]

DEFAULT = [ROOT.parent / "shared/eval/penta_dev.tsv",
           ROOT.parent / "shared/eval/plover_gsr_dev.json"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="print N errors of --kind")
    ap.add_argument("--kind", default="penta")
    ap.add_argument("--confusion", action="store_true")
    ap.add_argument("--cell", default="", help="print penta sentences with gold,pred e.g. 3,4")
    args = ap.parse_args()
    nlp = load_pipeline()
    items = [it for g in args.gold for it in read_gold(g).items]
    t0 = time.perf_counter()
    docs = (make_doc(nlp, it.text, doc_id=f"{it.source}:{it.ref}", date=it.date) for it in items)
    preds = []
    for doc in nlp.pipe(docs, batch_size=64):
        preds.append(list(doc._.parley_events))
    dt = time.perf_counter() - t0
    res = score(items, preds)
    print(f"{len(items)} items in {dt:.1f}s")
    for name, sc in res.by_file.items():
        print(name)
        for k, v in sorted(sc.items()):
            if v is not None:
                print(f"   {k:40s} {v:.3f}")
    print("counts", json.dumps(res.counts))
    if args.confusion:
        conf: collections.Counter[tuple[int, int | None]] = collections.Counter()
        for it, p in zip(items, preds, strict=True):
            if it.penta is not None:
                ev = primary_event(p)
                conf[(it.penta, None if ev is None else ev.penta_class)] += 1
        print("gold\\pred  none  0  1  2  3  4")
        for g in range(5):
            row = [conf[(g, None)]] + [conf[(g, q)] for q in range(5)]
            print(f"   {g}     " + " ".join(f"{x:4d}" for x in row))
    if args.kind == "all":
        for it, p in zip(items, preds, strict=True):
            if it.events is None:
                continue
            print("-" * 80)
            print(it.text[:200], "|| GOLD:", [(g.event, [a.code for a in g.source],
                                               [a.code for a in g.target]) for g in it.events])
            for e in p:
                print(f"     {e.cameo} {e.event} neg={e.negated} c={e.confidence} :: "
                      f"{e.explanation[:230]}")
    if args.cell:
        g_want, p_want = args.cell.split(",")
        for it, p in zip(items, preds, strict=True):
            if it.penta is None or str(it.penta) != g_want:
                continue
            ev = primary_event(p)
            q = "none" if ev is None else str(ev.penta_class)
            if q != p_want:
                continue
            print("-" * 80)
            print(it.text)
            for e in p:
                print(f"     {e.cameo} {e.event} neg={e.negated} c={e.confidence} :: "
                      f"{e.explanation[:260]}")
    if args.errors:
        n = 0
        by_ref = {f"{it.source}:{it.ref}": (it, p) for it, p in zip(items, preds, strict=True)}
        for err in res.errors:
            if err.kind != args.kind:
                continue
            key = f"{err.source}:{err.ref}" if hasattr(err, "source") else ""
            it_p = by_ref.get(key)
            print("-" * 80)
            print(json.dumps(err.model_dump(), default=str))
            if it_p:
                for e in it_p[1]:
                    print(f"     {e.cameo} {e.event} neg={e.negated} c={e.confidence} :: "
                          f"{e.explanation[:300]}")
            n += 1
            if n >= args.errors:
                break


if __name__ == "__main__":
    main()
