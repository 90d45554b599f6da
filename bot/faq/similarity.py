"""The similarity measures the FAQ lookup mixes, each precomputed once per index.

Every class here does its expensive work when the index is built, so that a lookup is a few
dictionary reads per query word: the lookup runs for every message in a direct chat and
must stay well under a few milliseconds with a thousand entries.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

BM25_K1 = 1.2
BM25_B = 0.75
#: character n-gram length: three letters survive most typos ("insurence" and "insurance"
#: share "ins", "nsu", "sur", "ran"/"ren" aside) yet still say something about the word
CHARGRAM_SIZE = 3

#: a sparse vector: feature -> weight
Vector = dict[str, float]


class Bm25Field:
    """BM25 over one field; every term's contribution to every document is precomputed."""

    def __init__(self, documents: Sequence[list[str]], weight: float) -> None:
        count = max(len(documents), 1)
        average_length = sum(len(d) for d in documents) / count or 1.0
        frequencies: Counter[str] = Counter()
        for terms in documents:
            frequencies.update(set(terms))
        self.idf = {term: math.log(1 + (count - df + 0.5) / (df + 0.5)) for term, df in frequencies.items()}
        self.postings: dict[str, dict[int, float]] = {}
        for index, terms in enumerate(documents):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * len(terms) / average_length)
            for term, tf in Counter(terms).items():
                score = weight * self.idf[term] * tf * (BM25_K1 + 1) / (tf + norm)
                self.postings.setdefault(term, {})[index] = score
        #: what a word found in no document would be worth: the cost of an unknown word
        self.unseen_value = weight * math.log(1 + (count + 0.5) / 0.5)


class CharGrams:
    """TF-IDF cosine over character n-grams of one text per document.

    Word-level matching misses "chek in" and "meds" vs "medication"; shared letter triples
    catch both, and rare triples count for more than common ones.
    """

    def __init__(self, documents: Sequence[str]) -> None:
        counts = [Counter(char_grams(d)) for d in documents]
        count = max(len(documents), 1)
        frequencies: Counter[str] = Counter()
        for grams in counts:
            frequencies.update(grams.keys())
        self._idf = {gram: math.log(1 + count / df) for gram, df in frequencies.items()}
        self._unseen_idf = math.log(1 + count)
        self.vectors = [unit(self._weigh(grams)) for grams in counts]

    def query_vector(self, text: str) -> Vector:
        """The query's unit vector, computed once and compared with many documents."""
        return unit(self._weigh(Counter(char_grams(text))))

    def similarity(self, query: Vector, doc: int) -> float:
        """Cosine between a query vector and one document, 0 to 1."""
        vector = self.vectors[doc]
        return sum(query[gram] * vector[gram] for gram in query.keys() & vector.keys())

    def _weigh(self, grams: Counter[str]) -> Vector:
        return {gram: (1 + math.log(tf)) * self._idf.get(gram, self._unseen_idf) for gram, tf in grams.items()}


def char_grams(text: str) -> list[str]:
    """Character n-grams of each word padded with spaces ("meds" -> " me", "med", "eds", "ds ")."""
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        grams.extend(padded[i : i + CHARGRAM_SIZE] for i in range(max(len(padded) - CHARGRAM_SIZE + 1, 1)))
    return grams


def unit(vector: Vector) -> Vector:
    """The vector scaled to length 1 (an empty vector stays empty)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else {}
