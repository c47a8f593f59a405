"""Plain metric arithmetic: counts to precision, recall, F1 and macro averages.

Conventions (the same as scikit-learn's with ``zero_division=0``): a ratio with a zero
denominator is 0.0; F1 is the harmonic mean of precision and recall, 0.0 when both are 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass


def ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class PRF:
    """True positive, false positive and false negative counts of one class (or pooled)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "support": self.support, "tp": self.tp, "fp": self.fp, "fn": self.fn,
        }  # fmt: skip


class PerClass:
    """PRF counts per class, with micro and macro averages."""

    def __init__(self) -> None:
        self.counts: dict[str, PRF] = {}

    def _get(self, label: str) -> PRF:
        if label not in self.counts:
            self.counts[label] = PRF()
        return self.counts[label]

    def tp(self, label: str) -> None:
        self._get(label).tp += 1

    def fp(self, label: str) -> None:
        self._get(label).fp += 1

    def fn(self, label: str) -> None:
        self._get(label).fn += 1

    def micro(self) -> PRF:
        total = PRF()
        for c in self.counts.values():
            total.add(c)
        return total

    def macro_f1(self) -> float:
        """Mean F1 over the classes present in the gold (support > 0)."""
        labels = [c for c in self.counts.values() if c.support > 0]
        return ratio(sum(c.f1 for c in labels), len(labels))

    def __bool__(self) -> bool:
        return bool(self.counts)


def classification_macro_f1(
    pairs: Iterable[tuple[Hashable, Hashable | None]],
) -> tuple[float, dict[str, PRF]]:
    """Macro-F1 of ``(gold, predicted)`` label pairs over the gold labels.

    A predicted ``None`` (no prediction) is wrong for every gold label: it counts as a false
    negative of the gold label and a false positive of nothing. Predicted labels that never
    occur in the gold count as false positives but get no class of their own in the average.
    """
    per: dict[str, PRF] = {}
    gold_labels: Counter[str] = Counter()
    for gold, pred in pairs:
        g = str(gold)
        gold_labels[g] += 1
        per.setdefault(g, PRF())
        if pred is not None and str(pred) == g:
            per[g].tp += 1
            continue
        per[g].fn += 1
        if pred is not None:
            per.setdefault(str(pred), PRF()).fp += 1
    in_gold = [per[g] for g in gold_labels]
    return ratio(sum(c.f1 for c in in_gold), len(in_gold)), per


__all__ = ["PRF", "PerClass", "classification_macro_f1", "f1", "ratio"]
