"""Crisis detector accuracy and latency, against a naive keyword baseline in the same run.

Run from the repository root: ``.venv/bin/python bench/safety.py [--misses]``.
Three detectors are compared on every labelled file and section: the shipped detector
(lexicon plus the cue-scoring layer of ``bot.safety.risk``), the lexicon alone, and a plain
substring list in the spirit of Crisis Text Line's first ~50-word triage list. ``--misses``
also prints the rows the shipped detector gets wrong (test data only, never real messages).

Which numbers are honest: crisis_messages.tsv (main, holdout1, holdout2) and
crisis_holdout.tsv (holdout3, holdout4) were all used to tune the detector. Only
crisis_blind.tsv (blind1, blind2) was never tuned on; blind1 was written before the scoring
layer was designed, blind2 after it was frozen.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.safety.detector import CrisisDetector, detect  # noqa: E402

DATA_FILES = tuple(
    ROOT / "tests" / "data" / name for name in ("crisis_messages.tsv", "crisis_holdout.tsv", "crisis_blind.tsv")
)
SECTION_MARKER = "# section "
HARD_NEGATIVE_KINDS = frozenset({"idiom", "everyday", "recovery", "discussion", "spanish-idiom"})

BASELINE_WORDS = (
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "kill me",
    "die",
    "dying",
    "dead",
    "death",
    "cut",
    "cutting",
    "self harm",
    "self-harm",
    "selfharm",
    "hurt myself",
    "overdose",
    "pills",
    "end it",
    "end my life",
    "want to die",
    "wanna die",
    "kms",
    "hang",
    "noose",
    "bridge",
    "jump",
    "gun",
    "knife",
    "razor",
    "blade",
    "bleed",
    "goodbye",
    "last message",
    "better off",
    "burden",
    "hopeless",
    "no point",
    "give up",
    "worthless",
    "unalive",
    "ctb",
    "sewer slide",
    "morir",
    "matar",
    "suicid",
    "cortarme",
    "no aguanto",
    "despedirme",
    "quitarme la vida",
    "no quiero vivir",
)


@dataclass(frozen=True)
class Row:
    label: str
    kind: str
    text: str
    section: str


def load_rows() -> list[Row]:
    """Rows of every labelled file; "# section NAME: why" lines start a new section."""
    rows: list[Row] = []
    for path in DATA_FILES:
        section = "main"
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
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


_LEXICON_ONLY = CrisisDetector(scoring=False)


def lexicon_only(text: str) -> bool:
    return _LEXICON_ONLY.detect(text).crisis


DETECTORS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("detector", ours),
    ("lexicon", lexicon_only),
    ("baseline", baseline),
)


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
    for name, predict in DETECTORS:
        s = scores(rows, predict)
        print(f"{name:<10} {s['recall']:>7.1%} {s['precision']:>9.1%} {s['fpr']:>8.1%} {s['fpr_hard']:>8.1%}")


def print_misses(rows: list[Row]) -> None:
    print("\ndetector misses (label, kind, section, text):")
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
    print(f"first call (compiles the lexicon and the cues): {(time.perf_counter() - start) * 1e3:.1f} ms")

    rows = load_rows()
    tuned = [r for r in rows if not r.section.startswith("blind")]
    blind = [r for r in rows if r.section.startswith("blind")]
    print_scores("tuned-on messages (crisis_messages.tsv + crisis_holdout.tsv)", tuned)
    print_scores("blind messages, never tuned on (crisis_blind.tsv)", blind)
    for section in dict.fromkeys(r.section for r in rows):
        print_scores(f"section {section}", [r for r in rows if r.section == section])

    texts = [r.text for r in rows]
    filler = ("a long day at the office, nothing much to report. " * 200)[:9990]
    long_hit, long_quiet = filler + " kms", filler + " the end"
    print("\nlatency per message, microseconds; 'best' takes each message's fastest of the rounds,")
    print("which drops scheduler noise on a busy machine (10k: a 10,000-character message, best of 20)")
    header = f"{'detector':<10} {'p50':>8} {'p99':>8} {'best p50':>9} {'best p99':>9} {'10k hit':>9} {'10k quiet':>10}"
    print(header)
    for name, predict in DETECTORS:
        samples = latency_us(predict, texts, args.rounds)
        best = [min(samples[i :: len(texts)]) for i in range(len(texts))]
        hit = min(latency_us(predict, [long_hit], 20))
        quiet = min(latency_us(predict, [long_quiet], 20))
        print(
            f"{name:<10} {percentile(samples, 0.5):>8.1f} {percentile(samples, 0.99):>8.1f}"
            f" {percentile(best, 0.5):>9.1f} {percentile(best, 0.99):>9.1f} {hit:>9.1f} {quiet:>10.1f}"
        )
    if args.misses:
        print_misses(rows)


if __name__ == "__main__":
    main()
