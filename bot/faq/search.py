"""Finding the FAQ entry a member means, however they phrase it.

Members ask in their own words, with typos and chat slang, often late at night. The lookup,
chosen by measurement (see ``bench/faq.py``), works in two stages:

1. **Candidates by BM25** over three fields: the phrasings (question, alternatives, tags),
   the answer, and order-free pairs of neighbouring phrasing words ("long session" is not
   "how long"), after the text analysis in ``bot.faq.analysis`` (synonyms, slang, stemming,
   spelling correction). BM25 is normalised by the best score each query word could reach
   anywhere, and words the FAQ has never seen count against the query, so a question about
   parking keeps a low score however well its one familiar word matches.
2. **Re-ranking** of the best few candidates by a weighted mix of that BM25 score and four
   similarities that fail in different ways: IDF-weighted word cosine with the closest
   phrasing, fuzzy token-sort ratio with the closest phrasing, and character-trigram cosine
   with all phrasings and with the answer (these two forgive typos and partial words the
   word-level signals miss, and the answer's wording widens the vocabulary an entry knows).
   Static word vectors distilled from a sentence-embedding model (``bot.faq.static``) add
   meaning: the cosine of the question's averaged word vectors with the closest phrasing and
   with the answer, so a word no synonym list links to the FAQ still counts. They re-rank
   BM25's candidates only: a question with no word the FAQ knows still gets no candidates.
   An optional ``Embedder`` (``bot.faq.semantic``) replaces them with the full model.

Below ``ANSWER_THRESHOLD`` the honest reply is "I don't know".
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz, process

from bot.faq.analysis import (
    QUERY_SYNONYMS,
    SOFT_WORDS,
    STOPWORDS,
    Speller,
    bigrams,
    canonical_terms,
    document_terms,
    stem,
    words_of,
)
from bot.faq.entries import FaqEntry, load_builtin_faq
from bot.faq.similarity import Bm25Field, CharGrams, Vector, unit
from bot.faq.static import StaticVectors, load_static_vectors

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Embedder", "FaqIndex", "FaqResult", "Match", "result_to_json"]

#: below this score the lookup admits it has no answer
ANSWER_THRESHOLD = 0.44
#: weaker matches still offered as "Did you mean" when there is no answer
SUGGESTION_FLOOR = 0.25
#: a runner-up is offered as "Did you mean" when it scores this close to the best
CLOSE_RATIO = 0.8
#: a group's own entry's score is multiplied by this, so it ranks ahead of a built-in entry
#: that matches up to a third better: facilitators write entries for their program's specifics
GROUP_BOOST = 1.5
#: a group's entry must reach this before the boost applies, so it never wins by the boost alone
GROUP_BOOST_MIN = 0.33
#: the re-ranking mix; the weights add up to 1 so a score stays between 0 and 1
BM25_WEIGHT = 0.35
COSINE_WEIGHT = 0.105
FUZZY_WEIGHT = 0.245
PHRASING_GRAMS_WEIGHT = 0.2
ANSWER_GRAMS_WEIGHT = 0.1
#: static word vectors (``bot.faq.static``): their cosine with the closest phrasing and with the
#: answer take these shares of the score, the mix above the rest; a question none of whose
#: words has a vector keeps the mix above alone
STATIC_PHRASING_WEIGHT = 0.3
STATIC_ANSWER_WEIGHT = 0.1
#: how much of the average phrasing is taken out of every vector (0: none, 1: all of it)
STATIC_CENTRING = 1.0
#: with an ``Embedder``, its similarity takes this share of the score and the threshold moves
SEMANTIC_WEIGHT = 0.4
SEMANTIC_ANSWER_THRESHOLD = 0.47
#: the answer text matters to BM25, but less than the ways people phrase the question
ANSWER_FIELD_WEIGHT = 0.35
#: how much a soft word ("you" meaning the bot) counts, relative to an ordinary word
SOFT_WORD_WEIGHT = 0.5
#: neighbouring words in a phrasing ("long session", "miss group") count as one more term,
#: worth this much relative to the phrasing field; order does not matter
BIGRAM_WEIGHT = 0.5
#: how many BM25 candidates are re-ranked
RERANK_DEPTH = 12
#: how much a word the FAQ has never seen weighs against a query, relative to the rarest word
UNKNOWN_WORD_COST = 1.0
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 24
#: tags that change how an answer is shown, not what it is about
_PRESENTATION_TAGS = frozenset({"varies"})


class Embedder(Protocol):
    """Meaning-based similarity, optional: the lookup is complete without it.

    ``bot.faq.semantic`` implements it with a small sentence-embedding model; an
    implementation caches what it computes for texts, since indexes are rebuilt per group.
    """

    def similarities(self, question: str, texts: Sequence[str]) -> list[float]:
        """Cosine similarity (-1 to 1) between the question and each text."""
        ...


@dataclass(frozen=True, slots=True)
class Match:
    """An entry and how well it fits the question, from 0 (not at all) to 1."""

    entry: FaqEntry
    score: float


@dataclass(frozen=True, slots=True)
class FaqResult:
    """The lookup's verdict: the answer if confident, and close runners-up to offer."""

    best: Match | None
    alternatives: tuple[Match, ...]
    answered: bool


@dataclass(frozen=True, slots=True)
class _Query:
    """An analysed question: FAQ terms to score, and how many words the FAQ has never seen."""

    terms: tuple[str, ...]
    #: how much each term counts (soft words less than 1)
    weights: dict[str, float]
    unknown_words: int
    #: analysed words including unknown ones, for fuzzy and character comparison
    text: str
    #: the words as written (typos corrected), for the static word vectors
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Phrasings:
    """One entry's phrasings, prepared for each re-ranking signal."""

    texts: tuple[str, ...]
    #: each phrasing's analysed words, sorted: token-sort ratio becomes a plain ratio
    sorted_texts: tuple[str, ...]
    #: word -> its weight in each phrasing's IDF-weighted unit vector (0 where absent), so a
    #: query's cosine with every phrasing costs one pass over the query's few words
    weights: dict[str, tuple[float, ...]]

    def best_cosine(self, query: Vector) -> float:
        """The highest cosine between a unit query vector and any one phrasing."""
        totals = [0.0] * len(self.texts)
        for word, weight in query.items():
            per_phrasing = self.weights.get(word)
            if per_phrasing is not None:
                totals = [total + weight * w for total, w in zip(totals, per_phrasing, strict=True)]
        return max(totals, default=0.0)


class FaqIndex:
    """Everything a lookup needs, computed once from the entries.

    Built-in entries (``group_id`` None) are offered to everyone; a group's own entries only
    when searching for that group, and they rank ahead of built-in ones that match similarly.
    """

    def __init__(
        self, entries: Iterable[FaqEntry], *, embedder: Embedder | None = None, static_vectors: bool = True
    ) -> None:
        self.entries: tuple[FaqEntry, ...] = tuple(entries)
        self._embedder = embedder
        #: the sentence model of an ``Embedder`` already knows what the word vectors know
        self._vectors = load_static_vectors() if static_vectors and embedder is None else None
        self.threshold = SEMANTIC_ANSWER_THRESHOLD if embedder else ANSWER_THRESHOLD
        phrasings = [[document_terms(text) for text in (e.question, *e.alternatives)] for e in self.entries]
        phrasing_field = Bm25Field(
            [
                [t for terms in group for t in terms] + document_terms(" ".join(_searchable_tags(entry)))
                for group, entry in zip(phrasings, self.entries, strict=True)
            ],
            1.0,
        )
        answer_terms = [document_terms(e.answer) for e in self.entries]
        answer_field = Bm25Field(answer_terms, ANSWER_FIELD_WEIGHT)
        bigram_field = Bm25Field([[b for terms in group for b in bigrams(terms)] for group in phrasings], BIGRAM_WEIGHT)
        self._postings = _merge_postings(phrasing_field, answer_field, bigram_field)
        self._best_possible = {t: max(docs.values()) for t, docs in self._postings.items()}
        self._unknown_cost = max(phrasing_field.unseen_value, answer_field.unseen_value) * UNKNOWN_WORD_COST
        self._idf = phrasing_field.idf
        self._unseen_idf = phrasing_field.unseen_value
        self._phrasings = [self._prepare(group) for group in phrasings]
        self._phrasing_grams = CharGrams([" ".join(t for terms in group for t in terms) for group in phrasings])
        self._answer_grams = CharGrams([" ".join(terms) for terms in answer_terms])
        self._speller = Speller(self._known_words())
        #: entries that belong to a group: hidden from every other group's lookups
        self._group_docs = tuple(doc for doc, entry in enumerate(self.entries) if entry.group_id is not None)
        self._static = _StaticIndex(self._vectors, self.entries) if self._vectors is not None else None

    def search(self, question: str, *, limit: int = 3, group_id: int | None = None) -> FaqResult:
        """The best answer if confident enough, plus close runners-up as "Did you mean"."""
        ranked = self.rank(question, limit=max(limit, 1), group_id=group_id)
        if not ranked or ranked[0].score < self.threshold:
            hints = tuple(m for m in ranked[: max(limit - 1, 0)] if m.score >= SUGGESTION_FLOOR)
            return FaqResult(best=None, alternatives=hints, answered=False)
        best, runners_up = ranked[0], ranked[1:limit]
        close = tuple(m for m in runners_up if m.score >= best.score * CLOSE_RATIO)
        return FaqResult(best=best, alternatives=close, answered=True)

    def rank(self, question: str, *, limit: int = 3, group_id: int | None = None) -> list[Match]:
        """The ``limit`` best-scoring entries, best first, whatever their confidence."""
        query = self._analyse(question)
        if not query.terms:
            return []
        candidates = self._candidates(query, group_id)
        scores = self._rerank(query, candidates)
        if self._embedder is not None:
            semantic = self._semantic_scores(question[:MAX_QUERY_CHARS], [doc for doc, _ in candidates])
            scores = {doc: (1 - SEMANTIC_WEIGHT) * s + SEMANTIC_WEIGHT * semantic[doc] for doc, s in scores.items()}
        matches = [Match(self.entries[doc], self._boosted(doc, score)) for doc, score in scores.items()]
        matches.sort(key=lambda m: (-m.score, m.entry.group_id is None, m.entry.id))
        return matches[:limit]

    def _prepare(self, group: list[list[str]]) -> _Phrasings:
        present = [terms for terms in group if terms]
        vectors = [unit({t: self._idf.get(t, self._unseen_idf) for t in set(terms)}) for terms in present]
        words = {word for vector in vectors for word in vector}
        return _Phrasings(
            texts=tuple(" ".join(terms) for terms in present),
            sorted_texts=tuple(" ".join(sorted(terms)) for terms in present),
            weights={word: tuple(vector.get(word, 0.0) for vector in vectors) for word in words},
        )

    def _known_words(self) -> set[str]:
        known: set[str] = set()
        for entry in self.entries:
            for text in (entry.question, entry.answer, *entry.alternatives, *entry.tags):
                known.update(words_of(text))
        return known - STOPWORDS

    def _analyse(self, question: str) -> _Query:
        weights: dict[str, float] = {}
        seen: list[str] = []
        surface: list[str] = []
        unknown = 0
        vectors = self._vectors
        for word in words_of(question[:MAX_QUERY_CHARS])[: MAX_QUERY_TERMS * 2]:
            if word in STOPWORDS and word not in QUERY_SYNONYMS:
                continue
            corrected = self._speller.correct(word)
            if vectors is not None:
                surface.append(word if word in vectors or corrected is None else corrected)
            if corrected is None:
                unknown += 1
                seen.append(stem(word))
                continue
            weight = SOFT_WORD_WEIGHT if corrected in SOFT_WORDS else 1.0
            for term in canonical_terms(corrected, QUERY_SYNONYMS):
                seen.append(term)
                if term not in self._postings:
                    unknown += 1
                elif len(weights) < MAX_QUERY_TERMS:
                    weights[term] = max(weights.get(term, 0.0), weight)
        return _Query(tuple(weights), weights, unknown, " ".join(seen), tuple(surface))

    def _bigram_terms(self, query: _Query) -> list[str]:
        """The query's neighbouring-word pairs that some phrasing also has."""
        words = [t for t in query.text.split() if t in query.weights]
        return [b for b in dict.fromkeys(bigrams(words)) if b in self._postings]

    def _candidates(self, query: _Query, group_id: int | None) -> list[tuple[int, float]]:
        """The ``RERANK_DEPTH`` best entries by normalised BM25 that ``group_id`` may see.

        Exact top-k with the MaxScore shortcut: once the words still to add could not lift an
        entry that has none of the words so far into the top k, those words only update entries
        already scored, so common words ("group") never walk their long posting lists.
        """
        weighted = [(t, query.weights[t]) for t in query.terms]
        weighted += [(b, 1.0) for b in self._bigram_terms(query)]
        weighted.sort(key=lambda item: -self._best_possible[item[0]] * item[1])
        bounds = [self._best_possible[t] * w for t, w in weighted]
        remaining = sum(bounds)
        totals: dict[int, float] = {}
        for (term, weight), bound in zip(weighted, bounds, strict=True):
            postings = self._postings[term]
            if len(totals) >= RERANK_DEPTH and remaining < _kth_largest(totals, RERANK_DEPTH):
                for doc in totals:
                    totals[doc] += postings.get(doc, 0.0) * weight
            elif not totals:
                totals = {doc: value * weight for doc, value in postings.items()}
                self._hide_other_groups(totals, group_id)
            else:
                get = totals.get
                for doc, value in postings.items():
                    totals[doc] = get(doc, 0.0) + value * weight
                self._hide_other_groups(totals, group_id)
            remaining -= bound
        ceiling = sum(bounds) + query.unknown_words * self._unknown_cost
        best = heapq.nlargest(RERANK_DEPTH, totals.items(), key=itemgetter(1))
        return [(doc, min(total / ceiling, 1.0)) for doc, total in best]

    def _hide_other_groups(self, totals: dict[int, float], group_id: int | None) -> None:
        for doc in self._group_docs:
            if self.entries[doc].group_id != group_id:
                totals.pop(doc, None)

    def _rerank(self, query: _Query, candidates: list[tuple[int, float]]) -> dict[int, float]:
        """The mixed score of each candidate: one query preparation, then cheap comparisons."""
        words = unit(self._query_word_vector(query))
        phrasing_grams = self._phrasing_grams.query_vector(query.text)
        answer_grams = self._answer_grams.query_vector(query.text)
        sorted_query = " ".join(sorted(query.text.split()))
        static = self._static.similarities(query.words, [doc for doc, _ in candidates]) if self._static else None
        scores: dict[int, float] = {}
        for doc, bm25 in candidates:
            prepared = self._phrasings[doc]
            cosine = prepared.best_cosine(words)
            best = process.extractOne(sorted_query, prepared.sorted_texts, scorer=fuzz.ratio)
            scores[doc] = (
                BM25_WEIGHT * bm25
                + COSINE_WEIGHT * cosine
                + FUZZY_WEIGHT * (best[1] / 100 if best else 0.0)
                + PHRASING_GRAMS_WEIGHT * self._phrasing_grams.similarity(phrasing_grams, doc)
                + ANSWER_GRAMS_WEIGHT * self._answer_grams.similarity(answer_grams, doc)
            )
            if static is not None:
                scores[doc] = (
                    (1 - STATIC_PHRASING_WEIGHT - STATIC_ANSWER_WEIGHT) * scores[doc]
                    + STATIC_PHRASING_WEIGHT * static[doc][0]
                    + STATIC_ANSWER_WEIGHT * static[doc][1]
                )
        return scores

    def _query_word_vector(self, query: _Query) -> Vector:
        """IDF-weighted query words; unknown words are a dimension no phrasing shares."""
        vector = {t: self._idf.get(t, self._unseen_idf) * query.weights[t] for t in query.terms}
        if query.unknown_words:
            vector[" unknown"] = math.sqrt(query.unknown_words) * self._unseen_idf
        return vector

    def _semantic_scores(self, question: str, docs: list[int]) -> dict[int, float]:
        """Each candidate's best embedding similarity with any of its phrasings, 0 to 1."""
        assert self._embedder is not None
        texts = [(doc, text) for doc in docs for text in (self.entries[doc].question, *self.entries[doc].alternatives)]
        similarities = self._embedder.similarities(question, [text for _, text in texts])
        best = dict.fromkeys(docs, 0.0)
        for (doc, _), similarity in zip(texts, similarities, strict=True):
            best[doc] = max(best[doc], similarity)
        return best

    def _boosted(self, doc: int, score: float) -> float:
        if self.entries[doc].group_id is not None and score >= GROUP_BOOST_MIN:
            score *= GROUP_BOOST
        return round(min(score, 1.0), 4)


class _StaticIndex:
    """Every entry's phrasings and answer as static text vectors, compared with a query at once.

    The average built-in phrasing and answer (what all questions about an IOP share) are taken
    out of every vector, the query's included, so the cosine measures what sets one entry
    apart. They come from the built-in FAQ whatever else the index holds, so a group's many
    similar entries cannot shift them.
    """

    def __init__(self, vectors: StaticVectors, entries: Sequence[FaqEntry]) -> None:
        self._vectors = vectors
        starts, phrasings, answers = _entry_vectors(vectors, entries)
        #: each entry's phrasing rows (at least one: a zero row when no word is known)
        self._rows = [range(a, b) for a, b in itertools.pairwise([*starts.tolist(), len(phrasings)])]
        self._phrasing_centre, self._answer_centre = _builtin_centres(vectors)
        self._phrasings = _unit_rows(phrasings - self._phrasing_centre, phrasings)
        self._answers = _unit_rows(answers - self._answer_centre, answers)

    def similarities(self, words: Sequence[str], docs: Sequence[int]) -> dict[int, tuple[float, float]] | None:
        """Per candidate, the best cosine with a phrasing and the cosine with the answer (0 to 1).

        Only the candidates' rows are compared, so the cost does not grow with the index.
        """
        vector = self._vectors.text_vector(words)
        if vector is None or not docs:
            return None
        rows = [row for doc in docs for row in self._rows[doc]]
        phrasing = (self._phrasings[rows] @ _unit(vector - self._phrasing_centre)).tolist()
        answer = (self._answers[list(docs)] @ _unit(vector - self._answer_centre)).tolist()
        result: dict[int, tuple[float, float]] = {}
        position = 0
        for doc, answer_cosine in zip(docs, answer, strict=True):
            count = len(self._rows[doc])
            result[doc] = (max(*phrasing[position : position + count], 0.0), max(answer_cosine, 0.0))
            position += count
        return result


def _entry_vectors(
    vectors: StaticVectors, entries: Sequence[FaqEntry]
) -> tuple[NDArray[np.intp], NDArray[np.float32], NDArray[np.float32]]:
    """Where each entry's phrasings start, the phrasing vectors, and one answer vector each.

    An entry or answer without any known word gets a zero row, which matches nothing.
    """
    import numpy

    zero = numpy.zeros(vectors.dims, dtype=numpy.float32)
    rows: list[NDArray[np.float32]] = []
    starts: list[int] = []
    answers: list[NDArray[np.float32]] = []
    for entry in entries:
        starts.append(len(rows))
        found = [v for v in (_text_vector(vectors, t) for t in (entry.question, *entry.alternatives)) if v is not None]
        rows.extend(found or [zero])
        answer = _text_vector(vectors, entry.answer)
        answers.append(zero if answer is None else answer)
    empty = numpy.zeros((0, vectors.dims), dtype=numpy.float32)
    return (
        numpy.array(starts, dtype=numpy.intp),
        numpy.stack(rows) if rows else empty,
        numpy.stack(answers) if answers else empty,
    )


def _text_vector(vectors: StaticVectors, text: str) -> NDArray[np.float32] | None:
    return vectors.text_vector(w for w in words_of(text) if w not in STOPWORDS)


@functools.lru_cache(maxsize=2)
def _builtin_centres(vectors: StaticVectors) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """The mean built-in phrasing and answer vector, scaled by ``STATIC_CENTRING``."""
    _, phrasings, answers = _entry_vectors(vectors, load_builtin_faq())
    return _mean_row(phrasings) * STATIC_CENTRING, _mean_row(answers) * STATIC_CENTRING


def _mean_row(rows: NDArray[np.float32]) -> NDArray[np.float32]:
    present = rows[rows.any(axis=1)]
    mean: NDArray[np.float32] = present.mean(axis=0) if len(present) else rows.sum(axis=0)
    return mean


def _unit_rows(rows: NDArray[np.float32], original: NDArray[np.float32]) -> NDArray[np.float32]:
    """Rows scaled to unit length; rows that had no vector stay zero."""
    import numpy

    norms = numpy.linalg.norm(rows, axis=1, keepdims=True)
    keep = original.any(axis=1, keepdims=True) & (norms > 0)
    return numpy.where(keep, rows / numpy.where(norms > 0, norms, 1.0), 0.0).astype(numpy.float32)


def _unit(vector: NDArray[np.float32]) -> NDArray[np.float32]:
    norm = float((vector @ vector) ** 0.5)
    return vector / norm if norm else vector


def _kth_largest(totals: dict[int, float], k: int) -> float:
    return heapq.nlargest(k, totals.values())[-1]


def _merge_postings(*fields: Bm25Field) -> dict[str, dict[int, float]]:
    """One posting list per term, summing what each field contributes to each document."""
    merged: dict[str, dict[int, float]] = {}
    for field in fields:
        for term, docs in field.postings.items():
            into = merged.setdefault(term, {})
            for doc, value in docs.items():
                into[doc] = into.get(doc, 0.0) + value
    return merged


def _searchable_tags(entry: FaqEntry) -> list[str]:
    """Tags that describe the topic (presentation markers such as "varies" are left out)."""
    return [tag for tag in entry.tags if tag not in _PRESENTATION_TAGS]


def result_to_json(result: FaqResult) -> dict[str, object]:
    """The lookup as one JSON-ready object (used by ``iop-bot faq ask --json``)."""
    best = result.best
    return {
        "id": best.entry.id if best else None,
        "question": best.entry.question if best else None,
        "answer": best.entry.answer if best else None,
        "score": best.score if best else 0.0,
        "answered": result.answered,
        "alternatives": [
            {"id": m.entry.id, "question": m.entry.question, "score": m.score} for m in result.alternatives
        ],
    }
