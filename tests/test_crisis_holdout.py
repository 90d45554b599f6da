"""The privacy engineer's crisis holdout (tests/data/crisis_holdout.tsv).

``holdout3`` was written before looking at the lexicon and then used to generalise it, so it
is a regression guard here, not a measure of generalisation. ``holdout4`` was never tuned
on; its numbers are reported (``bench/safety.py`` and the report), not asserted.
"""

from __future__ import annotations

from pathlib import Path

from bot.safety.detector import detect

DATA = Path(__file__).parent / "data" / "crisis_holdout.tsv"
HARD_NEGATIVE_KINDS = frozenset({"idiom", "everyday", "recovery", "discussion", "spanish-idiom"})


def _rows(section: str) -> list[tuple[str, str, str]]:
    rows, current = [], ""
    for line in DATA.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("# section "):
            current = line.removeprefix("# section ").split(":", 1)[0]
        elif line.strip() and not line.startswith("#") and current == section:
            label, kind, text = line.split("\t", 2)
            rows.append((label, kind, text))
    return rows


def test_the_holdout_file_has_80_tuned_and_40_untouched_messages() -> None:
    assert len(_rows("holdout3")) == 80 and len(_rows("holdout4")) == 40


def test_holdout3_recall_stays_at_least_98_percent() -> None:
    crisis = [text for label, _, text in _rows("holdout3") if label == "crisis"]
    missed = [text for text in crisis if not detect(text).crisis]
    assert len(missed) / len(crisis) <= 0.02, missed


def test_holdout3_hard_negatives_stay_at_most_5_percent_false_positives() -> None:
    hard = [text for label, kind, text in _rows("holdout3") if label == "ok" and kind in HARD_NEGATIVE_KINDS]
    flagged = [text for text in hard if detect(text).crisis]
    assert len(flagged) / len(hard) <= 0.05, flagged
