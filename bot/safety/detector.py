"""Crisis-language detector: one pure function from a message to a `Detection`.

Every text the bot receives passes through `detect` before anything else happens, so it has to
be cheap, total (never raises on odd input) and biased towards safety: a missed crisis costs
far more than an extra resource message. Three layers, cheapest first: phrases
(`bot.safety.lexicon`), cue combinations (`bot.safety.risk`) and a small linear model
(`bot.safety.model`) that the same recovery, discussion and farewell guards silence.

How a message is judged:
- The text is normalised first (Unicode NFKC, invisible and control characters dropped,
  casefolded, accents and look-alike letters folded, leetspeak undone, punctuation dropped,
  repeated letters squeezed, a few key words spell-corrected), so "I wan't to d1eee",
  "s.u.i.c.i.d.e" and "kill my\u200bself" read like their plain forms.
- Strong rules (present-tense wishes, intent, plans, means, goodbyes) make it a crisis alone.
- Weak rules (topic mentions, past-tense attempts) make it a crisis unless the message reads
  as recovery talk or discussion ("I used to self-harm, 2 years clean now") and shows no
  present struggle ("again", "urges", "tonight"). Present tense always wins.
- A hit right after a negation ("not suicidal", "don't want to die") is dropped; a denial
  that doesn't fit those lead-ins still counts.

`Detection.matched` holds rule labels, never the person's words, so it is safe to log and to
show a facilitator; a means is named only by its broad kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.safety import concepts, lexicon, quotes, risk
from bot.safety.model import NO_MODEL_SCORE, CrisisModel, ModelScore, Weights, load_shipped_weights

_GAP_WORDS = 3
_LEAD_IN_WINDOW = 60

#: Which rule layer decided: a strong lexicon phrase, only weak ones (topic mentions, past tense) with
#: or without a sign of something present ("again this weekend", "ahora tambien") or of the writer
#: themselves ("my suicidal thoughts"), or the cue-scoring layer's combined cues.
STRONG, WEAK, WEAK_PRESENT, CUES = "strong", "weak", "weak-present", "cues"
#: The model, asked about a message only weak phrases flag, overrules them under this probability:
#: trained on thousands of recovery stories and talk about the topic, it tells a topic mention apart
#: better than the recovery and discussion phrase lists (chosen out of fold in the blind22 round).
#: Only where the message says nothing of the writer: overruling "had a hard conversation with my mom
#: about my suicidal thoughts" would miss a crisis to spare a false alarm.
WEAK_HIT_VETO = 0.2
#: Likewise for combined cues, which fire on fewer words, so the model must be surer.
CUE_VETO = 0.05
#: How sure the model must be to speak up where its guards would silence it: in recovery talk or
#: discussion (out of fold, 0.97 found about half of the crises told that way at 0.5% false alarms on
#: such talk), and with no first person and nothing of harm in the message (0.95: about a third of
#: the crises the model's own threshold found there, and none of its false alarms).
SURE_DESPITE_PAST_OR_DISCUSSION = 0.97
SURE_WITHOUT_FIRST_PERSON = 0.95
#: How sure the model must be about a message it scores whole, with no concept that can carry a
#: crisis anywhere in it ("you can stop the reminders after friday, trust me"): out of fold, 0.96
#: still found 98 of the 303 such crises among the training rows, at 1 false alarm in 1,475 of
#: their hard negatives; the model's own threshold found 184 at 6, and fired on the rule tests' near
#: misses ("my husband works late tonight and ive been waiting for this show all week").
SURE_WHOLE_MESSAGE = 0.96


@dataclass(frozen=True)
class Detection:
    """The verdict on one message: one per message however many phrases matched."""

    crisis: bool
    category: str | None
    matched: tuple[str, ...]


NO_CRISIS = Detection(crisis=False, category=None, matched=())


def to_json(d: Detection) -> dict[str, object]:
    """The shape `iop-bot safety check --json` prints."""
    return {"crisis": d.crisis, "category": d.category, "matched": list(d.matched)}


# --- normalisation --------------------------------------------------------------------------

_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-"
    "\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SPACING_CONTROLS = re.compile("[\t\x1f]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_INTRA_WORD = re.compile(r"(?<=\w)['’`´*]+(?=\w)")
_DOTTED_LETTERS = re.compile(r"\b(?:[a-z][.\-_]){2,}[a-z]\b")
_NON_WORD = re.compile(r"[^a-z0-9@$!|.?;]+")
_LEET_TOKEN = re.compile(r"[a-z0-9@$!|]+")
_QUANTITY = re.compile(r"\d+(st|nd|rd|th|am|pm|mg|mcg|ml|g|kg|lb|lbs|x|s|h|hr|hrs|min|mins|k|m|yo|yr|yrs|ish)")
_HAS_LETTER = re.compile(r"[a-z]")
_LEET_RUN = re.compile(r"[013457@$!|]{1,2}")
_LEET = str.maketrans("013457@$!|", "oieastasil")
#: "1" read as "l" instead: taken when the whole word then reads as one of `_ONE_AS_L` ("ki11", "pi11s")
_LEET_ONE_AS_L = str.maketrans("013457@$!|", "oleastasil")
_ONE_AS_L = frozenset({"kil", "kils", "kiled", "kiling", "pil", "pils", "self", "myself", "alone", "alive", "life"})
_SENTENCE_END = re.compile(r"[.!?;]+")
#: A title's dot ends no sentence: "tell dr. okafor i tried" is one clause.
_TITLE_DOT = re.compile(r"\b(dr|dra|mr|mrs|ms|sr|sra|srta|jr|prof|st)\.(?= [a-z])")
_LEFTOVER = re.compile(r"[^a-z0-9.]+")
_REPEATED_STOPS = re.compile(r"(?: \.)+")
_SPELLED_OUT = re.compile(r"\b(?:[a-z] ){2,}[a-z]\b")
_REPEATS = re.compile(r"([a-z])\1+")
_TO_SPACE_OR_WORD = str.maketrans(lexicon.CONFUSABLES | lexicon.EMOJI_WORDS)


def normalise(text: str) -> str:
    """The text as the lexicon sees it: lowercase ASCII words and digits, one space apart.

    Sentence ends become a lone "." so that no phrase can run from one sentence into the next.
    Quotations of someone else's words, or of words talked about, are made neutral first
    (`bot.safety.quotes`), so every layer reads the writer's own words only.
    """
    text = quotes.as_mentions(unicodedata.normalize("NFKC", text))
    text = _LINE_BREAKS.sub(" . ", text)
    text = _SPACING_CONTROLS.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = text.casefold().translate(_TO_SPACE_OR_WORD)
    text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    text = _INTRA_WORD.sub("", text)
    text = _DOTTED_LETTERS.sub(lambda m: m.group()[::2], text)
    text = _NON_WORD.sub(" ", text)
    text = _LEET_TOKEN.sub(_undo_leet, text)
    text = _TITLE_DOT.sub(r"\1", text)
    text = _SENTENCE_END.sub(" . ", text)
    text = _LEFTOVER.sub(" ", text)
    text = _SPELLED_OUT.sub(lambda m: m.group().replace(" ", ""), text)
    text = _REPEATS.sub(r"\1", text)
    text = _REPEATED_STOPS.sub(" .", f" {text} ").strip(" .")
    return " ".join(_spell_correct(word) for word in text.split())


def _undo_leet(match: re.Match[str]) -> str:
    """Map digits and symbols inside words back to letters ("su1c1de"), leaving "800mg"."""
    token = match.group()
    if token.isalpha() or not _HAS_LETTER.search(token) or _QUANTITY.fullmatch(token):
        return token
    if "1" in token:
        as_l = _REPEATS.sub(r"\1", token.translate(_LEET_ONE_AS_L))
        if as_l in _ONE_AS_L:
            return as_l
    return _LEET_RUN.sub(lambda run: _leet_run(token, run), token)


def _leet_run(token: str, run: re.Match[str]) -> str:
    start, end = run.span()
    before = token[start - 1] if start else ""
    after = token[end] if end < len(token) else ""
    between_letters = before.isalpha() and after.isalpha()
    at_edge_of_word = (before.isalpha() or after.isalpha()) and len(run.group()) == 1
    symbol = not run.group().isdigit()
    if between_letters or (at_edge_of_word and not (symbol and not after.isalpha())):
        return run.group().translate(_LEET)
    return run.group()


@cache
def _chat_spellings() -> dict[str, str]:
    return {_REPEATS.sub(r"\1", k): _REPEATS.sub(r"\1", v) for k, v in lexicon.CHAT_SPELLINGS.items()}


@lru_cache(maxsize=4096)
def _spell_correct(word: str) -> str:
    """Correct a word one typo away from a key word ("sucide", "suicidle", "myslef"), or split glued ones."""
    if word in _chat_spellings():
        return _chat_spellings()[word]
    if len(word) >= _MIN_GLUED and not word.isdigit():
        split = _unglue(word)
        if split is not None:
            return split
    if len(word) < 3 or word in lexicon.NOT_TYPOS:
        return word
    for target in _squeezed(lexicon.SWAP_TARGETS):
        if len(word) == len(target) and word != target and _swapped_neighbours(word, target):
            return target
    if len(word) < 5:
        return word
    for target in _squeezed(lexicon.FUZZY_TARGETS):
        close_in_length = abs(len(word) - len(target)) <= 1
        if word[0] == target[0] and close_in_length and _within_one_edit(word, target):
            return target
    if len(word) >= 6:
        for target in _squeezed(lexicon.FUZZY_TARGETS_TWO_EDITS):
            if word[:2] == target[:2] and abs(len(word) - len(target)) <= 2 and _edit_distance(word, target) <= 2:
                return target
    return word


#: Shorter words are never split: "cutme" or "itsme" say little, and real words are short.
_MIN_GLUED = 7


@cache
def _glued_vocabulary() -> frozenset[str]:
    return frozenset(_REPEATS.sub(r"\1", w) for w in lexicon.GLUED_WORDS)


@lru_cache(maxsize=4096)
def _unglue(word: str) -> str | None:
    """The word split into `lexicon.GLUED_WORDS` with a key among them, or None.

    Letters were squeezed before, so "want"+"to" reads "wanto": a word may also start one letter
    early, sharing the previous word's last letter when they are the same.
    """
    vocabulary = _glued_vocabulary()
    keys = frozenset(_REPEATS.sub(r"\1", w) for w in lexicon.GLUED_KEYS)
    longest = max(len(w) for w in vocabulary)
    # best[i]: a split of word[:i] into known words, or None
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - longest), end):
            before = best[start]
            if before is None:
                continue
            piece = word[start:end]
            if piece in vocabulary:
                best[end] = [*before, piece]
                break
            # the shared letter: "wan|t|o" is "want" then "to"
            if before and before[-1][-1] == word[start - 1] and word[start - 1] + piece in vocabulary:
                best[end] = [*before, word[start - 1] + piece]
                break
    parts = best[len(word)]
    if parts is None or len(parts) < 2 or not keys.intersection(parts):
        return None
    return " ".join(parts)


def _edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap neighbours) between two short words."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


@cache
def _squeezed(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_REPEATS.sub(r"\1", w) for w in words)


def _swapped_neighbours(a: str, b: str) -> bool:
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and a[differ[0]] == b[differ[1]]
        and (a[differ[1]] == b[differ[0]])
    )


def _within_one_edit(a: str, b: str) -> bool:
    """True when one insertion, deletion, substitution or swap of neighbours turns a into b."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
    return swapped and a[i + 2 :] == b[i + 2 :]


# --- compiling the lexicon ------------------------------------------------------------------

#: A lone "." is the sentence stop `normalise` leaves between sentences: "i threw them out . i didnt".
_TEMPLATE_TOKEN = re.compile(r"\{[A-Z_]+\}|\.\.\.|##|#|[()\[\]|*.]| +|[a-z0-9]+")
_MACRO = re.compile(r"\{([A-Z_]+)\}")
_SPACE_INSIDE_GROUP = re.compile(r"[(\[] | [)\]]")


def _expand_macros(template: str) -> str:
    while "{" in template:
        template = _MACRO.sub(lambda m: lexicon.MACROS[m.group(1)], template)
    return template


def template_to_regex(template: str) -> str:
    """Translate one lexicon template into a regular expression over normalised text."""
    template = _expand_macros(template)
    tokens = _TEMPLATE_TOKEN.findall(template)
    if "".join(tokens) != template:
        # anything else ("?", ".", an apostrophe) would be dropped silently and the phrase never match
        raise ValueError(f"lexicon template uses syntax the lexicon does not know: {template!r}")
    if _SPACE_INSIDE_GROUP.search(template):
        # "(all )my" would lose its space and match "allmy": optional words are written "[all] my"
        raise ValueError(f"lexicon template has a space just inside a group: {template!r}")
    out: list[str] = []
    spaced_groups: list[bool] = []
    pending_space = absorb_space = False
    for token in tokens:
        if token.isspace():
            pending_space = not absorb_space
            absorb_space = False
            continue
        absorb_space = False
        space = " " if pending_space else ""
        pending_space = False
        if token == "[":
            spaced_groups.append(bool(space))
            out.append(f"(?:{space}(?:")
        elif token == "]":
            spaced = spaced_groups.pop()
            out.append("))?" if spaced else ") )?")
            absorb_space = not spaced
        elif token == "...":
            out.append(f"(?: [a-z0-9]+){{0,{_GAP_WORDS}}}")
        elif token == "(":
            out.append(f"{space}(?:")
        elif token in ")|":
            out.append(token)
        elif token == "*":
            # after a word, the rest of it ("cut*"); standing alone, any one word ("my * will find it")
            out.append(space + "[a-z0-9]+" if space else "[a-z0-9]*")
        elif token in ("#", "##"):
            out.append(space + ("[0-9]+" if token == "#" else "[0-9]{2,}"))
        else:
            out.append(space + re.escape(_REPEATS.sub(r"\1", token)))
    return "".join(out)


def _any_of(templates: tuple[str, ...]) -> str:
    return "|".join(f"(?:{template_to_regex(t)})" for t in templates)


# Patterns run over the normalised text padded with one space at each end, and every pattern
# starts with a literal space: the regex engine then only tries word starts, which makes a
# 10,000-character message several times cheaper than a leading \b would.


def _phrase_pattern(templates: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(rf" (?:{_any_of(templates)})(?= )") if templates else None


def _lead_in_pattern(templates: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(rf" (?:{_any_of(templates)})$") if templates else None


def _reported_other(spanish: bool) -> tuple[str, ...]:
    """Lead-ins that make a hit someone else's, told to the writer (Spanish ones for every rule)."""
    return lexicon.REPORTED_OTHER_ES if spanish else lexicon.REPORTED_OTHER + lexicon.REPORTED_OTHER_ES


@dataclass(frozen=True)
class _CompiledRule:
    rule: lexicon.Rule
    phrases: re.Pattern[str] | None
    dropped_after: re.Pattern[str] | None
    negated_after: re.Pattern[str] | None
    ambivalent_before: re.Pattern[str] | None
    past_after: re.Pattern[str] | None
    past_before: re.Pattern[str] | None
    dropped_before: re.Pattern[str] | None
    kept_before: re.Pattern[str] | None
    needs: re.Pattern[str] | None
    forbidden: re.Pattern[str] | None

    @classmethod
    def build(cls, rule: lexicon.Rule) -> _CompiledRule:
        negation = lexicon.ES_NEGATION if rule.spanish else lexicon.NEGATION
        past = () if rule.weak else lexicon.ES_PAST_LEAD_IN if rule.spanish else lexicon.PAST_LEAD_IN
        trailing = () if rule.weak else lexicon.ES_PAST_TRAILING if rule.spanish else lexicon.PAST_TRAILING
        return cls(
            rule=rule,
            phrases=_phrase_pattern(rule.phrases),
            dropped_after=_lead_in_pattern(rule.unless_before + _reported_other(rule.spanish)),
            negated_after=_lead_in_pattern(negation),
            ambivalent_before=None if rule.spanish else _phrase_pattern(lexicon.AMBIVALENCE),
            past_after=_lead_in_pattern(past),
            past_before=_phrase_pattern(trailing),
            dropped_before=_phrase_pattern(rule.unless_after),
            kept_before=_phrase_pattern(rule.kept_after),
            needs=_phrase_pattern(rule.also_needs),
            forbidden=_phrase_pattern(rule.unless_in_message),
        )

    def first_hit(self, text: str, denials: list[tuple[int, int]] | None = None) -> tuple[int, bool] | None:
        """Where the rule first counts in the padded text, and whether that hit is weak.

        Hits dropped as denied ("i never said i wanted to kill myself") are added to `denials`.
        """
        if self.phrases is None:
            return None
        if self.needs and not self.needs.search(text):
            return None
        if self.forbidden and self.forbidden.search(text):
            return None
        for hit in self.phrases.finditer(text):
            start, end = hit.span()
            lead_in = max(0, start - _LEAD_IN_WINDOW)
            if self.dropped_after and self.dropped_after.search(text, lead_in, start):
                continue
            if (
                self.negated_after
                and self.negated_after.search(text, lead_in, start)
                and not self._ambivalent(text, end)
            ):
                if denials is not None:
                    denials.append((start, end))
                continue
            if (
                self.dropped_before
                and self.dropped_before.match(text, end)
                and not (self.kept_before and self.kept_before.match(text, end))
            ):
                continue
            past = bool(
                (self.past_after and self.past_after.search(text, lead_in, start))
                or (self.past_before and self.past_before.match(text, end))
            )
            return start, self.rule.weak or past
        return None

    def _ambivalent(self, text: str, end: int) -> bool:
        """A denial taken back at once ("i don't want to die but i keep planning it") still counts."""
        return bool(self.ambivalent_before and self.ambivalent_before.match(text, end))


SHIPPED = "shipped"
#: Categories a later "it passed, i'm safe now" can turn weak: thoughts and urges, not plans, means or goodbyes.
_RESOLVABLE = frozenset({lexicon.SUICIDAL, lexicon.SELF_HARM})
#: Messages shorter than this (in normalised words) reach the model only with a concept of harm.
SHORT_MESSAGE_WORDS = 3


class CrisisDetector:
    """The lexicon compiled once; `detect` is safe to call from any task or thread.

    `model` is the third layer's weights: the shipped ones by default, others in training, or
    None for the rule layers alone (benchmarks and cross-validation compare them).
    """

    def __init__(
        self,
        rules: tuple[lexicon.Rule, ...] = lexicon.RULES,
        *,
        scoring: bool = True,
        model: Weights | str | None = SHIPPED,
    ) -> None:
        self._rules = tuple(_CompiledRule.build(rule) for rule in rules)
        self._scorer = risk.RiskScorer(template_to_regex) if scoring else None
        weights = load_shipped_weights() if model == SHIPPED else model
        self._model = CrisisModel(weights, template_to_regex) if isinstance(weights, Weights) else None
        self._recovery = _phrase_pattern(lexicon.PAST_OR_RECOVERY)
        self._discussion = _phrase_pattern(lexicon.DISCUSSION)
        self._recent_times = _phrase_pattern(lexicon.RECENT_TIMES)
        self._struggle = _phrase_pattern(lexicon.RECENT_STRUGGLE)
        self._urge_resolved = _phrase_pattern(lexicon.URGE_RESOLVED)
        self._urge_words = _phrase_pattern(lexicon.URGE_WORDS)
        self._pastime = _phrase_pattern(lexicon.PASTIME_USED_TO)
        self._past_relapse = _phrase_pattern(lexicon.PAST_RELAPSE)
        self._graduation = _phrase_pattern(lexicon.GRADUATION)
        self._medication_routine = _phrase_pattern(lexicon.MEDICATION_ROUTINE)
        self._gaming = _phrase_pattern(lexicon.GAMING)
        self._habit = _phrase_pattern(lexicon.EVERYDAY_HABIT)
        self._first_time = _phrase_pattern(lexicon.FIRST_TIME_IN_A_WHILE)
        self._urge_passed = _phrase_pattern(lexicon.URGE_PASSED)
        self._taken_back = _phrase_pattern(lexicon.RESOLUTION_TAKEN_BACK)
        self._present = _phrase_pattern(lexicon.PRESENT_MARKERS)
        self._joke_threat = _phrase_pattern(lexicon.JOKE_THREAT)
        self._joke_marker = _phrase_pattern(lexicon.JOKE_MARKERS)
        self._joke_taken_back = _phrase_pattern(lexicon.JOKE_TAKEN_BACK)

    def detect(self, text: str) -> Detection:
        """Judge one message; never raises on odd input."""
        normalised = normalise(text)
        if not normalised:
            return NO_CRISIS
        normalised = f" {normalised} "
        denials: list[tuple[int, int]] = []
        ruled = self._rule_verdict(normalised, denials)
        if ruled is not None and ruled[0] in (STRONG, WEAK_PRESENT):
            return ruled[1]
        resemblance = self._model_score(normalised, _mark_denials(normalised, denials))
        if ruled is not None and not self._model_overrules(ruled[0], resemblance.probability):
            return ruled[1]
        if self._model is not None and self._model.is_crisis(resemblance):
            return Detection(crisis=True, category=resemblance.category, matched=(resemblance.label,))
        return NO_CRISIS

    def rule_layer(self, text: str) -> str | None:
        """Which rule layer flags the message (`STRONG`, `WEAK`, `WEAK_PRESENT` or `CUES`), before the model."""
        normalised = normalise(text)
        if not normalised:
            return None
        ruled = self._rule_verdict(f" {normalised} ", [])
        return None if ruled is None else ruled[0]

    def _model_overrules(self, layer: str, probability: float) -> bool:
        return self._model is not None and model_overrules(layer, probability)

    def _rule_verdict(self, normalised: str, denials: list[tuple[int, int]]) -> tuple[str, Detection] | None:
        """The lexicon's and the scoring layer's verdict, with the layer that gave it; None when neither flags."""
        strong: list[tuple[int, lexicon.Rule]] = []
        weak: list[tuple[int, lexicon.Rule]] = []
        for compiled in self._rules:
            found = compiled.first_hit(normalised, denials)
            if found is not None:
                position, is_weak = found
                (weak if is_weak else strong).append((position, compiled.rule))
        if strong and (self._resolved_after(strong, normalised) or self._joke_threat_in(normalised)):
            weak, strong = weak + strong, []
        counted = strong + weak
        if not strong and weak and self._reads_as_past_or_discussion(normalised):
            counted = []
        if counted:
            if strong:
                return STRONG, _verdict(counted)
            assert self._struggle is not None and self._recent_times is not None
            assert self._present is not None
            present = bool(self._present.search(normalised)) or concepts.recent_in(
                normalised, self._struggle, self._recent_times
            )
            return (WEAK_PRESENT if present or _of_the_writer(normalised) else WEAK), _verdict(counted)
        if self._scorer is not None:
            score = self._scorer.score(normalised)
            if score.crisis:
                return CUES, Detection(crisis=True, category=score.category, matched=(score.label,))
        return None

    def model_probability(self, text: str) -> float:
        """The third layer's probability as `detect` would consult it (0 when it is not asked).

        For training and benchmarks: it ignores the rule layers' verdicts, but not the
        recovery-or-discussion guard, which silences the model as it does weak rules.
        """
        normalised = f" {normalise(text)} "
        if not normalised.strip():
            return 0.0
        return self._model_score(normalised, self._without_denials(normalised)).probability

    def model_text(self, text: str) -> str:
        """The normalised text as the model reads it: a negator put before what the lexicon reads as denied.

        The lexicon's negation lead-ins know denials the model's short negation scope misses ("i
        never said i wanted to kill myself"), so the model reads a denied phrase as negated, as it
        reads "i don't want to die"; training reads messages through this too.
        """
        return self._without_denials(f" {normalise(text)} ").strip()

    def _without_denials(self, padded: str) -> str:
        denials: list[tuple[int, int]] = []
        for compiled in self._rules:
            compiled.first_hit(padded, denials)
        return _mark_denials(padded, denials)

    def _model_score(self, padded: str, model_text: str) -> ModelScore:
        """The model's best window, silenced by the guards the rule layers also obey.

        Recovery or discussion talk silences it unless it is all but sure
        (`SURE_DESPITE_PAST_OR_DISCUSSION`); so does graduation or moving-away talk when the
        best window holds nothing of death, harm, means or despair beyond leaving itself, and an
        everyday medication routine when pills are the window's only such concept and nothing
        in it wants, counts or plans ("forgot my pills, now i want to take all of them" stays), and
        video game talk when lives, deaths and weapons are all the window holds of harm, and a habit
        or a treat beside nothing of harm or despair ("the dog goes to my moms on weekends"). A
        window with nothing but context words and a bare question, and no first person, fires it
        only when it is sure (`SURE_WITHOUT_FIRST_PERSON`: "no wifi here lol", "how long? twelve
        weeks" stay quiet), and a message of one or
        two words with no concept of harm beyond "nobody" ("nobody", "im sorry", "goodbye").
        """
        if self._model is None:
            return NO_MODEL_SCORE
        found = self._model.score(model_text)
        if found.whole_message and found.probability < SURE_WHOLE_MESSAGE:
            return NO_MODEL_SCORE
        if self._reads_as_past_or_discussion(padded):
            return found if found.probability >= SURE_DESPITE_PAST_OR_DISCUSSION else NO_MODEL_SCORE
        assert self._graduation is not None and self._medication_routine is not None
        harm = concepts.HARM_OR_DESPAIR.intersection(found.concepts)
        if self._graduation.search(padded) and harm <= concepts.LEAVING:
            return NO_MODEL_SCORE
        # nothing beyond context words and a bare question, and not about oneself: "no wifi here lol",
        # "/faq edit #1 how long? | twelve weeks" (letters and words alone can't carry a crisis)
        telling = set(found.concepts) - concepts.CONTEXT_ONLY
        if telling <= concepts.QUESTION_ONLY and not concepts.FIRST_PERSON.intersection(found.concepts):
            return found if found.probability >= SURE_WITHOUT_FIRST_PERSON else NO_MODEL_SCORE
        assert self._gaming is not None and self._habit is not None
        if harm <= concepts.GAME_TALK and self._gaming.search(padded):
            return NO_MODEL_SCORE
        if not harm and self._habit.search(padded):
            return NO_MODEL_SCORE
        routine = self._medication_routine.search(padded)
        if routine and harm <= concepts.MEANS_ONLY and not concepts.ROUTINE_BREAKERS.intersection(found.concepts):
            return NO_MODEL_SCORE
        # one or two words are answers and sign-offs in chat ("nobody", "im sorry", "goodbye"); the
        # lexicon holds the short crisis phrasings, so the model needs death, harm, means or despair
        if len(padded.split()) < SHORT_MESSAGE_WORDS and harm <= concepts.SHORT_ANSWERS:
            return NO_MODEL_SCORE
        return found

    def _resolved_after(self, strong: list[tuple[int, lexicon.Rule]], text: str) -> bool:
        """Thoughts or urges the message goes on to tell passed: "had the urge to cut tonight ... urge
        passed, i'm safe now". Only thoughts and urges: a plan, a means or a goodbye stays strong, and
        so does anything said after the resolution ("it passed but now i want to die")."""
        if self._urge_passed is None or any(rule.category not in _RESOLVABLE for _, rule in strong):
            return False
        last_hit = max(position for position, _ in strong)
        passed = [hit.end() for hit in _unnegated(self._urge_passed, text) if hit.start() > last_hit]
        return bool(passed) and not (self._taken_back and self._taken_back.search(text, max(passed)))

    def _joke_threat_in(self, text: str) -> bool:
        """An annoyance told as a joking threat, with its joke marked ("if i hear it again i'll jump lol") and not
        taken back ("... lol. not lol", "(jk) (not jk)")."""
        assert self._joke_threat is not None and self._joke_marker is not None and self._joke_taken_back is not None
        return bool(
            self._joke_threat.search(text) and self._joke_marker.search(text) and not self._joke_taken_back.search(text)
        )

    def _reads_as_past_or_discussion(self, text: str) -> bool:
        """Recovery talk with nothing recent, discussion or a joking threat, with no present struggle."""
        assert self._recovery is not None and self._recent_times is not None
        assert self._discussion is not None and self._struggle is not None
        if self._joke_threat_in(text) and not self._struggle.search(text):
            return True
        resolved = bool(self._urge_resolved and self._urge_words and any(_unnegated(self._urge_resolved, text)))
        # read before the urge words are blanked, which would hide "urge passed" from itself
        passed = bool(self._urge_passed and any(_unnegated(self._urge_passed, text)))
        if resolved:
            assert self._urge_words is not None
            text = _blank(self._urge_words, text)
        if self._pastime:
            text = _blank(self._pastime, text)
        if self._past_relapse:
            text = _blank(self._past_relapse, text)
        if passed and self._first_time:
            text = _blank(self._first_time, text)
        # an urge told with its end and nothing still going on: "had the urge to cut tonight but i used
        # ice and called my sponsor. urge passed". Being safe now, without an urge that passed, does not
        # undo harm told as recent: "i cut myself tonight. i'm fine now" stays.
        if (
            resolved
            and not self._struggle.search(text)
            and (passed or not concepts.recent_in(text, self._struggle, self._recent_times))
        ):
            return True
        if self._recovery.search(text) and not concepts.recent_in(
            _blank(self._recovery, text), self._struggle, self._recent_times
        ):
            return True
        return concepts.discussed(text, self._discussion) and not self._struggle.search(text)


#: A word right before a passing that says it did not pass: "no se me quitó", "it never passed".
_NEGATED_BEFORE = re.compile(r" (no|not|never|nunca|didnt|hasnt|havent|wont|isnt|wasnt)$")
_NEGATION_REACH = len(" havent")


def _unnegated(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The pattern's matches that no negation word comes right before."""
    # only the few characters before each match: searching from 0 would rescan the whole text per match
    return (
        hit
        for hit in pattern.finditer(text)
        if not _NEGATED_BEFORE.search(text, max(0, hit.start() - _NEGATION_REACH), hit.start())
    )


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """The text with the pattern's matches blanked: a recovery phrase's own "urges" ("my urges have
    gone down") is not a sign of a present struggle."""
    return pattern.sub(lambda m: " " + "x" * (len(m.group()) - 1), text)


#: Put before a denied phrase, so the model's own negation scope (`concepts.NEGATION_REACH`) covers it.
DENIAL_WORD = "not"


def _mark_denials(padded: str, spans: list[tuple[int, int]]) -> str:
    """The padded text with `DENIAL_WORD` before each span (a denied rule hit: " want to kill myself")."""
    if not spans:
        return padded
    out: list[str] = []
    at = 0
    for start in sorted({first for first, _ in spans}):
        out.append(padded[at:start])
        out.append(f" {DENIAL_WORD}")
        at = start
    out.append(padded[at:])
    return "".join(out)


def _of_the_writer(normalised: str) -> bool:
    """Whether the message speaks of the writer ("i", "my", "myself", "me", "yo", "mi")."""
    found = {c for sentence in concepts.sentences(normalised.strip(), 30) for c in sentence.concepts}
    return bool(concepts.FIRST_PERSON & {c.lstrip("~") for c in found})


def model_overrules(layer: str, probability: float) -> bool:
    """Whether the model, when it was asked (probability above 0), overrules a weak or cue verdict."""
    if probability <= 0.0:
        return False
    return probability < (WEAK_HIT_VETO if layer == WEAK else CUE_VETO if layer == CUES else 0.0)


def _verdict(hits: list[tuple[int, lexicon.Rule]]) -> Detection:
    if not hits:
        return NO_CRISIS
    categories = {rule.category for _, rule in hits}
    category = next(c for c in lexicon.CATEGORY_ORDER if c in categories)
    labels = dict.fromkeys(rule.label for _, rule in sorted(hits, key=lambda h: h[0]))
    return Detection(crisis=True, category=category, matched=tuple(labels))


@cache
def _default_detector() -> CrisisDetector:
    return CrisisDetector()


def detect(text: str) -> Detection:
    """Judge one message with the shipped lexicon (compiled on first use)."""
    return _default_detector().detect(text)
