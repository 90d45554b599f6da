"""The detector's third layer: the concept inventory, the linear model and its shipped weights.

Accuracy floors here are cross-validated (each message scored by a model trained without it),
set a little below what ``python -m bot.safety.model_training`` measured; blind4 in
tests/data/crisis_blind.tsv (and everyday_b in crisis_everyday.tsv) is never read by training and
has no floor (see bench/safety.py), nor have blind12, blind13 and blind42-45 (``NEVER_TRAIN``). blind6 to
blind11, blind14, blind15-21, blind22-25, blind26-29, blind30-33, blind34-37 and blind38-41 were held out until
their misses were read and are trained on since.
"""

from __future__ import annotations

from functools import cache

import pytest

from bot.safety import concepts, model, model_training
from bot.safety.detector import CUES, STRONG, WEAK, WEAK_PRESENT, CrisisDetector, detect, normalise, template_to_regex

#: The sections kept out of training, named here so that dropping one from `NEVER_TRAIN` fails a test.
HELD_OUT = ("blind4", "blind12", "blind13", "blind42", "blind43", "blind44", "blind45")
HELD_OUT += ("everyday_b",)


@cache
def _cross_validation() -> model_training.CrossValidation:
    # One run of 3 folds, not the training script's three runs of 5: three runs over 15,000 rows took CI
    # past its ten minutes. Measured in the blind22 round: 94.6% recall, 4.4% hard-negative false alarms
    # (5 folds, 3 runs: 95.0%, 4.4%); the floors below have room for that.
    return model_training.cross_validate(model_training.load_rows(), 3, repeats=1)


def _concepts(text: str) -> list[str]:
    return [c for s in concepts.sentences(normalise(text), 30) for c in s.concepts]


def test_the_shipped_weights_load_and_look_trained() -> None:
    weights = model.load_shipped_weights()
    assert 0.5 <= weights.threshold < 1.0
    assert len(weights.weights) > 1000
    assert {key.split(":", 1)[0] for key in weights.weights} <= {"w", "b", "c", "k", "kk", "kp"}


def test_the_shipped_weights_are_what_the_training_script_writes_from_the_labelled_data() -> None:
    rows = model_training.load_rows()
    trained = model_training.train(
        model_training.message_features(rows),
        [r.crisis for r in rows],
        model_training.Settings(),
    )
    shipped = model.load_shipped_weights()
    rewritten = model.parse_weights(
        model_training.to_toml(model.Weights(trained.bias, shipped.threshold, trained.weights), "check")
    )
    assert rewritten == shipped


def test_training_never_reads_the_never_tuned_sections() -> None:
    rows = model_training.load_rows()
    assert not model_training.NEVER_TRAIN & {r.section for r in rows}
    assert set(HELD_OUT) <= model_training.NEVER_TRAIN
    tuned_on = {"main", "holdout3", "blind1", "blind2", "blind3", "blind5", "blind6", "blind7", "blind8"}
    tuned_on |= {"gen6", "gen7", "gen8", "blind9", "gen9", "blind10", "gen10", "blind11", "gen11", "gen12"}
    tuned_on |= {"gen13", "gen14", "blind14", "gen15", "gen16", "gen17", "gen18", "gen19", "gen20", "gen21"}
    tuned_on |= {"gen22", "gen23", "gen24", "gen25"}
    tuned_on |= {"blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "gen26", "gen27"}
    tuned_on |= {"blind22", "blind23", "blind24", "blind25", "gen28", "gen29", "gen30"}
    tuned_on |= {"blind26", "blind27", "blind28", "blind29", "gen31", "gen32", "gen33"}
    tuned_on |= {"blind30", "blind31", "blind32", "blind33"}
    assert tuned_on <= {r.section for r in rows}


@pytest.mark.parametrize("section", HELD_OUT)
def test_never_tuned_sections_are_kept_out_by_name_not_by_luck(section: str) -> None:
    everything = model_training.load_rows(skip=frozenset())
    assert section in {r.section for r in everything}
    assert section in model_training.NEVER_TRAIN


def test_cross_validated_recall_and_hard_negative_false_positives() -> None:
    # 93.8% measured in the blind7 round (97-99% before): gen7's 446 rows are mostly wordings the
    # rules don't know (its rule layers alone find under half of its crises), so the model alone
    # carries them out of fold; 93.2% in the blind8 round, with gen8's rows aimed at the weak spots;
    # 91.5% in the blind10 round, with gen10's 1,175 rows (the rule layers alone find 68.7% of all).
    # False alarms on hard negatives rose to about 4.4% out of fold in the blind15 round, when gen15-23
    # added 3,600 rows whose negatives were written to look like crises (recovery turned safe, means words
    # in everyday use, talk about others); the detector did not get worse on the rows it had before.
    cv = _cross_validation()
    combined = model_training.rates(cv.rows, cv.combined())
    assert combined.recall >= 0.91
    assert combined.fp_hard <= 0.05


def test_the_model_alone_stays_within_its_share_of_false_positives_out_of_fold() -> None:
    cv = _cross_validation()
    alone = model_training.rates(cv.rows, [p >= cv.threshold for p in cv.probabilities])
    assert alone.recall >= 0.76
    assert alone.fp_hard <= model_training.MODEL_HARD_FP_BUDGET


def test_cross_validation_lets_the_model_overrule_weak_hits_and_cues_as_the_detector_does() -> None:
    rows = [model_training.Row(False, "discussion", "s", "x")] * 5
    layers: list[str | None] = [STRONG, WEAK, WEAK_PRESENT, CUES, None]
    low = model_training.CrossValidation(rows, layers, [0.01] * 5, threshold=0.8)
    assert low.rules == [True, True, True, True, False]
    assert low.combined() == [True, False, True, False, False]
    # a model that was never asked (no window) overrules nothing; a sure one adds its own verdict
    unasked = model_training.CrossValidation(rows, layers, [0.0, 0.0, 0.0, 0.0, 0.9], threshold=0.8)
    assert unasked.combined() == [True, True, True, True, True]


def test_the_model_adds_recall_over_the_rule_layers_out_of_fold() -> None:
    cv = _cross_validation()
    assert model_training.rates(cv.rows, cv.combined()).recall > model_training.rates(cv.rows, cv.rules).recall


def test_negation_is_scoped_to_the_words_after_it() -> None:
    assert _concepts("I don't want to die") == ["i", "not", "~want", "~die"]
    assert _concepts("I want to die") == ["i", "want", "die"]


def test_english_and_spanish_wordings_of_one_idea_share_concepts() -> None:
    english = set(_concepts("hopefully i just never wake up"))
    spanish = set(_concepts("ojalá no despertar"))
    assert {"want", "not", "~sleep"} <= english & spanish


def test_inflections_map_to_the_same_concept() -> None:
    for text in ("ending it", "it ended", "acabar con todo", "termine"):
        assert "end" in _concepts(text), text


def test_idioms_are_blanked_before_the_model_sees_them() -> None:
    featuriser = model.Featuriser(template_to_regex)
    words = [w for s in featuriser.sentences(normalise("dying to see it, my phone died")) for w in s.words]
    assert "dying" not in words and "died" not in words


def test_a_model_hit_is_labelled_with_concept_names_never_words() -> None:
    text = "took way more of my lorazepam than i should have and i don't feel good"
    assert not CrisisDetector(model=None).detect(text).crisis
    result = detect(text)
    assert result.crisis and result.category == "means"
    (label,) = result.matched
    assert label.startswith("model: ")
    assert "lorazepam" not in label and "took" not in label


def test_the_model_is_silent_on_recovery_talk() -> None:
    assert CrisisDetector().model_probability("I used to want to die, 3 years clean and grateful now") == 0.0


def test_everyday_text_gives_the_model_no_window() -> None:
    assert CrisisDetector().model_probability("a long day at the office, nothing much to report") == 0.0


def test_a_model_only_crisis_at_the_end_of_ten_thousand_characters_is_found() -> None:
    tail = " i gave my guitar to my cousin and wrote everyone letters, its easier this way"
    sentence = "a long day at the office, nothing much to report. "
    body = sentence * ((10_000 - len(tail)) // len(sentence))  # whole sentences: no fragment runs into the tail
    text = body + " " * (10_000 - len(tail) - len(body)) + tail
    assert len(text) == 10_000
    assert not CrisisDetector(model=None).detect(text).crisis, "the rules alone must miss it, or the model isn't tested"
    assert detect(text).crisis


def test_control_and_zero_width_characters_do_not_hide_a_model_hit() -> None:
    text = "took way more of my lo\u200bra\u200dze\x00pam than i sho\u2060uld have and i don't feel good"
    assert detect(text).crisis


@pytest.mark.parametrize("text", ["\x00" * 10_000, "\u200b" * 10_000, "é" * 10_000, "lol " * 2_500])
def test_the_model_layer_survives_junk(text: str) -> None:
    assert not detect(text).crisis


def test_the_rule_layers_work_without_the_model() -> None:
    detector = CrisisDetector(model=None)
    assert detector.detect("kms").crisis
    assert detector.model_probability("kms") == 0.0


def test_a_neutral_sentence_next_to_a_crisis_does_not_dilute_it() -> None:
    text = "took way more of my lorazepam than i should have and i don't feel good"
    detector = CrisisDetector()
    alone = detector.model_probability(text)
    assert detector.model_probability("work was fine. " + text) >= alone
    assert detect("work was fine. " + text).crisis


def test_a_run_on_sentence_is_also_scored_clause_by_clause() -> None:
    """Chat runs news into a crisis without a stop; the model scores each clause alone too."""
    crisis = "i think this is the week i finally stop being a problem for everyone for good"
    sentence = concepts.Sentence(tuple(normalise(f"rent is late and my car broke and {crisis}").split()), ())
    parts = model.clauses(sentence)
    assert [" ".join(p.words) for p in parts][-1] == normalise(f"and {crisis}")
    detector = CrisisDetector()
    run_on = f"my therapist cancelled and rent is late and the car broke down again and {crisis}"
    assert detector.model_probability(run_on) >= 0.9 * detector.model_probability(crisis)


def test_a_short_sentence_is_not_split_into_clauses() -> None:
    assert model.clauses(concepts.Sentence(("i", "want", "to", "die"), ())) == []
