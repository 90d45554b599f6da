"""The detector's third layer: a small linear model over words, letters and concepts.

The lexicon and the cue-scoring layer (`bot.safety.risk`) recognise wordings someone wrote
down; this layer recognises messages that *resemble* labelled crisis messages. It is a
logistic regression over binary features of a window (one sentence, or it and the next; in a
run-on sentence also each clause, or it and the next, so unrelated clauses can't dilute one):

- words and word pairs ("w:", "b:"), for wording seen in the labelled data;
- letter trigrams of each word ("c:"), so misspellings share most features with the real word;
- concepts from `bot.safety.concepts` ("k:" each, "kk:" neighbours, "kp:" any two in the window),
  so a new phrasing of a known idea ("hopefully never wake up", "ojala no despertar") scores like
  the ones in the data, in any word order and with negation marked.

Idioms from the scoring layer ("dying to", "my phone died") are replaced by one ``idiom`` word
first. A window is only scored when it holds a concept that can carry a crisis, which keeps
most of a 10,000-character message out of the sums; a message with no such window at all is scored
whole, as training reads it, so crises told without any crisis concept still reach the model.

The weights are data (``bot/data/crisis_model.toml``), written by
``python -m bot.safety.model_training``, which also reports k-fold cross-validated numbers.
Pure Python and the standard library only: crisis handling must work on a default install.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from bot.safety import concepts, lexicon, risk

#: Long sentences are scored in chunks of this many words, so each window stays small.
CHUNK_WORDS = 30
MODEL_RESOURCE = ("data", "crisis_model.toml")

#: Which detector category a model hit gets: the first concept present in this order.
_CATEGORY_BY_CONCEPT: tuple[tuple[str, str], ...] = (
    ("plan", lexicon.INTENT),
    ("pills", lexicon.MEANS),
    ("weapon", lexicon.MEANS),
    ("height", lexicon.MEANS),
    ("vehicle", lexicon.MEANS),
    ("method", lexicon.MEANS),
    ("farewell", lexicon.GOODBYE),
    ("cut", lexicon.SELF_HARM),
    ("harm", lexicon.SELF_HARM),
    ("blood", lexicon.SELF_HARM),
)


@dataclass(frozen=True)
class ModelScore:
    """The best window's probability and the concepts it held (names only, never words)."""

    probability: float
    concepts: tuple[str, ...]
    #: scored as one window because no sentence held a concept that can carry a crisis
    whole_message: bool = False

    @property
    def category(self) -> str:
        present = set(self.concepts)
        return next((cat for concept, cat in _CATEGORY_BY_CONCEPT if concept in present), lexicon.SUICIDAL)

    @property
    def label(self) -> str:
        """A rule label for `Detection.matched`: concept names, never the person's words."""
        shown = [c for c in self.concepts if c not in concepts.CONTEXT_ONLY]
        return "model: resembles labelled crisis messages (" + ", ".join(shown) + ")"


NO_MODEL_SCORE = ModelScore(0.0, ())


_NEGATORS = frozenset(w for w in concepts.CONCEPTS["not"] if " " not in w)


def negation_marked(words: Sequence[str]) -> list[str]:
    """The words with ``~`` before each one in a negation's reach, as concepts are marked.

    Without it "I don't want to die, I'm just tired" shares its word features with "I want to
    die", and only the concept features could tell them apart.
    """
    marked: list[str] = []
    last_negation = -concepts.NEGATION_REACH - 1
    for i, word in enumerate(words):
        if word in _NEGATORS:
            last_negation = i
            marked.append(word)
        else:
            marked.append("~" + word if i - last_negation <= concepts.NEGATION_REACH else word)
    return marked


def word_features(words: Sequence[str]) -> set[str]:
    """Words and word pairs (negation marked), and letter trigrams of words outside a negation."""
    marked = negation_marked(words)
    features = {"w:" + w for w in marked}
    features.update(f"b:{a} {b}" for a, b in pairwise(marked))
    for word in marked:
        if len(word) >= 3 and word[0] != "~":
            features.update(_trigrams(word))
    return features


@lru_cache(maxsize=8192)
def _trigrams(word: str) -> tuple[str, ...]:
    """Letter trigram features of one word; cached, as chat reuses few words and clause windows rescore them."""
    padded = f"<{word}>"
    return tuple("c:" + padded[i : i + 3] for i in range(len(padded) - 2))


def sentence_features(sentence: concepts.Sentence) -> set[str]:
    """The features one sentence brings to any window it is in (not its concept pairs)."""
    features = word_features(sentence.words)
    features.update(f"kk:{a}>{b}" for a, b in pairwise(sentence.concepts))
    return features


def concept_features(found: set[str]) -> set[str]:
    """Each concept of a window, and every two of them in any order."""
    ordered = sorted(found)
    features = {"k:" + c for c in ordered}
    features.update(f"kp:{a}+{b}" for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return features


def window_features(window: Sequence[concepts.Sentence]) -> set[str]:
    """Every feature of a window of sentences; the model's input."""
    features: set[str] = set()
    found: set[str] = set()
    for sentence in window:
        features |= sentence_features(sentence)
        found.update(sentence.concepts)
    return features | concept_features(found)


class Featuriser:
    """Turns normalised text into sentences with idioms blanked; compiled once."""

    def __init__(self, to_regex: Callable[[str], str]) -> None:
        alternatives = "|".join(f"(?:{to_regex(t)})" for t in risk.IDIOMS)
        self._idioms = re.compile(f" (?:{alternatives})(?= )")

    def sentences(self, normalised: str) -> list[concepts.Sentence]:
        """The normalised text (unpadded or padded) as scored sentences."""
        text = self._idioms.sub(" idiom", f" {normalised.strip()} ")
        return concepts.sentences(text.strip(), CHUNK_WORDS)

    def message_features(self, normalised: str) -> set[str]:
        """Features of a whole message, as the model is trained on short messages."""
        return window_features(self.sentences(normalised))


#: Words that join run-on clauses in chat ("rent is late and i think ..."); a clause starts at one.
# fmt: off
CLAUSE_JOINERS = frozenset({
    "and", "but", "then", "so", "anyway", "anyways", "because", "cause", "cuz", "bc", "plus", "also",
    "y", "pero", "luego", "despues", "bueno", "entonces", "porque", "aparte",
})
# fmt: on
#: A clause shorter than this is joined to the next one: "and cut" alone carries too little.
MIN_CLAUSE_WORDS = 3


def clauses(sentence: concepts.Sentence) -> list[concepts.Sentence]:
    """A sentence cut at its joining words, when it has at least two clauses (else none).

    People run unrelated news into a crisis without a stop ("went to work and rent is late and i
    think this is the week i stop being a problem for good"); scored whole, the other clauses'
    words dilute the one that matters, so each clause is also scored alone and with the next.
    """
    words = sentence.words
    starts = [0]
    for i, word in enumerate(words):
        if i and word in CLAUSE_JOINERS and i - starts[-1] >= MIN_CLAUSE_WORDS:
            starts.append(i)
    if len(starts) < 2:
        return []
    if len(words) - starts[-1] < MIN_CLAUSE_WORDS:
        starts.pop()
    if len(starts) < 2:
        return []
    spans = sentence.spans or concepts.concept_spans(words)
    out: list[concepts.Sentence] = []
    for a, b in pairwise([*starts, len(words)]):
        inside = tuple((s - a, e - a, c) for s, e, c in spans if a <= s and e <= b)
        out.append(concepts.Sentence(words[a:b], concepts.mark_negation(inside)))
    return out


def windows(sentences: list[concepts.Sentence]) -> list[tuple[int, int]]:
    """Each sentence alone and with the next one (start, end), if it can carry a crisis.

    Alone, so that a neutral sentence next to it ("work was fine.") cannot dilute it; with the
    next, so that cues split over two sentences still meet.
    """
    out: list[tuple[int, int]] = []
    for i, sentence in enumerate(sentences):
        if sentence.opens_window:
            out.append((i, i + 1))
        if i + 1 < len(sentences) and (sentence.opens_window or sentences[i + 1].opens_window):
            out.append((i, i + 2))
    return out


@dataclass(frozen=True)
class Weights:
    """A trained model: bias, threshold on the probability, and one weight per feature."""

    bias: float
    threshold: float
    weights: Mapping[str, float]

    def logit(self, features: set[str]) -> float:
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in features)


def sigmoid(x: float) -> float:
    """The logistic function, safe for large magnitudes."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


class CrisisModel:
    """The shipped (or a given) model with its featuriser; `score` is pure."""

    def __init__(self, weights: Weights, to_regex: Callable[[str], str]) -> None:
        self.weights = weights
        self._featuriser = Featuriser(to_regex)

    def score(self, normalised: str) -> ModelScore:
        """The most crisis-like window of the message: sentence windows, then clause windows.

        A message in which no sentence holds a concept that can carry a crisis is scored whole, as
        training reads every message: veiled crises ("you can stop the reminders after friday, trust
        me") hold no such concept. The detector asks more of such a score
        (`bot.safety.detector.SURE_WHOLE_MESSAGE`).
        """
        sentences = self._featuriser.sentences(normalised)
        if not any(sentence.opens_window for sentence in sentences):
            return self._whole(sentences)
        best_logit, best = self._best_window(sentences)
        for sentence in sentences:
            if sentence.opens_window and len(sentence.words) >= 2 * MIN_CLAUSE_WORDS:
                logit, score = self._best_window(clauses(sentence))
                if logit > best_logit:
                    best_logit, best = logit, score
        return best

    def _whole(self, sentences: list[concepts.Sentence]) -> ModelScore:
        if not sentences:
            return NO_MODEL_SCORE
        shown = dict.fromkeys(c for sentence in sentences for c in sentence.concepts if c[0] != "~")
        return ModelScore(sigmoid(self.weights.logit(window_features(sentences))), tuple(shown), whole_message=True)

    def _best_window(self, sentences: list[concepts.Sentence]) -> tuple[float, ModelScore]:
        cached: dict[int, set[str]] = {}
        best = NO_MODEL_SCORE
        best_logit = -math.inf
        for start, end in windows(sentences):
            features: set[str] = set()
            found: set[str] = set()
            for i in range(start, end):
                if i not in cached:
                    cached[i] = sentence_features(sentences[i])
                features |= cached[i]
                found.update(sentences[i].concepts)
            logit = self.weights.logit(features | concept_features(found))
            if logit > best_logit:
                shown = dict.fromkeys(c for i in range(start, end) for c in sentences[i].concepts if c[0] != "~")
                best_logit, best = logit, ModelScore(sigmoid(logit), tuple(shown))
        return best_logit, best

    def is_crisis(self, score: ModelScore) -> bool:
        return score.probability >= self.weights.threshold


def parse_weights(text: str) -> Weights:
    """Read the TOML written by the training script."""
    data = tomllib.loads(text)
    model = data["model"]
    return Weights(
        bias=float(model["bias"]),
        threshold=float(model["threshold"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
    )


def load_shipped_weights() -> Weights:
    """The weights in the package; raises if the data file is missing (never silently off)."""
    resource = resources.files("bot").joinpath(*MODEL_RESOURCE)
    return parse_weights(resource.read_text(encoding="utf-8"))
