"""Finding the FAQ entry a member means, however they phrase it.

Members ask in their own words, with typos and chat slang, often late at night. The lookup
combines three cheap signals, chosen by measurement (see ``bench/faq.py``):

1. **Text analysis**: chat abbreviations and synonyms are mapped to one word ("meds" ->
   medication, "skip" -> miss), stopwords dropped and words lightly stemmed; an unknown word of
   five letters or more is corrected to the closest word the FAQ uses (rapidfuzz), which
   absorbs most typos (keeping the first letter). A few idioms are rewritten first ("have to"
   and "must" -> required, "day treatment" -> PHP, "I'm 16" -> teenager), and "you" counts as
   the bot at half weight, since members use it for anyone.
2. **BM25** over three fields: the phrasings (question, alternatives, tags), the answer, and
   order-free pairs of neighbouring phrasing words ("long session" is not "how long").
   Per-term contributions are precomputed when the index is built, so a query is a handful
   of dictionary look-ups.
3. **Fuzzy re-ranking** of the few best BM25 candidates by token-sort similarity between the
   analysed query and each phrasing.

The BM25 part is normalised by the best score each query word could reach anywhere, and
words the FAQ has never seen count against the query: a question about parking or pizza keeps
a low score however well its one familiar word matches. Below ``ANSWER_THRESHOLD`` the
honest reply is "I don't know".
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.faq.entries import FaqEntry

#: below this score the lookup admits it has no answer
ANSWER_THRESHOLD = 0.53
#: weaker matches still offered as "Did you mean" when there is no answer
SUGGESTION_FLOOR = 0.3
#: a runner-up is offered as "Did you mean" when it scores this close to the best
CLOSE_RATIO = 0.8
#: a group's own entry's score is multiplied by this, so it ranks ahead of a built-in entry
#: that matches up to a third better: facilitators write entries for their program's specifics
GROUP_BOOST = 1.5
#: a group's entry must reach this before the boost applies, so it never wins by the boost alone
GROUP_BOOST_MIN = 0.4
#: the final score mixes the three signals with these weights (they add up to 1)
BM25_WEIGHT = 0.5
COSINE_WEIGHT = 0.15
FUZZY_WEIGHT = 0.35
#: the answer text matters, but less than the ways people phrase the question
ANSWER_FIELD_WEIGHT = 0.35
#: how much a soft word ("you" meaning the bot) counts, relative to an ordinary word
SOFT_WORD_WEIGHT = 0.5
#: neighbouring words in a phrasing ("long session", "miss group") count as one more term,
#: worth this much relative to the phrasing field; order does not matter
BIGRAM_WEIGHT = 0.5
#: how many BM25 candidates are re-ranked with fuzzy similarity
RERANK_DEPTH = 12
#: how much a word the FAQ has never seen weighs against a query, relative to the rarest word
UNKNOWN_WORD_COST = 1.0
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 24
#: shortest unknown word worth spelling-correcting; shorter ones match too much by chance
MIN_CORRECTABLE_LENGTH = 5
CORRECTION_CUTOFF = 84.0
BM25_K1 = 1.2
BM25_B = 0.75

_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        """
        a about actually again all also am an and any anyone are as at be been being but by
        can cant could did didnt do does doesnt doing dont even ever for from get gets getting
        go going gonna got had has have having hey hi hello i id if ill im in is isnt it its ive
        just know let like lot lots many me might more much must my myself need needs no not
        now of ok okay on or our out please pls really should so some someone something still
        such supposed than that thats the their them then there these they thing things this
        those to too u um up ur us very wanna want was we well were whats which while whom
        whose will with wont would yeah yes you youre your yours each usually typically normally
        generally usual typical
        """,
    )
)

#: chat slang, abbreviations and synonyms (right), mapped onto the word the FAQ uses (left)
_SYNONYM_GROUPS: dict[str, str] = {
    "therapist": "counselor counsellor shrink clinician",
    "therapy": "counseling counselling",
    "people": "ppl peeps folks",
    "person": "human",
    "bot": "robot chatbot ai",
    "family": "mom mum dad parent parents husband wife spouse partner relatives sibling "
    "siblings brother sister son daughter child children grandparent grandma grandpa "
    "boyfriend girlfriend fiance fiancee",
    "teenager": "teen teens teenage adolescent adolescents youth kid kids minor minors",
    "facilitator": "staff leader",
    "medication": "meds med medicine medicines pill pills prescription prescriptions antidepressant antidepressants",
    "cost": "price pay paying afford fee fees expensive cheap billing bill money copay deductible",
    "insurance": "insurer uninsured",
    "covered": "coverage cover covers",
    "miss": "skip skipping skipped absent absence",
    "long": "longer lengthy",
    "hours": "hrs",
    "hour": "hr",
    "week": "wk weekly",
    "weeks": "wks",
    "minutes": "mins",
    "evening": "night nights nightly",
    "every day": "daily",
    "first": "1st",
    "online": "virtual virtually zoom telehealth video remote remotely facetime skype teletherapy",
    "residential": "rehab",
    "hospital": "hospitalization hospitalisation hospitalized",
    "home": "house",
    "work": "job career employer boss",
    "school": "college uni university class classes studying study student",
    "delete": "erase wipe remove removed forget",
    "reminder": "notification notifications notifs pings alerts",
    "pause": "mute",
    "stop": "quit cancel",
    "time zone": "timezone tz",
    "private": "confidential confidentiality privacy secret",
    "repeat": "gossip",
    "substance": "alcohol drinking drink drunk booze drugs drug addiction addicted sober sobriety weed "
    "cannabis marijuana opioids opioid opiates cocaine heroin meth alcoholic",
    "setback": "relapse relapsed relapsing slip slipped backslide backslid backsliding regress regressed regressing",
    "progress": "improve improving improvement effective",
    "crisis": "emergency urgent suicidal suicide hotline helpline 988 sos unsafe",
    "depression": "depressed sad",
    "anxiety": "anxious panic worry worried",
    "trauma": "ptsd traumatic",
    "psychiatrist": "psych prescriber doctor doc md",
    "patients": "clients members",
    "behaviour": "behavior behavioral behavioural",
    "practise": "practice practicing practising",
    "conditions": "issues problems struggles disorder disorders diagnosis diagnoses illness illnesses",
    "individual": "alone privately individually solo",
    "required": "mandatory compulsory obligatory",
    "socialmedia": "socials instagram insta facebook fb tiktok snapchat snap twitter reddit",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
}
_SYNONYMS = {variant: canonical for canonical, variants in _SYNONYM_GROUPS.items() for variant in variants.split()}
#: in a member's question, "you" is often the bot ("what can you do") but just as often anyone
#: ("what do you do in group"), so it counts as the bot at ``SOFT_WORD_WEIGHT``
_SOFT_WORDS = frozenset({"you", "u", "ya", "yourself"})
_QUERY_SYNONYMS = {**_SYNONYMS, **dict.fromkeys(_SOFT_WORDS, "bot")}

_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcheck[\s-]?ins?\b"), " checkin "),
    (re.compile(r"\b(?:1|one)[\s-]*(?:on|to|:)[\s-]*(?:1|one)\b"), " individual "),
    (re.compile(r"\bday (?:one|1)\b"), " first day "),
    # obligation, however it is said: "do I have to", "am I required to", "must I"
    (
        re.compile(r"\b(?:have|has|had|got|need|needs|required|forced|made|expected|obliged)\s+to\b|\bmust\b"),
        " required ",
    ),
    # other names for partial hospitalization
    (re.compile(r"\bday (?:treatment|program|programme|hospital)\b|\bpartial (?:program|care)\b"), " php "),
    # a stated age under 18 is a teenager asking
    (re.compile(r"\b(?:im|i'm|i am|aged?|my (?:son|daughter|kid|child) is)\s+(?:1[2-7])\b"), " teenager "),
    (re.compile(r"\b(?:1[2-7])\s*(?:yo|y/o|years? old|yr old)\b"), " teenager "),
    (re.compile(r"\b(?:back (?:at|to) square one|back to the start|lost (?:all )?my progress)\b"), " setback "),
    (re.compile(r"\bsocial media\b|\bpost(?:s|ing|ed)?\b(?:\s+[^\W_]+){0,5}?\s+online\b"), " socialmedia "),
    # "what do you do in group" is about anyone there, not the bot
    (
        re.compile(r"\b(what|how) (?:do|did|would|will) (?:you|u|we|they) (?:guys |all |even |actually |really )?do\b"),
        r" \1 do ",
    ),
    # "how does the bot work" asks what it does, not about a job
    (re.compile(r"\b(how (?:does|do|will|would) (?:[^\W_]+ ){1,3})work(?:s)?\b"), r"\1"),
    # "is it working" asks about progress; "keep working" is about a job
    (
        re.compile(
            r"\b(?:it|its|it's|this|iop|treatment|program|therapy)\s+"
            r"(?:is\s+|even\s+|really\s+|actually\s+)*(?:working|work|helping)\b"
        ),
        " progress ",
    ),
)
#: tags that change how an answer is shown, not what it is about
_PRESENTATION_TAGS = frozenset({"varies"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


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


def words_of(text: str) -> list[str]:
    """Lower-cased words with apostrophes dropped and a few multi-word phrases joined."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    for pattern, replacement in _PHRASES:
        folded = pattern.sub(replacement, folded)
    return [word.replace("'", "") for word in _WORD.findall(folded)]


def stem(word: str) -> str:
    """Light suffix stripping: enough to join 'sessions'/'session', 'relapsed'/'relapse'."""
    if len(word) <= 3:
        return word
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ization", "isation", "ation", "ness", "ment", "ful", "ure", "ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _canonical_terms(word: str, synonyms: dict[str, str] = _SYNONYMS) -> list[str]:
    mapped = synonyms.get(word, word)
    return [stem(part) for part in mapped.split() if part not in _STOPWORDS]


def document_terms(text: str) -> list[str]:
    """Terms of FAQ text, analysed the same way as queries but without spelling correction."""
    terms: list[str] = []
    for word in words_of(text):
        if word not in _STOPWORDS:
            terms.extend(_canonical_terms(word))
    return terms


def bigrams(terms: Sequence[str]) -> list[str]:
    """Neighbouring terms as order-free pairs: "long session" and "session long" agree."""
    return ["_".join(sorted(pair)) for pair in itertools.pairwise(terms) if pair[0] != pair[1]]


class _Speller:
    """Corrects unknown query words to the closest word the FAQ knows; remembers answers."""

    def __init__(self, known_words: Iterable[str]) -> None:
        self._known = frozenset(known_words)
        #: typos rarely change the first letter, and the ones that do are mostly other words
        #: ("vending" is not "evening"): corrections keep it
        self._choices: dict[str, list[str]] = {}
        for known in sorted(self._known):
            if len(known) >= MIN_CORRECTABLE_LENGTH - 1:
                self._choices.setdefault(known[0], []).append(known)
        self._memo: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The word itself if known, its correction, or None when nothing is close enough."""
        if word in self._known or word in _QUERY_SYNONYMS:
            return word
        if len(word) < MIN_CORRECTABLE_LENGTH or not word.isascii():
            return None
        if word not in self._memo:
            if len(self._memo) > 10_000:
                self._memo.clear()
            choices = self._choices.get(word[0], [])
            found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=CORRECTION_CUTOFF)
            self._memo[word] = None if found is None else str(found[0])
        return self._memo[word]


@dataclass(frozen=True, slots=True)
class _Query:
    """An analysed question: FAQ terms to score, and how many words the FAQ has never seen."""

    terms: tuple[str, ...]
    #: how much each term counts (soft words less than 1)
    weights: dict[str, float]
    unknown_words: int
    #: analysed words including unknown ones, for fuzzy comparison with phrasings
    text: str


class _Bm25Field:
    """BM25 over one field; every term's contribution to every document is precomputed."""

    def __init__(self, documents: Sequence[list[str]], weight: float) -> None:
        count = max(len(documents), 1)
        average_length = sum(len(d) for d in documents) / count or 1.0
        frequencies: Counter[str] = Counter()
        for terms in documents:
            frequencies.update(set(terms))
        self.postings: dict[str, dict[int, float]] = {}
        for index, terms in enumerate(documents):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * len(terms) / average_length)
            for term, tf in Counter(terms).items():
                df = frequencies[term]
                idf = math.log(1 + (count - df + 0.5) / (df + 0.5))
                score = weight * idf * tf * (BM25_K1 + 1) / (tf + norm)
                self.postings.setdefault(term, {})[index] = score
        self.idf = {term: math.log(1 + (count - df + 0.5) / (df + 0.5)) for term, df in frequencies.items()}
        #: what a word found in no document would be worth: the cost of an unknown word
        self.unseen_value = weight * math.log(1 + (count + 0.5) / 0.5)


class FaqIndex:
    """Everything a lookup needs, computed once from the entries.

    Built-in entries (``group_id`` None) are offered to everyone; a group's own entries only
    when searching for that group, and they rank ahead of built-in ones that match similarly.
    """

    def __init__(self, entries: Iterable[FaqEntry]) -> None:
        self.entries: tuple[FaqEntry, ...] = tuple(entries)
        phrasings = [[document_terms(text) for text in (e.question, *e.alternatives)] for e in self.entries]
        phrasing_field = _Bm25Field(
            [
                [t for terms in group for t in terms] + document_terms(" ".join(_searchable_tags(entry)))
                for group, entry in zip(phrasings, self.entries, strict=True)
            ],
            1.0,
        )
        answer_field = _Bm25Field([document_terms(e.answer) for e in self.entries], ANSWER_FIELD_WEIGHT)
        bigram_field = _Bm25Field(
            [[b for terms in group for b in bigrams(terms)] for group in phrasings],
            BIGRAM_WEIGHT,
        )
        self._postings: dict[str, dict[int, float]] = {}
        for field in (phrasing_field, answer_field, bigram_field):
            for term, docs in field.postings.items():
                merged = self._postings.setdefault(term, {})
                for doc, value in docs.items():
                    merged[doc] = merged.get(doc, 0.0) + value
        self._best_possible = {t: max(docs.values()) for t, docs in self._postings.items()}
        self._unknown_cost = max(phrasing_field.unseen_value, answer_field.unseen_value)
        self._idf = phrasing_field.idf
        self._unseen_idf = phrasing_field.unseen_value
        self._phrasing_vectors = [tuple(self._weights(set(terms)) for terms in group if terms) for group in phrasings]
        self._phrasing_texts = [tuple(" ".join(t) for t in group) for group in phrasings]
        known: set[str] = set()
        for entry in self.entries:
            for text in (entry.question, entry.answer, *entry.alternatives, *entry.tags):
                known.update(words_of(text))
        self._speller = _Speller(known - _STOPWORDS)

    def search(self, question: str, *, limit: int = 3, group_id: int | None = None) -> FaqResult:
        """The best answer if confident enough, plus close runners-up as "Did you mean"."""
        ranked = self.rank(question, limit=max(limit, 1), group_id=group_id)
        if not ranked or ranked[0].score < ANSWER_THRESHOLD:
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
        lexical = self._lexical_scores(query, group_id)
        candidates = heapq.nlargest(RERANK_DEPTH, lexical.items(), key=lambda item: item[1])
        query_weights = {t: w * query.weights[t] for t, w in self._weights(set(query.terms)).items()}
        query_norm = math.sqrt(sum(w * w for w in query_weights.values()) + query.unknown_words * self._unseen_idf**2)
        scored = [
            Match(
                self.entries[doc],
                self._final_score(doc, bm25, query, query_weights, query_norm),
            )
            for doc, bm25 in candidates
        ]
        scored.sort(key=lambda m: (-m.score, m.entry.group_id is None, m.entry.id))
        return scored[:limit]

    def _weights(self, terms: set[str]) -> dict[str, float]:
        return {t: self._idf.get(t, self._unseen_idf) for t in terms}

    def _analyse(self, question: str) -> _Query:
        weights: dict[str, float] = {}
        seen: list[str] = []
        unknown = 0
        for word in words_of(question[:MAX_QUERY_CHARS])[: MAX_QUERY_TERMS * 2]:
            if word in _STOPWORDS and word not in _QUERY_SYNONYMS:
                continue
            corrected = self._speller.correct(word)
            if corrected is None:
                unknown += 1
                seen.append(stem(word))
                continue
            weight = SOFT_WORD_WEIGHT if corrected in _SOFT_WORDS else 1.0
            for term in _canonical_terms(corrected, _QUERY_SYNONYMS):
                seen.append(term)
                if term not in self._postings:
                    unknown += 1
                elif len(weights) < MAX_QUERY_TERMS:
                    weights[term] = max(weights.get(term, 0.0), weight)
        terms = tuple(weights)
        return _Query(terms, weights, unknown, " ".join(seen))

    def _bigram_terms(self, query: _Query) -> list[str]:
        """The query's neighbouring-word pairs that some phrasing also has."""
        words = [t for t in query.text.split() if t in query.weights]
        return [b for b in dict.fromkeys(bigrams(words)) if b in self._postings]

    def _lexical_scores(self, query: _Query, group_id: int | None) -> dict[int, float]:
        totals: dict[int, float] = {}
        weighted = [(t, query.weights[t]) for t in query.terms]
        weighted += [(b, 1.0) for b in self._bigram_terms(query)]
        for term, weight in weighted:
            for doc, value in self._postings[term].items():
                totals[doc] = totals.get(doc, 0.0) + value * weight
        ceiling = sum(self._best_possible[t] * w for t, w in weighted)
        ceiling += query.unknown_words * self._unknown_cost * UNKNOWN_WORD_COST
        return {
            doc: min(total / ceiling, 1.0)
            for doc, total in totals.items()
            if self.entries[doc].group_id in (None, group_id)
        }

    def _final_score(
        self,
        doc: int,
        bm25: float,
        query: _Query,
        query_weights: dict[str, float],
        query_norm: float,
    ) -> float:
        cosine = max(
            (_cosine(query_weights, query_norm, vector) for vector in self._phrasing_vectors[doc]),
            default=0.0,
        )
        fuzzy = max(
            (fuzz.token_sort_ratio(query.text, text) for text in self._phrasing_texts[doc]),
            default=0.0,
        )
        score = BM25_WEIGHT * bm25 + COSINE_WEIGHT * cosine + FUZZY_WEIGHT * fuzzy / 100
        if self.entries[doc].group_id is not None and score >= GROUP_BOOST_MIN:
            score *= GROUP_BOOST
        return round(min(score, 1.0), 4)


def _searchable_tags(entry: FaqEntry) -> list[str]:
    """Tags that describe the topic (presentation markers such as "varies" are left out)."""
    return [tag for tag in entry.tags if tag not in _PRESENTATION_TAGS]


def _cosine(query: dict[str, float], query_norm: float, phrasing: dict[str, float]) -> float:
    """IDF-weighted cosine between the query's words and one phrasing's words."""
    shared = sum(weight * phrasing[t] for t, weight in query.items() if t in phrasing)
    if not shared:
        return 0.0
    return shared / (query_norm * math.sqrt(sum(w * w for w in phrasing.values())))


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
