"""How much time the event coder adds to spaCy.

    .venv/bin/python bench/coder/run.py [--corpus ../shared/corpora/bbc.jsonl] [--limit 300]

Parses the corpus once with spaCy alone (timed), then runs ``parley_actors`` and
``parley_events`` over the parsed documents (each timed on its own), and prints a table with
the seconds, documents per second and each component's cost as a share of spaCy's time.
The coder's target is at most 10% of spaCy's time.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from parley.clean._words import zipf_table
from parley.nlp import load_pipeline, make_doc

DEFAULT = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "bbc.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    texts = []
    with args.corpus.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.limit:
                break
            texts.append(json.loads(line)["text"])
    nlp = load_pipeline()
    actors = nlp.get_pipe("parley_actors")
    events = nlp.get_pipe("parley_events")
    spacy_only = [name for name in nlp.pipe_names if not name.startswith("parley_")]
    # warm up (lazy loading of dictionaries and lexicon, and of the word-frequency table that
    # text repair loads before any document reaches spaCy and the actor stage reads for
    # misspelt words)
    list(nlp.pipe([make_doc(nlp, t, doc_id="w") for t in texts[:2]]))
    zipf_table()
    docs_in = [make_doc(nlp, t, doc_id=f"d{i}") for i, t in enumerate(texts)]
    # each stage starts from a full collection, so a collection the previous stage made due
    # is not charged to the next one
    gc.collect()
    t0 = time.perf_counter()
    with nlp.select_pipes(enable=spacy_only):
        docs = list(nlp.pipe(docs_in, batch_size=args.batch_size))
    t_spacy = time.perf_counter() - t0
    gc.collect()
    t0 = time.perf_counter()
    for doc in docs:
        actors(doc)
    t_actors = time.perf_counter() - t0
    gc.collect()
    t0 = time.perf_counter()
    n_events = 0
    for doc in docs:
        events(doc)
        n_events += len(doc._.parley_events)
    t_events = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    table = Table(title=f"{len(docs)} documents, {words:,} tokens, {n_events:,} events "
                        f"({args.corpus.name})")
    for col in ("stage", "seconds", "docs/s", "share of spaCy"):
        table.add_column(col, justify="right" if col != "stage" else "left")
    rows = [("spaCy alone", t_spacy), ("parley_actors", t_actors), ("parley_events", t_events),
            ("spaCy + actors + events", t_spacy + t_actors + t_events)]
    for name, secs in rows:
        table.add_row(name, f"{secs:.2f}", f"{len(docs) / secs:.1f}",
                      f"{100 * secs / t_spacy:.1f}%")
    Console().print(table)


if __name__ == "__main__":
    main()
