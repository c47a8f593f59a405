"""Evaluation: gold readers, metrics and the evaluation gate (``parley eval``).

>>> from parley.eval import read_gold, evaluate           # doctest: +SKIP
>>> result = evaluate([read_gold("gold.jsonl")], nlp)      # doctest: +SKIP
>>> result.scores["event_f1_micro"]                        # doctest: +SKIP

The library returns :class:`EvalResult` objects and never prints; ``parley eval`` renders them.
See ``docs/eval.md``.
"""

from .gate import check_floors, gold_paths, load_floors, new_floors, raise_floors, save_floors
from .gold import (
    FORMATS,
    GoldActor,
    GoldEvent,
    GoldItem,
    GoldSet,
    GoldSpan,
    read_gold,
    sniff_format,
)
from .runner import evaluate, evaluate_files, predict
from .scoring import INFO_NAMES, SCORE_NAMES, ErrorRecord, EvalResult, score

__all__ = [
    "FORMATS",
    "INFO_NAMES",
    "SCORE_NAMES",
    "ErrorRecord",
    "EvalResult",
    "GoldActor",
    "GoldEvent",
    "GoldItem",
    "GoldSet",
    "GoldSpan",
    "check_floors",
    "evaluate",
    "evaluate_files",
    "gold_paths",
    "load_floors",
    "new_floors",
    "predict",
    "raise_floors",
    "read_gold",
    "save_floors",
    "score",
    "sniff_format",
]
