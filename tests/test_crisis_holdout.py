"""The privacy engineer's crisis holdout (tests/data/crisis_holdout.tsv), and the blind sets.

``holdout3`` was written before looking at the lexicon and then used to generalise it;
``holdout4`` was later used to calibrate the cue-scoring layer (``bot.safety.risk``). Both
are regression guards here, not a measure of generalisation.

tests/data/crisis_blind.tsv: ``blind1``, ``blind2`` and ``blind3`` were blind once; the rules
were then generalised against them and the model (``bot.safety.model``) is trained on them, so
they are tuned-on regression guards now. ``blind4`` was written before that work (and before
its author read blind3) and is never tuned or trained on. ``blind5`` and ``blind6`` were written
together, before their author read the detector: blind5 was then tuned on, and blind6 was held
out for one more round and then tuned on too (both guards here). ``gen6`` holds paraphrases of
blind6's categories written while tuning (a guard, never a measure). ``blind7`` was held out
until the blind7 round, measured untouched at its start, then tuned on; ``blind8`` likewise until
the blind8 round, ``blind9`` to ``blind11`` until theirs, and ``gen7`` to ``gen10`` are
helper-written training rows, as are ``gen11`` to ``gen25``. ``blind14`` was held out until the
blind15 round and is tuned on since, ``blind15`` to ``blind21`` until the blind22 round, with ``gen26``
and ``gen27`` as that round's training rows, ``blind22`` to ``blind25`` until the blind26 round, with
``gen28`` to ``gen30``, and ``blind26`` to ``blind29`` until the blind30 round, with ``gen31`` to ``gen33``;
``blind30`` to ``blind33``, written for that round, were printed by mistake early in it and tuned on in its
second half; ``blind34`` to ``blind37`` until the blind38 round, with ``gen35`` to ``gen37``, and ``blind38`` to
``blind41``, written for that round, until its second half, with ``gen38`` to ``gen41``. ``blind12``, ``blind13`` and
``blind42`` to ``blind45`` are held out (never tuned or trained on, their rows never read). ``bench/safety.py``
reports blind4, blind12-13 and blind42-45; no test pins their numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.safety.detector import detect

DATA = Path(__file__).parent / "data" / "crisis_holdout.tsv"
#: The sets written in the blind15 round, held out until the blind22 round and tuned on since.
BLIND15_ROUND = tuple(f"blind{n}" for n in range(15, 22))
BLIND = Path(__file__).parent / "data" / "crisis_blind.tsv"
HARD_NEGATIVE_KINDS = frozenset({"idiom", "everyday", "recovery", "discussion", "spanish-idiom"})


def _rows(section: str, path: Path = DATA) -> list[tuple[str, str, str]]:
    rows, current = [], ""
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("# section "):
            current = line.removeprefix("# section ").split(":", 1)[0]
        elif line.strip() and not line.startswith("#") and current == section:
            label, kind, text = line.split("\t", 2)
            rows.append((label, kind, text))
    return rows


def test_the_holdout_file_has_80_tuned_and_40_untouched_messages() -> None:
    assert len(_rows("holdout3")) == 80 and len(_rows("holdout4")) == 40


@pytest.mark.parametrize("section", ["holdout3", "holdout4"])
def test_holdout_recall_stays_at_least_98_percent(section: str) -> None:
    crisis = [text for label, _, text in _rows(section) if label == "crisis"]
    missed = [text for text in crisis if not detect(text).crisis]
    assert len(missed) / len(crisis) <= 0.02, missed


@pytest.mark.parametrize("section", ["holdout3", "holdout4"])
def test_holdout_hard_negatives_stay_at_most_5_percent_false_positives(section: str) -> None:
    hard = [text for label, kind, text in _rows(section) if label == "ok" and kind in HARD_NEGATIVE_KINDS]
    flagged = [text for text in hard if detect(text).crisis]
    assert len(flagged) / len(hard) <= 0.05, flagged


def test_the_blind_file_holds_six_sets_in_the_labelled_format() -> None:
    blind1, blind2, blind3 = _rows("blind1", BLIND), _rows("blind2", BLIND), _rows("blind3", BLIND)
    blind4, blind5, blind6 = _rows("blind4", BLIND), _rows("blind5", BLIND), _rows("blind6", BLIND)
    assert len(blind1) == 100 and sum(label == "crisis" for label, _, _ in blind1) == 60
    assert len(blind2) == 60 and sum(label == "crisis" for label, _, _ in blind2) == 36
    assert len(blind3) == 174 and sum(label == "crisis" for label, _, _ in blind3) == 106
    assert sum(kind == "spanish" for _, kind, _ in blind1) == 15
    for later in (blind5, blind6):
        assert len(later) == 207 and sum(label == "crisis" for label, _, _ in later) == 108
    every = blind1 + blind2 + blind3 + blind4 + blind5 + blind6
    assert {label for label, _, _ in every} == {"crisis", "ok"}
    assert all(kind in HARD_NEGATIVE_KINDS for label, kind, _ in every if label == "ok")


def test_no_blind4_message_repeats_an_earlier_labelled_message_verbatim() -> None:
    """Verbatim only (ignoring case): near-duplicates exist and bench/safety.py can't see them."""
    earlier = {text.casefold() for s in ("holdout3", "holdout4") for _, _, text in _rows(s)}
    earlier |= {text.casefold() for s in ("blind1", "blind2", "blind3") for _, _, text in _rows(s, BLIND)}
    messages = (Path(__file__).parent / "data" / "crisis_messages.tsv").read_text(encoding="utf-8")
    earlier |= {line.split("\t", 2)[2].casefold() for line in messages.splitlines()[1:] if line.count("\t") >= 2}
    assert not [text for _, _, text in _rows("blind4", BLIND) if text.casefold() in earlier]


def test_no_blind6_message_repeats_a_blind5_message() -> None:
    """Written together in different words, so blind6 measures wording blind5 didn't teach."""
    blind5 = {text.casefold() for _, _, text in _rows("blind5", BLIND)}
    assert not [text for _, _, text in _rows("blind6", BLIND) if text.casefold() in blind5]


@pytest.mark.parametrize(
    "section",
    [
        "blind3",
        "blind4",
        "blind5",
        "blind6",
        "blind8",
        "blind9",
        "blind10",
        "blind11",
        "blind12",
        "blind13",
        "blind14",
        *BLIND15_ROUND,
        "blind22",
        "blind23",
        "blind24",
        "blind25",
        "blind26",
        "blind27",
        "blind28",
        "blind29",
        "blind30",
        "blind31",
        "blind32",
        "blind33",
        "blind34",
        "blind35",
        "blind36",
        "blind37",
        "blind38",
        "blind39",
        "blind40",
        "blind41",
        "blind42",
        "blind43",
        "blind44",
        "blind45",
    ],
)
def test_the_newer_blind_sets_are_big_and_varied_enough_to_measure_unseen_wording(section: str) -> None:
    rows = _rows(section, BLIND)
    crisis = [kind for label, kind, _ in rows if label == "crisis"]
    assert len(crisis) >= 80
    # blind10 files 12 of its 27 Spanish or Spanglish crisis rows under `spanish`, the rest under their kind;
    # blind26 lost 2 of its 16 to the rows dropped for repeating earlier labelled ones; blind30-45 were asked
    # for 13 Spanish and 15 or 16 Spanglish rows (blind32, blind33, blind44 and blind45 lost Spanish rows as repeats)
    least = {"blind10": 12, "blind26": 14, "blind32": 12, "blind33": 10}
    least |= {f"blind{n}": 13 for n in (30, 31, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43)}
    least |= {"blind44": 12, "blind45": 12}
    assert crisis.count("spanish") >= least.get(section, 15)
    assert sum(label == "ok" for label, _, _ in rows) >= 60
    assert {"direct", "indirect", "self-harm", "means", "plan", "goodbye", "slang", "misspelt"} <= set(crisis)


@pytest.mark.parametrize(
    "section",
    [
        "blind1",
        "blind2",
        "blind3",
        "blind5",
        "blind6",
        "gen6",
        "blind7",
        "blind8",
        "blind9",
        "blind10",
        "blind11",
        "blind14",
        *BLIND15_ROUND,
    ],
)
def test_tuned_on_blind_sections_keep_98_percent_recall_and_5_percent_hard_false_positives(section: str) -> None:
    rows = _rows(section, BLIND)
    crisis = [text for label, _, text in rows if label == "crisis"]
    hard = [text for label, kind, text in rows if label == "ok" and kind in HARD_NEGATIVE_KINDS]
    missed = [text for text in crisis if not detect(text).crisis]
    flagged = [text for text in hard if detect(text).crisis]
    assert len(missed) / len(crisis) <= 0.02, missed
    assert len(flagged) / len(hard) <= 0.05, flagged
