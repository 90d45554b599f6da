"""Reading a member's question the way the FAQ is written.

Chat abbreviations and synonyms are mapped to one word ("meds" -> medication, "skip" ->
miss), stopwords dropped and words lightly stemmed, so "relapsed" meets "relapse". An
unknown word of five letters or more is corrected to the closest word the FAQ itself uses,
which absorbs most typos. FAQ text and questions go through the same analysis, so a synonym
only has to be listed once. The synonym groups are written per topic (what people call each
thing the FAQ covers), not from individual test questions.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

#: shortest unknown word worth spelling-correcting; shorter ones match too much by chance
MIN_CORRECTABLE_LENGTH = 5
CORRECTION_CUTOFF = 84.0

STOPWORDS = frozenset(
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
        generally usual typical anything everything nothing anybody everybody somebody
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
    "hospital": "hospitalization hospitalisation hospitalized ward admitted admission",
    "home": "house",
    "work": "job career employer boss",
    "school": "college uni university class classes studying study student exam exams semester",
    "delete": "erase wipe remove removed forget",
    "reminder": "notification notifications notifs pings alerts ping pinging nudge nudges",
    "pause": "mute",
    "stop": "quit cancel",
    "time zone": "timezone tz",
    "private": "confidential confidentiality privacy secret",
    "repeat": "gossip leak blab spill",
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
    # --- concepts by topic: everyday words for what each entry is about ---
    "schedule": "timetable calendar",
    "daytime": "morning mornings afternoon afternoons",
    "duration": "lasts",
    "join": "signup enroll enrol register",
    "leave": "exit unsubscribe",
    "large": "huge crowded crowd massive",
    "small": "tiny",
    "end": "finish finished finishing graduate graduating graduation complete completed completion",
    "aftercare": "afterwards",
    "skill": "technique techniques tool tools strategy strategies",
    "homework": "hw assignment assignments worksheet worksheets",
    "record": "chart charts file files notes",
    "bad": "awful terrible rough horrible worst",
    "first day": "orientation intake",
    "settings": "preferences options config configure setup",
    "contact": "message reach email",
    "share": "speak participate",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
}
SYNONYMS = {variant: canonical for canonical, variants in _SYNONYM_GROUPS.items() for variant in variants.split()}
#: in a member's question, "you" is often the bot ("what can you do") but just as often anyone
#: ("what do you do in group"), so it counts as the bot at ``SOFT_WORD_WEIGHT``
SOFT_WORDS = frozenset({"you", "u", "ya", "yourself"})
QUERY_SYNONYMS = {**SYNONYMS, **dict.fromkeys(SOFT_WORDS, "bot")}

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
    # "am I sick enough for this" asks who the program is for
    (re.compile(r"\b(?:sick|ill|unwell|bad|messed up) enough\b"), " conditions "),
    # "if things get really bad tonight": the crisis plan, not a bad day
    (
        re.compile(r"\b(?:things|it|stuff) (?:gets?|getting) (?:really |so |too |very |super )?(?:bad|dark|scary)\b"),
        " crisis ",
    ),
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
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


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


def canonical_terms(word: str, synonyms: dict[str, str] = SYNONYMS) -> list[str]:
    mapped = synonyms.get(word, word)
    return [stem(part) for part in mapped.split() if part not in STOPWORDS]


def document_terms(text: str) -> list[str]:
    """Terms of FAQ text, analysed the same way as queries but without spelling correction."""
    terms: list[str] = []
    for word in words_of(text):
        if word not in STOPWORDS:
            terms.extend(canonical_terms(word))
    return terms


def bigrams(terms: Sequence[str]) -> list[str]:
    """Neighbouring terms as order-free pairs: "long session" and "session long" agree."""
    return ["_".join(sorted(pair)) for pair in itertools.pairwise(terms) if pair[0] != pair[1]]


class Speller:
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
        if word in self._known or word in QUERY_SYNONYMS:
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
