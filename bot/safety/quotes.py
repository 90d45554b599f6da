"""Words in quotation marks that are someone else's, or talked about as words, are not the writer's.

"my brother says "i'm gonna kms" every time he loses", "what does "unalive" mean?", "the lyric
"i don't wanna wake up tomorrow" hits different": the crisis words sit inside quotation marks,
framed as another person's speech, a song, a prompt or a word being explained. Every layer of
the detector would read them as the writer's own, so such a quotation is replaced by a neutral
word before the text is normalised; everything outside the quotation marks is still judged. Two
kinds of mention go without quotation marks: a lyric ("the chorus goes ...") and an example typed in
a question about the bot ("if i type something like ... does the bot call someone?").

Biased towards safety, like the rest of the detector. A quotation stays when:
- the writer reports their own words or thoughts ("i keep telling myself "just end it"", "le
  dije "ya no quiero vivir""), or
- the writer agrees with or owns the quoted words ("my mom said "you'd be better off dead" and
  maybe she's right", "she wrote "i want to die" and honestly same"), or
- nothing in the message frames it as someone else's words or as talk about words, or
- the words come from inside ("the voice keeps saying "do it tonight"", a note or letter), or
- the writer is worried for the speaker now ("she texted me "i took all my pills" what do i do",
  "he wrote "goodbye forever" and won't answer"): someone is at risk, whoever wrote the words.

Double quotation marks count (straight, curly, guillemets), and single ones only where they
can't be apostrophes: a mark with no letter before it opens, one with no letter after it closes,
and a mark between two letters inside is an apostrophe ("a coworker jokes 'i don't want to
live' about every meeting"); "my parents' house" opens nothing, having no closing mark.
"""

from __future__ import annotations

import re

#: What a quotation becomes: a word no lexicon phrase, cue or concept knows.
PLACEHOLDER = " quotation "

_QUOTED = re.compile(
    r"[\"“”„«][^\"“”„«»]{1,300}[\"“”»]"
    r"|(?<![\w'‘’])['‘](?=\w)(?:[^'‘’\"“”\n]|(?<=\w)['’](?=\w)){1,300}?(?<=[\w.!?])['’](?!\w)"
)

#: Someone else's words, or words as the subject of the talk (outside the quotation marks).
_FRAME = re.compile(
    r"\b(?:mean|means|meaning|meant|slang|lyric|lyrics|song|songs|chorus|canci[oó]n|letra|acronym|term|word|"
    r"called|tiktok|google[ds]?|googled|expression|comments?|meme|caption|prompt|title|line from|quote|quoted|"
    r"quoting|cita|"
    r"says|said|saying|say|texted|wrote|writes|writing|posted|tweeted|yelled|screamed|joked|jokes|"
    r"dice|dicen|dijo|decía|decia|escribió|escribio|cantan?)\b"
)

#: The writer as the speaker or thinker of the quoted words, in the words just before them.
_OWN_WORDS = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|id|me|myself|yo|le dije|les dije|dije|digo|pienso|pensé|pense)\b"
    r"[^.!?\"“”]{0,30}\b(?:said|say|saying|says|texted|text|wrote|write|writing|told|tell|telling|keep|kept|"
    r"thought|think|thinking|typed|type|posted|post|scream|screamed|whisper|dije|digo|escrib\w*|pienso|"
    r"pensé|pense|repito)\b[^.!?\"“”]{0,20}$"
)

#: Someone else as the speaker right before the quotation, even after an "i" earlier in the sentence:
#: "i'm a bartender and a regular said "...""; "i told my mom "..."" has the writer as the speaker.
_OTHER_SPEAKER = re.compile(
    r"\b(?:he|she|they|someone|somebody|(?:a|an|my|the|his|her|their|our|this|that|one) [a-z]+|[a-z]+'s [a-z]+)"
    r" (?:[a-z]+ )?(?:said|says|texted|wrote|writes|posted|tweeted|yelled|screamed|joked|jokes|dijo|dice|escribi[oó])"
    r"\b[^.!?\"“”]{0,20}$"
)

#: Agreement with, or ownership of, the quoted words anywhere outside them.
_OWNED = re.compile(
    r"\b(?:same|me too|relatable|i relate|relate to|that's me|thats me|i feel (?:that|this|the same)|"
    r"(?:she|he|they|you)(?:'s|s| is| are|'re|re) right|maybe (?:she|he|they)|true|agree|yo también|yo tambien|"
    r"igual yo|tiene razón|tiene razon|tienen razón|tienen razon|"
    r"so do i|i do too|i actually do|i really do|neither do i|i don'?t either|me neither|"
    r"(?:because|cause|bc|cuz|cos|since) i (?:do|am|have|kinda do|don'?t|do not)(?! know)|asking for (?:myself|me)"
    r"|(?:i'?m|im) not joking)\b"
)


#: Words from inside the person, or left for others: they are the writer's, whatever the verb.
_INNER = re.compile(
    r"\b(?:voice|voices|brain|head|mind|note|letter|la voz|las voces|mi cabeza|mi mente|"
    r"la nota|la carta)\b"
)

#: Worry for the speaker right now: a friend's quoted words are then a crisis to answer, not a mention.
_URGENT = re.compile(
    r"\b(?:what do i do|what should i do|what can i do|won'?t answer|not answering|isn'?t answering|can'?t reach|"
    r"cant reach|won'?t pick up|(?<!getting )(?<!got )(?<!get )help|scared|worried|terrified|panicking"
    r"|call 911|call 988|emergency|right now|"
    r"just now|qu[eé] hago|ayuda|no contesta|no responde|phone(?:'s| is)? off|keeps a gun|has a gun)\b"
)


#: A lyric given without quotation marks, to the end of its sentence: "the chorus goes i want to die
#: and everyone sings along". Only "goes"/"went" after a word for a song's part, never "goes on" or
#: "says" ("this song says everything i feel" is the writer's own).
_SUNG = re.compile(
    r"\b(?:the|this|that|a|its|it's) (?:chorus|hook|refrain|lyric|lyrics|verse|song)"
    r" (?:literally |just )?(?:goes|went)\b(?! (?:on|off|away|by|to|through|out|down|up)\b)"
    r":? (?P<sung>(?![\"“”'‘])[^.!?\n\"“”]{1,200})",
    re.IGNORECASE,
)


#: Words typed as an example in a question about the bot, without quotation marks: "what happens if i
#: type something like i want to die in here, does the bot call someone?", "can the bot tell when someone
#: says me quiero morir as a joke?" (the blind38 round). The example runs to a comma, a stop or a word
#: that ends it ("in here", "as a joke", "does").
_EXAMPLE = re.compile(
    r"\b(?:if|what if|when|whenever|say) (?:"
    # the writer's own words only as an example given ("something like"), never "if i say i have a plan"
    r"(?:i|you|we|u) (?:types?|typed|says?|said|writes?|wrote|posts?|posted|sends?|sent|texts?|texted|puts?)"
    r" (?:something|stuff|things|words|anything|a message|a phrase) like"
    r"|(?:someone|somebody|a person|people|my \w+) "
    r"(?:types?|typed|says?|said|writes?|wrote|posts?|posted|sends?|sent|texts?|texted|puts?)"
    r"(?: (?:something|stuff|things|words|anything|a message|a phrase))?(?: like)?"
    r"):? "
    r"(?P<example>[^.!?\n,]{1,120}?)"
    r"(?=,|[.!?\n]| (?:in here|here|on here|in (?:the )?chat|to (?:the|this) bot|in (?:the )?group|as a joke|jokingly"
    r"|does|do|will|would|is|can|could|how|what)\b|$)",
    re.IGNORECASE,
)
#: The question about the bot that makes such an example a mention.
_ABOUT_THE_BOT = re.compile(
    r"\b(?:the bot|this bot|bot|does it|will it|would it|can it|who sees|flag|flagged|flags|alert|alerts|notify"
    r"|call someone|contact|report|what happens|how it works|tell the difference|detect|detects|el bot)\b",
    re.IGNORECASE,
)


def as_mentions(text: str) -> str:
    """The text with quotations that are someone else's words, or talked-about words, made neutral."""
    text = _examples_for_the_bot(_unquoted_lyrics(text))
    if not _QUOTED.search(text):
        return text
    outside = _QUOTED.sub(" ", text).casefold()
    if not _FRAME.search(outside) or _OWNED.search(outside) or _INNER.search(outside) or _URGENT.search(outside):
        return text
    pieces: list[str] = []
    at = 0
    for match in _QUOTED.finditer(text):
        start, end = match.span()
        # casefolding can change a string's length ("ß"), so only the words before are folded
        before = text[max(0, start - 60) : start].casefold()
        if _OWN_WORDS.search(before) and not _OTHER_SPEAKER.search(before):
            continue
        pieces.append(text[at:start])
        pieces.append(PLACEHOLDER)
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _unquoted_lyrics(text: str) -> str:
    """Lyrics given without quotation marks made neutral, with the same exceptions as quotations."""
    if not _SUNG.search(text):
        return text
    # the whole text, lyric included: the lyric runs to its sentence's end and may hold "honestly same"
    if _kept_as_the_writers(text):
        return text
    return _SUNG.sub(lambda m: m.group()[: m.start("sung") - m.start()] + PLACEHOLDER, text)


def _examples_for_the_bot(text: str) -> str:
    """An example typed in a question about the bot made neutral, with the same exceptions as quotations."""
    if not _EXAMPLE.search(text) or not _ABOUT_THE_BOT.search(text) or _kept_as_the_writers(text):
        return text
    return _EXAMPLE.sub(lambda m: m.group()[: m.start("example") - m.start()] + PLACEHOLDER, text)


def _kept_as_the_writers(text: str) -> bool:
    """Words owned, from inside, or an urgent worry anywhere in the text keep a mention the writer's own."""
    folded = text.casefold()
    return bool(_OWNED.search(folded) or _INNER.search(folded) or _URGENT.search(folded))
