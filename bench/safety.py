"""Crisis detector accuracy and latency, against a naive keyword baseline in the same run.

Run from the repository root: ``.venv/bin/python bench/safety.py [--misses]``.
The baseline is a plain substring list in the spirit of Crisis Text Line's first ~50-word
triage list: it shows what the normalisation and the idiom handling buy. ``--misses`` also
prints the labelled rows each detector gets wrong (test data only, never real messages).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.safety.detector import detect  # noqa: E402

DATA = ROOT / "tests" / "data" / "crisis_messages.tsv"
SECTION_MARKER = "# section "
HARD_NEGATIVE_KINDS = frozenset(
    {"idiom", "everyday", "recovery", "discussion", "spanish-idiom"}
)

BASELINE_WORDS = (
    "suicide", "suicidal", "kill myself", "killing myself", "kill me", "die", "dying", "dead",
    "death", "cut", "cutting", "self harm", "self-harm", "selfharm", "hurt myself", "overdose",
    "pills", "end it", "end my life", "want to die", "wanna die", "kms", "hang", "noose",
    "bridge", "jump", "gun", "knife", "razor", "blade", "bleed", "goodbye", "last message",
    "better off", "burden", "hopeless", "no point", "give up", "worthless", "unalive", "ctb",
    "sewer slide", "morir", "matar", "suicid", "cortarme", "no aguanto", "despedirme",
    "quitarme la vida", "no quiero vivir",
)


@dataclass(frozen=True)
class Row:
    label: str
    kind: str
    text: str
    section: str


def load_rows() -> list[Row]:
    """Rows of the labelled set; "# section NAME: why" lines start a new section."""
    rows: list[Row] = []
    section = "main"
    for line in DATA.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith(SECTION_MARKER):
            section = line.removeprefix(SECTION_MARKER).split(":", 1)[0]
        if not line.strip() or line.startswith("#"):
            continue
        label, kind, text = line.split("\t", 2)
        rows.append(Row(label, kind, text, section))
    return rows


def baseline(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in BASELINE_WORDS)


def ours(text: str) -> bool:
    return detect(text).crisis


def scores(rows: list[Row], predict: Callable[[str], bool]) -> dict[str, float]:
    predicted = [(row, predict(row.text)) for row in rows]
    tp = sum(1 for r, p in predicted if p and r.label == "crisis")
    fp = sum(1 for r, p in predicted if p and r.label == "ok")
    positives = sum(1 for r in rows if r.label == "crisis")
    negatives = [(r, p) for r, p in predicted if r.label == "ok"]
    hard = [(r, p) for r, p in negatives if r.kind in HARD_NEGATIVE_KINDS]
    return {
        "n": len(rows),
        "recall": tp / positives if positives else float("nan"),
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "fpr": fp / len(negatives) if negatives else float("nan"),
        "fpr_hard": sum(p for _, p in hard) / len(hard) if hard else float("nan"),
    }


def latency_us(predict: Callable[[str], bool], texts: list[str], rounds: int) -> list[float]:
    samples: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            predict(text)
            samples.append((time.perf_counter() - start) * 1e6)
    return samples


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def print_scores(title: str, rows: list[Row]) -> None:
    print(f"\n{title} ({len(rows)} messages)")
    print(f"{'detector':<10} {'recall':>7} {'precision':>9} {'FP rate':>8} {'FP hard':>8}")
    for name, predict in (("lexicon", ours), ("baseline", baseline)):
        s = scores(rows, predict)
        print(
            f"{name:<10} {s['recall']:>7.1%} {s['precision']:>9.1%} {s['fpr']:>8.1%}"
            f" {s['fpr_hard']:>8.1%}"
        )


def print_misses(rows: list[Row]) -> None:
    print("\nlexicon misses (label, kind, text):")
    for row in rows:
        if ours(row.text) != (row.label == "crisis"):
            print(f"  {row.label:<6} {row.kind:<13} {row.section:<9} {row.text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list misclassified rows")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    detect("warm up")
    print(f"first call (compiles the lexicon): {(time.perf_counter() - start) * 1e3:.1f} ms")

    rows = load_rows()
    print_scores("all labelled messages", rows)
    for section in dict.fromkeys(r.section for r in rows):
        print_scores(f"section {section}", [r for r in rows if r.section == section])

    texts = [r.text for r in rows]
    long_text = ("a long day at the office, nothing much to report. " * 200)[:9990] + " kms"
    print("\nlatency per message, microseconds")
    print(f"{'detector':<10} {'p50':>8} {'p99':>8} {'10k chars':>10}")
    for name, predict in (("lexicon", ours), ("baseline", baseline)):
        samples = latency_us(predict, texts, args.rounds)
        long = statistics.median(latency_us(predict, [long_text], 20))
        print(
            f"{name:<10} {percentile(samples, 0.5):>8.1f} {percentile(samples, 0.99):>8.1f}"
            f" {long:>10.1f}"
        )
    if args.misses:
        print_misses(rows)


if __name__ == "__main__":
    main()
