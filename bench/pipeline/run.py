"""End-to-end throughput and memory of the pipeline, stage by stage.

    .venv/bin/python bench/pipeline/run.py [--corpus ../shared/corpora/bbc.jsonl] [--limit 200]

Reads real news (JSONL with `id` and `text`), then times: repair (`prepare`), spaCy alone,
spaCy with parley's actor and event components, and writing to a fresh SQLite store. Prints a
table with documents/s, MB/s and the peak resident memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from parley.config import Settings
from parley.models import RawDocument
from parley.nlp import make_doc
from parley.pipeline import Pipeline
from parley.store import Store

DEFAULT = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "bbc.jsonl"


def load(path: Path, limit: int) -> list[RawDocument]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= limit:
                break
            item = json.loads(line)
            text = item["text"]
            data = text.encode("utf-8")
            docs.append(RawDocument(
                external_id=str(item.get("id", n)), raw=data, text=text,
                content_hash=hashlib.sha256(data).hexdigest(), source=str(path),
                source_line=n + 1, format="jsonl",
            ))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    raws = load(args.corpus, args.limit)
    megabytes = sum(len(r.raw) for r in raws) / 1e6
    pipeline = Pipeline(Settings(batch_size=32))
    nlp = pipeline.nlp
    rows: list[tuple[str, float]] = []

    t = time.perf_counter()
    documents = [pipeline.prepare(r) for r in raws]
    rows.append(("repair + metadata (prepare)", time.perf_counter() - t))

    texts = [d.text for d in documents]
    with nlp.select_pipes(disable=["parley_actors", "parley_events"]):
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        rows.append(("spaCy alone", time.perf_counter() - t))

    t = time.perf_counter()
    results = list(pipeline.process(documents))
    full = time.perf_counter() - t
    rows.append(("spaCy + actors + events", full))
    n_events = sum(len(r.events) for r in results)

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "bench.db"))
        t = time.perf_counter()
        for raw, result in zip(raws, results, strict=True):
            store.add_document(raw, result.document)
            store.save_processed(result, run_id=None)
        rows.append(("store (SQLite, WAL)", time.perf_counter() - t))
        store.close()

    # component cost measured directly on pre-annotated docs
    docs = [make_doc(nlp, d.text, doc_id=d.doc_id, date=d.date) for d in documents]
    with nlp.select_pipes(disable=["parley_actors", "parley_events"]):
        annotated = list(nlp.pipe(docs, batch_size=32))
    comp_times = {}
    for name in ("parley_actors", "parley_events"):
        comp = nlp.get_pipe(name)
        t = time.perf_counter()
        for doc in annotated:
            comp(doc)
        comp_times[name] = time.perf_counter() - t

    table = Table(title=f"Pipeline on {len(raws)} documents ({megabytes:.2f} MB) from "
                        f"{args.corpus.name}")
    for col in ("stage", "seconds", "docs/s", "MB/s"):
        table.add_column(col, justify="right" if col != "stage" else "left")
    for name, secs in rows + [(f"  {k} component", v) for k, v in comp_times.items()]:
        table.add_row(name, f"{secs:.2f}", f"{len(raws) / secs:.1f}", f"{megabytes / secs:.3f}")
    console = Console()
    console.print(table)
    spacy_alone = dict(rows)["spaCy alone"]
    coding = sum(comp_times.values())
    console.print(f"events: {n_events}; parley components add {100 * coding / spacy_alone:.1f}% "
                  f"to spaCy's own time; peak memory "
                  f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
