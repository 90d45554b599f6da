"""A concept inventory for the crisis model: words grouped by what they mean, not how they read.

The lexicon (`bot.safety.lexicon`) knows phrasings; people in crisis keep finding new ones. Here
each word or short phrase maps to a *concept* ("die", "self", "want", "forever", "burden",
"pills", "farewell", ...) in English and Spanish, with their inflections (``end*`` covers "ends",
"ended", "ending"; ``morir*`` covers "morirme"). `bot.safety.model` turns a sentence into its
stream of concepts, so "hopefully I just never wake up" and "ojala no despertar" both read as
*want, not, wake*, and the linear model can learn from concept pairs in any word order.

Negation is scoped: a concept within `NEGATION_REACH` words after a negator is marked with
``~`` ("I don't want to die" gives ``~want``, ``~die``), so the model can tell "don't want to
live" from "don't want to die".

Entries are written like the lexicon's text after normalisation: lowercase ASCII, apostrophes
dropped. Doubled letters are squeezed when compiled ("sleep" matches "slep"), as the detector
squeezes the text. ``*`` at the end of a word allows more letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

NEGATION_REACH = 4
#: Concepts that mark the concepts after them as negated.
NEGATORS = frozenset({"not", "no_longer"})
#: Concepts that never open a scoring window on their own: people, tense, tone, negation.
# fmt: off
CONTEXT_ONLY = frozenset({
    "i", "my", "self", "you", "not", "no_longer", "time", "again", "past", "other", "laugh", "discuss", "everyday_bye",
    "accident", "grooming", "busy",
})
# fmt: on
#: Of those, what graduation or moving-away talk explains ("me voy de vacaciones", "this will all be over
#: for me by friday, last exam!").
LEAVING = frozenset({"gone", "end"})
#: Of those, what an everyday medication routine explains ("pills for the pain", "refill my pills").
MEANS_ONLY = frozenset({"pills", "pain"})
#: Concepts that turn a medication routine into a crisis again ("want to take all of them").
ROUTINE_BREAKERS = frozenset({"want", "method", "stash", "plan", "quantity"})

#: The person speaking of themselves.
FIRST_PERSON = frozenset({"i", "my", "self"})
#: A question word alone ("how long", "which") says nothing of harm without a means, a death or the
#: person themselves in the window ("/faq edit #1 how long? | twelve weeks").
QUESTION_ONLY = frozenset({"method"})

#: Concepts of death, harm, means or despair. A window without any of them is at most a
#: farewell, which graduation or moving-away talk explains ("graduating tomorrow, thank you all").
# fmt: off
HARM_OR_DESPAIR = frozenset({
    "die", "kill", "suicide", "end", "life", "forever", "sleep", "gone", "burden", "nobody", "hopeless", "tired",
    "pain", "cut", "harm", "blood", "body", "pills", "height", "vehicle", "weapon", "method", "stash", "voices",
    "water", "plan", "conceal",
})
# fmt: on

#: Of those, what a one- or two-word answer holds without a crisis ("nobody?", "anyone here? nobody").
SHORT_ANSWERS = frozenset({"nobody"})
#: What a video game's talk may hold of harm ("lost my last life", "killed the boss", "my character died",
#: "about to jump off this cliff in minecraft").
GAME_TALK = frozenset({"life", "die", "kill", "weapon", "gone", "height", "plan"})

#: What makes a recent time ("this morning", "last night") a sign of a present struggle when it
#: shares a sentence with it: harm, death, means or despair, not waking, living or a (safety) plan.
RECENT_HARM = HARM_OR_DESPAIR - {"sleep", "life", "body", "water", "tired", "plan", "forever"}

# fmt: off
CONCEPTS: dict[str, tuple[str, ...]] = {
    "i": ("i", "im", "ive", "ill", "id", "i am", "yo"),
    "my": ("my", "mine", "mi", "mis"),
    "self": ("myself", "my self", "meself", "me", "my own self"),
    "you": ("you", "u", "yall", "you all", "you guys", "everyone", "everybody", "guys", "ustedes", "todos"),
    # "ya no quiero morir" is "i no longer want to die": it negates like "not" and says "anymore"
    "no_longer": ("ya no",),
    "not": (
        "not", "no", "dont", "doesnt", "didnt", "never", "wont", "cant", "cannot", "isnt", "arent", "wasnt",
        "werent", "wouldnt", "couldnt", "havent", "hasnt", "nunca", "ni", "jamas", "tampoco",
    ),
    "want": (
        "want*", "wanna", "wana", "wish*", "hope", "hoping", "hopefully", "pray*", "would rather", "rather",
        "quiero", "quisiera", "queria", "ojala", "ganas", "deseo", "prefiero", "tempted", "urge*",
        "itching", "craving*", "envy", "envied", "jealous", "envidi*",
    ),
    "die": (
        "die", "dies", "died", "dying", "dead", "death", "morir*", "muero", "muera", "muerto", "muerta",
        "muerte", "murio", "mori", "fallecer", "heart stops", "heart to stop", "stop breathing", "drown*",
        "bleed out", "big slep", "long nap", "game over", "uninstal*", "delete myself", "deleting myself",
        "funeral", "casket", "cofin", "ataud", "finish the job", "finished the job",
        "finish me of",
    ),
    "kill": (
        "kil", "kils", "kiled", "kiling", "kiler", "murder*", "matar*", "mato", "mata", "matame", "unalive*",
    ),
    "suicide": (
        "suicid*", "ideation", "sewer slide", "sewerslide", "kms", "kys", "ctb", "s word", "suicidarme", "suicidio",
    ),
    "end": (
        "end", "ends", "ended", "ending", "stop", "stops", "stoped", "stoping", "over", "finish*", "quit",
        "acabar*", "acabe", "acabo", "terminar*", "termine", "termino", "se acaba", "let go", "give up",
        "gave up", "giving up", "too late",
    ),
    "quantity": (
        "al of them", "al of it", "the whole", "a whole", "bunch", "handful*", "too many", "the rest", "extra",
    ),
    "everything": ("everything", "it al", "al of it", "al this", "things", "todo", "esto"),
    "life": (
        "life", "live", "living", "alive", "exist", "exists", "existing", "existence", "breathing", "vida",
        "vivir", "viviendo", "vivo", "viva", "existir", "existo",
    ),
    "here": ("here", "around", "aqui", "on this earth", "in this world", "en este mundo"),
    "anymore": (
        "anymore", "any more", "no more", "much longer", "for long", "any longer", "mas", "nunca mas",
    ),
    "forever": (
        "forever", "for god", "for ever", "permanently", "permanent", "eternal*", "once and for al",
        "para siempre", "de una vez", "del todo", "final", "finally",
    ),
    "sleep": (
        "wake", "wakes", "waking", "woke", "asleep", "slep", "sleping", "despertar*", "despierte", "dormir*",
    ),
    "gone": (
        "gone", "disappear*", "vanish*", "go away", "leave this", "not be here", "desaparecer*",
        "desaparezca", "irme", "me voy", "no estar", "ya no este", "be gone", "out", "coming back",
        "come back", "show up", "be around", "be anywhere", "no voy a poder", "ya no voy a",
        # a negated return or presence is a leaving: "not come back down", "won't make it to the next session"
        "not come back", "never come back", "not coming back", "wont come back", "no volver", "wont make it to",
        "wont be at", "wont be there", "any after that",
    ),
    "burden": (
        "burden*", "beter of", "beter without", "relieved", "relief", "easier", "happier without",
        "put up with me", "deal with me", "without me", "sin mi", "estorbo", "carga", "mejor sin", "waste of",
        "a problem for", "bother you", "bother anyone", "in the way",
        # others fine without one: "they'd all manage fine without me", "they'd be fine with my sister"
        "would be fine", "be fine without", "manage fine", "manage without", "deserve beter",
    ),
    "nobody": (
        "nobody", "no one", "noone", "no1", "nadie", "wouldnt even notice", "wouldnt care", "notice",
        "miss me", "extranar*", "echar de menos",
    ),
    "hopeless": (
        "point", "pointless", "hopeles", "future", "way out", "escape", "trapped", "sentido", "salida",
        "esperanza", "worthles", "useles", "meaningles", "nothing maters", "never get beter", "no hope",
        "sin salida", "vale la pena", "worth it", "worth living", "no reason left", "no reason to",
    ),
    "tired": (
        "tired", "exhausted", "done", "sick of", "over it", "so over", "cansad*", "canse", "harta", "harto",
        "agotad*", "aguanto", "aguantar", "fed up", "cant take", "cant do this", "cant anymore", "cant do another",
    ),
    "go_on": (
        "go on", "keep going", "hold on", "continue", "carry on", "keep fighting", "fighting", "seguir",
        "sigo", "resistir", "keep living", "keep doing this", "pretending",
    ),
    "pain": ("pain", "suffering", "hurts", "agony", "dolor", "sufrir", "sufriendo", "numb", "feel something"),
    "cut": (
        "cut", "cuts", "cuting", "slice*", "carve*", "scratch*", "cortar*", "corte", "corto", "cortando",
        "cortes",
    ),
    "harm": (
        "harm*", "self harm*", "selfharm*", "sh", "hurt", "hurting", "burn*", "hit", "hiting", "punch*",
        "bang*", "bruise*", "lastimar*", "dano", "autolesion*", "quemar*", "golpear*", "castigar*", "punish*",
        "deserve the pain",
        "starving myself", "starve myself", "starved myself", "make myself throw up", "making myself throw up",
        "made myself throw up",
    ),
    "blood": (
        "blod", "bled", "bleed*", "scar", "scars", "wound*", "stitches", "deper", "sangre", "sangrar", "cicatri*",
        "bandaid*", "band aid*", "bandage*", "curitas",
    ),
    "body": (
        "wrist*", "arm", "arms", "thigh*", "legs", "skin", "head", "muneca*", "brazo*", "piernas", "piel",
    ),
    "pills": (
        "pil", "pils", "pilemoji", "tablet*", "meds", "medication*", "medicine*", "tylenol", "advil",
        "ibuprofen", "acetaminophen", "paracetamol", "benadryl", "xanax", "lorazepam", "klonopin", "ativan",
        "oxy*", "insulin", "lithium", "seroquel", "trazodone", "painkil*", "opioid*", "dose", "doses",
        "overdos*", "od", "oding", "bottle", "pastilla*", "pildora*", "medicina*", "medicamento*",
        "sobredosis", "frasco", "mg", "antidepresant*", "antidepresiv*", "script", "scripts", "prescription*",
        "sleping pil*", "supply",
    ),
    "height": (
        "bridge", "rof", "roftop", "building", "balcony", "clif", "overpas", "ledge", "flor", "tower",
        "parking garage", "window", "jump*", "leap*", "fal", "yet", "puente", "edificio", "balcon", "azotea",
        "techo", "piso", "ventana", "tirarme", "saltar", "precipicio", "clifs", "top level", "me tiro",
        "aventar*", "barranco", "acantilado*",
    ),
    "vehicle": (
        "train", "bus", "car", "truck", "trafic", "subway", "oncoming", "tracks", "tren", "metro", "vias", "coche",
        "carro", "camion", "atropel*",
    ),
    "weapon": (
        "gun", "guns", "handgun", "revolver", "shotgun", "bulets", "amunition", "pistol", "rifle",
        "firearm", "rope", "knife", "blade*", "razor*", "hang*", "hung",
        "weapon", "weapons", "glock", "armas", "cuchilo", "escopeta",
        "shoot", "shot", "cuerda", "soga*", "pistola", "arma", "navaja", "ahorcar*", "cuchilla*",
    ),
    "farewell": (
        "godbye", "godbyes", "bye", "farewel", "adios", "despedir*", "despido", "despedida", "last mesage",
        "last time", "final mesage", "leters", "leter", "note", "notes", "carta*", "nota", "remember me",
        "sory", "sry", "soz", "thank you", "thanks", "thx", "ty", "tysm", "gracias", "ily", "ilysm", "perdon*",
        "love you", "love yal", "los quiero",
        "take care", "cuiden", "forgive me", "dont blame", "giving away", "give away", "gave away",
        "regalando", "wont need", "after im gone", "when im gone", "my stuf", "be mad", "mad at me",
        "be needing", "fault", "culpa", "afairs", "afairs in order", "everything in order", "loose ends", "testamento",
        "life insurance",
        "pasword", "paswords", "contrasena*", "god home", "look after her", "look after him", "cuiden a mi",
        "cuidar a mi", "nice knowing", "honor knowing", "mattered", "hear from me", "watching over",
        # belongings, pets and last words handed on: "make sure my dog gets to my aunt", "tell her i loved her"
        "rehom*", "new home for", "a home for", "homes for", "casa a mi", "if anything happens", "if something happens",
        "gets my", "gets to my", "goes to my", "loved her", "loved him", "loved them", "loved you", "la quise",
        "lo quise", "los quise",
        "a message for", "whoever reads", "whoever finds", "for whoever", "wont hear it",
    ),
    "time": (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tonight", "tonite",
        "tonights", "tomorow", "tmrw", "tmr", "weekend", "son", "today", "right now", "rn", "now", "this wek",
        "esta noche", "manana", "pronto", "hoy", "after", "before",
    ),
    "plan": (
        "plan", "plans", "planing", "planed", "planeado", "decided", "decision", "decidi*", "ready", "date",
        "prepared", "listo", "lista", "do it", "doing it", "go through with it", "lo hago", "hacerlo",
        "lo voy a hacer", "picked", "chose", "about to", "going to do it", "gona do it", "made up my mind",
        "mind is made up", "going through with it", "counting down", "circled", "arangements", "lo tengo todo",
        "gave myself until", "counting them down", "countdown",
        # the means got, the time and place chosen: "bought what i'd need", "written down the time and the place"
        "id ned", "what i ned", "time and the place", "time and place", "then thats it", "this is it",
    ),
    "method": (
        "how many", "how much", "which", "max", "maximum", "lethal", "fatal", "painles", "quick*", "easiest",
        "fastest", "highest", "talest", "enough", "cuantas", "cuanto", "googled", "look up", "search*",
        "googl*", "ways", "way to", "how to", "looking up", "loked up", "how long", "how high", "how far",
    ),
    "again": ("again", "otra vez", "de nuevo", "relaps*", "back to", "started"),
    "past": (
        "used to", "ago", "back then", "last year", "years", "months", "clean", "recovery", "recovering",
        "recovered", "survived", "proud", "glad", "grateful", "beter now", "antes", "hace", "llevo",
        "no longer", "anymore but", "was", "were", "had",
    ),
    "other": (
        "he", "she", "they", "him", "her", "them", "his", "hes", "shes", "theyre", "friend", "friends",
        "sister", "brother", "mom", "dad", "someone", "somebody", "coworker", "el", "ella", "amigo", "amiga",
        "hermano", "hermana", "abuela", "abuelo", "grandpa", "grandma", "dog", "cat",
    ),
    "think": (
        "think*", "thought*", "considering", "contemplating", "fantasi*", "imagin*", "picturing", "pienso",
        "pensando", "pensar", "pensamientos",
    ),
    "water": ("lake", "river", "ocean", "sea", "water", "bathtub", "rio", "mar", "lago", "agua"),
    "stash": (
        "stockpil*", "saving up", "saved up", "hoard*", "stash*", "collecting", "counted", "lined up",
        "guardando", "juntando", "ahorrando", "guardadas", "acumulando", "hid", "hidden", "escondid*",
        "escondi", "colected",
    ),
    "conceal": (
        "hide the", "hide my", "hide them", "hide it", "hiding the", "hiding my", "cover up", "cover them",
        "covering up", "long sleves", "hodie", "hodies", "no one ses", "nobody ses", "esconder*", "tapar*",
        "manga larga", "mangas largas",
        # nobody knowing or counting: "my wife doesn't know", "she won't notice if they're gone"
        "hiding", "doesnt know", "dont tell", "didnt tell", "wont notice", "wouldnt notice", "wont find out",
        "nobody counts", "no one counts", "nobody asked", "no le digan", "no le digas", "nobody would see",
    ),
    "voices": ("voices", "the voice", "las voces", "la voz", "telling me to", "told me to"),
    "everyday_bye": (
        "se you", "se ya", "cya", "tyl", "godnight", "god night", "gn", "for now", "for the night",
        "for the weekend", "graduat*", "discharg*", "vacation", "trip", "flight", "nos vemos", "hasta luego",
        "hasta manana", "hasta pronto", "signing of", "logging of", "buenas noches", "bateria", "battery",
        "charger", "a dormir",
    ),
    "accident": (
        "shaving", "cooking", "baking", "choping", "oven", "stove", "kitchen", "by accident", "accidentaly",
        "onion", "onions", "paper", "sin querer", "cocinando",
    ),
    "grooming": ("hair", "bangs", "nails", "pelo", "cabelo", "unas", "flequilo", "purple"),
    "busy": (
        "work", "job", "gym", "game", "exam", "test", "class", "school", "meting", "karaoke", "trabajo",
        "examen", "clase", "escuela", "party", "fiesta",
        # everyday reasons to miss something: "don't look for me at group tomorrow, i'm at the dentist"
        "dentist", "doctor", "doctors", "appointment", "appt", "dr", "cita", "dentista", "medico",
    ),
    "laugh": ("lol", "lmao", "lmfao", "haha*", "hehe*", "jaja*", "jeje*", "xd", "jk", "rofl", "dead lol"),
    "serious": ("fr", "not joking", "no joke", "for real", "seriously", "lowkey", "ngl", "tbh", "honestly"),
    "discuss": (
        "talk*", "discus*", "learn*", "article", "movie", "show", "bok", "documentary", "prevention",
        "awareness", "hotline", "resource*", "question", "asking", "tips", "suport", "scene", "topic",
        "episode", "character", "warning signs", "therapy", "dbt", "skils", "safety plan", "series", "portray*",
        "depict*", "tips",
    ),
}
# fmt: on

_SQUEEZE = re.compile(r"([a-z])\1+")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or chunk of a long one): its words and its concepts in order."""

    words: tuple[str, ...]
    concepts: tuple[str, ...]
    #: where each concept sits (`concept_spans`), kept so clauses can reuse the matching
    spans: tuple[tuple[int, int, str], ...] = ()

    @property
    def opens_window(self) -> bool:
        """Whether it holds a concept that can carry a crisis, so the model scores it."""
        return any(c.lstrip("~") not in CONTEXT_ONLY for c in self.concepts)


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    concept: str

    def matches(self, words: tuple[str, ...], at: int) -> bool:
        if at + len(self.words) > len(words):
            return False
        return all(_word_matches(pattern, words[at + i]) for i, pattern in enumerate(self.words))


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


@dataclass(frozen=True)
class _Index:
    """Entries by first word (exact) and by the first three letters of a prefix entry."""

    exact: dict[str, tuple[_Entry, ...]]
    prefixes: dict[str, tuple[_Entry, ...]]


@cache
def _index() -> _Index:
    exact: dict[str, list[_Entry]] = {}
    prefixes: dict[str, list[_Entry]] = {}
    for concept, listed in CONCEPTS.items():
        for entry in listed:
            words = tuple(_SQUEEZE.sub(r"\1", w) for w in entry.split())
            first = words[0]
            if first.endswith("*"):
                prefixes.setdefault(first[:3], []).append(_Entry(words, concept))
            else:
                exact.setdefault(first, []).append(_Entry(words, concept))
    # Longer entries first, so "self harm" wins over "self" and "no one" over "no".
    return _Index(
        {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in exact.items()},
        {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in prefixes.items()},
    )


def _match_at(words: tuple[str, ...], at: int) -> _Entry | None:
    index = _index()
    word = words[at]
    candidates = index.exact.get(word, ()) + index.prefixes.get(word[:3], ())
    best: _Entry | None = None
    for entry in candidates:
        if (best is None or len(entry.words) > len(best.words)) and entry.matches(words, at):
            best = entry
    return best


def concept_spans(words: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """Where each concept sits in a run of words: (first word, word after it, concept), unmarked."""
    found: list[tuple[int, int, str]] = []
    at = 0
    while at < len(words):
        entry = _match_at(words, at)
        if entry is None:
            at += 1
            continue
        found.append((at, at + len(entry.words), entry.concept))
        at += len(entry.words)
    return tuple(found)


def mark_negation(spans: tuple[tuple[int, int, str], ...]) -> tuple[str, ...]:
    """The concepts in order, with those within `NEGATION_REACH` words after a negator marked ``~``."""
    marked: list[str] = []
    last_negation = -NEGATION_REACH - 1
    for word_index, _, concept in spans:
        if concept in NEGATORS:
            last_negation = word_index
            marked.append(concept)
        elif word_index - last_negation <= NEGATION_REACH:
            marked.append("~" + concept)
        else:
            marked.append(concept)
    return tuple(marked)


def concepts_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """The concepts in a run of normalised words, in order, with negation scope marked by ``~``."""
    return mark_negation(concept_spans(words))


def sentences(normalised: str, max_words: int) -> list[Sentence]:
    """Split normalised text at its sentence stops (" . "), long sentences into chunks."""
    out: list[Sentence] = []
    for part in normalised.split(" . "):
        words = tuple(w for w in part.split() if w != ".")
        for start in range(0, len(words), max_words):
            chunk = words[start : start + max_words]
            if chunk:
                spans = concept_spans(chunk)
                out.append(Sentence(chunk, mark_negation(spans), spans))
    return out


def tells_harm(sentence: str) -> bool:
    """Whether a normalised sentence holds a concept of `RECENT_HARM`, negated or not."""
    return any(concept in RECENT_HARM for _, _, concept in concept_spans(tuple(sentence.split())))


def recent_in(text: str, struggle: re.Pattern[str], times: re.Pattern[str]) -> bool:
    """A present struggle anywhere in the padded text, or a recent time in a sentence that tells of harm."""
    if struggle.search(text):
        return True
    for hit in times.finditer(text):
        start = text.rfind(" . ", 0, hit.start() + 1)  # the hit's own leading space may close the stop
        end = text.find(" . ", hit.end())
        if tells_harm(text[start + 3 if start >= 0 else 0 : end if end >= 0 else len(text)]):
            return True
    return False


#: What a discussion marker needs in its own sentence or a neighbouring one to be about a crisis
#: topic: "we watched a movie" beside "they'd all manage fine without me" is family news, not discussion.
DISCUSSION_TOPICS = frozenset({"die", "kill", "suicide", "harm", "cut", "pills", "weapon", "height", "blood", "gone"})


#: Markers that name the topic themselves: "the crisis line", "suicide prevention", "died by suicide".
_CRISIS_MARKER = re.compile(
    r"\b(prevention|awareness|hotline|helpline|lifeline|988|crisis|warning signs|safety plan|risk factors"
    r"|psychoeducation|suicide|self harm|self injury|romanticiz|romanticis|glamoriz|glamouris|glorif)"
)


def discussed(text: str, markers: re.Pattern[str]) -> bool:
    """A discussion marker in the padded text whose sentence, or one beside it, names a crisis topic."""
    stops = [i for i in range(len(text)) if text.startswith(" . ", i)]
    bounds = [0, *[i + 3 for i in stops]]
    ends = [*stops, len(text)]
    for hit in markers.finditer(text):
        if _CRISIS_MARKER.search(hit.group()):
            return True
        index = sum(1 for i in stops if i < hit.start())
        lo, hi = max(0, index - 1), min(len(bounds) - 1, index + 1)
        words = tuple(text[bounds[lo] : ends[hi]].replace(" . ", " ").split())
        if any(c in DISCUSSION_TOPICS for _, _, c in concept_spans(words)):
            return True
    return False
