"""The crisis lexicon: what the detector looks for, written as small phrase templates.

Why templates rather than raw regular expressions: the detector squeezes repeated letters in
the text ("killl" and "kil" both become "kil"), so every literal in the lexicon has to be
squeezed the same way, and the people who review this list (facilitators, clinicians) should
be able to read it. `bot.safety.detector` compiles the templates once, on first use.

Templates match the normalised text: lowercase ASCII words separated by single spaces, with
apostrophes dropped ("don't" is "dont", "I'm" is "im"). Syntax:

    word     a literal word; ``word*`` also matches longer words (``suicid*``)
    (a|b c)  one of the alternatives
    [a|b]    optional words
    ...      up to three words of anything
    #        a number; ``##`` a number of at least two digits
    {NAME}   a macro from ``MACROS``

Strong rules raise a crisis on their own. Weak rules (topic mentions such as "self-harm" or
past-tense attempts) raise one unless the message reads as recovery talk or discussion
(``PAST_OR_RECOVERY``, ``DISCUSSION``) and has no sign of a present struggle (``RECENT``).
A strong hit preceded by a past-tense lead-in ("used to", "tried to") is treated as weak.

Rule labels are shown to facilitators and may be logged; they never contain a person's words
and name a means only by its broad kind.
"""

from __future__ import annotations

from dataclasses import dataclass

INTENT = "intent_or_plan"
MEANS = "means"
GOODBYE = "goodbye"
SUICIDAL = "suicidal_thoughts"
SELF_HARM = "self_harm"

#: Most urgent first: a message gets the first category any of its rules belongs to.
CATEGORY_ORDER: tuple[str, ...] = (INTENT, MEANS, GOODBYE, SUICIDAL, SELF_HARM)


@dataclass(frozen=True)
class Rule:
    """One idea the detector recognises, in any of several phrasings."""

    label: str
    category: str
    phrases: tuple[str, ...]
    weak: bool = False
    #: a hit right after one of these is dropped (negation, someone else as the subject)
    unless_before: tuple[str, ...] = ()
    #: a hit right before one of these is dropped (the idiom continues: "die of laughter")
    unless_after: tuple[str, ...] = ()
    #: the message must also contain one of these somewhere
    also_needs: tuple[str, ...] = ()
    #: the message must contain none of these anywhere
    unless_in_message: tuple[str, ...] = ()
    #: Spanish rules are negated by Spanish words, not English ones
    spanish: bool = False


MACROS: dict[str, str] = {
    "SELF": "(myself|my self|meself|my own self)",
    "IM": "(im|i am|i m|iam)",
    "WANT": "(want|wanna|wana|wants|need|needs|would like|wish to)",
    "ADV": "(so|really|very|kinda|kind of|pretty|a bit|a little|super|extremely|just|still"
    "|actually|seriously|honestly|lowkey|literally|feeling|getting|being|been)",
    "DEATH": "(die|dye|be dead|not exist|not be alive|not be here [anymore]|not wake up|stop living"
    "|stop existing|disappear forever|sleep forever|be gone forever|go to sleep forever"
    "|(dip|leave|go away|log off|peace out|check out|exit|bounce|go|be out|get out|fade away|vanish)"
    " (permanently|forever|for good|for ever|once and for all))",
    "SELF_KILL": "(kill {SELF}|kms|kys|unalive {SELF}|unalive|end my [own] life"
    "|take my [own] life|end it all|end it|end things|end everything|commit suicide|suicide"
    "|sewer slide|ctb|hang {SELF}|overdose|od)",
    "PILLS": "(pill*|tablet*|meds|medication*|medicine*|tylenol|advil|ibuprofen|acetaminophen"
    "|paracetamol|benadryl|xanax|oxy*|excedrin|aspirin|insulin|antidepressant*|lithium"
    "|seroquel|trazodone|sleeping pills|painkiller*|opioid*|percocet*|vicodin|lorazepam|clonazepam"
    "|klonopin|ativan|valium|diazepam|xanax|benzo*|ambien|zolpidem|melatonin|nyquil|zoloft|sertraline"
    "|prozac|fluoxetine|lexapro|wellbutrin|adderall|gabapentin|tramadol|fentanyl|morphine|codeine"
    "|aleve|naproxen|motrin|sleeping meds|sleep meds)",
    "HIGH_PLACE": "(bridge|roof|rooftop|building|balcony|cliff|overpass|window|parking garage|parking deck"
    "|parking structure|tower|ledge|floor|story|storey|top floor|highway bridge|dam)",
    "VEHICLE": "(train|bus|car|truck|traffic|subway)",
    "BODY": "(wrist|wrists|arm|arms|thigh|thighs|leg|legs|skin|stomach|hip|hips)",
    "TIME": "(tonight|today|tomorrow|this weekend|soon|right now|rn|now|this week|after work"
    "|when everyone is asleep|before morning)",
    "ES_NO": "(no|nunca|ya no|tampoco|jamas)",
    # a count in digits or words: recovery talk says "three years", not only "3 years"
    "NUM": "(#|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple [of]|a few"
    "|several|many|so many)",
    "SPAN": "(day|days|week|weeks|month|months|year|years|yr|yrs|mo|mos)",
    # someone else as the subject: "a friend says they want to die" is about them
    "SOMEONE_ELSE": "(he|she|they|hes|shes|theyre|someone|somebody|people|a friend|my (friend|sister|brother"
    "|mom|mum|dad|son|daughter|partner|wife|husband|kid|cousin|roommate|boyfriend|girlfriend|client|patient"
    "|cat|dog|kitten|puppy|baby|toddler)|(the|a|this|that) (villain|character|hero|guy|girl|man|woman|kid"
    "|protagonist|actor|actress|stuntman|cat|dog))",
}

#: Lead-ins that drop a hit: the person is saying they are not in that state.
NEGATION: tuple[str, ...] = (
    "(dont|do not|doesnt|does not|didnt|did not|never|not|wont|will not|no longer|nor|isnt"
    "|arent|wasnt|without|zero|free of|free from|havent|have not|hasnt|has not|hadnt)"
    " [{ADV}|any|have|having|had|feel|think|even|been|ever] [{ADV}|any|had|been|ever]"
    " [going to|gonna] [want to|wanna|wana|need to|plan to|plan on|intend to|feel like|have to]",
    "(no|zero|without) [{ADV}|active|passive|current]",
    # denials of a thought or a claim: "no thoughts of hurting myself", "never said i wanted to die"
    "(no|zero|without|not having any|not having|havent had any|havent had) [{ADV}|active|passive|current|real]"
    " (thoughts|thought|urges|urge|plans|plan|intention|intent|desire) (of|about|to)",
    "(never|didnt|did not|dont|do not|not|wasnt) (say|said|saying|mean|meant|claim|claimed|claiming) [that] i"
    " [want to|wanted to|wanna|would|was going to|was gonna|am going to|was]",
)

#: What right after a negated hit takes the denial back: "i don't want to die but i keep planning it".
AMBIVALENCE: tuple[str, ...] = (
    "(but|yet|though|tho) [i|im|i am|part of me|my brain] [{ADV}|also] (keep|kept|keeps) (thinking|planning"
    "|picturing|imagining|looking|wanting|coming back to|googling)",
    "(but|yet|though|tho) [i|im|i am|part of me] [{ADV}] (might|may) (do it|still do it|anyway)",
    "(but|yet|though|tho) [i|im|i am|part of me] [{ADV}] (still|also) (want|wants|think about|plan|thinking about"
    "|planning)",
    "(but|yet|though|tho) [i|im|i am|part of me] [{ADV}] (plan|planning|planned|going to do it|gonna do it"
    "|cant stop thinking|can not stop thinking)",
)

#: Lead-ins that make a strong hit weak: it is about the past.
PAST_LEAD_IN: tuple[str, ...] = (
    "(used to|tried to|attempted to|wanted to|have tried to|once tried to|almost|nearly"
    "|use to) [{ADV}|want to|wanna|think|feel|believe|say] [that] ...",
    # a time anchored in the past opens the sentence: "last year i wrote a goodbye letter"
    "((last|that|one) (year|summer|winter|spring|fall|autumn|decade)|{NUM} (year|years|yr|yrs) ago|back (then|in #)"
    "|in (19#|20#)|when i was (younger|a teen|a teenager|a kid|a child|little|# [years old]|in (middle school"
    "|high school|college|the hospital|rehab|treatment)))"
    " [i|we] ...",
    # remembering or having had the thought: "i remember wanting to...", "i had a plan to..."
    "(remember|remembered|recall|remembering) [{ADV}] (wanting|trying|feeling|thinking|being|planning|having)"
    " [to|about|of|like] ...",
    "(had|once had|used to have|have had) [a|the|some|those|these|many|so many] [{ADV}|dark|bad|intrusive]"
    " (plan|plans|thoughts|thought|urges|urge|idea|ideas) (to|of|about|for)",
    "(had|once had|used to have|have had) [a|the|some|those|these|many|so many|strong|bad|dark|intrusive]",
)

#: Spanish lead-ins that drop a hit.
ES_NEGATION: tuple[str, ...] = ("{ES_NO} [me|te|se|lo]",)

PAST_OR_RECOVERY: tuple[str, ...] = (
    "used to",
    "{NUM} {SPAN} [of being] (clean|free|sober|without|since|strong|no)",
    "{NUM} {SPAN} ago",
    "(clean|free|sober) (for|since)",
    "(years|months|weeks|a year|a while|long time|a long time) ago",
    "when i was (younger|a teen|a teenager|a kid|a child|little|in|#)",
    "(but|and) not (since|now|anymore|any more|these days|today) [then]",
    "(at|at age|at the age of|aged) ##",
    "(i|i still|still) (remember|recall) (the|when|back|how|that)",
    "(a different|another|a past) (life|lifetime|person)",
    "(they|it|those|the urge|the urges|the thoughts|the feeling) [all|finally|eventually] (passed|faded|went away"
    "|calmed down|subsided|eased off)",
    "(said|answered|told (him|her|them|my (doctor|therapist|psychiatrist|nurse|counselor|counsellor))) (none|no|nope"
    "|not at all|never|that i dont|that im not)",
    "(glad|happy|grateful|thankful|relieved) (im|i am|i m) (past|over|through|beyond|done with) (that|it|those|this)",
    "(behind me|in my past)",
    "when i (started|began|first (came|started)|came into) (iop|treatment|therapy|the program|this program|group"
    "|rehab|dbt)",
    "(urges|urge|thoughts|cravings) ... (have|has|are|is|s|got|gotten) [gone|gotten|been|getting|become] [way"
    "|a lot|so much|much|really] (down|less|lower|weaker|fewer|away|quieter|rarer|easier to)",
    "back (then|in the day|in high school|in college|in middle school|in #)",
    "in the past",
    "no longer",
    "not anymore",
    "dont anymore",
    "havent ... (since|in (months|years|a year|a long time|ages|forever))",
    "(recovered|recovering|recovery|survivor|survived|milestone)",
    "(still|so) (here|alive|grateful|glad|thankful)",
    "((im|i am) not going anywhere|here to stay)",
    "glad i (am|m|didnt|did not|stayed|survived|made it)",
    "proud of",
    "(last|that) (year|summer|winter|spring|fall|decade)",
    # a year ("in 2019"), never a countdown ("in 10 minutes")
    "in (high school|college|my teens|my twenties|19#|20#)",
    # no longer wanting to hurt oneself, or treatment working: "don't want to hurt myself anymore"
    "(dont|do not|no longer|dont really) (want|wanna|need|feel like|feel the need) [to] (hurt|harm|cut|burn"
    "|hit|punish|hurting|harming|cutting|burning|hitting|punishing) ... (anymore|any more|these days)",
    "(skills|therapy|meds|medication|treatment|dbt|program|programme|group|safety plan) (are|is|has been"
    "|have been|s|really) [really|actually|finally] (working|helping)",
    "(doing|feeling|feel|im|i am) [so|a lot|much|way|so much] better (now|these days|today)",
    "in a (better|good|much better) place",
    "(antes|en el pasado|cuando era|hace (anos|meses|tiempo|mucho))",
    "hace (un|una|dos|tres|cuatro|cinco|unos|unas|varios|varias) (ano|anos|mes|meses|semana|semanas)",
    "(estoy|me siento|ando|vivo) [mucho|muy|bastante|ya] mejor",
    "llevo # (dias|semanas|meses|anos)",
)

DISCUSSION: tuple[str, ...] = (
    "(prevention|awareness|hotline|helpline|lifeline|988|crisis line|crisis text line"
    "|documentary|podcast|article|book|movie|film|episode|series|novel|research|statistics"
    "|stats|training|lecture|course|fundraiser|webinar|worksheet|module|psychoeducation"
    "|warning signs|safety plan|song|lyrics|topic|subject|(the|that|this|a|tv) (show|series|scene|character)"
    "|portray*|depict*|representation|tips|risk factors|textbook|thesis)",
    "(psych|psychology|health|sociology|nursing|ethics|my|our|the) (class|course|seminar) (is|was|s) (covering"
    "|on|about|talking|discussing)",
    "(essay|paper|report|presentation|assignment|project) (on|about)",
    "(talked|talking|talk|learned|learning|read|reading|watched|watching|heard) about",
    "(practiced|practicing|practised|practising|role play*|roleplay*|rehearsed) (what|how) to (say|do|respond)",
    "how (do|can|should|would) (i|we|you|someone) (help|support|talk to|respond)",
    "(prevencion|concienciacion|linea de ayuda|documental|articulo|libro|pelicula|serie|capitulo|episodio"
    "|protagonista|personaje|escena|noticia|noticias|cancion)",
)

#: Signs of a present struggle: they keep past talk and discussion from silencing a hit.
RECENT_STRUGGLE: tuple[str, ...] = (
    "(again|relaps*|urge|urges|tempted|temptation|craving*|crave|cant stop|can not stop|miss it|miss doing it"
    "|miss the feeling|back to|back into|started back|otra vez|de nuevo|ganas)",
)

#: A present struggle or a recent time: they keep past talk from silencing a hit. A recent time
#: alone does not undo discussion ("my class covers suicide this week").
RECENT: tuple[str, ...] = (
    *RECENT_STRUGGLE,
    "(right now|rn|tonight|last night|this morning|yesterday|just now|lately|these days|this week)",
)

#: Everyday medication routine ("pick up my pills tomorrow"): a means named as an errand.
MEDICATION_ROUTINE: tuple[str, ...] = (
    "(pick up|picking up|picked up|refill*|renew*|fill|order|ordered|take|taking|forgot|forget|forgetting|skip"
    "|skipped|missed|miss) [to take] [my|the|a|our|his|her] [evening|morning|night|nightly|daily|new|usual|other]"
    " ({PILLS}|prescription|prescriptions|refill|refills|dose)",
    "{PILLS} (before|after|with) (dinner|breakfast|lunch|food|a meal|meals|bed)",
    "(tome|tomo|tomar|me tome|me tomo) [una|un|dos|tres|mis|las|la|el] (pastilla*|pildora*|medicina*|medicamento*"
    "|ibuprofeno|paracetamol|aspirina)",
    "(pastilla*|pildora*|medicina*|ibuprofeno|paracetamol|aspirina) (para|por) (el|la|mi|los) (dolor|cabeza|gripe"
    "|fiebre|resfriado|tos|alergia|alergias|espalda)",
)

GRADUATION: tuple[str, ...] = (
    "(graduat*|discharg*|step down|stepping down|last day (of|at|in)|last session|last group"
    "|finish* (the|my) program|good luck|see you (at|around|soon|next|in|on)|keep in touch"
    "|alumni|moving (to|away|out)|vacation|holiday|new job|new chapter|me mudo|vacaciones"
    "|nuevo trabajo|nos vemos|hasta (pronto|luego|la proxima))",
)

_ACCIDENT = (
    "[(while|when)] (shaving|cooking|chopping|slicing|cutting|opening|doing|playing|lifting"
    "|running|working out|working|fixing|making|baking|gardening|cleaning|moving)",
    "(on (a|the|some|my|an)|by accident|accidentally|at the|at work|in the kitchen|with a"
    " (knife|kitchen|bread|can|box)|in the foot|in the (leg|hand|arm))",
)

_NOT_SELF_HARM_CUT = (
    "(my hair|hair|bangs|my bangs|the|a|this|that|class|carbs|sugar|ties|him|her|them|you"
    "|corners|costs|back|down|out|off|it|in line|loose|deal|deals|people|my losses|caffeine"
    "|gluten|dairy|meat|alcohol)",
)

#: Urges told as fading: "my urges to cut have gone way down".
URGES_FADING = (
    "[have|has|are|is|s|got|gotten|will|would|should|can|do|does] [gone|gotten|been|getting|become|get|go|be]"
    " [way|a lot|so much|much|really] (down|less|lower|weaker|fewer|away|quieter|rarer|easier to|pass|passed"
    "|fade|faded|fading)",
)

#: An urge told with its end: "the urge came up today but i used my skills and it passed".
URGE_RESOLVED: tuple[str, ...] = (
    "(it|they|the urge|the urges|the feeling) [all|finally|eventually] (passed|faded|went away|calmed down|subsided"
    "|eased off)",
    "(didnt|did not|never) act on (it|them|the urge|the urges)",
)

#: Words of an urge: once the message says the urge passed, they say nothing recent.
URGE_WORDS: tuple[str, ...] = ("(urge|urges|tempted|temptation|craving*|crave)",)

_DEATH_IDIOM = (
    "(of (laugh*|embarras*|cring*|bored*|cute*|hunger|thirst)|laughing|in a hole"
    "|on (this|that) hill|happy|at (work|the gym))",
    # "die my hair", "dye the shirt": the dye verb takes an object
    "(my|the|it|this|that|them|her|his|these|those|hair)",
)

_FOR_A_WHILE = (
    "(early|at (the|work|school|class|(this|that) (party|place|job|meeting|event|school))"
    "|in (the|this|that)|for (a|the|my|this)"
    "|so early|before|on (monday|mondays|a|the|this|that)|with (work|this|school|homework|the)"
    "|to (the|this|that|these|work|school|class|a|an|my|some|another)|the|a|on my|into (a|the|my|some|this|that|bed)"
    "|under (a|the|my))",
)

RULES: tuple[Rule, ...] = (
    # --- intent and plans -------------------------------------------------------------
    Rule(
        "intends to act on suicidal thoughts",
        INTENT,
        (
            "(going to|gonna|gona|goin to|about to|ready to|planning to|plan to|planning on"
            "|decided to|deciding to|finally going to|will|ill|gotta)"
            " [finally|just|actually|really|probably|definitely] {SELF_KILL}",
            "{SELF_KILL} {TIME}",
            "(die|end it|kill {SELF}) {TIME}",
        ),
        unless_before=("(you|u|he|she|they|go|should you|would you)",),
        unless_after=("(with|between|here|there|for (a|the) (bit|day|night)|on (this|that))",),
    ),
    Rule(
        "has a plan",
        INTENT,
        (
            "(have|got|made|came up with|worked out|figured out|make|making) a plan"
            " (to|for) (die|dying|{SELF_KILL}|ending it|killing {SELF})",
            "(plan|plans) (is|was) to (die|{SELF_KILL})",
            "i know [exactly|already|just] (how|when|where) (i|im) (going to|gonna|will|ll|ill) (do it|die"
            "|{SELF_KILL})",
            "(have|got) it all planned",
            "(know|knew|figured out|decided|worked out|planned|planned out|wrote down|written down) (how|when|where)"
            " (and|&) [i know|i figured out|i decided] (when|where|how)",
            "(wrote down|writing down|wrote out|worked out|figured out|planned out|planned) (how|when|where)"
            " (im|i am|i) (going to|gonna|will|ll|ill) (do it|die|{SELF_KILL})",
            "(wrote|writing|write|left|leaving|written|finished) [my|a] (suicide|goodbye"
            "|farewell) (note|letter|letters|notes)",
            "(set|picked|chose|chosen) (a|the) (date|day) (to|for) (die|dying|{SELF_KILL})",
            "(night|day|time) (i|im|ill|i will) [finally|just|actually] (go through with it|end it|end things"
            "|do it for real)",
            "go through with it {TIME}",
            "(find out|notice|know|realize|realise|stop me|see it coming) (until|till|til|before) (its|it is) too late",
            "(thinking|think|thought|wondering) ... about (how to|ways to|a way to) (make (it|it all|everything"
            "|the pain) stop|end (it|it all|everything|my life)|die|not wake up|disappear)",
        ),
    ),
    Rule(
        "has a plan: knows when, or has notes and a date",
        INTENT,
        (
            "i know [exactly|already|just] (how|when|where) (i|im) [going to|gonna|will|ll|ill] (do|doing) it",
            "(wrote|written|writing|finished|left) (the|my|all the|all my) (notes|letters)",
            "(going|go|heading|head|walking|walk|driving|drive) to the {HIGH_PLACE}",
            "(bought|buy|buying|got|ordered|order|getting) (a|some|the) (rope|noose|gun|pistol|razor*|blades)",
        ),
        also_needs=(
            "(a plan|the plan|planned|pick (a|the) (day|date)|picked (a|the) (day|date)|last time|one last"
            "|for the last|goodbye|never come back|wont be back|(not|never|wont be|no) coming back|wont come back"
            "|know what (its|it is) for|what its for"
            "|go through with it|ready to go|{SELF_KILL})",
        ),
        unless_in_message=GRADUATION,
    ),
    Rule(
        "has a plan: waits for an empty house",
        INTENT,
        (
            "(decided|made up my mind|mind is made up|its decided|going to|gonna|gona|ill|i will|planning to|plan to"
            "|waiting to|wait to) ... (do|doing|go through with) it",
        ),
        also_needs=(
            "(when|while|after|once|as soon as|until) (my|the|everyone|everybody|nobody|no one|noone) ... (is|are|s"
            "|goes|go|leave|leaves|left|falls|fall) (at work|asleep|out|away|gone|to (sleep|bed|work)|not home"
            "|out of town|on (vacation|holiday))",
        ),
    ),
    Rule(
        "es: intends to act",
        INTENT,
        (
            "(voy a|me voy a|estoy por|pienso|decidi|esta noche voy a)"
            " (matarme|suicidarme|quitarme la vida|acabar con (todo|mi vida)|morirme)",
            "esta noche (me mato|lo hago|termino con todo|se acaba todo)",
            "tengo un plan (para|de) (matarme|morir|suicidarme|quitarme la vida)",
            "(decidi|ya decidi|lo decidi|esta decidido|ya esta decidido) ... (lo hago|me mato|me voy|lo voy a hacer"
            "|voy a hacerlo|se acaba|termino con todo)",
            "(no|nadie) (se va a dar cuenta|se van a dar cuenta|lo va a saber|me va a parar) (hasta que|antes de que)"
            " (sea|este) (tarde|muy tarde|demasiado tarde)",
        ),
        spanish=True,
    ),
    # --- means --------------------------------------------------------------------------
    Rule(
        "means: medication",
        MEANS,
        (
            "(took|swallow*|downed|ate|gonna take|going to take|about to take|want to take|ill take|i will take"
            "|im taking)"
            " [like|about|around|maybe|almost|over|at least|probably|nearly|roughly|like maybe|prob]"
            " (all|all of|all the|a bunch of|a handful of|handfuls of|a lot of|lots of|too many"
            "|the whole bottle of|a whole bottle of|the rest of|every|##|enough|extra)"
            " [of] [my|the|these|those] {PILLS}",
            "(took|swallowed|swallow|downed|drank) (the|a) whole bottle",
            "pillemoji pillemoji",
            "(od|overdose|overdosing|oding) (on|tonight|again|today|now)",
            "(stockpil*|saving up|saving|hoarding|collecting|stashing|saved up|saved) [up] [my|all my|some|extra]"
            " {PILLS}",
            "how (many|much) {PILLS} (would it take|does it take|it takes|to (die|kill|od"
            "|overdose)|until (i|you) die|is (lethal|fatal|too many|an overdose)|would kill"
            "|to not wake up)",
            "(lethal|fatal|deadly) (dose|amount)",
            "how (many|much) ... (would it take|does it take|will it take|it takes|do i need|would i need)"
            " [for me] to (die|not wake up|never wake up|kill (me|{SELF})|od|overdose|end it)",
            "(which|what) {PILLS} ... (are|is|would be|will be|could be) (deadly|lethal|fatal|enough to kill)",
            "(which|what|how many|how much) ... (would|will|could) (kill (me|{SELF}|a person)|be (lethal|fatal))",
            "{PILLS} (lined up|counted out|all ready|ready to go|laid out|stashed)",
        ),
        unless_after=(
            "(a day|per day|daily|(every|each) (day|morning|night|evening)|in the"
            " morning|at night|for my|as prescribed|prescribed|with (food|water"
            "|breakfast))",
        ),
    ),
    Rule(
        # the medicine named once, then a pronoun: "forgot my pills and now i want to take all of them"
        "means: medication",
        MEANS,
        (
            "(took|swallow*|downed|gonna take|going to take|about to take|want to take|wanna take|need to take"
            "|thinking about taking|could take) [like|about|maybe|just] (all of|the rest of|every one of|every"
            " last one of|a bunch of|a handful of|handfuls of) (them|it|those|these)",
            "(keep|kept|been|started|sit|sitting|im|i am) (counting|recounting|lining up) (them|those|these)",
        ),
        also_needs=("{PILLS}",),
    ),
    Rule(
        "means: overdose mentioned",
        MEANS,
        ("overdos*",),
        weak=True,
        # too much of a food or drink: "an overdose of coffee this morning"
        unless_after=(
            "(of|on) [a|an|the|too much|so much] (coffee|caffeine|espresso|tea|sugar|candy|chocolate|sweets|soda"
            "|energy drinks|carbs|pizza|cake|cookies|ice cream|junk food|cheese|tacos|food)",
        ),
    ),
    Rule(
        "means: height or vehicle",
        MEANS,
        (
            "(jump|jumping|jumped|leap|leaping|leaped|leapt|throw {SELF}|yeet {SELF}|hurl {SELF}|launch {SELF}"
            "|fling {SELF}|drop {SELF}"
            "|toss {SELF}) (off|from|of|out) (a|the|this|that|my|our) [##th|#th|#st|#nd|#rd|top] {HIGH_PLACE}",
            "(jump|jumping|jumped|step|walk|stepping|walking|throw {SELF}|yeet {SELF}|lie down|lay down) in front of"
            " (a|the|this|that|an) [#|##|next|oncoming|express|local|passing] {VEHICLE}",
            "(would|does|will|did|do) it hurt (if|when) (i|you|someone|a person) (jump*|fell|fall|cut*|hang*"
            "|shoot|shot|od|overdose*|drown*|crash*)",
            "(which|what) {HIGH_PLACE} ... (is|s|are) the (highest|tallest)",
            "(tallest|highest) {HIGH_PLACE} (near|around|close|nearby|in (my|this) (town|city|area))",
            "how (high|tall|far) (do|does|would|is) ... (die|survive|fall|fatal|lethal)",
            "(standing|stood|sitting|sat) (on|at) the (edge|ledge) of (a|the) {HIGH_PLACE}",
            "({WANT} to|going to|gonna|gona|about to|planning to|plan to|will|ill|i will) [just|finally]"
            " (drive|crash|swerve|steer|ram) [my car|the car|my truck|it] (into|off) (a|the) [big] (tree|wall|bridge"
            "|cliff|traffic|river|lake|pole|barrier|guardrail|truck|oncoming traffic)",
            "(think|thinking|thought|thoughts|keep thinking|fantasi*|imagin*|picture|picturing|urge|urges)"
            " (about|of|to) (driving|crashing|swerving|steering|walking|stepping|jumping|drive|crash|swerve"
            "|steer|walk|step|jump) [my car|the car|my truck|it] (into|in front of|off|from) ... ({VEHICLE}"
            "|{HIGH_PLACE}|oncoming|tree|wall|river|lake|road)",
        ),
        unless_before=("{SOMEONE_ELSE} [also|just|then|finally]",),
        unless_after=("(into (the|a) (pool|lake|water|river|ocean|sea)|as a kid)",),
    ),
    Rule(
        # on a height and looking down, with nothing of a view or an outing in the message
        "means: on a height, looking down",
        MEANS,
        (
            "(standing|stood|sitting|sat|up|here|im|i am) (on|at|on top of|on the edge of) (a|the|this|that|my)"
            " {HIGH_PLACE} ... (looking|staring|look|stare|looked|stared|peering) (down|over the edge|at the drop)",
        ),
        unless_before=("{SOMEONE_ELSE} [also|just|then|was|is]",),
        unless_in_message=(
            "(view|views|pretty|beautiful|gorgeous|sunset|sunrise|photo|photos|pic|pics|picture|pictures|selfie"
            "|tourist*|ducks|boats|fireworks|scenery|hike|hiking|walk|city lights)",
        ),
    ),
    Rule(
        # "i'm gonna jump, i'm on the roof now": the intent and the place sit in different clauses
        "means: about to jump from a height",
        MEANS,
        (
            "(gonna|going to|gona|about to|ready to|want to|wanna|will|ill|im going to) [just|finally] (jump|let go"
            "|step off|fall)",
        ),
        also_needs=("(on|at|up on|top of|off|from|to) (the|a|this|that|my|our) [edge of the|top of the] {HIGH_PLACE}",),
        unless_after=("(in|into|at|on (the|a) (trampoline|bed|bandwagon)|rope|for|to conclusions|ahead|the gun)",),
    ),
    Rule(
        # "estoy en el puente y voy a saltar": the Spanish of the rule above
        "es: about to jump from a height",
        MEANS,
        (
            "(voy a|me voy a|quiero|pienso|estoy por|estoy a punto de|a punto de) (saltar|tirarme|aventarme|lanzarme"
            "|arrojarme|dejarme caer)",
            "me (voy a|quiero|pienso) (tirar|aventar|lanzar|arrojar|dejar caer)",
        ),
        also_needs=(
            "(en|del|desde|arriba de|encima de|sobre|al borde de|a la orilla de) (el|la|un|una|este|esta|mi)"
            " (puente|edificio|balcon|ventana|techo|azotea|piso|precipicio|acantilado|barranco|orilla|borde)",
        ),
        unless_after=("(a|al|en) (la|el) (piscina|alberca|agua|mar|rio|lago|cama|sofa)",),
        spanish=True,
    ),
    Rule(
        # slang that stands for a method ("catch the bus" for ctb) when the writer marks it as not literal
        "coded wording for suicide, marked as not literal",
        SUICIDAL,
        ("(catch|catching|caught|take|taking) the (bus|long nap|big sleep|exit)",),
        also_needs=(
            "(not (the|an|a) (actual|real|literal)|not literally|if you know what i mean|you know what i mean|ykwim"
            "|wink|ctb|not that kind)",
        ),
    ),
    Rule(
        "means: weapon or ligature",
        MEANS,
        (
            "(gun|pistol|rifle|knife|blade|razor*) (to|against) my (head|throat|wrist*|chest|temple)",
            "(hang|hanging|hung|rope|roping) {SELF}",
            # "noose" squeezes to "nose" ("my nose was bleeding"), so it needs a verb or a use
            "(tie|tied|tying|make|made|making|bought|buy|got|have|hung|hang|put) (a|the|my) noose",
            "noose (around|round|ready|is ready|tied|from|on)",
            "(shoot|shooting|shot) {SELF}",
            "(slit|slitting|slash|slashing|cut|cutting) my (wrist*|throat)",
            "(razor*|blade*) (to|on|in|into) my {BODY}",
            "(where|how) (can|do|could|would|to) [i|you|someone] (buy|get|find|obtain|order) (a|some|the)"
            " (gun|pistol|rifle|firearm|handgun|noose|poison|cyanide|helium)",
            "how (long|fast|quickly) (does|would|will|did|do) (it take|it) [(for|to)] [me|someone|a person] [to]"
            " (bleed out|die|drown|suffocate|pass out and die)",
        ),
        unless_after=_ACCIDENT,
    ),
    Rule(
        "es: means",
        MEANS,
        (
            "(tomarme|tome|me tome|tomar|me voy a tomar) (todas|todas las|un monton de|muchas"
            "|el frasco de|la caja de) [las|mis] (pastillas|pildoras|medicinas|medicamentos)",
            "(tirarme|aventarme|lanzarme|arrojarme|saltar|me (voy a|quiero|pienso|tengo ganas de) (tirar|aventar"
            "|lanzar|arrojar)) (de|del|por|desde) [un|el|la|una] (puente|edificio"
            "|balcon|ventana|techo|azotea|piso|precipicio|acantilado)",
            "(tirarme|aventarme|lanzarme|arrojarme|me (voy a|quiero|pienso) (tirar|aventar|lanzar|arrojar))"
            " (al|a las|a la|bajo el|debajo del|frente al) (tren|vias|metro|carro|coche|camion|trafico)",
            "ahorcarme",
            "pastillas para (morir|no despertar|matarme)",
            "(pastillas|pildoras|medicinas|medicamentos) (guardadas|escondidas|juntas|contadas|listas|acumuladas)",
            "(juntando|guardando|ahorrando|acumulando|escondiendo|junte|guarde|ahorre|acumule) [las|mis|unas]"
            " (pastillas|pildoras|medicinas|medicamentos)",
            "(cuantas|cuantos) (pastillas|pildoras|medicinas) ... (matar|morir|no despertar|sobredosis|mortal)",
        ),
        spanish=True,
    ),
    # --- goodbyes -----------------------------------------------------------------------
    Rule(
        "says goodbye for good",
        GOODBYE,
        (
            "(this is|this will be|this s|heres|this be) my (last|final) (message|msg|text|post|words)",
            "(last|final) (message|msg|text|post) (from me|ever|before i go)",
            "you (wont|will not|will never|ll never|ill never) (hear from|see) me (again|anymore|after)",
            "(wont|will not|not going to|not gonna|aint gonna|wont even) be (here|around|alive) (tomorrow|much longer"
            "|anymore|any more|by morning|next week|for long|to see)",
            "(said|saying|say|made|making) my goodbyes",
            "(started|been|ive been|keep|kept|quietly) saying (goodbye|goodbyes|bye) (to|in)",
            "(made sure|making sure|arranged|arranging|found|finding|sorted) [that|out] [someone (for|to take)]"
            " my (cat|cats|dog|dogs|pets|pet|kids|plants|fish|bird|rabbit) ... (after|taken care of|looked after"
            "|somewhere to go|a (home|place|new home)|when im gone|without me)",
            "goodbye (world|cruel world)",
            "(goodbye|bye|farewell) (forever|for good|for the last time)",
            "this is (goodbye|farewell|the end)",
            "(its|it has|it s) been (nice|good|an honor|a pleasure) knowing (you|everyone|yall)",
            "(wanted|want|wanna|need|came) to say (goodbye|bye|my goodbyes) [to (everyone|you all"
            "|yall|all of you|you guys|the group)]",
            "(when|after|once) (im|i am) gone",
            "(giving|gave|give) away [all] my (stuff|things|belongings|possessions|pets|cat|dog)",
            "(if|when|in case) (you|u|yall|you all|anyone|nobody) (dont|do not|never|wont|stop|doesnt) (hear|hearing)"
            " from me (again|anymore|ever again)",
            "(by the time|when|once|if) (you|u|anyone|anybody|someone|somebody|yall|you all|people) (read*|see*"
            "|find*|get*) this ... (gone|dead|not here|no longer here|not around|at peace|not alive)",
            "(wont|will not|dont|do not) need (it|them|any of (it|this|that)|my stuff|my things)"
            " (where|after) (im|i am|i m) (going|gone)",
            "(please|pls|plz|can you|could you|make sure (you|someone)|just) tell (my|her|him|them) ..."
            " (i love|that i love|im sorry|i am sorry|i was sorry|i didnt mean)",
        ),
        unless_in_message=GRADUATION,
        unless_after=("(to (goodwill|charity)|before (i|we) move)",),
    ),
    Rule(
        "thanks or apologises for everything, as a farewell",
        GOODBYE,
        ("(sorry|forgive me|thank you|thanks|thank u|thx) [all|everyone|guys|yall|so much] for everything",),
        also_needs=(
            "(goodbye|bye|farewell|last message|wont be|im done|its over|forever"
            "|love you all|love you guys|love yall|take care of)",
        ),
        unless_in_message=GRADUATION,
    ),
    Rule(
        "says love you all, as a farewell",
        GOODBYE,
        ("(love you all|love you guys|love yall|love you so much)",),
        also_needs=("(goodbye|farewell|forever|last message|wont be|im done|its over|for everything)",),
        unless_in_message=GRADUATION,
    ),
    Rule(
        "es: says goodbye",
        GOODBYE,
        (
            "despedirme de (todos|ustedes|ti|todo el mundo|mi familia)",
            "(me quiero|quiero|vengo a|solo queria) despedir*",
            "(este|esta) es mi (ultimo|ultima) (mensaje|post|vez)",
            "adios para siempre",
            "(esta es|este es|aqui esta|aqui va|les dejo|les escribo) mi despedida",
            "(ya no|no) me (van|vais) a (ver|volver a ver)",
            "(ya no|no) voy a estar (aqui|mas) [para]",
            "me (despido|despedi|estoy despidiendo) de (todos|ustedes|ti|todo el mundo|mi familia|la gente|cada uno)",
            "(escribi|escribiendo|deje|termine|ya escribi) (las|mis|unas|una) (cartas|notas|carta|nota)"
            " (para|a) (mi|mis|todos|mi familia|ustedes|cada)",
        ),
        unless_in_message=GRADUATION,
        unless_after=("de (soltera|soltero|la empresa|del trabajo|la oficina)",),
        spanish=True,
    ),
    # --- suicidal thoughts --------------------------------------------------------------
    Rule(
        "wants to die",
        SUICIDAL,
        (
            "{WANT} to {DEATH}",
            "{WANT} to {SELF_KILL}",
            "(wanna|want to|gonna|to) of {SELF}",
            "(wanna|wana) [{ADV}] {DEATH}",
            "(wanna|wana) {SELF_KILL}",
            "wish i (was|were|could be|could just be) dead",
            "(wish|wishing|wished) (i|id) (was|were|had) never (been born|born|existed)",
            "wish id never (been born|existed)",
            "(wish|wishing|wished) i (could|would|just|could just) (die|disappear|not wake up"
            "|stop existing|fall asleep and never wake up)",
            "wish i (didnt|did not|wouldnt) (exist|wake up)",
            "(hope|hoping|pray|praying) (i|to) [{ADV}] [{ADV}] (die|dont wake up|do not wake up|never wake up"
            "|get hit by a|dont make it)",
            "(let me|just let me|please let me) die",
            "(hope|hoping|hopefully|pray|praying) [that] [i] [{ADV}] (dont|do not|never|wont|will not|not)"
            " (wake up|make it|survive)",
            "(hope|hoping|hopefully|pray|praying|wish|wishing) (that|for) ... (heart|breathing|lungs) [just]"
            " (stops|stop|gives out|give out|quits)",
            "(hope|hoping|hopefully|pray|praying|wish|wishing) (my|that my) (heart|breathing) [just] (stops"
            "|stop|gives out|give out|quits)",
            "(i|maybe i) (should|shoud|shld) [{ADV}] [just] (die|end it|end it all|end my life|kill {SELF}|kms"
            "|not be here|not exist|disappear forever)",
            "(ready|time|want|wanna|going) to let go [now|for good|forever|of (life|everything|it all)]",
            "{WANT} (everything|it all|the world|things|it) to (go|fade|turn|stay) (black|dark|quiet|silent)",
            "{WANT} out (for good|forever|permanently|for ever)",
            "(dont|do not|wouldnt|would not) [{ADV}] [even] care (if|whether) i (wake up|live|die|make it"
            "|survive|get hit|dont wake up)",
            "(voice|voices) ... (say|says|tell|tells|telling|told|keep saying) [me] ... (to|i should|i"
            " need to|i have to) [just] (die|end it|kill {SELF}|hurt {SELF}|do it|jump)",
            "(wish|want|hope) (someone|somebody|something|god) (would|will|to) (kill me|end me|take me)",
            "(ready|prepared) to die",
        ),
        unless_before=("{SOMEONE_ELSE} [also|still|sometimes|really|just|says|said|might] [{ADV}]",),
        unless_after=(*_DEATH_IDIOM, "of (my|the|this|that|him|her|them|it|a|an|his|our)"),
    ),
    Rule(
        # "i'd rather be dead than keep feeling like this"; "rather die than eat olives" is hyperbole
        "would rather be dead",
        SUICIDAL,
        ("(id|i would|would|i d|honestly|just) rather (be dead|die|not exist|not be alive|not be here|not wake up)",),
        unless_after=(
            "than (go*|eat*|do|doing|wear*|sit*|listen*|watch*|talk*|work*|be seen|admit*|apologi*|ask*|call*"
            "|drive|take|miss|lose|fly|dance|sing|run|have to|spend|deal)",
        ),
    ),
    Rule(
        "kill oneself",
        SUICIDAL,
        (
            "(kill|killing|kil|unalive|unaliving|end|ending) {SELF}",
            "(kms|ctb)",
            "(take|taking|end|ending) my [own] life",
            "(i|ill|gonna|should|might|will|could|just|wanna) kys",
        ),
        unless_after=(
            "(laugh*|at work|at the gym|working|trying|over|for (this|that|it)"
            "|with (work|this)|out here|to (get|finish|make|meet|pay|keep)|studying|cramming|training|practicing"
            "|for (the|this|that|my) (exam|test|final|finals|project|deadline))",
        ),
    ),
    Rule(
        "thinking about ending it",
        SUICIDAL,
        (
            "end it all",
            "ending it all",
            "(thinking|think|considering|consider|keep thinking) (about|of) (ending|end)"
            " (it|things|my life|everything)",
            "[just] (want|wanna|need) (it|everything|it all|all of it|this) [all] to (end|stop|be over) [forever]",
            "(picture|picturing|imagine|imagining|planning|plan|thinking about) my [own] funeral",
            "(thinking|think|considering|consider|keep thinking|cant stop thinking) (about|of)"
            " (suicide|sewer slide|killing {SELF}|dying|death|not being here|unaliving|taking"
            " my life|ctb|overdosing|jumping)",
            "(thoughts|thought) (about|of) (suicide|killing {SELF}|ending (it|my life|things)"
            "|dying|not being here|taking my life)",
            "suicide (is|seems|feels like) (the only|my only|the answer|my way|the way|the best)",
        ),
        unless_before=("(talked about|talk about|discussed|learned about|learn about|worksheet on|handout on)",),
        unless_after=("(with|between)",),
    ),
    Rule(
        "feels suicidal",
        SUICIDAL,
        (
            "{IM} [{ADV}] [{ADV}] suicidal",
            "(feel|feels|feeling|get|getting|have|having) [{ADV}] [{ADV}] suicidal",
            "suicidal (again|tonight|today|rn|right now|lately|thoughts are|thoughts r|urges|ideation is)",
            "(passive|active|having|have|bad|my|getting|intrusive) si",
            "si (is|has been|thoughts|urges|again|today|tonight|rn)",
        ),
        unless_before=(
            "(he|she|shes|hes|they|theyre|them|him|her|friend|someone|somebody|my (friend|sister|brother|mom"
            "|dad|son|daughter|partner|wife|husband|kid|cousin|roommate)) [is|s|was|are|keeps|kept|has been"
            "|been|said|says] [{ADV}]",
        ),
    ),
    Rule(
        "sees no reason to live",
        SUICIDAL,
        (
            "no (reason|point) (to|in|for) [me|anyone] [to] (live|living|being alive|going on"
            "|go on|keep going|exist|existing|stay|staying|trying anymore|anything anymore)",
            "(not|isnt|is not|aint|no longer|never) worth living",
            "life (isnt|is not|aint|no longer) worth",
            "(whats|what is|wats) [even|really|honestly|the] [even] the point (of|in) (living|life|being alive|going on"
            "|anything anymore|me|staying (around|alive|here)|being here|trying anymore|waking up|existing)",
            "(whats|what is) the point anymore",
            "(tired|sick|exhausted) of (living|being alive|existing|life|being here)",
            "done with (life|living|everything|it all|being alive|existing)",
            "(cant|can not|cannot) (go on|keep going|do this anymore|do this any more|take it"
            " anymore|take this anymore|keep living|live like this|do life|be here anymore"
            "|handle living|keep doing this)",
            "(dont|do not) [{ADV}] [think|feel like|know if] [i] {WANT} to (live|be alive"
            "|exist|be here|wake up|go on|keep living|keep going|do this anymore|be around)",
            "(sleep|go to sleep|fall asleep|close my eyes) and (never|not) wake up",
            "{WANT} to disappear",
            "{WANT} out of (this life|life|this world|existence|everything)",
            "{WANT} to end (the|my|all the|all this) (pain|suffering) (forever|for good|permanently|once and for all)",
            "{WANT} [an|the] (eternal|permanent|endless|forever) (sleep|rest)",
            "(hate|hating) (being alive|existing|my existence|that im alive|that i exist)",
            "(dont|do not) [{ADV}] (wanna|wana) (live|be alive|exist|be here|wake up|go on|keep living|keep going)",
            "(dont|do not|cant|can not|cannot) see (myself|me) (making it|being here|being alive|being around"
            "|living|alive|surviving|still here) (to|until|till|til|past|through|much longer|another|next|anymore)",
            "death (would|seems|feels|sounds) [{ADV}] [be|like] [{ADV}] (a relief|easier|better|peaceful|the answer)",
            "(dont|do not|not|no longer) (plan|planning|intend|intending|expect|expecting) (on|to) [still]"
            " (being|be|stay|staying|sticking) (here|around|alive)",
            "(dont|do not|cant|can not|cannot) [even] (see|imagine|picture) (myself|me) (being|still being|getting)"
            " (here|alive|around|old|older)",
            "(nobody|no one|noone|no1) (would|will|d|wud) (care|notice|miss me|even notice"
            "|even care|be sad) (if|when) i (died|was gone|were gone|disappeared|killed|wasnt"
            " here|was dead|stopped)",
        ),
        unless_after=_FOR_A_WHILE,
    ),
    Rule(
        "thinks others are better off without them",
        SUICIDAL,
        (
            "better off without me",
            "better off dead",
            "(everyone|everybody|they|world|family|people|you all|yall|kids|husband|wife)"
            " (would|will|d|wud) be (better|happier|fine) [off] (without me|if i (was|were"
            "|wasnt|werent|died|disappeared)|when im gone)",
            "be better if i (was|were) (gone|dead|never born)",
            "be (better|happier|fine|ok|okay|alright) [off] without me",
            "(is|are|s|would be|will be|d be) (better|happier|easier|fine) [off] without me",
            "(im|i am|i m|feel like|i feel like) [{ADV}] [just] (a|such a) waste of (space|oxygen|air|a life|life)",
            "(better|easier) [for (everyone|everybody|them|my family|all of you|you all|yall)]"
            " if i (wasnt|werent|didnt exist|was not|were not) (here|around|alive)",
            "(im|i am|i feel like|feel like|i m) [{ADV}] (a|such a|nothing but a|only a) burden",
            "(wont|will not|dont|do not|not gonna|not going to) (have to|need to|gotta) (deal with|put up with"
            "|worry about|take care of|carry) me (much longer|anymore|any more|for long|after|soon|again)",
            "(last|final) (week|day|night|time|month|weekend) (anyone|you|yall|everyone|you all|people|any of you)"
            " (will|ll|has to|have to|will have to|gotta) ... (put up with|deal with|see|hear from|worry about) me",
        ),
        unless_after=("to (no one|nobody|noone|none|no1)",),
    ),
    Rule(
        "es: wants to die",
        SUICIDAL,
        (
            "(quiero|quisiera) (morir|morirme|estar muerto|estar muerta|no existir"
            "|desaparecer para siempre|dejar de existir|matarme|suicidarme)",
            "me quiero (morir|matar|suicidar)",
            "(ganas de|pienso en|pensando en|pense en|he pensado en|sigo pensando en|no dejo de pensar en"
            "|estuve pensando en) (morir|morirme|matarme|suicidarme|desaparecer)",
            "(suicidarme|quitarme la vida)",
            "(no quiero|ya no quiero) (vivir|seguir viviendo|seguir aqui|seguir|despertar|estar aqui|existir)",
            "(ya no|no) (aguanto|puedo) (mas|seguir|con esto|con mi vida)",
            "acabar con (mi vida|todo)",
            "(estarian|estarian todos|todos estarian|estarian mucho) mejor sin mi",
            "mejor (muerto|muerta)",
            "ojala (no despertar|no despierte|me muera|estuviera muert*|no existiera)",
            "(dormir|dormirme) y (no despertar|nunca despertar)",
            "no despertar (nunca|jamas|mas)",
            "no tiene sentido (vivir|seguir|mi vida)",
            "(soy|me siento|siento que soy|creo que soy) (una carga|un estorbo|un peso|un problema para todos)",
            "(no tengo|ya no tengo|sin|ni) ganas de (vivir|seguir viviendo|existir|seguir aqui)",
            "ni (de|para) vivir",
            "(no se|ni se) (cuanto|cuanto tiempo|hasta cuando) [mas] (voy a|puedo|podre|vaya a) (aguantar|seguir"
            "|resistir|soportar)",
            "no vale la pena (vivir|seguir)",
            "(no le (encuentro|veo)|ya no (tiene|le encuentro|le veo)) sentido [a] [la] (vida|vivir|nada|seguir)",
            "mejor (me muero|morirme|me mato|desaparezco)",
        ),
        unless_after=(
            "de [la|el|los|las] (risa|hambre|sueno|ganas|verguenza|pena|calor|frio|cansancio|aburrimiento|miedo)",
            "con (este|esta|el|la|tanto|tanta|mi|los|las) (calor|frio|trafico|tarea|tareas|trabajo|ruido|examen"
            "|examenes|semana|jefe|clase|clases|gente|lluvia|tos|gripe|resfriado)",
            # working or studying oneself to death: "me quiero matar estudiando"
            "(estudiando|trabajando|entrenando|en el (trabajo|gym|gimnasio)|para el examen)",
        ),
        spanish=True,
    ),
    Rule(
        # "quería morirme" is past like "I wanted to die": weak, so "hace un año quería morirme, hoy
        # estoy mejor" stays recovery talk while "otra vez" or "ganas" keep it a crisis
        "es: wanted to die",
        SUICIDAL,
        (
            "(queria|quise|intente|trate de) (morir|morirme|estar muert*|no existir|desaparecer|matarme"
            "|suicidarme|quitarme la vida)",
        ),
        weak=True,
        unless_after=("de (risa|la risa|hambre|sueno|ganas|verguenza|calor|frio|cansancio)",),
        spanish=True,
    ),
    # --- self-harm ----------------------------------------------------------------------
    Rule(
        # "cut", "hurt", "burned" read as past as easily as present: weak on their own, so
        # "when I was a teen I cut myself" stays recovery talk, while "again" or "last night"
        # still makes it a crisis
        "hurts oneself",
        SELF_HARM,
        (
            "(cut|hurt|harmed|burned|burnt|hit|punched|scratched|carved|bit|banged|sliced) {SELF}",
            "(cut|carved|sliced|burned|burnt) [into|up] [my] {BODY}",
        ),
        weak=True,
        unless_after=_ACCIDENT,
        unless_before=("(accidentally|accidently|almost|nearly)", "{SOMEONE_ELSE} [keeps|kept|is|was|has been|keep]"),
    ),
    Rule(
        "hurts oneself",
        SELF_HARM,
        (
            "(cuts|cutting|cuting|slice|slicing|hurting|harm|harming|burn|burning|hitting"
            "|punch|punching|scratching|carve|carving|bite|biting|bang|banging) {SELF}",
            "(cutting|cuting|carve|carving|slice|slicing|burn|burning|scratching) [into|up] [my] {BODY}",
            "(until|till|til) (it|they|i) (bleed*|bled)",
            "(until|till|til) (i|my (knuckles|hands|hand|fist|fists|skin|arms|arm|head|legs)) (saw stars|see stars"
            "|passed out|pass out|blacked out|bled|bleed*|cracked|broke|bruised|went numb|were raw|was raw|split)",
            "(hit|hitting|bang*|slam*|punch*) my (head|fist|fists|hand|hands) (against|into|on) (the|a) (wall|door"
            "|floor|desk|mirror) (until|till|til|again|on purpose|to feel|so hard|over and over)",
            "(punch*|hit|hitting|bang*|slam*) (the|a) (wall|walls|mirror|door) (until|till|til|on purpose|to feel)",
            "(cut|cuts|cutting) (deep|deeper)",
            "(fresh|new|my) (cuts|wounds)",
            "(hide|hiding|cover|covering) [my] (cuts|scars|wounds)",
            "(i|ive|i have|i just|im|been|was) (cut|cutting) again",
            "(home|then|and|so|just|i|finally|ended up|caved and) (cut|cuted) (then|and then|until|till|til|again"
            "|last night|tonight|today|yesterday|this morning)",
            "(sh|self harm*|selfharm*|hurt {SELF}) (again|tonight|rn|right now)",
            "relaps* (on|with|into|to) (sh|cutting|self harm*|selfharm*)",
            "sh (urges|urge|relapse|again|scars|tonight|rn)",
            "(did|doing) sh",
        ),
        unless_after=_ACCIDENT,
        unless_before=("(accidentally|accidently|almost|nearly)", "{SOMEONE_ELSE} [keeps|kept|is|was|has been|keep]"),
    ),
    Rule(
        "self-harm urges",
        SELF_HARM,
        (
            "(urge*|itching|tempted|craving|crave|want|wanna|need|wants) (to|for)"
            " (cut|self harm|selfharm|sh|hurt {SELF}|burn {SELF}|bleed|feel the blade)",
            "(started|start|starting|back to|went back to) (cutting|self harm*|selfharm*|sh"
            "|burning {SELF}|hurting {SELF})",
        ),
        unless_after=(*_NOT_SELF_HARM_CUT, *URGES_FADING),
        unless_in_message=URGE_RESOLVED,
    ),
    Rule(
        # "the urges are back tonight" after talk of cutting: a negated "don't want to cut" names
        # the act, the urge report says it is present
        "self-harm urges are back",
        SELF_HARM,
        (
            "(urge|urges|cravings|craving|itch) (are|is|s|have been|has been|came|come|keep|keeps) [so|really"
            "|getting|coming] (back|bad|strong|stronger|worse|unbearable|intense|loud|louder)",
        ),
        also_needs=(
            "(cut|cutting|sh|self harm*|selfharm*|hurt {SELF}|hurting {SELF}|blade|blades|razor*|burn {SELF})",
        ),
    ),
    Rule(
        "self-harm mentioned",
        SELF_HARM,
        ("(self harm*|selfharm*|self injur*|self mutilat*)",),
        weak=True,
        # "my sister self harms": someone else's struggle, which the person may want to talk about
        unless_before=(
            "(he|she|they|my (sister|brother|friend|son|daughter|kid|partner|cousin|roommate|mom|dad"
            "|girlfriend|boyfriend|wife|husband)) [also|still|sometimes|keeps|has been|is]",
        ),
        unless_after=("(free|awareness|prevention)",),
    ),
    Rule(
        "es: self-harm",
        SELF_HARM,
        (
            "(cortarme|me corto|me estoy cortando|me volvi a cortar|volvi a cortarme)",
            "me (corte|lastime|queme|golpee|hice dano) (otra vez|de nuevo|anoche|hoy|ayer|los brazos|las piernas"
            "|las munecas|la muneca|el brazo)",
            "me quiero (hacer dano|lastimar|cortar|quemar)",
            "(lastimarme|hacerme dano|autolesion*|me autolesiono|quemarme)",
        ),
        unless_after=(
            "((el|la|los|las) (pelo|cabello|flequillo|unas|barba|dedo|fleco|rodilla"
            "|espalda|tobillo|pie|mano)|con (el|un|una) (papel|cuchillo|vidrio))",
        ),
        spanish=True,
    ),
    # --- topic mentions and past tense (weak) --------------------------------------------
    Rule(
        "suicide mentioned",
        SUICIDAL,
        (
            "(suicid*|sewer slide|sewerslide|unalive*)",
            "(wanted|tried|attempted|attempt) to (die|kill {SELF}|end it|end my life|take my life)",
            "(attempted|attempt|attempts) suicide",
        ),
        weak=True,
        unless_before=(
            "(died by|died from|lost (him|her|them|someone|a friend) to|ran|run|running|did) [some|the|our]",
            "{SOMEONE_ELSE} (is|was|s|seems|seemed|feels|felt|gets|got|sounds|sounded) [{ADV}]",
        ),
        unless_after=("(squad|door|doors|drill|drills|sprint|sprints|run|runs)",),
    ),
)

#: Short words corrected only when two neighbouring letters are swapped ("wnat", "kli").
SWAP_TARGETS: tuple[str, ...] = ("want", "kill", "life", "again", "die")

#: Chat spellings rewritten before matching: dropped g's and short forms of lexicon words.
CHAT_SPELLINGS: dict[str, str] = {
    "bout": "about",
    "abt": "about",
    "thinkin": "thinking",
    "killin": "killing",
    "cuttin": "cutting",
    "hurtin": "hurting",
    "endin": "ending",
    "dyin": "dying",
    "feelin": "feeling",
    "wantin": "wanting",
    "tryna": "trying to",
    "goin": "going",
    "havin": "having",
    "takin": "taking",
    "jumpin": "jumping",
    "burnin": "burning",
    "livin": "living",
    "wishin": "wishing",
    "theyd": "they would",
    "everyoned": "everyone would",
    "itd": "it would",
    "rly": "really",
    "kiero": "quiero",
    "qiero": "quiero",
    "mrir": "morir",
    # censored letters ("k*ll") lose the star in normalisation; spellings of "life"
    "kll": "kill",
    "klling": "killing",
    "lyfe": "life",
    "lyf": "life",
    "b": "be",
    "anymor": "anymore",
    "anymoar": "anymore",
    "tmrw": "tomorrow",
}

#: Words the text is corrected towards when a token is one typo away.
FUZZY_TARGETS: tuple[str, ...] = ("suicide", "suicidal", "myself", "overdose", "anymore", "goodbye", "tonight")

#: Long key words also corrected two typos away ("sucidie"); nothing common sits that close.
FUZZY_TARGETS_TWO_EDITS: tuple[str, ...] = ("suicide", "suicidal")

#: Real words that sit one typo away from a target and must stay as they are.
NOT_TYPOS: frozenset[str] = frozenset({"overdoes", "overdone", "overdosed", "subside", "suicides", "sulfide"})

#: Emoji that carry meaning for the detector, turned into words before matching.
EMOJI_WORDS: dict[str, str] = {
    "\U0001f48a": " pillemoji ",  # pill
    "\U0001f52a": " knife ",
    "\U0001faa2": " rope ",
    "\U0001f52b": " gun ",
    "\u26b0": " coffin ",
    "\U0001faa6": " coffin ",
    "\U0001f602": " lol ",  # face with tears of joy
    "\U0001f923": " lol ",
    "\U0001f480": " lol ",  # skull, as in "I'm dead"
}

#: Latin look-alikes from other scripts, used to dodge filters ("ѕuicide" with a Cyrillic s).
CONFUSABLES: dict[str, str] = {
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "і": "i",
    "ѕ": "s",
    "ј": "j",
    "к": "k",
    "м": "m",
    "т": "t",
    "н": "h",
    "в": "b",
    "ӏ": "l",
    "α": "a",
    "ε": "e",
    "ι": "i",
    "ο": "o",
    "κ": "k",
    "ν": "v",
    "τ": "t",
    "υ": "u",
}
