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
    #: ...unless one of these follows instead: "overdosed on" drops, "overdosed on pills" stays
    kept_after: tuple[str, ...] = ()
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
    "|(dip|leave|go away|log off|peace out|check out|exit|bounce|go|be out|get out|fade away|vanish|rest)"
    " (permanently|forever|for good|for ever|once and for all))",
    "SELF_KILL": "(kill {SELF}|kms|kys|unalive {SELF}|unalive|end my [own] life"
    "|take my [own] life|end it all|end it|end things|end everything|commit suicide|suicide"
    "|sewer slide|ctb|hang {SELF}|overdose|od)",
    "PILLS": "(pill*|tablet*|meds|medication*|medicine*|tylenol|advil|ibuprofen|acetaminophen"
    "|paracetamol|benadryl|xanax|oxy*|excedrin|aspirin|insulin|antidepressant*|lithium"
    "|seroquel|trazodone|sleeping pills|painkiller*|opioid*|percocet*|vicodin|lorazepam|clonazepam"
    "|klonopin|ativan|valium|diazepam|xanax|benzo*|ambien|zolpidem|melatonin|nyquil|zoloft|sertraline"
    "|prozac|fluoxetine|lexapro|wellbutrin|adderall|gabapentin|tramadol|fentanyl|morphine|codeine"
    "|aleve|naproxen|motrin|sleeping meds|sleep meds|prescription|prescriptions|script|antipsychotic*)",
    "HIGH_PLACE": "(bridge|roof|rooftop|building|balcony|cliff|overpass|window|parking garage|parking deck"
    "|parking structure|tower|ledge|floor|story|storey|top floor|highway bridge|dam)",
    "VEHICLE": "(train|bus|car|truck|traffic|subway)",
    "BODY": "(wrist|wrists|arm|arms|forearm|forearms|upper arm|upper arms|thigh|thighs|leg|legs|skin|stomach"
    "|hip|hips|ankle|ankles|calf|calves|belly|chest|shoulder|shoulders)",
    # what an overdose is of when it is a real one: medicines, drugs, alcohol, or an unnamed "something"
    "DRUG": "({PILLS}|drugs|drug|heroin|fentanyl|coke|cocaine|meth|opiates|alcohol|booze|vodka|pills|xans|bars"
    "|percs|sleeping pills|something|anything|everything|whatever|them|it|purpose)",
    "TIME": "(tonight|today|tomorrow|this weekend|soon|right now|rn|now|this week|after work"
    "|when everyone is asleep|before morning)",
    "ES_NO": "(no|nunca|ya no|tampoco|jamas)",
    # a count in digits or words: recovery talk says "three years", not only "3 years"
    "NUM": "(#|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple [of]|a few"
    "|several|many|so many)",
    "SPAN": "(day|days|week|weeks|month|months|year|years|yr|yrs|mo|mos)",
    # someone else as the subject: "a friend says they want to die" is about them
    "SOMEONE_ELSE": "(he|she|they|hes|shes|theyre|someone|somebody|people|a friend|my (teen|teenager"
    "|friend|sister|brother"
    "|mom|mum|dad|son|daughter|partner|wife|husband|kid|cousin|roommate|boyfriend|girlfriend|client|patient"
    "|cat|dog|kitten|puppy|baby|toddler|uncle|aunt|grandma|grandpa|grandmother|grandfather|mother|father"
    "|stepdad|stepmom|niece|nephew|neighbor|neighbour|coworker|classmate|best friend|ex|teacher|boss"
    "|grandson|granddaughter|grandkid|grandkids|grandchild|stepson|stepdaughter|spouse|fiance|fiancee"
    "|(mother|father|sister|brother|son|daughter) in law)"
    "|(the|a|this|that) [book|books|film|films|movie|movies|song|songs|show|shows|story|storys|game|games|series"
    "|play|plays] (villain|character|main character|hero|guy|girl|man|woman|kid|protagonist|actor"
    "|actress|stuntman|cat|dog|kitten|puppy|baby|toddler|bird|parrot|hamster|rabbit|narrator|singer|speaker|author|poet|rapper|band|song|film|movie|book|show"
    "|story|lyrics|lyric|line|chorus|verse|teen|teenager|patient|person|vet|veteran|soldier|officer|firefighter"
    "|medic|student|celebrity|athlete|player|neighbor|neighbour|coworker|lady|man|woman|guy|girl|kid|widow"
    "|widower)) [who|that|which]",
}

#: Lead-ins that drop a hit: the person is saying they are not in that state.
NEGATION: tuple[str, ...] = (
    "(dont|do not|doesnt|does not|didnt|did not|never|not|wont|will not|no longer|nor|isnt"
    "|arent|wasnt|without|zero|free of|free from|havent|have not|hasnt|has not|hadnt)"
    " [{ADV}|any|have|having|had|feel|think|even|been|ever] [{ADV}|any|had|been|ever]"
    " [going to|gonna] [want to|wanna|wana|need to|plan to|plan on|intend to|feel like|have to]",
    "(no|zero|without) [{ADV}|active|passive|current]",
    "not once [did i|have i|has it|did it]",
    # a skill used in place of the act: "used the ice cube trick instead of hurting myself"
    "(instead of|rather than) [{ADV}]",
    # denials of a thought or a claim: "no thoughts of hurting myself", "never said i wanted to die"
    "(no|zero|without|not having any|not having|havent had any|havent had) [{ADV}|active|passive|current|real]"
    " (thoughts|thought|urges|urge|plans|plan|intention|intent|desire) (of|about|to)",
    "(never|didnt|did not|dont|do not|not|wasnt) (say|said|saying|mean|meant|claim|claimed|claiming) [that] i"
    " [want to|wanted to|wanna|would|was going to|was gonna|am going to|was]",
    # what a thought does not mean: "that split-second thought doesn't mean you want to die"
    "(doesnt|does not|dont|do not|didnt|did not|isnt|is not) (mean|meant|mean that|a sign that) (you|we|people"
    "|someone|somebody|they|a person|anyone) [actually|really|secretly|truly] [want to|wanna|are going to|will]",
)

#: Someone else's words reported, right before a hit: "if a member says they're going to overdose",
#: "my roommate told me she's been cutting". Every English rule drops a hit after one; the writer's
#: own words after it ("she said she's scared. i'm going to kill myself") are not reported speech.
REPORTED_OTHER: tuple[str, ...] = (
    "(says|said|tells|told|texts|texted|posts|posted|writes|wrote|mentions|mentioned|admits|admitted|confides"
    "|confided|shares|shared|messaged|messages) [(me|us|you|her|him|them|the group)] [that] (theyre|they are"
    "|they were|theyve|they have|they had|theyll|they will|hes|he is|he was|hed|hell|shes|she is|she was|shed"
    "|shell|they|he|she) [has|have|had|been] [{ADV}|been|having|going to|gonna|about to|want to|wants to|wanted to"
    "|thinking about|thinking of]",
    # someone else's way of talking: "my coworker keeps saying "i want to die" about mondays"
    "{SOMEONE_ELSE} (keeps|kept|always|just) (saying|says|said|posts|posting|texting|yelling|joking)",
    # the blind38 round (blind38-41's false alarms): a warning about the writer, someone else watched
    "({SOMEONE_ELSE}|wife|husband|mom|mum|dad|boss|doctor|therapist|gf|bf|girlfriend|boyfriend|partner|coach"
    "|trainer) (says|said|thinks|warned|warns|jokes) (im|i am|i m|ill|i will|i ll) [gonna|going to|gona]",
    "{SOMEONE_ELSE} (is|was|s|has been|got put|were) on",
    "(someone|somebody|people|a member|another member|a friend) [in group|here|in the group|in my group] (shares"
    "|shared|talks|talked|posts|posted|opens up|opened up|speaks|spoke) about",
    "(kids|teens|people|everyone|students|gen z|my (teen|kid|kids|niece|nephew|students)) (say|says|use|uses|saying"
    "|using) [words like|stuff like|things like|the word]",
    # told to someone else: "my son told his school counselor he'd been thinking about self harm"
    "(told|tells|texted|messaged) (his|her|their|a|the) [school] (counselor|counsellor|therapist|doctor|teacher|coach"
    "|nurse|mom|dad|parents|friend|pastor) [that] (hed|he had|he was|hes|shed|she had|she was|shes|theyd|they had"
    "|they were|theyre) [been]",
    # someone else's struggle told as going on: "my friend has been having suicidal thoughts"
    "{SOMEONE_ELSE} [has|have|had|is|was|s] [been] (having|dealing with|struggling with|battling|fighting|getting)",
    # the person addressed, in a reply: "when you said you'd thought about ending it, i felt less alone"
    "(you|u) (said|say|told (us|me|the group)|mentioned|wrote|posted|shared|admitted) [that] (you|youd|you had"
    "|youve|you have|you were|youre|you are|you felt|you wanted|u|ud) [{ADV}|been|thought about|thinking about"
    "|wanted to|want to]",
    # a life told about someone else: "the man who survived a jump from a bridge"
    "(man|woman|guy|girl|boy|person|people|someone|somebody|kid|teen|veteran|soldier|student|patient|speaker"
    "|author|survivor|he|she|they) (who|that) [had|has|once|nearly|almost|actually] (survived|attempted|tried"
    "|made|took|lived through)",
)

#: The same in Spanish, for every rule: "mi amiga me dijo que se quería morir", "me contó que ha pensado
#: en el suicidio" (someone else's, told to the writer).
REPORTED_OTHER_ES: tuple[str, ...] = (
    # "qué hace el bot si alguien dice que se quiere suicidar?"
    "(alguien|alguno|alguna|una persona|un miembro|otra persona) (dice|escribe|pone|menciona|dijera|escribiera) que"
    " [se|ya]",
    "(me|nos|le|les) (dijo|conto|confeso|escribio|dice|cuenta) que [ya] [ella|el] [ha|habia|esta|estaba"
    "|tiene|tenia|se] [pensado|pensando|tenido|teniendo] [en] [el|la|pensamientos de|ideas de]",
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
    "(used to|tried to|attempted to|wanted to|felt like|had the urge to|had an urge to|have tried to"
    "|once tried to|almost|nearly"
    "|use to) [{ADV}|want to|wanna|think|feel|believe|say] [that] ...",
    # a time anchored in the past opens the sentence: "last year i wrote a goodbye letter"
    "((last|that|one) (year|summer|winter|spring|fall|autumn|decade)|{NUM} (year|years|yr|yrs|month|months|mo|mos)"
    " ago|back (then|in #"
    "|in high school|in college|in middle school|in the day|in (january|february|march|april|may|june|july|august"
    "|september|october|november|december))"
    "|in (19#|20#)|when i was (younger|a teen|a teenager|a kid|a child|little|# [years old]|in (middle school"
    "|high school|college|the hospital|rehab|treatment)))"
    " [i|we] ...",
    # "there was a time i thought everyone would be better off without me"
    "there (was|were) (a time|times|days|a period|a point|a year) [when|that|where] [i|we] ...",
    # a span since the act: "2 years since i last hurt myself" ("3 days since ... and i want to again" stays,
    # as a present struggle keeps a weak hit)
    "{NUM} {SPAN} since [i|my] [last|stopped|quit|gave up]",
    "(since i|i) (stopped|quit|gave up) [on]",
    # remembering or having had the thought: "i remember wanting to...", "i had a plan to..."
    # an earlier self as the subject: "old me would have wanted to die", "before iop i thought about it daily"
    "((old|past|younger|former|teenage|teen|previous|the old|last year|a year ago) me|(before|pre) (iop|php"
    "|treatment|therapy|dbt|the program|this program|group|rehab|meds|medication|getting help|i got help"
    "|recovery|coming here)) [i|would|wouldve|would have|used to] ...",
    "(remember|remembered|recall|remembering) [{ADV}] (wanting|trying|feeling|thinking|being|planning|having)"
    " [to|about|of|like] ...",
    # "remember when i said i'd been saving pills? i handed them over"
    "(remember|remembered|recall) when (i|i said|i told (you|yall|you all|the group|everyone)) [i|id|i had|i was] ...",
    # the blind22 round: "i remember when "i want to die" was my default thought", a dream, an earlier self
    "(remember|remembered|recall) when",
    "(had|have|having) a (dream|nightmare) [that|where|about] [i]",
    "(that was|thats|that s) me ... ...",
    "at my (lowest|worst|darkest) [point] [i|when i]",
    # a belief held for a long time, told as past: "for a long time i thought my family would be better off"
    "(for|4) (a long time|years|months|so long|the longest time|ages|most of my life) [i|id] (thought|believed"
    "|was sure|was convinced|felt|figured|told myself) ...",
    "back when ...",
    "(had|once had|used to have|have had) [a|an|the|some|those|these|many|so many] [{ADV}|dark|bad|intrusive]"
    " (plan|plans|thoughts|thought|urges|urge|idea|ideas) (to|of|about|for)",
    "(had|once had|used to have|have had) [a|an|the|some|those|these|many|so many|strong|bad|dark|intrusive]",
    # the act told as what came before: "a year ago i was in the er after trying to end my life"
    "(after|since) (trying to|attempting to|i tried to|i attempted to|i took|i swallowed|i overdosed|my (attempt"
    "|overdose|od)) ...",
    # a thought had, not acted on: "i thought about hurting myself after the breakup but called the warmline"
    "(i|ive|i have) (thought|was thinking|had been thinking) (about|of)",
    "(get|got|have|had|notice|noticed|still get) the (thought|thoughts) [that|of]",
    "(id|i would|i d) have (said|told you|thought) [that] ...",
    "(after|since) (i|id|i had)",
    # a past disclosure: "i told my doctor i was stockpiling my meds"
    "(told|admitted to) (my|the) (doctor|therapist|psychiatrist|nurse|counselor|counsellor|team|sponsor) (i was|that"
    " i was|i had been|about)",
    "when i was (struggling|at my worst|in a bad place|in a dark place|really sick|sick|in crisis|suicidal) ...",
    # an earlier self told as someone else: "i was the kid who swallowed a whole bottle in 8th grade"
    "(i was|i used to be) the (kid|girl|boy|teen|teenager|guy|person|one|student) (who|that)",
    "(i was|i felt|i used to feel|i had been) [so|really|very|just]",
    "(had|went through) a (dark|rough|bad|hard) (patch|stretch|time|spell|week|month) [last week"
    "|last month] (where|when)"
    " [i]",
    "(i was|was) (planning|thinking about|trying|going) to",
    # someone else's question about it: "my mom asked if i still have those thoughts about dying"
    "(asked|asks|asking|ask) [me|us] [straight out|straight up|directly|point blank|outright] (if|whether) (i|im|id"
    "|ive|i have|i had|i was|i still|i m) ...",
)

#: A time told as past: "in march", "last spring", "a few months ago", "back in college".
PAST_TIME = (
    "(in (january|february|march|april|may|june|july|august|september|october|november|december|the (spring"
    "|summer|fall|autumn|winter)|19#|20#|high school|college)|last (year|month|spring|summer|fall|autumn"
    "|winter)|(#|a few|a couple of|a couple|some|two|three|four|five|six) (weeks|months|years) ago|back (in"
    "|then))"
)

#: Right after a strong hit, a past verb makes it weak, as a past lead-in does before it: "the
#: thoughts of killing myself were so loud in the hospital" (a recent time or struggle still keeps it).
PAST_TRAILING: tuple[str, ...] = (
    "(were|was|had been|used to be|got (quieter|weaker|smaller|better|softer)|has gotten|have gotten|went away|faded)",
    # "i wrote a goodbye letter once, years ago"
    "(once|years ago|long ago|ages ago|a long time ago|back then|{NUM} {SPAN} ago|one night|one time|that night"
    "|that time)",
    "[a bit|a little|once|twice|badly] " + PAST_TIME,
)
ES_PAST_TRAILING: tuple[str, ...] = ("(eran|era|fueron|fue|habian sido)",)

#: Any word at all: as ``unless_after``, a phrase then counts only where its clause ends (a stop,
#: or the message's end), since normalised text has no other punctuation.
CLAUSE_GOES_ON = "(" + "|".join(f"{first}*" for first in "abcdefghijklmnopqrstuvwxyz0123456789") + ")"


#: A relapse told with its past time ("relapsed on sh in march"): no present struggle, so recovery
#: talk after it ("clean since") can silence the weak layers.
PAST_RELAPSE: tuple[str, ...] = (
    "(relaps*|slipped up|slipped) [on|with|into|to] [sh|cutting|self harm*|selfharm*|it|once|again|badly] " + PAST_TIME,
    # a relapse that did not happen: "almost relapsed on cutting", "had a dream i relapsed"
    "(almost|nearly|so close to|came close to|this close to|close to) (relaps*|slipped up|slipped|slipping)",
    "(dream|dreamt|dreamed|nightmare) [that|where|about] [i] (relaps*|slipped up|slipped)",
)

#: Spanish exasperation at a person or a thing, not at life: "ya no puedo más con mi jefe".
ES_EXASPERATION = (
    "con (este|esta|el|la|tanto|tanta|mi|los|las|mis) (calor|frio|trafico|tarea|tareas|trabajo|ruido|examen"
    "|examenes|semana|jefe|clase|clases|gente|lluvia|tos|gripe|resfriado|hermano|hermana|hermanito|hermanita"
    "|hijo|hija|hijos|mama|papa|jefa|novio|novia|perro|gato|vecino|vecina|roommate|companero|companera|suegra"
    "|ex|profe|maestra|maestro|hermanos|vecinos|companeros|suegros|jefes|profes)"
)

#: Spanish past times opening the sentence, as `PAST_LEAD_IN` in English: a strong Spanish hit after
#: one is weak, so recovery talk can silence it ("el año pasado tenía las pastillas listas, hoy
#: llamé a mi hermana"), while a present struggle still keeps it.
ES_PAST_LEAD_IN: tuple[str, ...] = (
    "(el (ano|mes|verano|invierno|otono) pasado|hace (un|una|dos|tres|cuatro|cinco|unos|unas|varios|varias|muchos"
    "|muchas|#) (ano|anos|mes|meses|semana|semanas)|cuando (era|estaba en) (chica|chico|nina|nino|joven"
    "|adolescente|la prepa|la secundaria|el hospital)|antes de (iop|la terapia|terapia|el tratamiento|el programa"
    "|entrar al programa)|en (19#|20#)|antes (pensaba|creia|sentia|queria|decia)) [yo|que] ...",
    # a habit stopped: "ya dejé de cortarme, llevo un año limpia"
    "[ya] (deje|dejamos|dejo|he dejado) de",
)

#: Spanish lead-ins that drop a hit.
ES_NEGATION: tuple[str, ...] = (
    "{ES_NO} [me|te|lo]",
    # "aprendí a rasurarme con navaja, sin cortarme"
    "sin [volver a]",
    # a span without the act, as "3 months without" in English: "llevo seis meses sin cortarme"
    "(dia|dias|semana|semanas|mes|meses|ano|anos|tiempo) sin [volver a]",
)

PAST_OR_RECOVERY: tuple[str, ...] = (
    "used to",
    # the blind38 round: "they've been quiet since spring", "52 now, havent in decades", "stopped hiding them"
    "(theyve|they have|its|it has|theyre|they are|the thoughts have|the urges have) [mostly|pretty much|all]"
    " (been|stayed|gone|kept) (quiet|silent|away|gone|calm) (since|for)",
    "{NUM} (yrs|years|months|decades) later",
    "({NUM}|fifteen|twenty|thirty|forty|fifty) {SPAN} since (the night|the day|that night|that day|my last|i last"
    "|the last)",
    "(freshman|sophomore|junior|senior) year",
    "now (its|it s|it is) (maybe|only|just|like|about) (once|twice) a (month|year|week)",
    "havent ... ... in (like|about|almost|over|nearly) {NUM} {SPAN}",
    "(un|una|#|dos|tres|cuatro|seis|diez) (ano|anos|mes|meses|semanas|dias) sin (cortarme|hacerme dano|lastimarme"
    "|autolesionarme|intentarlo|pensar en (eso|morir|matarme))",
    "hace (un|una|dos|tres|cuatro|cinco|seis|diez|#) (ano|anos|meses) (intente|trate|quise)",
    "[the] last time i (hit|cut|burned|hurt|scratched|did it|harmed|self harmed|tried) [myself|it] (was|happened)"
    " (christmas|thanksgiving|easter|new years|in|last (year|spring|summer|fall|autumn|winter|christmas)|{NUM} {SPAN}"
    " ago|before|when|back|years|months|in high school|in college|ages ago)",
    "(havent|have not|hasnt|has not|not) [done it|done that|once|at all] (in|for) (decades|years|ages|a decade"
    "|a long time|{NUM} (years|decades))",
    "(stopped|quit|done|no longer) (hiding|covering) (them|my scars|the scars|my arms|my legs)",
    "{NUM} {SPAN} [of being] (clean|free|sober|without|since|strong|no|out from|out of|past|into recovery)",
    # an anniversary's "tonight" is the past's: "a year ago tonight i was in the er"
    "{NUM} {SPAN} ago [tonight|today|this week|this morning|yesterday]",
    "(clean|free|sober) (for|since)",
    "(years|months|weeks|a year|a while|long time|a long time) ago",
    "when i was (younger|a teen|a teenager|a kid|a child|little|in|#)",
    "(but|and) not (since|now|anymore|any more|these days|today) [then]",
    "(at|at age|at the age of|aged) ##",
    "(i|i still|still) (remember|recall) (the|when|back|how|that)",
    "(a different|another|a past) (life|lifetime|person)",
    "(old|past|younger|former|teenage|teen|previous|earlier|high school|college|the old|last year|a year ago) me",
    "(before|pre) (iop|php|treatment|therapy|dbt|the program|this program|group|rehab|meds|medication|getting help"
    "|i got help|recovery|my diagnosis|coming here|i came here|i started (iop|therapy|treatment|meds|dbt))",
    "(now|these days|nowadays|today) (rarely|hardly|never|almost never|less|way less|not so much|much less|only"
    " sometimes|barely)",
    "(ahora|hoy) [ya] (tengo|siento|con) ganas de (vivir|seguir)",
    "(feliz|contenta|contento) y con ganas de (vivir|seguir)",
    "(they|it|those|the urge|the urges|the thoughts|the feeling) [all|finally|eventually] (passed|faded|went away"
    "|calmed down|subsided|eased off)",
    "(said|answered|told (him|her|them|my (doctor|therapist|psychiatrist|nurse|counselor|counsellor))) (none|no|nope"
    "|not at all|never|that i dont|that im not)",
    "[honestly|truthfully] (tell|say|answer|told|said|answered) (him|her|them|my (mom|mum|dad|doctor|therapist"
    "|psychiatrist|nurse|counselor|counsellor)) [honestly|truthfully] (no|nope|not at all|never|that i dont"
    "|that im not)",
    # the thoughts quiet now: "they're pretty quiet now", "the urges are mostly gone now"
    "(theyre|they are|it is|its|the thoughts are|the urges are|the voices are) [pretty|so|much|a lot|way|mostly|really]"
    " (quiet|quieter|calm|calmer|gone|manageable|faint|rare) now",
    # an earlier post remembered as the old self: "remember when i posted here...? that was me in january"
    "(that was|thats|that s) (me|the old me|where i was) (in|last|back|before|a year ago|months ago)",
    "(doing|feeling) (so|a lot|much|way|so much) better",
    # the blind30 round: a wish told as past and disowned ("i don't believe that anymore", "proved me wrong",
    # "glad i stuck around"), a time remembered, a screening answered "not since march", guns kept by family
    "(remember|remembering|recall) when i",
    "back when",
    "(dont|do not|no longer) (believe|think) (that|it|so) [anymore|any more|now]",
    "(proved|proven|prove|proving) me wrong",
    "(glad|grateful|happy|thankful) (i|that i) (stuck around|stayed|held on|hung on|am still here|didnt)",
    "(crazy|wild|amazing|insane|funny|weird) how (much|far) ... (changed|come)",
    "not since (january|february|march|april|may|june|july|august|september|october|november|december|last"
    " (year|spring|summer|fall|autumn|winter|christmas)|high school|college|# (months|years)|i (started|got|came"
    "|left))",
    "(i|and i|but i|now i) (want|wanna|choose|chose|decided) to (live|stay|be here|keep going) [now]",
    "this time [around] i (told|reached out|asked for help|called|got help|spoke up|said something)",
    "(have|has) [mostly|pretty much|finally|almost|all but|largely] (quieted|quieted down|gone quiet|calmed down"
    "|eased|lifted|gone away)",
    "(that|the|this|those) (feeling|thought|thoughts|urge|urges|wish) (is|are|s) [all|finally|completely|mostly|totally"
    "|pretty much] (gone|faded)",
    "(in|during|my|the) (first|1st) (week|weeks|group|session|sessions|day|days|month) [here|of (iop|group|the"
    " program)]",
    "(in|during) (week|weeks) (one|1|two|2)",
    "week (one|1) (me|vs)",
    "havent ... ... (since|in (months|years|a year|a long time|ages|forever))",
    "(could|can|did|got to) [finally] [honestly|truthfully] (say|answer|tell (her|him|them)) (no|nope|not at all"
    "|never) [for the first time [in (years|ages|a long time|forever|a while|months|a year|decades)]]",
    # the blind38 round: "i'm 34 now and i don't even get the urge"
    "(dont|do not|never|no longer|rarely) [even] (get|have|feel) (the|any|those|that) (urge|urges)",
    "(kept|keeps|keeping|holds|held|holding|has|had|locked up|locks up|stores|stored) my (guns|gun|rifle|rifles"
    "|firearms|shotgun|pills|meds|medication|razors|blades) (at|in) (his|her|their|the) (place|house|safe|apartment"
    "|home|garage)",
    # reassurance being taken in: "my therapist says i'm a burden to no one, trying to believe it"
    "(not a burden|burden to (no one|nobody|noone))",
    "(have|has) faded",
    "(gave|handed|give) my (hunting rifle|rifle|gun|guns|firearm|pills|meds) to (my|a) ... to (keep|hold)",
    "for the first time in {NUM} {SPAN}",
    "(made it through|back on track|relapse isnt failure|instead of acting on it|urge gone|clean date)",
    "(used to count|used to hold|used to lock up) my (meds|pills)",
    "(gave|give|giving|handed) my [extra|spare|old] (meds|pills|pill bottles|pill bottle|medication|medications"
    "|prescriptions|blades|razors|gun|guns|rifle) to (my|the) ... to (hold|keep|lock up|look after|manage|hand out"
    "|give me)",
    "(le di|le deje|le entregue|le di todas) (mis|las|todas mis) (pastillas|medicinas|pildoras|armas|navajas"
    "|cuchillas) a (mi|la|el) ... para que (las|los|me las|me los) (guarde|cuide|tenga|administre|guardara)",
    "(se llevo|se llevaron|guarda|tiene) (las|mis|todas las) (armas|pistolas|pastillas|medicinas) ... (yo se lo pedi"
    "|me siento mas (segura|seguro)|por seguridad)",
    "like we planned with my (psychiatrist|therapist|doctor|team|counselor|counsellor)",
    "[i] remember thinking",
    "(held off|held out|didnt do it|did not do it|didnt act on it)",
    "[so] far from where i was",
    "[my] (younger|teen|teenage) self",
    "(gone|been|went) through (suicidal|dark|hard|rough) (periods|times|phases|patches)",
    "(could|can) (honestly|truthfully) (say|tell (him|her|them)) (no|not anymore|that i (wasnt|am not|dont|im not))",
    "{NUM} {SPAN} (today|ago today) since",
    "(locked|lock|locking|stored|storing) (up|away) [my|the|his|her|our|my dads] (rifle|gun|guns|firearm|firearms"
    "|pills|meds)",
    "(locked|lock|locking) (my|the|his|her|our|my dads) (rifle|gun|guns|firearm|firearms) (up|away)",
    "(im|i am|i m) (doing|feeling) (ok|okay|alright|fine|good|better|well) (now|today|these days)",
    "(got|gotten|getting|get) (quieter|weaker|softer|rarer|smaller) (since (i started|starting|i began|i got on"
    "|taking|my new)|with (meds|medication|lithium|therapy|treatment|dbt|skills))",
    "when i was (struggling|at my worst|in a bad place|in a dark place|really sick|in crisis)",
    "(its|it s|thats|that s|it was|was) [just] (the|my) (depression|illness|anxiety|disorder|brain|ed) talking",
    "(past|through) the worst [of it]",
    "(spent|during|for) (most of|much of|all of|half of) my (teens|twenties|thirties|childhood|youth|life)",
    "(went through|had) a (period|phase|time|stretch|season) (where|when)",
    "(its|it s|it has|its been|it has been) been (years|months|a long time|ages|{NUM} {SPAN})",
    "(dont|do not|doesnt) bother me [as much] (anymore|any more)",
    "(changed|helped) (so much|a lot|everything)",
    "(throwback|saved my life)",
    "(still|stayed|staying) (clean|sober|safe)",
    "(lost|lose|losing) (their|its) grip",
    "(put|locked|lock) (them|the pills|my pills|my meds|the meds|the blades|the razors|the gun|my gun) (in|into)"
    " (the|a|my) (lockbox|lock box)",
    "(flushed|disposed of|turned in|handed over|handed in|threw out|threw away|thrown out|thrown away|tossed"
    "|got rid of|binned) (my|the|all my|all the|those) [old] [razor] (stash|pills|meds|blades|razors|rope|blade)",
    "(gave|give|giving|handed|hand) (them|it|those) to (my|the|a) ... to (hold|keep|lock up|look after|get rid of"
    "|throw (out|away)|dispose of|take to the)",
    "crisis over",
    # the blind22 round: recovery talk in blind15-21's false alarms
    "(helped|helps) me [the] most",
    "(what|that|it|which|this|skills|dbt) (helped|help|helps) me (stop|quit) [hurting|cutting|burning|using|drinking]",
    "(self harm|selfharm|sh|cutting|suicide|suicide loss) (recovery|support|survivor|survivors) (group|meeting|program"
    "|journey|circle)",
    "(#|one|a|two|three|six|nine) (year|month|day|week) (chip|coin|token|medallion|keychain)",
    "in my (teens|20s|30s|40s|50s|60s|twenties|thirties|forties|fifties|early twenties|late teens|early teens"
    "|late twenties)",
    "(those|the|these|that|my|such) (thoughts|urges|feelings|thought|urge) (havent|have not|hasnt|has not|never) (come"
    "|came) back",
    "(it|things|life) (does|do|did|can|will) get better",
    "(im|i am|but|and|though) not in (crisis|danger) [either|now|tonight|right now]",
    "(feel|feeling|felt) (this|so|that) (okay|ok|good|happy|alive|well|hopeful) again",
    "(tonight|today|now|right now) (im|i am|i m) [feeling] (okay|ok|safe|fine|good|alright) [and (safe|okay|ok|fine)]",
    "at my (lowest|worst|darkest) [point]",
    "(took|taken|take|moved|removed|got) (the|my|his|her|all the|our) (guns|gun|firearms|rifle|pills|meds|knives|razors"
    "|blades) out of the (house|home|apartment|room)",
    "(after|since) my (overdose|od|attempt|suicide attempt)",
    "(glad|happy|grateful|thankful|relieved) (im|i am|i m) (past|over|through|beyond|done with) (that|it|those|this)",
    "(behind me|in my past)",
    "when i (started|began|first (came|started)|came into|joined) [to|at|in] (here|iop|treatment|therapy|the program"
    "|this program|group|rehab|dbt)",
    "(urges|urge|thoughts|cravings) ... (have|has|are|is|s|got|gotten) [gone|gotten|been|getting|become] [way"
    "|a lot|so much|much|really] (down|less|lower|weaker|fewer|away|quieter|rarer|easier to)",
    "back (then|in the day|in high school|in college|in middle school|in #)",
    "back in (january|february|march|april|may|june|july|august|september|october|november|december|the spring"
    "|the summer|the fall|the autumn|the winter|spring|summer|fall|autumn|winter)",
    "in the past",
    "no longer",
    "not anymore",
    "dont anymore",
    "havent ... (since|in (months|years|a year|a long time|ages|forever))",
    "(recovered|recovering|recovery|survivor|survived|milestone)",
    "(still|so) (here|alive|grateful|glad|thankful)",
    # an anniversary counted from today: "this week is 18 months since i last self-harmed"
    "(this week|today|tonight|this month|this weekend) (is|marks|makes|was) {NUM} {SPAN}",
    "(i did neither|did neither|didnt do either|did not do either|didnt do any of it)",
    "(that was|this was) [in] (19#|20#|years ago|{NUM} years ago)",
    "(im|i m|i am) (at|on) ({NUM} {SPAN}|month #|year #|day #)",
    "(hoy cumplo|cumplo|ya son|ya van|llevo) (un|una|#|dos|tres|cuatro|cinco|seis) (ano|anos|mes|meses|dias|semanas)",
    "(cant|can not|dont) remember the last time",
    "(said|say|dije|answered|told (her|him|them)) (zero|0|cero)",
    "(was|is|were|are) trying to protect me",
    "(before|after|since) my (overdose|attempt|od|hospital stay|hospitalization)",
    "(overdose|od|attempt|self harm) history",
    "(deleted|delete|tore up|threw out|burned|shredded) the (notes|letters|letter|note) i wrote when",
    "(cleared|cleaned|emptied) out (the|my) (box|drawer|kit|stash|hiding spot|hiding spots)",
    "(carta|letter|letters|cartas) (a|to) (mi yo|my younger self|my past self|my old self|my teen self|my (#|teen"
    "|teenage) year old self)",
    "(would ve|wouldve|would have|hubiera sido) [been] my first (thought|reaction)",
    "(talked|walked|got|helped|pulled) me through (it|the night|that|the worst)",
    "(like|as) (we|i) (planned|decided|agreed) (in session|in group|with my|with the)",
    "(thoughts|urges|urge|cravings|feelings) ... (are|is|s|have|has) [all|mostly|completely|totally|pretty much]"
    " (gone|behind me|over)",
    "(threw|tossed|thrown|chucked|binned) (it|them|my kit|the kit|the box|my stash|the stash) (out|away)",
    "(keeping|keeps|holding|holds|took|has|is storing|stores|is keeping|is holding) (my|the|our|my dads|my dad s"
    "|all the|all my) (guns|gun|rifle|rifles|firearms|pills|meds|medication) (at|in) (his|her|their) (place|house"
    "|home|apartment|safe)",
    "(grateful|glad|thankful|happy) (im|i am|i m) still (around|alive|here|breathing)",
    "(dont|do not|no longer|never) feel (that way|like that) (anymore|any more|now|these days)",
    "((im|i am) not going anywhere|here to stay)",
    "glad i (am|m|didnt|did not|stayed|survived|made it)",
    # of oneself, not of someone else: "tell her i was proud of her" is no recovery talk
    "proud of (myself|me|my|how|where|what|us|this|that|it|every|the)",
    "(last|that) (year|summer|winter|spring|fall|decade|month)",
    "there (was|were) (a time|times|days|a period|a point|a year)",
    # a year ("in 2019"), never a countdown ("in 10 minutes")
    "in (high school|college|my teens|my twenties|19#|20#)",
    # no longer wanting to hurt oneself, or treatment working: "don't want to hurt myself anymore"
    "(dont|do not|no longer|dont really) (want|wanna|need|feel like|feel the need) [to] (hurt|harm|cut|burn"
    "|hit|punish|hurting|harming|cutting|burning|hitting|punishing) ... (anymore|any more|these days)",
    "(skills|therapy|meds|medication|treatment|dbt|program|programme|group|safety plan) (are|is|has been"
    "|have been|s|really) [really|actually|finally] (working|helping)",
    "(doing|feeling|feel|im|i am) [so|a lot|much|way|so much] better (now|these days|today)",
    "in a (better|good|much better) place",
    "back when (i|i was|im|we)",
    "((my|a|his|her|their) (self harm|sh|suicide attempt|attempt|cutting) history|history of (self harm|sh|suicide"
    "|attempts|cutting))",
    "(during|in|at) my (last|first|previous|old) (hospital stay|hospitalization|hospitalisation|admission|inpatient"
    " stay|stay in the hospital|psych ward stay)",
    # a means handed in or locked away as a safety step: "took my old meds to the drop-off bin"
    "(drop off|dropoff|disposal|take back) (bin|box|site|day|program|kiosk)",
    "(antes|en el pasado|cuando era|hace (anos|meses|tiempo|mucho))",
    "el (ano|verano|invierno|otono) pasado",
    "(agradecid*|orgullos*|feliz|contenta|contento) de (seguir|estar) (aqui|viv*)",
    "hace (un|una|dos|tres|cuatro|cinco|unos|unas|varios|varias) (ano|anos|mes|meses|semana|semanas)",
    "(estoy|me siento|ando|vivo) [mucho|muy|bastante|ya] mejor",
    # "sigo aquí y con ganas": still here, and wanting to be (its "ganas" tells no struggle)
    "(sigo|seguimos|aun estoy|todavia estoy) (aqui|viva|vivo|de pie) [y con ganas|con ganas]",
    # "llevo seis meses sin cortarme": the count in digits or in words, as {NUM} does in English
    "llevo (#|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|varios|varias"
    "|muchos|muchas|unos|unas|casi|mas de) [#|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez] (dia|dias|semana"
    "|semanas|mes|meses|ano|anos)",
)

DISCUSSION: tuple[str, ...] = (
    # the blind38 round's training rows: a film watched, a fact learned, a word said, rates researched
    "(preached|preaching|sermon|homily|from the pulpit|bible study)",
    "(seminar|course|class|lecture|paper|papers|thesis|dissertation|unit|module) [this term|this semester] (is|was)"
    " (on|about) [suicide|self harm|self injury|selfharm|suicide prevention]",
    # the worry of others: "how do i tell my teammates without them thinking im about to hurt myself"
    "(without|so) (them|people|him|her|anyone|everyone) (thinking|think|assuming|worrying)",
    "(watched|watching|saw|read|reading|listened to|listening to) (a|the|this|that) (doc|docu|documentary|podcast"
    "|article|series|episode|book|film|movie|ted talk|study|report) (about|on)",
    "(can|could|does|do|would) [also] (count|be counted|be considered|qualify) as",
    "(say|use|saying|using|said) the word",
    "(philosophy|psych|psychology|sociology|lit|literature|history|ethics|english) (seminar|class|course|lecture"
    "|reading|readings|paper)",
    "(como se dice|how do you say|what is the word for|whats the word for|how do i say|how to say)",
    "(a|the) (novel|book|movie|film|show|series|story|play|poem) (where|in which|about a)",
    "book club",
    "(researching|research on|statistics on|stats on|rates of|data on) ... (among|in|for)",
    # the blind38 round (blind34-37's false alarms): a sermon or a talk, a group rule, support for family
    "(hablo|hablaron|habla|hablan|hablamos|platicaron|platico|mencionaron|menciono|predico|predicaron) (del|de|sobre"
    " el|sobre la|acerca del) (suicidio|suicide|autolesion*|prevencion|salud mental)",
    "(group|chat|community|server|channel) (rule|rules|guideline|guidelines|norm|norms)",
    "how (to|do we|do i|can we|can i|should we|should i) (support|help|talk to|be there for) (a|my|our|your|their)"
    " (family member|loved one|relative|partner|spouse|friend|brother|sister|son|daughter|husband|wife|kid|teen)",
    # the blind22 round: talk about the topic in blind15-21's false alarms
    # (narrow on purpose: "hard conversation", "severity", "what counts as" or "it's about" also open
    # messages about one's own present state, and a discussion marker silences weak hits)
    "(great|good|interesting|deep|important) discussion",
    "(we are|were|we|class is|in class) (learning|studying|covering) (the|about)",
    "(columbia|cssrs|c ssrs|phq 9|phq9)",
    "(make|made|making|have|had) (kids|students|graders|9th graders|teens|us|the class) (read|watch)",
    "double suicide",
    "(essay|paper|report|presentation|assignment|project) ... (on|about)",
    "(essay|paper|report|presentation|assignment|project) (for|in) [my|a|the|our] ... (class|course|seminar)",
    "the (book|film|movie|show|song|novel|play|episode|documentary|podcast) (is|was) about (suicide|self harm|selfharm"
    "|depression|grief|addiction|mental illness)",
    "(do|does|can|could|why do|why does) (antidepressant*|ssri|ssris|medications|lexapro|prozac|zoloft) [really]"
    " (increase|raise|cause|worsen|warn about)",
    "is it normal for (antidepressant*|ssri|ssris|medications|lexapro|prozac|zoloft) to (increase|raise|cause|worsen)",
    "(finished|started|just finished|just started) (reading|rereading)",
    "(say|saying|says|said|use|using|phrase|term|wording|instead of) (died by|committed|completed|commit) suicide",
    "(committed|commit) suicide (vs|versus|instead of|is (the wrong|a bad|an outdated|outdated|offensive))",
    "(prevention|awareness|hotline|helpline|lifeline|988|crisis line|crisis text line"
    "|documentary|podcast|article|book|movie|film|episode|series|novel|research|statistics"
    "|stats|training|lecture|course|fundraiser|webinar|worksheet|module|psychoeducation"
    "|warning signs|safety plan*|song|lyrics|topic|subject|(the|that|this|a|tv) (show|series|scene|character)"
    "|portray*|depict*|representation|tips|risk factors|textbook|thesis|chorus|lyric|karaoke|album|playlist|poem"
    "|poetry|sings along|sing along|singing along|romanticiz*|romanticis*|glamoriz*|glamouris*|glorif*"
    "|(tv|netflix|these|those|some|when|the) (shows|movies|films))",
    # a death told as another's: "my grandpa died by suicide when i was little"
    "(died|dying|death|deaths) by suicide",
    "lost (his|her|their|my|our|a) ... to suicide",
    "(psych|psychology|health|sociology|nursing|ethics|my|our|the) (class|course|seminar) (is|was|s) (covering"
    "|on|about|talking|discussing)",
    "(essay|paper|report|presentation|assignment|project) (on|about)",
    "(a|the|our|this|that|next|todays) (unit|lesson|lessons|chapter|module|workshop|panel|seminar|lecture|training"
    "|webinar|talk|class|course) (on|about|covering)",
    "(talked|talking|talk|learned|learning|read|reading|watched|watching|heard) about",
    "(practiced|practicing|practised|practising|role play*|roleplay*|rehearsed) (what|how) to (say|do|respond)",
    "(role play|roleplay|role played|role playing|roleplayed|practice|practiced|practised) [today|yesterday|in group"
    "|in class] (on|about|of) (asking"
    "|how|what|talking|responding|checking)",
    "how (do|can|should|would) (i|we|you|someone) (help|support|talk to|respond)",
    "what (do|should|can|would) (i|we|you|one|someone|people) (say|do|text|tell|answer)",
    "(difference|differences) between",
    "(side effect|side effects|black box|warning label|leaflet*|fine print|true crime|investigator*|detective*"
    "|forensic*|sermon|syllabus)",
    "(preached|preaching|spoke|speaking|lectured|lecturing) about",
    "(facilitator|therapist|teacher|professor|doctor|nurse|pastor|counselor|counsellor|psychiatrist|speaker|trainer"
    "|instructor) (said|says|explained|mentioned|told us|taught us)",
    "(read|heard|learned|learnt) that",
    # talk about a word or a book, film or show (the blind9 round): "what does unalive mean",
    # "unalive is just tiktok speak", "rewatched 13 reasons why", "anyone read the midnight library?"
    "(what does|what do|whats|what is|que significa|que quiere decir) [the word|the term|la palabra] (unalive"
    "|kms|kys|ctb|sewer slide|sh|ideation|suicidal ideation)",
    "(unalive|kms|kys|ctb|sewer slide) (is|es|means|significa|stands for|is like|es como) [just|an|a|basically"
    "|literally] (tiktok|internet|an acronym|acronym|slang|a word|word|short for|code for|como dicen|lo que dicen)",
    "(tiktok|internet|gen z|online|forum) (speak|slang|lingo|word|words)",
    "(the|this|that|in the|on the|local) (news|headline|headlines|obituary|vigil|memorial)",
    "news (story|stories|article|report|segment|piece|clip)",
    "(reading|watching|limiting|avoiding|avoid|following|doomscrolling) [the] news",
    "(suicide|overdose|death|firearm|gun) (rates|rate|laws|statistics|stats|data|barrier|barriers|net|nets)",
    "(asking|ask|asked) (someone|somebody|people|a friend|them|a person) [directly|straight out] about",
    "(class|course|seminar|lecture|teacher|professor|group|the group) (covered|discussed|taught|showed|talked about"
    "|went over|said so)",
    "(rule|rules|guideline|guidelines|policy|policies) (about|on|for) (how|what|sharing|talking)",
    "how much detail",
    # the blind14 round: asking how to answer someone else ("what's a good way to respond when someone
    # in a group chat mentions self-harm?"), a scene reviewed ("its suicide scene"), a show by name
    "(whats|what is|what s) (a|the) (good|best|right|kind|helpful|safe) (way|thing|words) [for (us|me|the rest of us"
    "|others|people|members|parents|friends)] to (respond|say|reply|answer|react|help|support|tell|talk to|approach"
    "|bring it up)",
    "(someone|somebody|a friend|a member|a peer|people|anyone|a classmate|a coworker|a student|a patient|a client|a"
    " kid|a child|a teen) [in (the|a|our|my|this) (group|group chat|chat|class|server)] (mentions|mentioned|brings up"
    "|brought up|posts about|posted about|opens up about|discloses|disclosed|reports|reported)",
    "(protocol|policy|procedure|process) for when",
    "(is that|is it|thats|that s) just (slang|a joke|an expression|a phrase|how (kids|teens|they|people) talk)",
    "(learned|learnt|practiced|practised|taught us|went over|covered) (the|a|about the|another|this) ... (skill"
    "|skills|technique|tool|acronym)",
    "(for|in) (my|a|our|the) [psych|psychology|nursing|research|history|english|college|school|term|final|sociology]"
    " (paper|essay|report|thesis|project|assignment|presentation)",
    "(a|the) suicide (on|at|near|in) (the|my|our) (train|line|tracks|bridge|building|campus|school|station|subway"
    "|highway)",
    "(whoever it was|welfare check|wellness check|lethal means|means safety|means restriction)",
    "(career|social|political|financial|academic|fashion|commercial) suicide",
    "(se suicido|se quito la vida|fallecio por suicidio|murio por suicidio|murio asi)",
    "(hablaba|habla|hablen|hablar|se habla|hablamos) (del|de) (suicidio|tema|autolesiones)",
    "(reduce|reduces|reducing|lower|lowers|treat|treats|treating|prevent|prevents) (suicidal|suicide|self harm"
    "|overdose)",
    "(responded|responds|responding|respond) to [a lot of|many|so many|lots of] (suicides|overdoses|calls)",
    "(her|his|their) [own] (brothers|brother s|sisters|sister s|moms|mom s|dads|dad s|sons|son s|daughters"
    "|daughter s|friends|friend s|husbands|husband s|wifes|wife s|partners|partner s) (overdose|suicide|suicide"
    " attempt|attempt)",
    "(dangerous|safe|safer|risky|riskier|toxic) in (overdose|an overdose)",
    "(phq|phq 9|phq9|screening question|screening questions|questionnaire|label|black box warning)",
    # the blind30 round (blind26-29's false alarms): terms asked about, scars explained, screening asked,
    # another's dark joke, how to answer someone, what the bot does with a disclosure
    "(differ|differs) (from|between)",
    "(can you|could you|can someone|could someone|can anyone|pls|please) (explain|define|clarify)",
    "(explain|define|clarify) what ... (means|mean)",
    "(on|in) my (discharge|intake) (paperwork|papers|summary|notes|chart|records|forms)",
    "(explain|explaining|cover|covering|hide|hiding|talk about|questions about|asks about|ask about|asked about"
    "|comments on|stares at|staring at) [my|the|their|your|his|her|old|faded] [self harm|selfharm|sh] scars",
    "(made|makes|make|making|cracked|cracks|crack) (a|some|another|dark|a dark) [dark|bad|sick] (joke|jokes|comment"
    "|comments) about",
    "how to (respond|help|support|react|answer|reply) (when|if|to)",
    "(do|does|will|would) (you|the bot|this bot|it|anyone|someone|the facilitators|staff) [automatically|auto"
    "|actually|still|really] (contact|call|tell|alert|notify|report|text|flag|message) (anyone|someone|my|the|a|staff"
    "|people)",
    "(question|q|quick question|asking) for (the bot|the facilitators|the facilitator|staff|the mods)",
    "(call of the void|high place phenomenon)",
    "(ask|asks|asking|asked|screen|screens|screening) (about|for) (suicide|self harm|it|that|thoughts) every",
    "asking about (my|a|her|his|their) (brother|sister|friend|mom|dad|son|daughter|cousin|partner|wife|husband"
    "|coworker|kid|teen|client|patient)",
    "(same thing|the same thing) (as|like)",
    "(diferencia|diferencias) entre",
    "(alguien me explica|me explican|me pueden explicar|me puede explicar)",
    "(self harm|suicide|overdose|od|suicidal) (cases|patients|calls|admissions|admits)",
    "(pharmacist|pharmacy|doctor|nurse|pa|np) (walked me through|went over|explained)",
    # a parent asking about a child: "parent of a 14yo in the teen iop"
    "(parent|mom|mum|dad|mother|father) of a",
    "(what|which) (resources|books|groups|support)",
    "(what does|what do|what mean|what means) (this|that|it) [mean]",
    "(is|it is|its) [the] same (as|like)",
    "(suicide|overdose|self harm) (grief|loss|arc|survivors|survivor|bereavement|prevention|first aid)",
    "(mental health first aid|first aid course|algee|qpr training|asist training|safetalk)",
    "(confided|confides) (about|in me about) (their|his|her)",
    "(seeing|see|saw|deal with|dealing with|cope with) (suicides|overdoses|deaths) on the job",
    "(primeros auxilios|aprendimos a|en la clase de)",
    "(grupos de apoyo|grupo de apoyo|para familias|perdieron a alguien)",
    "(lose|lost|losing|loses) (more|many|so many|too many|a lot of|#|patients|clients|students|soldiers|veterans"
    "|buddies|brothers|friends) ... to suicide",
    "(whether|if) to (bring it up|say something|talk to (her|him|them)|approach (her|him|them)|tell (someone|an adult"
    "|a teacher|a counselor|his parents|her parents|their parents))",
    "how to (explain|talk about|bring up|tell (her|him|them|my kids|the kids))",
    "como (la|lo|los|las|le|les) (apoyo|ayudo|puedo ayudar|puedo apoyar|hablo)",
    "(platica|charla|taller|conferencia|ensayo|trabajo|investigacion|reporte|presentacion) (sobre|acerca de)",
    "(tasas|tasa|estadisticas) de (suicidio|suicide)",
    "(el|un) (suicidio|suicide) era un secreto",
    "(video essay|video essays|youtube video|review of|critique of|(its|their|the|that) (suicide|death|overdose|self"
    " harm) (scene|scenes|storyline|arc|episode)|13 reasons why|thirteen reasons why)",
    "(if|when) (a|your|my|our) (friend|kid|child|teen|student|partner|loved one|family member|coworker|client)"
    " (tells|texts|says|tell|text|say|comes to|confides in) (you|me|us) [that] (they|theyre|he|hes|she|shes)",
    "(does|do|will) (the|this) (bot|program|group|chat|app) (keep|have|log|flag|record|store)",
    "(policy|policies) on",
    "(anyone|anybody|who) else (find|finds|think|thinks)",
    "(difference|different) (in|between) how",
    "(told|tell|telling) (their|your|an) (employer|boss|work|school)",
    "(connected|related|linked) to (suicide|self harm)",
    "(memory ribbon*|memorial|mural|honoring|in memory of)",
    "(screenplay|script|novel|short story|play) (that|about|involves|involving)",
    "(study|studies|survey|report|reports) (says|say|said|shows|showed|found)",
    "how (to|do i|can i|should i) (bring it up|bring up|approach|talk to (her|him|them))",
    "(writing|write|wrote) [a paper|an essay|my paper|my thesis] about",
    "theory of",
    "(handout|worksheet|pamphlet|leaflet|brochure)",
    "(they|we|dbt|therapists|clinicians|doctors) call (it|self harm|suicide|cutting|this|that)",
    "in [my|our|the] (criminal justice|law|public health|nursing|med school|social work) class",
    "(suicide|risk) (screening|screenings|assessment|assessments)",
    "people (misunderstand|dont understand|think|assume)",
    "(the (phrase|term|word|words|expression)|saying|say|sounds like) committed suicide",
    "committed suicide (sounds|is a|implies)",
    "anniversary of (my|his|her|their|our|the) ...",
    "(discussed|discussing|discuss|debated|debating) (the|how|why|what|whether)",
    "in [my|our|the] (psych|psychology|health|sociology|nursing|ethics|history|english|bio|biology|social work) class",
    "how to help (a friend|someone|a person|others|people|friends|a loved one|family)",
    "(zine|pamphlet|brochure|flyer|poster|infographic|support group|support groups)",
    "how (does|do|would|will) (the|this|our) (program|group|clinic|iop|staff|facilitator|facilitators) (handle"
    "|deal|respond)",
    "(whats|what is|what s) the (policy|protocol|procedure|rule)",
    "(asked|asks) [me] what",
    "how (do|can|should|would) (i|we|you) (explain|talk about|bring up)",
    "(die|dies) by suicide",
    "(talking|talk|talked|speaking|speak) openly about",
    "(lost|losing|lose) (someone|somebody|a loved one|people|loved ones|a friend|family) to (overdose|suicide"
    "|addiction)",
    "keep (meds|pills|guns|firearms|knives|medications) locked (up|away)",
    "crisis (numbers|number|resources|contacts|contact)",
    # a debate about content, and games: "should games have content warnings for suicide themes?"
    "(content warning*|trigger warning*|storyline|story line|plot line|plotline|themes)",
    "(el tema del|el tema de|the topic of|tabu|taboo|stigma|estigma|euphemism|euphemisms|eufemismo|moderation"
    "|algorithm|attention seeking|warning sign)",
    "how do (you guys|yall|you all|people|others|we) (respond|react|handle|deal|answer|reply)",
    "is it (ok|okay|alright|normal|appropriate) to (ask|bring up|talk about|mention|share)",
    "(en la sesion|en (el|la) (grupo|clase|terapia)) (hablamos|aprendimos|vimos)",
    "(just an|only an|its an|its just an|figure of|una) (expression|saying|figure of speech|expresion|forma de hablar)",
    "(rewatched|rewatching|rewatch|binged|binging|binge watched|reread|rereading|re read|finished (watching|reading))",
    "(anyone|anybody|has anyone|did anyone|have you|did you|you guys|yall) (read|seen|watched|heard of|listened to)",
    "(para la tarea|de tarea|tenemos que escribir|hay que escribir|senales de alerta|factores de riesgo)",
    "(prevencion|concienciacion|linea de ayuda|documental|articulo|libro|pelicula|serie|capitulo|episodio"
    "|protagonista|personaje|escena|noticia|noticias|cancion)",
)

#: A relapse told as a first time: "cut for the first time in months". A present struggle, unless
#: the message also tells the urge passed ("wanted to for the first time in weeks. it passed and i'm
#: safe now"), where it only dates the urge.
FIRST_TIME_IN_A_WHILE: tuple[str, ...] = (
    "(first|1st) time in (a while|ages|forever|so long|a long time|{NUM} {SPAN}|{SPAN})",
)

#: A present plan told after talk of the past or of others (the gen22 round): "i'm going to make sure it
#: works this time", "i have a plan and the stuff for it", "esta vez no voy a llamar a nadie". Each is a
#: crisis alone, and a sign of present struggle that keeps recovery or discussion talk from silencing
#: the rest of the message.
PRESENT_PLAN: tuple[str, ...] = (
    "(make sure|making sure|to make sure) it works this time",
    "(dont|do not) want to be saved [this time|again|anymore]",
    "(before|once) i end (things|it|it all|my life)",
    "(driving|walking|heading|going|taking the bus|taking a cab|taking an uber) to the (bridge|tracks|roof|overlook"
    "|cliff|river|lake|parking garage|train tracks) ... (to jump|to end it|and jump|to do it)",
    "(i have|ive got|i ve got|got) a plan and (the stuff|everything|the means|what i need|the pills|the gun)",
    "(esta vez|this time) (no voy a llamar|im not calling|i m not calling|not calling|im not going to call|i wont call)"
    " (a nadie|anyone|anybody)",
    "(tengo|con) (la|una|mi) (navaja|cuchilla|pistola|soga|cuerda) en la mano",
    "(escribi|deje) (cartas|una carta|notas|una nota) de despedida",
    "terminar lo que empece",
    "(pills|razor|razors|blade|blades|gun|knife|rope|pastillas|navaja) (next to|beside|in front of|al lado de) me",
)

#: Signs of a present struggle: they keep past talk and discussion from silencing a hit.
RECENT_STRUGGLE: tuple[str, ...] = (
    "(again|relaps*|urge|urges|tempted|temptation|craving*|crave|cant stop|can not stop|miss it|miss doing it"
    "|miss the feeling|started back|otra vez|de nuevo|ganas)",
    # back to the old ways, never back to work or school: "she came back to work today" is no struggle
    "back (to|into) (it|old|my old|the old|that|this|the thing|those|cut*|harm*|hurt*|self*|burn*|drink*|using"
    "|bad|the bad|square one|the dark|dark|where|how|feeling|wanting|thinking|the hospital|the er|the ward|the psych"
    "|hating|hate|wishing|planning)",
    # the writer's own now, after talk of others or of the past (the gen18 round): "now i'm the one saying
    # it", "i have both now too", "that's exactly my plan now", "i already know what it means for me"
    "(now|and now) (im|i m|i am) the one (saying|feeling|thinking|doing|planning|who)",
    "(i have|ive got|i got|i ve got) (both|one|a plan|the same|it) (now|too) [too]",
    "(thats|that s|that is) (exactly|basically|also|now) my plan",
    "(what it means|it means the same) for me",
    "(this time|next time) (ive|i have|i ve|i) (planned|plan|will plan) it (better|properly|right)",
    "(i can t|i cant|i can not) [handle it|do this] (im|i m|i am) (in|on) the",
    # harm done today, or recovery worn as a mask: "i burned myself with a lighter three times today"
    "(i|and i|ive|i have|i just|i already) (cut|burned|burnt|hurt|scratched|hit"
    "|carved) {SELF} ... (today|this afternoon"
    "|this evening|earlier today)",
    "(supposed to be|pretending to be|acting like|act like) [the] (recovered|better|ok|okay|fine|strong|healed) [one]",
    "(skills|dbt skills|coping skills|safety plan|meds|ice|tipp) (arent|are not|isnt|is not|werent|wasnt) (working"
    "|helping|touching it)",
    # what still goes on after an urge passed: "it passed but i still want to go through with it"
    "(but|though|tho) [i|im|i m] still (want|wanna|think about|have (the|a) plan|plan|feel like|cant)",
    # the old self returning: "the old me is back", "the thoughts came back"
    "(old me|old habits|the urges|the thoughts|it|they) (is|are|s|came|come|coming|are coming|keep coming) back",
    "(its|it s|theyre|they re) back",
    "theyre back",
    # a past time as the yardstick of now: "the crash is worse than last year" is no story of recovery
    # the blind38 round: a plan owned after talk of a film, a relapse or a new try told in Spanish
    "(thats|that s|that is) my plan",
    "(thought|thinking) i was (done|past|over) [with] (that|all that|it)",
    "(thats|that s|that is) (kind of|kinda|sort of|pretty much|basically) my plan",
    "(happened again|still bleeding)",
    "(lo volvi a hacer|volvi a (cortarme|hacerlo|lastimarme|hacerme dano|intentarlo)|recai)",
    "(quiero|voy a|pienso|tengo ganas de) volver a intentar*",
    # a last time that was recent: "last time i cut was yesterday"
    "last time i * (was|happened) (yesterday|last night|today|this morning|this week|tonight|an hour ago|# (hours"
    "|minutes) ago)",
    "(is|its|it s|are|s|getting|feels|feel|gotten) [even|way|so much|much|a lot|far] (worse|harder|darker|heavier"
    "|scarier) than",
    # the past told, then the present: "he died by suicide last year and now i want to join him"
    "[and] now (i|im) (want|wanna|plan|am going|m going|going|am ready|ready) to (die|join|jump|kill|end|do it|try"
    " again)",
    # the writer's own after all: "asking because that's me", "(not lol)", "i lied"
    "((asking|ask) (because|bc|cause|cuz) (thats|that s|its|it s) me|not lol|i lied|menti|mentira"
    "|its enough|im done|no one can"
    " stop me|nobody can stop me|(asking|ask) (for real|for me|for myself|seriously)|(planning|plan) the next (one"
    "|attempt|time))",
    # the past wish still present, in Spanish: "antes quería morirme y ahora también"
    "(ahora tambien|todavia (quiero|pienso|siento|lo pienso)|aun (quiero|pienso|siento|lo pienso)|sigo (queriendo"
    "|pensando|sintiendo))",
    *FIRST_TIME_IN_A_WHILE,
    *PRESENT_PLAN,
    "(because|bc|cause|cuz) (thats|that s|that is) me",
    # "the suicidal thoughts came back hard after the weekend"
    "(the|my|those|these|old) [suicidal|dark|bad|old|intrusive|sh|self harm|scary] (thoughts|urges|feelings|voices)"
    " [all] (are|s|came|come|coming|are coming|keep coming|have come|started coming) back",
    # the blind30 round's training rows: the old thought staying, agreed with, minded no more, not over,
    # not told; done again; in Spanish, back and understood
    "(starting|started|beginning|begin) to (agree|believe) [with] (it|that|them)",
    "(now|but now) (it|they|the thought|the thoughts) (stays|stay|lasts|last|sticks|stick|wont leave)",
    "(dont|do not) mind (them|it) (anymore|any more|now)",
    "(its|it s|it is) not over",
    # "how does passive ideation differ from active? because mine feels active tonight"; "not since march have i
    # felt this suicidal"
    "(because|bc|cause|cuz) (mine|my (thoughts|ideation|urges|plan|plans))",
    "(have i|i have|ive|i ve|has it) (felt|been) this (suicidal|bad|low|down|hopeless|close|strong)",
    # a term asked about that turns out to be the writer's: "what does passive ideation mean? i think i have it"
    "(i think|i guess|im pretty sure|i m pretty sure|pretty sure|i know) (i have it|i have that|i have them|mine is"
    "|thats me|that s me|thats what i have|i do|i am|im)",
    # a question that turns out to be the writer's: "why does my doctor ask about suicide every visit? because i
    # think about it every day"
    "(i|because i|bc i|cause i|cuz i) (think about|thinking about|think of|do|feel) (it|that|this|them|suicide|dying"
    "|both) (every|all the time|constantly|daily|a lot|nonstop|most)",
    "(its|it s|it is|theyre|they re|they are) [gotten|getting|even|way|much] worse",
    "(been|im|i am|i m) pretending (i|im|i m|to be|that)",
    "(havent|have not) been honest",
    "(ive|i have|i ve) done it (again|twice|# times|(two|three|four|five|a few|several|many) times)",
    "(pero|y) (volvio|volvieron|regreso|regresaron)",
    "ahora (lo creo|lo siento|lo pienso) [de verdad]",
    "(ultimamente|ahora) (lo|la|los|le) (entiendo|comprendo)",
    # the past wish kept: "remember when i said i wanted to die? i still do"
    "[i|and i|but i] still (do|am|feel (that way|like that|it)|think (that|so|it))",
    # a question about the bot that turns out to be the writer's: "does the bot tell my mom? because i just did",
    # "will you tell anyone if i say i'm suicidal? bc i am"; a dark joke that isn't one
    "(because|bc|cause|cuz|and|but) i (just|already) (did|did it|have|cut|hurt myself|took them)",
    "(because|bc|cause|cuz) (i|im|i m) [really|actually|kind of|kinda|honestly] (am|do|have|did|is)",
    "(im|i m|i am|but im|but i m|and im|and i m) not (joking|kidding)",
    "not (a|even a) joke",
    "[i] still (have|got|keep) (the|my|a) (gun|guns|pills|rope|razor|razors|blade|blades|stash|noose)",
    # the act after all: "it passed. then i did it anyway"
    "(did it|went through with it|cut|hurt myself|relapsed) (anyway|anyways|after all)",
    "then i (did it|cut|hurt myself|relapsed|went through with it)",
    # a means in hand now, whatever else the message talks about: "... and i have the pills, no karaoke for me"
    "(i have|ive got|i ve got|i got|i m holding|im holding) (the|my|all my|a bottle of) (pills|gun|rope|razor|razors"
    "|blade|blades|noose|meds)",
    "(ive|i ve|i have|i) (started|been) (planning|looking at ways|looking up ways|looking into ways)",
    "(i want|i wanna|quiero) out (too|now)",
    "(keep|cant stop|can t stop) thinking about doing it",
    "(going to|gonna|voy a) (do|hacer) (the same thing|the same|lo mismo)",
    # still up on the height: "sigo aquí arriba" is no "sigo aquí" of recovery talk
    "(sigo|estoy|sigo parad*|me quede|me quede parad*) (aqui|ahi|alla) arriba",
    "(still|im still|i m still|i am still) (up here|up there)",
)

#: Recent times. One keeps past talk from silencing a hit only when its own sentence tells of harm,
#: death, means or despair (`bot.safety.concepts.tells_harm`): "this morning i cut" is recent,
#: "2 years since i last hurt myself. this morning felt like any normal morning" is not.
#: Any sign of now, for the model's say over weak hits only: a topic mention with one of these is
#: never overruled ("ideation severity today 8/10", "ahora tambien").
PRESENT_MARKERS: tuple[str, ...] = (
    "(today|todays|tonight|right now|rn|now|this (morning|afternoon|evening|week)|lately|these days|again|still"
    "|anymore|hoy|ahora|esta noche|otra vez|todavia)",
)

RECENT_TIMES: tuple[str, ...] = (
    "(right now|rn|tonight|last night|this morning|yesterday|just now|lately|these days|this week)",
)

#: A present struggle or a recent time: they keep past talk from silencing a hit. A recent time
#: alone does not undo discussion ("my class covers suicide this week").
RECENT: tuple[str, ...] = (*RECENT_STRUGGLE, *RECENT_TIMES)

#: Everyday medication routine ("pick up my pills tomorrow"): a means named as an errand.
MEDICATION_ROUTINE: tuple[str, ...] = (
    "(pick up|picking up|picked up|refill*|renew*|fill|order|ordered|take|taking|forgot|forget|forgetting|skip"
    "|skipped|missed|miss) [to take] [my|the|a|our|his|her] [evening|morning|night|nightly|daily|new|usual|other]"
    " ({PILLS}|prescription|prescriptions|refill|refills|dose)",
    "{PILLS} (before|after|with) (dinner|breakfast|lunch|food|a meal|meals|bed)",
    # the blind38 round: an order running late ("pharmacy said my pills won't be ready until thursday")
    "({PILLS}|refill|refills|order) (wont|will not|arent|are not|isnt|is not|werent|not) [be] (ready|in stock"
    "|available|filled|in) (until|till|til|before|for)",
    # a dose split as told: "my doctor said split them"
    "(doctor|pharmacist|nurse|psychiatrist|gp|prescriber) (said|says|told me) [to] (split|cut|halve|crush) (them|it"
    "|the pills|my pills|the tablets)",
    "(tome|tomo|tomar|me tome|me tomo) [una|un|dos|tres|mis|las|la|el] (pastilla*|pildora*|medicina*|medicamento*"
    "|ibuprofeno|paracetamol|aspirina)",
    "(pastilla*|pildora*|medicina*|ibuprofeno|paracetamol|aspirina) (para|por) (el|la|mi|los) (dolor|cabeza|gripe"
    "|fiebre|resfriado|tos|alergia|alergias|espalda)",
)

#: A habit or a treat: with nothing of harm or despair beside it, such a message is everyday life
#: ("the dog goes to my moms on weekends", "i dont trust myself alone with a whole cake").
EVERYDAY_HABIT: tuple[str, ...] = (
    "(on|every|most|some) (weekends|weekend|weekdays|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays"
    "|sundays|nights|mornings|evenings)",
    "(cake|pizza|cookies|cookie|chocolate|ice cream|bag of chips|pie|donuts|doughnuts|candy|snacks|brownies|fries)",
    # everyday apologies: "forgive me for being late"
    "(sorry|forgive me) for (being late|the (late|delayed) (reply|response)|the delay|the typo|the typos|the spam"
    "|the rant|the long post|the wall of text|missing group)",
    # streaming and home accounts: "sent my mom my netflix password"
    "(netflix|spotify|hulu|disney plus|hbo|prime video|wifi|streaming|xbox|playstation|steam) [account|password|login]",
    "(sorry|apologies) for (not replying|not responding|not answering|the slow replies|being mia|being awol)",
    # a pastime for time alone: "i have the whole place to myself, i know what im doing with it: karaoke"
    "(karaoke|movie night|game night|dance party|spa night|bubble bath|video games|board games|movie marathon"
    "|binge watching|binge watch)",
    # a show looked forward to: "ive been waiting for this show all week"
    "waiting for (this|the|that) (show|concert|episode|premiere|finale|movie|game|match)",
)

#: A height or a jump inside a game: "about to jump off this cliff... in minecraft. come watch my stream".
_IN_A_GAME: tuple[str, ...] = (
    "in (minecraft|fortnite|roblox|zelda|skyrim|gta|elden ring|the game|my game|this game|a game|vr|the sims|sims"
    "|pubg|apex|warzone|halo|mario|hardcore mode)",
)

#: Video game talk: a life lost on level 9 is a game's ("lost my last life and had to restart").
GAMING: tuple[str, ...] = (
    "(level|lvl|stage|world) #",
    "(respawned|checkpoint|save point|boss fight|final boss|playthrough|speedrun*|controller|extra life|extra lives"
    "|(restart|restarted|restarting|replay|replaying) the (whole|entire) (game|level|run))",
    "(lost|lose|losing|down to|used|using) (my|our|the|a|one|an|his|her) [last|final|extra|only] (life|lives)"
    " (on|in|at|to)",
    # sports: "shot a 92 at golf today"
    "(shot|shoot|shooting) (a|an) #",
    "(golf|hoops|basketball|hockey|soccer|pool|darts|archery|paintball|laser tag|airsoft)",
    # a jump inside a game: "about to jump off this cliff... in minecraft"
    *_IN_A_GAME,
)

GRADUATION: tuple[str, ...] = (
    "(graduat*|discharg*|step down|stepping down|last day (of|at|in)|last session|last group"
    "|finish* (the|my) program|good luck|see you (at|around|soon|next|in|on)|keep in touch"
    "|alumni|moving (to|away|out)|moving day|(ill|i will|i ll) be back|gave (my|in my) notice|last day is"
    "|(two|2) weeks notice|vacation|holiday|new job|new chapter|me mudo|vacaciones"
    "|nuevo trabajo|nos vemos|hasta (pronto|luego|la proxima)|me (graduo|gradue)|graduacion|ultima sesion"
    "|moving (abroad|overseas|back home|across (the|town|the country))|packing (for|up)|for the move|the big move"
    "|last day before|last exam|(hand|handing|handed|turn|turning|turned)"
    " (in|back) (my|the) [classroom|office|work|house|apartment] (keys|badge|laptop|uniform)|(will|estate plan"
    "|testamento) with (a|the|our|my|el|la|un|una) (lawyer|attorney|notary|abogado|abogada|notario|notaria)"
    "|con el (abogado|notario)|(me voy|nos vamos|me fui) a vivir|(termine|acabe|complete) (el|mi) programa"
    # the blind30 round: a placement ending, a move in Spanish (not a lawyer's advice about a will: with it,
    # "my lawyer said the will is done. wrote the letters. saturday is the day" went silent)
    "|(student teaching|internship|placement|practicum|residency|rotation|contract|camp)"
    " (ended|ends|is over|wrapped up|wraps up|finished)|(nos mudamos|me mude|nos vamos a mudar|me voy a mudar"
    "|mudanza)"
    "|ultimo dia (de|en)|(handed|handing|hand|turned|turning|put) in my (notice|resignation|two weeks)|(bye|goodbye"
    "|adios) old (job|apartment|car|house|phone)|last day en|(otra|nueva) chamba|(empiezo|entro|arranco) (en|a)"
    " (otra|otro|un|una|mi) (chamba|trabajo|job|escuela))",
)

_ACCIDENT = (
    "[(while|when)] (shaving|cooking|chopping|slicing|cutting|opening|doing|playing|lifting"
    "|running|working out|working|fixing|making|baking|gardening|cleaning|moving)",
    "(on (a|the|some|my|an)|by accident|accidentally|at the|at work|in the kitchen|with a"
    " (knife|kitchen|bread|can|box)|in the foot|in the (leg|hand|arm))",
    "(with|on|against|into) (the|a|an|my) ... (by accident|accidentally|by mistake)",
    # food or slack: "now i'm cutting myself a big slice of pie"
    "(a|an|some) [big|small|huge|little|generous|thin|thick|nice] (slice|piece|wedge|portion|serving|hunk|break|slack)",
    "slack",
)

_NOT_SELF_HARM_CUT = (
    "(my hair|hair|bangs|my bangs|the|a|this|that|class|carbs|sugar|ties|him|her|them|you"
    "|corners|costs|back|down|out|off|it|in line|loose|deal|deals|people|my losses|caffeine"
    "|gluten|dairy|meat|alcohol|onion|onions|veggies|vegetables|carrots|potatoes|cake|coupons|wood|grass|fabric"
    "|nails|bread|chicken|fruit)",
)

#: Urges told as fading: "my urges to cut have gone way down".
URGES_FADING = (
    "[have|has|are|is|s|got|gotten|will|would|should|can|do|does] [gone|gotten|been|getting|become|get|go|be]"
    " [way|a lot|so much|much|really] (down|less|lower|weaker|fewer|away|quieter|rarer|easier to|pass|passed"
    "|fade|faded|fading)",
)

#: An urge told as having passed, as an event: "it passed", "the urge faded", "se me pasó", "rode it out".
URGE_PASSED: tuple[str, ...] = (
    "(it|they|the urge|the urges|the feeling) [all|finally|eventually] (passed|faded|went away|calmed down|subsided"
    "|eased off)",
    "(didnt|did not|never) act on (it|them|the urge|the urges)",
    "(got|get|made it|make it|getting|gotten|rode|surfed) (through|out) (the|an|my|that|this) (urge|urges|craving"
    "|cravings|wave)",
    "(it|the urge|the urges|they|the feeling) (was|were|is|are) gone (by|when|after|before)",
    "woke up (okay|ok|fine|alright|better)",
    "(held off|rode it out|got on with my (day|night|evening|shift))",
    "(urge|urges|craving|cravings) [finally|eventually|slowly] (passed|faded|went away|calmed down|subsided|eased off)",
    "(it|that|the urge) (let go of me|is gone now|s gone now|gone now)",
    "(urge|urges) gone",
    "(they|the thoughts|the urges|the urge) (didnt|did not) stick",
    "(0 cuts|zero cuts)",
    "(watched|watch|let|letting) (them|it|the urges|the urge|the thoughts) pass",
    "(its|it s|it has|theyve|they ve|it) (lifted|cleared)",
    "(se me paso|se me pasaron|ya se me paso|ya paso|se me quitaron las ganas)",
    # a skill or a person chosen instead: "texted my sponsor instead", "the tipp skill really helped when i had an urge"
    "(texted|called|messaged|rang|reached out to|went to|talked to|held|grabbed|used) ... instead",
    "(skill|skills|it|that|tipp|dbt|plan|safety plan|technique) [really|actually|honestly|so|totally] helped (when"
    "|with|me through)",
    "(held|holding|hold) (ice|ice cubes|an ice cube|the ice)",
    "(used|did) (the|my|a) (ice|ice cube|cold water|tipp|distraction|grounding|breathing|box breathing) (trick|skill"
    "|skills|technique|exercise)",
    # the gen29 round: the ways an urge is told as gone ("the urge backed off", "urge is a zero", "the moment
    # passed", "the thought let go"), in English and Spanish
    "(urge|urges|thought|thoughts|feeling|wave|moment|craving|cravings) [finally|eventually|slowly|just|actually"
    "|kind of] (left|backed off|dropped|shrank|shrunk|let go|moved on|went away|faded|passed|lifted|settled"
    "|settled down|lost its grip|broke|is over|was over)",
    "(urge|urges|urge to [self] [harm|cut|hurt myself]) (is|are|was|were|s|went) [down] (to|at) (a zero|zero|0|a 1|1)",
    "(urge|urges|craving) (is|are|s) [a] (zero|0)",
    "(down|dropped|went down|came down|back down) to (a zero|zero|0|a 1|1|a one|one|a 2|2|a two|two) [now|out of 10]",
    # the urge itself named as gone: "the urge was gone", never a bare "it's all gone" (hope can be gone too)
    "(urge|urges|the urge|the urges|the thought|the thoughts|the feeling|craving|cravings) (was|were|is|are|s)"
    " [all|completely|totally|finally] gone",
    "(urge|urges) (se fue|se fueron|shrink|shrank|shrunk)",
    "(urges|both urges|both|all of them) (both|all) (passed|faded|went away|calmed down)",
    "(skill|skills|trick|tipp|technique|opposite action|safety plan|plan) [actually|really|totally|finally] worked",
    "(la urgencia|el impulso|las ganas|la idea|esa idea|el pensamiento|los pensamientos) [ya] (se fue|se fueron"
    "|se me quito|se me quitaron|paso|pasaron|bajo|bajaron|se calmo|se calmaron)",
    "(ya se me quito|se me quito|se me quitaron|ya se me quitaron)",
    # the blind30 round: "they were just thoughts, i did my safety plan", "used my plan, and they left"
    "(they|it|those|these) (were|was) (just|only) (thoughts|a thought|intrusive thoughts|an intrusive thought)",
    "(did|used|followed|worked|went through|pulled out|opened) (my|the) (safety plan|crisis plan|coping plan)",
    "(and|then) (they|it|the thoughts|the thought) (left|faded|passed|went away|eased|lifted|quieted down|settled"
    "|dropped|went down|calmed down|eased off|subsided)",
)

#: An annoyance told as a joking threat: "if i hear that song one more time i'm jumping out a window
#: haha", "si vuelvo a oir esa cancion me corto las venas, jaja". Only with a joke marker (`JOKE_MARKERS`).
JOKE_THREAT: tuple[str, ...] = (
    "(if|when) (i|we) [have to|gotta|got to|get to] (hear|see|sit through|listen to|read|watch|eat|do|get) ..."
    " (one more time|again|once more)",
    # the blind38 round: "if i have to sit through one more group project meeting i'm gonna kms jk"
    "(if|when) (i|we) (have to|gotta|got to|need to|must) (hear|see|sit through|listen to|read|watch|eat|do|go to"
    "|attend|write|deal with|grade|fill out|answer) (one more|another) (group project|group chat|meeting|class"
    "|lecture|zoom|call|email|project|shift|meme|tiktok|ad|ads|song|round|episode|presentation|report|form|survey"
    "|question|exam|test|quiz|essay|paper|assignment|chore|icebreaker|powerpoint|slide|spreadsheet|invoice|recipe)",
    # the weather or a chore as the cause: "this weather makes me want to die lol it's 100 degrees"
    "(this|that|the|my|our) (weather|heat|cold|humidity|traffic|wifi|internet|printer|homework|meeting|commute|class"
    "|exam|test|song|show|game|team|playlist|group project|essay|paper|line|queue|dmv) (makes|is making|made|making"
    "|make) me (want to|wanna|wana)",
    "si (vuelvo a|tengo que|me vuelven a|me hacen|me toca) [volver a] (oir|ver|escuchar|leer|comer|hacer|aguantar)",
    # the annoyance first or last: "if my manager says circle back one more time i'm gonna unalive my laptop",
    # "i'm gonna jump off a bridge if this meeting runs over one more time lol"
    "(if|when) (this|that|the|my|he|she|they|someone|anyone|somebody|people|you) ... ... (one more time|once more)",
    "(if|when) (this|that|the|my|he|she|they|someone|anyone|somebody|people|you) ... ... (one more|another)"
    " (meeting|email|call|zoom|question|song|ad|ads|reply all|form|survey|spreadsheet|invoice)",
    "(one more time|once more) (im|i m|i am|ill|i will|i ll|i swear) [gonna|going to|just] (jump*|unalive*|kill*"
    "|throw*|die|yeet*|walk*)",
    # a mishap laughed at in Spanish: "me quiero matar jaja se me quemó el arroz"
    "se me (cayo|quemo|olvido|rompio|perdio|murio|acabo|paso) (el|la|los|las|mi|mis|un|una)",
    "me (olvide|cai|equivoque|tropece|quede dormid*|confundi) (de|la|el|en|enfrente|con)",
    "estoy que me (tiro|muero|mato|aviento)",
    "(que oso|que verguenza|que pena|trague tierra|me quiero enterrar)",
    "(que lata|que flojera|que hueva|que pereza|que fastidio|que calor|que frio|que horror) (este|esta|el|la|con|de)",
    "(the|my) (wifi|internet|laptop|printer|computer|pc|router|canvas|portal|zoom) (died|crashed|froze|broke|went"
    " down|is down|cut out)",
    # "traffic this morning made me want to jump out the window lol"
    "(made|makes|make|making) me (want to|wanna|wana) (jump out|jump off|throw myself out) (the|a|my|of the)"
    " (window|car)",
)
JOKE_MARKERS: tuple[str, ...] = (
    "(haha*|hehe*|lol|lmao|lmfao|jk|kidding|joking|jaja*|jeje*|es broma|bromeo|broma|crisis averted|eyeroll)",
)
#: Words that take a joke back: "(jk) (not jk)", "lol. not lol", "the jokes stopped being jokes".
JOKE_TAKEN_BACK: tuple[str, ...] = (
    "(not lol|not jk|jk not jk|not joking|no joke|not a joke|im serious|i m serious|serious this time|not kidding"
    "|i mean it|stopped being (a joke|jokes|funny)|stopped laughing|not even joking|no es broma|no estoy bromeando"
    "|en serio|neta)",
)

#: Words after an urge told as passed that take the resolution back: "it passed but ...", "... anyway".
RESOLUTION_TAKEN_BACK: tuple[str, ...] = (
    "(but|though|tho|except|until|anyway|anyways|pero|aunque|hasta que)",
    # a passing denied at once: "i told my therapist the urges were gone. they're not"
    "(theyre|they re|they are|its|it s|it is) not [gone|over]",
    # a skill told as failing: "did my safety plan and it didn't help"
    "(didnt|did not|doesnt|does not|isnt|is not|wasnt|not) (help|helping|helped|work|working|worked)",
)

#: The writer safe and well again at the end: "i'm safe now", "i'm home and ok now", "estoy a salvo".
SAFE_NOW: tuple[str, ...] = (
    "(safe|okay|ok) and (going|heading) to (sleep|bed)",
    "(heading|going) to bed safe",
    "(im|i am|i m) [home and|home|fine and|feeling|back home and] (safe|ok|okay|fine) (now|tonight|and warm|and proud)",
    "(ya estoy|hoy ya estoy) (bien|tranquila|tranquilo) [y (segura|seguro|a salvo)]",
    "(im|i am|i m) (safer|a lot safer|much safer) now",
    "[ya] estoy a salvo",
    "(bien|tranquila|tranquilo) y (segura|seguro|a salvo)",
)

#: An urge told with its end: "the urge came up today but i used my skills and it passed".
URGE_RESOLVED: tuple[str, ...] = (
    *URGE_PASSED,
    *SAFE_NOW,
    "(skill|skills|technique|tool|tools|trick) for (when|dealing with|managing|handling|coping with|riding out)",
    # the skill named: "urge surfing, noticing the urge to self-harm and riding it out"
    "(urge surfing|surf the urge|surfing the urge|(riding|ride|rode|surf|surfing|surfed) (it|them|the urge|the urges"
    "|the wave) out)",
    # the streak kept: "had an urge to self harm during finals but i went for a walk. still clean"
    "(still|stayed|staying) (clean|sober) [from (sh|self harm|cutting|it)]",
    # a lesson about urges: "in dbt today we learned that urges to self-harm are like waves"
    "(we|they) (learned|learnt|talked|discussed|practiced|practised|went over|covered) (that|how|about) [the]"
    " (urge|urges|cravings)",
)

#: Words of an urge: once the message says the urge passed, they say nothing recent.
URGE_WORDS: tuple[str, ...] = (
    "[sh|self harm|selfharm|cutting|cut|harm|drinking|using] (urge|urges|tempted|temptation|craving*|crave)",
    "(ganas|impulso|impulsos|tentacion)",
)

#: A habit of places and pastimes, not of a crisis: its "used to" is no recovery talk ("the trail i
#: used to hike", "the park where we used to go").
PASTIME_USED_TO: tuple[str, ...] = (
    "where (we|they|he|she|you|my family|my friends) used to",
    "where (my|our|his|her) ... used to",
    "(i|we|they) used to (go|hike|live|walk|work|play|visit|eat|swim|run|climb|drive|ride|sit|hang out|skate|fish"
    "|camp|sing|dance|draw|paint|read|watch)",
)

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

#: Lead-ins that make thoughts of ending it someone else's, or a topic talked about.
_OTHERS_THOUGHTS: tuple[str, ...] = (
    "(talked about|talk about|discussed|learned about|learn about|worksheet on|handout on)",
    # a question put to a group: "someone asked whether thinking about death is the same as..."
    "(asked|asking|ask|asks|wonder|wondering|wondered|question) (whether|if)",
    # someone else's wish: "the book's narrator wants to end it all"
    "{SOMEONE_ELSE} [also|still|sometimes|really|just] (wants to|wanted to|is going to|was going to|tries to"
    "|tried to|wants|is|was) [{ADV}]",
    # the question put straight: a role play of asking "are you thinking about suicide"
    "(are|were) (you|u|they|yall) [really|actually|ever|currently|having]",
    # asking whether someone else is: "is it okay to ask a friend if they're thinking about suicide?"
    "(if|whether) (hes|shes|theyre|they are|he is|she is|someone is|somebody is|youre|you are|a friend is"
    "|your friend is|anyone is|people are) [{ADV}]",
    # told by someone else: "if a friend tells you they're thinking about suicide"
    "(tells|told|tell|texts|texted|says|said) (you|me|us|her|him|them) [that] (theyre|they are|hes|shes|he is"
    "|she is|they were|he was|she was) [{ADV}]",
    # someone else raising it: "what is the policy if someone mentions thoughts of suicide in group?"
    "{SOMEONE_ELSE} (mentions|mentioned|talks about|talked about|brings up|brought up|shares|shared|expresses"
    "|expressed|reports|reported|admits|admitted|discloses|disclosed) [any|their|his|her]",
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
        # "(a|an|the) overdose this week" is an event, often someone else's: "we lost a patient to an overdose"
        unless_before=(
            "(you|u|he|she|they|go|should you|would you|a|an|the|his|her|their)",
            # a death told as another's: "say died by suicide now"
            "(died|dying|death|deaths|die|dies|lost (him|her|them) to|loss to|lost to|passed|passed away) [by]",
        ),
        unless_after=(
            "(with|between|here|there|for (a|the) (bit|day|night)|on (this|that))",
            # "i'm going to overdose on coffee one of these days"
            "on (coffee|caffeine|sugar|candy|chocolate|netflix|tv|anime|cuteness|carbs|pizza|love|drama|memes|tiktok"
            "|vitamins|espresso|energy drinks|red bull|monster|cookies|cake|sunshine|christmas|music)",
        ),
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
            "(have|got|made) a plan and a (date|time|day)",
            "(figured out|picked|chose|chosen|decided on|set|worked out|know|planned|sorted out) (the|a|my) (time|day"
            "|date|night) and [the|a|my] (place|spot|location|way|method|how)",
            "(know|knew|figured out|decided|worked out|planned|planned out|wrote down|written down) (how|when|where)"
            " and [i know|i figured out|i decided] (when|where|how)",
            "(wrote down|writing down|wrote out|worked out|figured out|planned out|planned) (how|when|where)"
            " (im|i am|i) (going to|gonna|will|ll|ill) (do it|die|{SELF_KILL})",
            "(wrote|writing|write|left|leaving|written|finished) [my|a] (suicide|goodbye"
            "|farewell) (note|letter|letters|notes)",
            # a note for family to find: "wrote a not for my mom, she'll find it tmrw"
            "(wrote|left|leaving|writing) (a|the) (note|not|letter) (for|to) (my|everyone|everybody) ... (find|finds"
            "|found|read|reads) it",
            "(set|picked|chose|chosen) (a|the) (date|day) (to|for) (die|dying|{SELF_KILL})",
            "(night|day|time) (i|im|ill|i will) [finally|just|actually] (go through with it|end it|end things"
            "|do it for real)",
            "go through with it {TIME}",
            "(find out|notice|know|realize|realise|stop me|see it coming) (until|till|til|before) (its|it is) too late",
            "(thinking|think|thought|wondering) ... about (how to|ways to|a way to) (make (it|it all|everything"
            "|the pain) stop|end (it|it all|everything|my life)|die|not wake up|disappear)",
        ),
        # letters or a plan told as long past: "i wrote goodbye letters back in 2019"
        unless_after=(
            "(back (in|then)|years ago|in (19#|20#|high school|college)|a (long time|few years|year|couple"
            " years|couple of years) ago|# (years|yrs) ago|last year)",
            # a job or a placement ending: "wrote goodbye letters to my students, student teaching ended"
            "(to|for) (my|the|all my|all the|our) (students|class|coworkers|co workers|team|patients|clients|crew"
            "|colleagues|staff|classmates|residents|campers|volunteers|customers|regulars|teammates|players|kiddos)",
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
        # the blind38 round: a date set with nothing planned after it ("set the date for the end of the month when
        # the lease runs out. no point renewing"); a wedding, a move or a surgery has a date too
        "has a plan: a date with no after",
        INTENT,
        (
            "(set|picked|chose|chosen|settled on|circled|marked) (the|a|my) (date|day)",
            "[the] (date|day) (is|s|has been|been) (picked|set|chosen)",
        ),
        unless_after=(
            "(to|for) (clean*|paint*|go*|visit*|start*|do|get*|meet*|call*|see*|move*|finish*|celebrat*"
            "|take|have|sign*|fix*|shop*|drive|fly|pick*|hang*|bake|cook*|plant*)",
        ),
        also_needs=(
            "(no point|no need|no sense|why bother|wont need|wont be needing|dont need) [in|to] (renew*|sign*|book*"
            "|buy*|pay*|sav*|fix*|keep*|make plans|making plans)",
            "(wont|will not|not going to|not gonna) (be (here|around)|need (it|them|to))",
            # "picked the date. the 14th. after my daughter's recital so i don't ruin it for her", "seems fitting"
            "(so i dont|so it doesnt|not (to|going to)|dont want to) ruin (it|her|his|their|the)",
            "(seems|feels) (fitting|right|poetic|appropriate)",
            "(not telling|wont tell|not going to tell) (anyone|anybody|nobody) [but|except]",
        ),
        unless_in_message=(
            *GRADUATION,
            "(wedding|party|surgery|appointment|trip|baby|shower|launch|closing|court|hearing|interview|exam|test"
            "|birthday|reunion|funeral|move|moving|procedure|operation|date night|lease signing|open house|sale)",
        ),
    ),
    Rule(
        # the blind38 round: a list of things to do "before", with nothing named after it ("i made a list of things
        # to do before, almost done with it. two more things"); not "things to do before the move"
        "has a plan: a list before the end",
        INTENT,
        (
            "(list|things|stuff|everything|what i need) to (do|finish|sort out|sort|settle|wrap up|take care of"
            "|get done|tie up) before (.|almost|nearly|then|and then|its over|i go|im gone|its time|the end|its done"
            "|after that|two more|one more|only)",
        ),
        unless_in_message=(*GRADUATION, "(bucket list|trip|move|wedding|baby|christmas|party|deadline|exam|finals)"),
    ),
    Rule(
        # the blind38 round's training rows: dying's euphemisms, wished or meant ("been ready to kick the bucket for
        # months", "reckon i'll cark it on purpose", "asking god to call me home", "handing in my notice to life");
        # with a joke marker, or without a wish, a plan or a readiness, they stay hyperbole
        "slang for dying, wished or meant",
        SUICIDAL,
        (
            "(kick|kicking) the bucket",
            "shuffle off (this|the) mortal coil",
            "(cark|carking) it",
            "(pop|popping) (my|me) clogs",
            "(push|pushing) up [the] daisies",
            "(take|taking) a dirt nap",
            "(meet|meeting) my maker",
            "(cash|cashing) in my chips",
            "(check|checking) out of (hotel earth|this life|life|earth|this world|the world)",
            "put (myself|me) out of (my|me) misery",
            "(hand|handing|handed) in my notice to (life|the world|living|existence)",
            "(take|taking) (a|the) long walk off a short pier",
            "(call|calls|calling|take|takes|taking) me home",
            "pool ladder ... (to|on) (myself|me)",
            "spicy coping",
            # the blind38 round (blind38-41's misses)
            "(catch|catching|take|taking|ride|riding|on) the (early|last|next|express|night) (bus|train|boat|flight"
            "|ride) to (valhalla|heaven|the afterlife|the other side|the great beyond)",
            "(sign|signing) my own (dnr|death certificate|death warrant)",
            "(end|ending) [my] watch (early|for good|permanently|for the last time)",
            "put my name on the [memorial] wall",
            "(punch|punching) my [own] ticket",
            "(hang|hanging) up my (hat|boots|gloves|jersey|badge|apron|keys|spurs) (for good|forever|permanently)",
            "(turn|turning) out the lights (on (this|me|my|this old)|for good|forever)",
            "(clock|clocking) out (for good|permanently|forever)",
            "(6|six) (ft|feet|foot) under",
            "(alt f4|ctrl alt delete|ctrl alt del) me",
            "(my|an|the) (unalive|kms|sewerslide|sewer slide|suicide|ctb|death) (arc|era|phase)",
            "yeet {SELF} (out of existence|into the (void|sun|sea|ocean|abyss)|off (a|the) (bridge|roof|cliff"
            "|building))",
        ),
        also_needs=(
            "(ready|want|wanna|wish|wishing|hope|hoping|gonna|going to|plan|planning|about to|time to|id like|i d like"
            "|i would like|might as well|on purpose|early|for months|asking|praying|pray|tired of|save everyone|dont"
            " bother|no late|the nerve|reckon i|ill|i will|again|sooner|not lol|for good|no two weeks|nobody would"
            "|tonight|today|tomorrow|this (week|weekend|month)|next (week|month)|ready since|serious this time"
            "|i mean it|stopped being|since the|arc|not jk|lately|for real)",
        ),
        unless_in_message=(
            "(if i (have to|eat|hear|see)|before the|at this rate|this heat|this cold|in (the|a) (game"
            "|movie|book|show)|jersey retired)",
        ),
    ),
    Rule(
        # a question about the pain, owned: "do you think it hurts. asking for me"
        "asks about a method's pain for themselves",
        INTENT,
        ("(does|do you think|would|will|did) it (hurt|hurts|be painful|take long)",),
        also_needs=("(asking for (me|myself)|not [asking] for a friend|for me)",),
    ),
    Rule(
        # the blind38 round's training rows: self-harm back with no word for it ("the urge won tonight", "my
        # therapist thinks im 6 months clean from it. im not", "old habit is back. 3 nights in a row now")
        "self-harm relapse told without the word",
        SELF_HARM,
        (
            "(the|my) (urge|urges) (won|wins|got me|beat me)",
            "[the] last time i (cut|burned|hit|hurt|scratched|did it|harmed|self harmed) [myself|it] (was|happened)"
            " (yesterday|last night|today|this morning|tonight|an hour ago|# (hours|minutes) ago)",
            "thinks (im|i am|i m) [still] [{NUM} {SPAN}] clean [from it] . (im|i am|i m) not",
            "(added|made|did) (more|new ones|a few more|another one|another few|fresh ones) (tonight|last night|today"
            "|again|right next to)",
            "(my|the) (sleeve|shirt|sock|sheets|bandage) (is|s|was|keeps) [stuck|sticking] (stuck|sticking) to my"
            " (arm|arms|leg|legs|wrist|thigh|thighs)",
            "(not|wasnt|was not|isnt|is not|its not|it s not|never) (an accident|accidental)",
            "(did|made) a [little|lil|small] (oopsie|oops|oopsies) with the (lighter|blade|razor|scissors|knife|compass"
            "|sharpener)",
            "(old habit|the habit|my old habit) (is|s|came|has come|volvio|regreso) back",
            "the old habit (volvio|regreso)",
        ),
        also_needs=(
            "(tonight|last night|today|again|in a row|this week|times|veces|dont (bring it up|tell|mention)|blister*"
            "|burn*|stove|iron|lighter|cut*|blade|knife|scratch*|punch*|wall|blood|bled|new ones|old ones|sleeve"
            "|arms|legs|wrist|skin|im not|otra vez|hoy|anoche|esta semana)",
        ),
        unless_in_message=(
            "(smok*|vap*|nail bit*|biting my nails|snack*|procrastinat*|caffeine|coffee|sugar|scroll*"
            "|online shopping|gambl*|cooking class|recipe)",
        ),
    ),
    Rule(
        # hurt as punishment, starving or exercising past harm included ("skipping all my meals this week as
        # punishment", "llevo tres dias sin comer como castigo", "swimming extra laps until i can't breathe")
        "hurts oneself as punishment",
        SELF_HARM,
        (
            "(as|for|like a) (punishment|penance)",
            "como castigo",
            "to punish (myself|me)",
            "para castigarme",
            "until i (cant breathe|throw up|pass out|black out|bleed|collapse)",
            "(scratched|scratching|picked|picking|rubbed|rubbing|pulled|pulling) ... (raw|til it bleeds|till it bleeds"
            "|until it bleeds|until they bleed)",
            "(pulled|pulling|pull) out [all] my (eyelashes|lashes|eyebrows|hair)",
            "me (arranque|arranco|jale|estoy arrancando) (el pelo|las pestanas|las cejas)",
        ),
        also_needs=(
            "(skip*|starv*|not eat*|no eat*|meal*|sin comer|no como|pushups|push ups|laps|run*|exercis*|work* out|hit*"
            "|burn*|cut*|scratch*|hurt*|ate|eat|comer|comi|pain|deserve|merezco|blood|bleed*|raw|still|cant stop|no"
            " puedo parar|shaking|again|otra vez)",
        ),
        unless_in_message=(
            "(the (team|coach|dog|cat|kids|kid|puppy)|my (kid|kids|son|daughter|dog|cat)|grounded|timeout|time out"
            "|detention|in (the|a) (game|movie|book|show)|documentary|doc|podcast|article|learned|learning|can count"
            "|is a form of|instead|but i (didnt|did not|ate)|and ate)",
        ),
    ),
    Rule(
        # recklessness to feel something: "drove 100 on the highway with my lights off just to feel something"
        "hurts oneself to feel something",
        SELF_HARM,
        ("[just] to feel (something|anything|alive|real)",),
        also_needs=(
            "(drove|driving|drive|speed*|100|lights off|razor|blade|burn*|hit*|punch*|cut*|scratch*|lighter|ice cold"
            "|drink*|pills|stove|wall|bled|bleed*)",
        ),
        unless_in_message=(
            "(roller coaster|rollercoaster|concert|skydiv*|bungee|spicy|hot sauce|ice bath|cold plunge"
            "|tattoo|music|dance|dancing|hike|hiking|workout|gym|run|running|travel*|adventure)",
        ),
    ),
    Rule(
        # "estoy drinking a propósito para sentirme peor", "gonna drink until i cant feel anything and then finish it"
        "harms themselves with drink or drugs on purpose",
        SELF_HARM,
        (
            "(a proposito|on purpose) (para|to) (sentirme peor|feel worse|hurt (myself|me)|make (it|myself|me) worse)",
            "(drink|drinking|take|taking|use|using) until i (cant feel anything|cant feel|stop breathing|dont wake up)",
            "(and then|then) (finish|end) it [all]",
        ),
        also_needs=("(drink*|drunk|pills|vodka|bottle|using|use|numb|cant feel|sentirme|a proposito|on purpose)",),
        unless_in_message=(
            "(the (book|show|series|game|project|essay|paper|season|race|marathon|puzzle|level)|homework"
            "|episode|chapter|movie|shift|bottle of wine with|party)",
        ),
    ),
    Rule(
        # a means in reach, watched: "i have access to the whole med cart at work and it's getting harder to ignore"
        "has a means ready",
        MEANS,
        (
            "(getting|its getting|harder and) (harder|hard) to (ignore|resist|not think about|stay away from"
            "|walk past)",
            "(i|ive|i ve|i have|i keep|keep|i was|just|and i) (counted|counting|count) (what i have|how many i have"
            "|them all|all of them|my (pills|meds|stash))",
            "(not|never) (giving|give|handing) (it|them) back",
            "(piece|shard|bit) of (the|a) [broken] (mirror|glass|window)",
        ),
        also_needs=(
            "({PILLS}|med cart|med cabinet|medicine cabinet|cabinet|gun|guns|rifle|pistol|rope|blade*|razor*|pills"
            "|stash|pocket|under my pillow|in my room|kept|keep|hid|hidden|dont know why|its a lot|not telling)",
        ),
        unless_in_message=(
            "(cookie*|candy|chocolate|snack*|donut*|cake|dessert|sweets|junk food|phone|social media"
            "|library|book|books|borrowed|lent|money|cash|change|receipt|craft|mosaic)",
        ),
    ),
    Rule(
        # stopping treatment to die: "going to stop dialysis and not tell anyone the real reason"
        "plans to die by stopping treatment",
        INTENT,
        (
            "(stop|stopping|quit|quitting|refuse|refusing|skip|skipping) (dialysis|chemo|my (insulin|heart meds|chemo"
            "|dialysis|transplant meds|blood thinners|treatment))",
        ),
        also_needs=(
            "(not tell|wont tell|real reason|on purpose|let it|let nature|be over|done fighting|nobody (knows|needs"
            " to know)|let (myself|me) go|take its course|for good)",
        ),
    ),
    Rule(
        # affairs put in someone's name with a last word: "transferred the farm account to my son's name. he'll know
        # what to do. tell him i'm proud of him", "signed the car title over to my daughter. left a note"
        "puts affairs in order for after",
        GOODBYE,
        (
            "(transferred|signed|put|moved|gave) (the|my|all my) ... (over to|to|into|in) (my|his|her) * [s] (name"
            "|account|names)",
            "signed (the|my) (car|truck|house|deed|title|farm|boat) [title|deed] over to",
            "(deje|le di|di|le deje) (las|mis|todas mis) (contrasenas|claves|passwords)",
            "(passwords|contrasenas) (with|con) (my|mi) (daughter|son|hija|hijo|wife|husband|esposa|esposo|sister"
            "|hermana|brother|hermano)",
        ),
        also_needs=(
            "(left a note|a note for|tell (him|her|them) (i|im)|know what to do|wont need|proud of (him|her|them)"
            "|need them (soon|pronto)|las va a necesitar|los va a necesitar|pronto|after (im|i m) gone|when im gone)",
        ),
        unless_in_message=(
            *GRADUATION,
            "(estate plan*|lawyer|attorney|accountant|tax*|college|graduat*|wedding|gift|birthday|sold|selling|buy*"
            "|moving|move|retir*|vacation|trip|hospital stay|surgery|deploy*|travel*)",
        ),
    ),
    Rule(
        # "left my journal for my therapist. she'll understand", "nothing unsaid before i go"
        "says goodbye for good",
        GOODBYE,
        (
            "(left|leaving|leave) (my|the) (journal|journals|diary|notebook|notebooks|notes) (for|with|to) (my|her|him"
            "|them)",
            "(nothing|anything) unsaid before (i go|im gone|the end|i leave)",
            "(paid back|paid off|payed back) (everyone|everybody|all my (debts|debt|loans))",
            "(you lot|yall|you all|you guys|you) (were|was) the best part of",
            "(you|yall|you all|you guys|everyone) (really|all|honestly) tried",
        ),
        also_needs=(
            "((she|he|they|shell|hell|theyll|she ll|he ll|they ll) [will] understand|before i go|closure|loose ends"
            "|in order|ready|goodbye|bye|farewell|unsaid|thanks|thank you|nothing left)",
        ),
        unless_in_message=(
            *GRADUATION,
            "(session|appointment|homework|assignment|review|read (it|them)|feedback|divorce|bankrupt*|student loan"
            "|mortgage|car loan|credit card|trip|vacation|holiday|moving|move|new job|retir*)",
        ),
    ),
    Rule(
        # the blind38 round's training rows: an exit planned, a deadline given, the warning signs owned
        "has a plan: an exit or a deadline",
        INTENT,
        (
            "(im|i am|i m|ive been|i ve been|lowkey|low key|quietly|secretly|already|currently|started|keep)"
            " [lowkey|low key|quietly|secretly|already|currently|just] (planning|plotting|figuring out) my (exit|way"
            " out)",
            "(gave|giving|give|given) myself (until|till|til|one more|a (week|month|year)|{NUM} (days|weeks|months))",
            "if nothing (changes|gets better|improves|is different) (by|before|in) ... (im|i am|i m|ill be|i will"
            " be|then) (done|out|gone|finished)",
            "(im|i am|i m) (showing|displaying|ticking|checking off|hitting|have) (every|all|most|each) [one|single"
            " one] [of (them|the (signs|warning signs|boxes))]",
        ),
        unless_after=(
            "(from (the|this|my) (job|company|team|role|marriage|relationship|lease|apartment|city|town|program|school"
            "|class)|strategy|interview|package|to (learn|finish|get|save|study|decide|find|apply|rest|heal)|a break)",
        ),
        unless_in_message=(
            *GRADUATION,
            "(job|work|company|boss|lease|career|quit|resign*|notice|diet|budget|savings|deadline|project|essay|exam"
            "|thesis|degree|finish (the|my)|symptoms of (a cold|flu|covid|adhd|autism)|cold|flu|covid|allergies)",
        ),
    ),
    Rule(
        # "ya tomé la decisión, this weekend it's over"; "si no me aprueban la incapacidad este mes, ya no sigo"
        "es: has decided to end it",
        INTENT,
        (
            "(ya tome|tome|ya hice) la decision",
            "ya no (sigo|voy a seguir|quiero seguir)",
        ),
        also_needs=(
            "(its over|it s over|it will be over|se acaba|se termina|this weekend|esta noche|tonight|for good|ya no"
            " sigo|si no|este mes|manana)",
        ),
        unless_after=("(con|en|yendo|trabajando|estudiando|ahi|alli|en ese|de|la (dieta|escuela|carrera))",),
        unless_in_message=(
            "(trabajo|job|mudar*|move|moving|divorcio|divorce|escuela|school|carrera|relacion"
            "|relationship|carro|car|casa|house|tatuaje|tattoo|dieta|diet|novio|novia)",
        ),
        spanish=True,
    ),
    Rule(
        # fear of what one might do: "im scard i will do somthin to my self", "not saif rite now"
        "fears acting on it",
        INTENT,
        (
            "(scared|afraid|worried|terrified|frightened) (i|that i|ill|i will|im going to|i might|of what i) [will"
            "|might|could|may] (do|doing) (something|smth|sth|somethin) [stupid|bad|dumb] (to|with) {SELF}",
            "(do|doing) (something|smth|sth|somethin) (stupid|bad|dumb|drastic) (to|with) {SELF}",
            "(close to|about to|near|this close to) (doing|do) (something|smth|sth|somethin) [stupid|bad|dumb] (to"
            "|with) {SELF}",
        ),
    ),
    Rule(
        # a body's fate after death read about over and over: "been reading about what happens to a body after.
        # cant stop"
        "researches death",
        SUICIDAL,
        (
            "(reading|researching|googling|looking up|read|researched|googled|looked up) [about] what happens to (a"
            "|the|your|my) body (after|when)",
        ),
        also_needs=("(cant stop|keep|keeps|obsess*|every night|all night|again|at 3am|for hours)",),
        unless_in_message=(
            "(class|course|essay|paper|mortuary|funeral (director|home)|nursing school|anatomy"
            "|forensic*|true crime|podcast|documentary|grandma|grandpa|mom|dad|died|passed)",
        ),
    ),
    Rule(
        # the blind38 round (blind38-41's misses): dying's slang of service and of the street
        "intends to act on suicidal thoughts",
        INTENT,
        (
            "(eat|eating|ate) (my|a|the) (gun|gat|piece|pistol|barrel|bullet|shotgun|glock|sidearm|service weapon|9"
            "|45)",
            "(pienso|voy a|quiero|estoy pensando en) hacer lo mismo",
            "(starting to|i finally|i kinda|i kind of|now i) (get|understand|see) why (he|she|they) (did it|did"
            " that|went)",
        ),
        also_needs=(
            "(gun|nights|night|tonight|stopped laughing|mean it|serious|se mato|se suicido|se quito la vida|killed"
            " (himself|herself|themselves)|suicide|did it|took (his|her|their) [own] life|last year|gone|pienso)",
        ),
    ),
    Rule(
        # others gone before the writer: "counting how many guys from my unit are gone now... feel like im just
        # running late", "dispatchers hear everybody elses last moments. kinda ready for my own"
        "wants to join someone who died",
        SUICIDAL,
        (
            "(feel like|feels like|starting to feel like) (im|i am|i m) [just] (running late|overdue|next|the next one"
            "|living on borrowed time|the last one left)",
            "(starting to|i) feel (overdue|next)",
            "(ready for|waiting for|looking forward to|want|wanting) my own",
            "should (have|of|ve) gone with (them|him|her)",
        ),
        also_needs=(
            "(gone|died|dead|funeral|last moments|last breath|death|obituary|memorial|buried|went that way|same way"
            "|locked up|muerto|muertos|murieron|se han muerto)",
        ),
    ),
    Rule(
        # a danger at work hoped for: "used to worry about getting killed on a call. now i kinda hope one goes bad"
        "wishes to die",
        SUICIDAL,
        (
            "(now|lately|honestly) i [kinda|kind of|sort of|low key|lowkey|secretly] (hope|wish) (one|a call|it|the"
            " next one|something|a shift|a run) (goes|go|turns) (bad|wrong|south)",
        ),
        also_needs=("(killed|die|dying|dead|call|shift|deployment|patrol|run|fire|scene)",),
    ),
    Rule(
        # a means in the house, the lock known: "wife locked up the guns after last time but i know where she hid
        # the key"; a gun handled alone: "keep loading and unloading the 1911. real quiet in here tonight"
        "has a means ready",
        MEANS,
        (
            "(know|found|figured out|found out) where (she|he|they|my *|the *) (hid|hides|keeps|put|puts|hide) the"
            " (key|keys|combination|code|gun|guns|pills|meds|box)",
            "(loaded|loading) (it|the gun|my gun|the pistol|the revolver) and (unloaded|unloading) (it|them)",
            "(keep|keeps|kept|been|sitting here|sat here) (loading|unloading|holding|staring at|spinning|checking)"
            " [and (unloading|loading|holding)] (the|my|a|his) (gun|pistol|1911|glock|revolver|rifle|shotgun|piece"
            "|sidearm|45|9mm|magazine)",
            "(the|my|a) (box cutter|blade|razor|knife|scissors|lighter|pills|bottle|rope|gun|bridge|sharpener) ..."
            " (keeps|keep|is|are|kept) calling (my name|me|to me)",
            "(bottle|box|pack) of [my] (sleep|sleeping) (meds|pills|tablets) and a (fifth|bottle|handle|pint) of",
            "(took|take|takes) apart (a|my|the|another) [pencil] sharpener",
            "(used|tried) what (was|is) in (it|the box|there|the kit)",
        ),
        also_needs=(
            "(locked|lock|safe|guns|gun|pills|meds|after last time|quiet|tonight|alone|again|did a little|{PILLS}|jack"
            "|vodka|whiskey|whisky|tequila|rum|gin|wine|beer|blade*|razor*|hid|hidden|box|kit|stash|cant tell|dont"
            " tell|times|streak)",
        ),
        unless_in_message=(
            "(range|hunting|deer|season|class|competition|safety course|cleaning kit|gun safe|locksmith|forgot the"
            " combination|birthday|surprise|christmas|present|gift|cookie*|candy|chocolate|snack*|tv|wifi|remote|xbox"
            "|controller|playstation|switch|car keys|liquor cabinet|lol|haha)",
        ),
    ),
    Rule(
        # a place of danger visited and to be visited again: "drove to the bridge on route 9 yesterday and sat there
        # an hour. i'll go back", "walked over the bridge on 5th again and stood at the edge for 20 minutes"
        "means: a height visited",
        MEANS,
        (
            "(drove|walked|went|rode|biked|drive|walk|go) (to|over|onto|out to|up to|across) the {HIGH_PLACE}",
            "(stood|standing|sat|sitting|stand|sit) (at|on|by|near|over) the (edge|ledge|railing|rail)",
        ),
        also_needs=(
            "((sat|stood|parked|stayed|sitting|standing) (there|on it|at the edge|by the edge|for)|(ill|i will|i ll"
            "|gonna|going to|might) go back|(at|by|over) the (edge|railing|rail)|looked down|minutes|an hour|again)",
        ),
        unless_in_message=(
            "(view|sunset|sunrise|photo*|picture*|pics|jog|run|bike ride|fishing|fish|picnic|tour"
            "|walked the dog|dog walk|fireworks|parade|traffic|commute|lunch|festival|date)",
        ),
    ),
    Rule(
        # a means on the mind: "there's rope in the storage unit from when we moved. it's been on my mind all day"
        "has a means ready",
        MEANS,
        (
            "(its|it s|it has|its been|it s been|theyve been|has been|have been|been|was) on my mind [all day|all"
            " week|constantly|nonstop|a lot|all night|since]",
        ),
        also_needs=(
            "(rope|gun|pills|bridge|blade|razor|noose|belt|cord|the tracks|the edge|the garage|sleeping pills)",
        ),
        unless_in_message=(
            "(camping|climb*|project|tent|gym|hammock|swing|boat|hunting|range|pharmacy|refill|price|buy|purchase"
            "|sale|repair|fix|collapse|news|traffic|toll|construction|game|show|movie|book|article|podcast)",
        ),
    ),
    Rule(
        # "my kids deserve a mom who isnt this. they'll be fine with my sister"; "my grandson wouldnt have to drive 2
        # hrs every weekend if i was gone. it would be a mercy for everyone"
        "thinks others are better off without them",
        SUICIDAL,
        (
            "(theyll|they will|they ll|he ll|hell|she ll|shell|he will|she will|theyd|they would) be (fine|ok|okay"
            "|alright|better off|happier|taken care of) with (my|her|his|their) (sister|brother|mom|mum|dad|parents"
            "|aunt|uncle|grandma|grandpa|ex|husband|wife|mother|father)",
            "if i (was|were|m|am) (gone|dead|not here|not around)",
            "(would|itd|it d|it would|would be) [be] a (mercy|relief|blessing|kindness|favor|favour) (for|to)"
            " (everyone|everybody|them|all|my family|the family|us all)",
        ),
        also_needs=(
            "(deserve|deserves|without me|better off|burden|isnt this|wouldnt have to|wont have to|mercy|easier for"
            "|be free|blessing)",
        ),
        unless_in_message=(
            "(trip|vacation|holiday|weekend away|business trip|deploy*|surgery|hospital stay|rehab"
            "|treatment program|inpatient|while im (away|at)|for the week|for a week|for the weekend|for the night"
            "|for the day|for a few days|out of town|babysit*|used to (believe|think"
            "|feel)|i (thought|believed)|misread|anymore|not true|a lie|proved me wrong)",
        ),
    ),
    Rule(
        # "friday night works out perfect for what i need to do" with the house empty; "tonight's the night" after
        # the cat was left "for a trip"
        "has a plan: time alone",
        INTENT,
        (
            "(tonights|tonight s|tonight is|tonight|todays|today s|today is|this is) the (night|day)",
            "(tomorrows|tomorrow s|tomorrow is|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            " (is|s) the (day|night)",
        ),
        also_needs=(
            "(gone|away|alone|nobody|no one|empty|all weekend|out of town|asleep|left the (cat|dog)|gave [away] my"
            "|cleaned|note|letter|said goodbye|for a trip|last|will|sorted|affairs|keys|going to my)",
        ),
        unless_in_message=(
            "(date|party|concert|game|launch|premiere|opening|finale|wedding|prom|recital|test|exam"
            "|interview|birthday|anniversary|surprise|proposal|propose|first day|move|moving)",
        ),
    ),
    Rule(
        # something given away that will not be needed: "you can have my 1 year chip. i wont need it", "if anyone
        # wants my truck its yours. keys are in the visor. so long"
        "gives away belongings",
        GOODBYE,
        (
            "(i wont|wont|i will not|im not going to|im not gonna|i dont|i m not gonna) need (it|them|those|these)"
            " [anymore|again|where im going|after this]",
            "(if anyone wants|anyone want|whoever wants|if somebody wants) my",
        ),
        also_needs=(
            "(you can have|can have|take my|keep my|its yours|theyre yours|have my|so long|goodbye|bye|farewell"
            "|take care|keys are)",
        ),
        unless_in_message=(
            *GRADUATION,
            "(moving|move|florida|trip|outgrew|too small|too big|new one|upgrade|upgraded|bought a new|sell|selling"
            "|for sale|gift|winter|summer|size|baby|kids grew|decluttering|declutter|spring cleaning|garage sale"
            "|yard sale|marie kondo|got a new|retired|leftovers|extra|spare)",
        ),
    ),
    Rule(
        # an event the writer can't see themselves at: "i just don't see myself at graduation. like i literally
        # can't picture being there"
        "sees no future",
        SUICIDAL,
        (
            "(dont|do not|cant|can not|cannot) [really|even|literally] (see|picture|imagine) (myself|me) [being]"
            " (at|there at|making it to|walking at|walking) (graduation|my graduation|my wedding|the wedding"
            "|christmas|my birthday|thanksgiving|prom|the reunion|commencement)",
            "(cant|can not|cannot) [even|literally] picture (being|myself|me) there",
        ),
        unless_after=("(because|bc|since|cause|cuz) (im|i m|i am|i|of) ...",),
        unless_in_message=(
            "(dropping out|drop out|transfer*|failing|fail|not graduating|wont graduate|not walking"
            "|skip the ceremony|skipping the ceremony|dont like crowds|hate crowds|introvert|shy)",
        ),
    ),
    Rule(
        # self-harm hidden or read between the lines: "wearing long sleeves to class in 80 degree weather again if
        # that tells you anything", "bought a new pack of blades today "for crafts" lol. crafts"
        "self-harm relapse told without the word",
        SELF_HARM,
        (
            "(wearing|wore|wear) (long sleeves|a hoodie|hoodies|jeans|long pants|sweaters|a sweater|a jacket) ..."
            " (in|during|when its) ... (degree|degrees|heat|summer|heatwave|weather)",
            "(for crafts|for a project|for shaving|for work|for art|for my art|for school) (lol|lmao|haha|ha|sure"
            "|yeah right|right) [.] (crafts|project|shaving|work|art|sure|right)",
            "(carving|carved|carve) (lines|into (my|me)|my (arm|arms|skin|leg|legs|thigh|thighs|wrist|stomach))",
            "(til|till|until) (it|they) (drew|draws|draw) blood",
            "my (arms|legs|wrists|thighs|skin) (look|looks) like (they did|it did) (in|back|when|before)",
            "(bandaged|bandaging|wrapped|wrapping|patched up|taped up) my (wrist|wrists|arm|arms|thigh|thighs|leg|legs"
            "|forearm) (again|before)",
            "(broke|broken|lost|reset|ended|breaking) my (streak|clean streak|chip|clean time|day count)",
            "did a little (in the bathroom|on break|tonight|last night|again)",
        ),
        also_needs=(
            "(again|if that tells you|you know why|guess why|can guess|to hide|hiding|cover|tonight|last night|knife"
            "|pressure|blood|not ok"
            "|thought i was done|shaking|times|lol|crafts|box cutter|blade|razor|sharpener|bathroom)",
        ),
        unless_in_message=(
            "(duolingo|snap|snapchat|wordle|gym|workout|running|steps|reading streak|app streak|chess|water"
            "|habit tracker"
            "|log my|logging|meditat*|flashcards|bible reading|no spend|sober streak|vaping|smoking"
            "|pumpkin|turkey|wood|soap|whittl*|sculpt*|ice sculpture|the ham|roast|the dog|sunburn"
            "|allerg*|eczema|cold out|a chill|chills|fever|ac is|air conditioning|freezing)",
        ),
    ),
    Rule(
        # an empty house and a thing to do: "roommates gone all weekend... friday night works out perfect for what i
        # need to do"
        "has a plan: time alone",
        INTENT,
        ("(perfect|perfectly|good|works|ideal) for what i (need|have|want|plan|planned|got) to do",),
        also_needs=(
            "(gone|away|alone|nobody|no one|empty|all weekend|out of town|asleep|wont be home|no signal|no neighbors"
            "|no one around|isolated|middle of nowhere)",
        ),
    ),
    Rule(
        # a life-insurance clause waited out: "changed the beneficiary... the 2 yr clause runs out friday"
        "has a plan: a date set",
        INTENT,
        (
            "(clause|exclusion|waiting period|contestability period|suicide clause) ... (runs out|ends|expires|is up"
            "|is over|passes|ran out)",
            "(2|two|1|one) (year|yr) clause",
        ),
        also_needs=("(life insurance|policy|beneficiary|timing|payout|pays out|insurance|just curious|asked why)",),
    ),
    Rule(
        # "llevaba un año sin cortarme y anoche lo volví a hacer"
        "es: self-harm again",
        SELF_HARM,
        ("(lo volvi a hacer|volvi a (cortarme|lastimarme|hacerme dano|quemarme|hacerlo)|recai)",),
        also_needs=("(cortarme|cortar|lastimarme|hacerme dano|quemarme|navaja|cuchilla|sangre|brazos|piernas|racha)",),
        spanish=True,
    ),
    Rule(
        # the blind38 round's second training rows (gen38-39): a death by illness or accident hoped for ("if the
        # covid ward takes me out this time i wont fight it", "ojalá el cáncer me lleve rápido")
        "wishes to die",
        SUICIDAL,
        (
            "(i|im|i m) (wont|will not|not going to|not gonna|wouldnt|would not) fight (it|back|this time)",
            "ojala [que] (el cancer|la enfermedad|esto|algo|un carro|un camion|el corazon) (me (lleve|mate|lleva"
            "|atropelle|lleve rapido)|se me caiga encima)",
            "se me caiga algo encima [y ya]",
        ),
        also_needs=(
            "(takes me|take me|kills me|gets me|cancer|covid|illness|disease|diagnosis|ward|ojala|rapido|y ya|tired"
            "|cansad*)",
        ),
        unless_in_message=(
            "(cold|flu|allerg*|argument|debate|ticket|charge|fine|lawsuit|custody|case|court"
            "|appeal|the urge|cravings|sleep|nap)",
        ),
    ),
    Rule(
        # a place of danger gone back to: "there's a bridge out past the grain elevator nobody uses at night. been
        # going there a lot"; "i keep standing at the top of the stairwell at work longer than i should"
        "means: a height visited",
        MEANS,
        (
            "(been|keep|i keep|kept|started) (going|driving|walking) (there|back there|out there) [a lot|every night"
            "|at night|again|alone|lately]",
            "(standing|stand|sitting|sit|stood|sat) (at the top of|at the edge of|on the edge of|by the edge of|on top"
            " of) ... (longer than i should|too long|for a long time|for an hour)",
        ),
        also_needs=("({HIGH_PLACE}|tracks|quarry|cliff|overlook|river|lake|edge|stairwell|stairs|ledge|railing)",),
        unless_in_message=(
            "(view|sunset|sunrise|photo*|picture*|pics|jog|run|fishing|fish|picnic|tour|dog|church"
            "|gym|class|work out|lunch|coffee|festival|date|friends)",
        ),
    ),
    Rule(
        # the blind38 round's second training rows: a letter left to be found, an email timed for after, the
        # writer's pet remembered by others, a calm after deciding
        "says goodbye for good",
        GOODBYE,
        (
            "(put|left|hid|leave|leaving) (it|them|the letter|the note|a letter|a note|the letters) where (he|she|they"
            "|his *|her *|my *|someone|somebody) (will|ll|would|can) find (it|them)",
            "(theyll|they will|they ll|she ll|shell|he ll|hell|she will|he will) (get|read|see|find) (it|them) after",
            "(plans|plan|letters|letter|instructions|notes|note|email|emails|list|everything) for after",
            "(isnt|wont be|is not|arent|are not|wont get|won t be) (screwed|stuck|left short|left hanging) after",
            "like (im|i m|i am) saying goodbye",
            "(apologizing|apologising|apologized|apologised|saying sorry) to (my|the) * in advance",
            "less for (everyone|them|my family|anyone|my kids|my parents) to (sort through|clean up|deal with|go"
            " through|pack up)",
            "(somebody|someone|anybody|anyone) [please|pls] remember (that|this|her|him) [for me]",
            "(calm|peaceful|at peace|relieved|lighter|quiet) (you get|i feel|i am|i got|it gets|it feels) (once|now"
            " that|since) (you|i) (decide|decided|made (the|my|a) decision)",
            "(im|i am|i m|ill be|i ll be|i will be) (free|done|out|gone) . for good",
        ),
        unless_after=(CLAUSE_GOES_ON,),
        unless_in_message=(
            *GRADUATION,
            "(surprise|birthday|party|gift|christmas|anniversary|valentine*|scavenger|treasure hunt|easter egg"
            "|vacation|trip|out of office|maternity|paternity|leave of absence|sabbatical)",
        ),
    ),
    Rule(
        # "thank you all. you tried. it's not your fault"
        "says goodbye for good",
        GOODBYE,
        (
            "(you|yall|you all|you guys|everyone) [really|all|honestly] (tried|did your best|did all you could|did"
            " everything you could)",
        ),
        also_needs=("(not your fault|not anyones fault|dont blame yourselves|no ones fault|not on you)",),
    ),
    Rule(
        # time alone made sure of: "no one's home after 3 tomorrow. i checked everyone's schedule twice", "told them
        # i had to work. i don't", "nobody checks til 6"
        "has a plan: time alone",
        INTENT,
        (
            "(checked|know|memorized|learned|figured out) (everyones|everyone s|everybody s|everybodys|their|his|her)"
            " (schedule|schedules|shifts|routine|routines)",
            "(told|tell) (them|everyone|everybody|my (wife|husband|family|mom|mum|parents|roommate|partner)) (i|that i)"
            " (had|have) to (work|study|stay late) . i (dont|didnt|do not|don t|did not)",
            "(nobody|no one|noone) (checks|will check|comes|will come|gets here|is back|comes back|will be back) (til"
            "|till|until|before)",
        ),
        also_needs=(
            "(no one|nobody|noone|alone|home|empty|gone|away|at the lake|keys|trip|the (lake|beach|cabin)|(everyone"
            "|everybody) (is|s|will be) (at|away|gone|out))",
        ),
        unless_in_message=(
            "(surprise|party|birthday|gift|proposal|propose|christmas|date|sleep in|nap|movie|game"
            "|clean|cleaning|deep clean|bubble bath|bath|spa|study|practice)",
        ),
    ),
    Rule(
        # a means checked, weighed, picked up and put down, kept unused "yet" (gen38)
        "has a means ready",
        MEANS,
        (
            "(checked|tested|checking|testing|made sure) (if|whether|that) (the|my|his|her|dads|my dads) [old]"
            " (revolver|gun|pistol|rifle|shotgun|glock) [still] (works|fires|is loaded)",
            "(itd|it would|it d|it will|itll|it ll|theyd|they would|would) hold",
            "(picking|pick|picked|keep picking) up (the|a|my) (bottle|pills|gun|blade|razor|knife|rope) and (putting"
            "|put) (it|them) (back|down)",
            "(havent|have not|haven t|didnt|not) (used|touched|opened) (them|it) [.] yet",
            "(didnt|did not|never) (throw|threw|get rid of|toss|flush) (it|them) (out|away)",
            "(conte|contando|cuento) (las|mis) (pastillas|pildoras|medicinas)",
            "(se|sabia|supe) donde (guarda|esconde|tiene|deja|guardan|esconden) ... (la llave|las llaves|la pistola"
            "|el arma|las pastillas|las escopetas)",
        ),
        also_needs=(
            "(beam|rafter|hook|branch|pipe|tested|ceiling|closet rod|rope|belt|stash|pills|meds|blades|blade|razor*"
            "|gun|revolver|kit|box|alcanzan|suficientes|bastantes|escopeta*|armario|purse|bag|pocket|it does|works"
            "|bottle)",
        ),
        unless_in_message=(
            "(shelf|shelves|tv|hammock|swing|plant|mirror|picture|weight|pull up bar|bike rack|tent|bridge deck"
            "|pharmacy|drop off|take back|disposal|expired|drop them|range|hunting|season|deer|gunsmith|cleaning"
            "|recycl*|wine|beer|water bottle|baby bottle|formula|the fridge|chocolate|cookie*|coupon*|receipt*)",
        ),
    ),
    Rule(
        # self-harm kept secret or supplied for (gen38): counters reset, a kit restocked, bandages beyond need, urgent
        # care avoided, a lie about the marks, questions nobody asks
        "self-harm relapse told without the word",
        SELF_HARM,
        (
            "(counter|streak|count|day count|clean counter|app) (reset|resets|went back|is back|says|went) [to] (0|zero"
            "|day 1|day one)",
            "(back to|reset to|restart at|start over at|go back to) day (1|one|0|zero)",
            "more (bandages|gauze|band aids|bandaids|steri strips) than",
            "(restocked|refilled|rebuilt|replaced|restock) my (kit|stash|supplies|box)",
            "not for a (kid|customer|patient|student|client|camper|resident)",
            "(so i dont have to|so i wont have to|instead of) (go to|going to) (urgent care|the er|the hospital|the"
            " nurse)",
            "(nobody|no one) (asks|notices|looks|will ask|will notice) [questions]",
            "(with|next to|beside|and) (the thing|what) i used (last night|tonight|yesterday|again)",
            "(told|tell|telling) (the|my|her|him|them|everyone) [kids|boss|nurse|teacher|mom|dad|wife|husband] (i|that"
            " i) ((got|was|had been) (scraped|scratched|hurt|burned|cut|bitten)|(burned|burnt|cut|scratched|hurt)"
            " myself) ... . i (didnt|did not|wasnt|was not)",
            "(lie|lied|lying) [to] ... about (the|my) (marks|cuts|burns|scars|arms|wrists|bandages)",
            "(cutting|cut|burning|burned|hitting) again",
            "(it|that) happened again",
            "(se acabo|perdi|rompi) (mi|la) (streak|racha)",
            "(manga larga|sudadera) ... (calor|ya saben por que)",
        ),
        also_needs=(
            "(today|tonight|last night|again|in a row|nights|times|didnt even|shouldnt|kit|bandage*|gauze|steri|i didnt"
            "|i did not"
            "|first aid|stitches|arms|wrists|wristbands|sleeves|marks|bleeding|blood|chip|cortarme|cortar|calor"
            "|hide|hiding|fight it|blade*|razor*)",
        ),
        unless_in_message=(
            "(duolingo|snap|snapchat|wordle|gym|workout|running|steps|reading streak|app streak|chess|water|habit"
            " tracker|log my|logging|meditat*|flashcards|bible reading|no spend|sober streak|vaping|smoking|hair|grass"
            "|lawn|carbs|sugar|coupons|bangs|onion*|vegetables|(the|my) (kid|kids|son|daughter|sons|daughters)"
            " (knee|elbow|knees|elbows)|recipe|fabric|wood|pumpkin|game|level|boss fight|concert tickets|a fight with)",
        ),
    ),
    Rule(
        # "does this bot actually do anything if someone says they want to kill themselves? asking because i do"
        "feels suicidal",
        SUICIDAL,
        ("(asking|ask) (because|bc|cause|cuz|since) i (do|am|kinda do|feel (that|the same|it|that way))",),
        also_needs=("(kill|die|suicid*|end it|hurt|unalive|kms|not be here|not wake up|dead)",),
    ),
    Rule(
        # "dejé los papeles del seguro en orden para que mi hija no batalle cuando yo no esté"
        "es: arranges care for when they are gone",
        GOODBYE,
        ("cuando [yo] [ya] no (este|estare|exista|viva|este aqui)",),
        spanish=True,
    ),
    Rule(
        # the blind38 round's last training rows (gen40-41): a last errand, a last reason, a check-in reckoned
        "has a plan: everything in order",
        INTENT,
        (
            "(affairs|everything|things) (are|is|s) (in order|handled|taken care of|sorted)",
            "i know the (spot|place) and [i know] the (time|day|date|night) .",
            "how long (before|until|till|til) (anybody|anyone|someone|somebody|they|people) (would|will|d|ll) (check"
            " on|find|notice|miss|come looking for) me",
            "[the] (last|only) reason (i was|im|i am|i m|i was still) (waiting|still here|staying|holding on|hanging"
            " on|sticking around)",
            "(relief|calm|peace) since i decided",
            "(held onto|kept|saved|saving|holding onto|hoarded|been keeping) ... for [exactly] this (reason|purpose"
            "|moment|day|night)",
        ),
        also_needs=(
            "(picking|the night|the day|lighter|relief|now its just|is the day|check on|enough|reason|waiting"
            "|prescription|pills|meds|gun|rope|blade*|goodbye|at peace|calm|spot|the time)",
        ),
        unless_in_message=(
            *GRADUATION,
            "(move|moving|surgery|trip|vacation|wedding|baby|due date|exam|finals|semester|season|tax*|audit"
            "|deadline|project|launch|closing|house sale|estate plan*|lawyer|retir*|the show|the game|the movie"
            "|party|event|dinner|holiday|christmas|thanksgiving|fundraiser|conference|recital|tournament)",
        ),
    ),
    Rule(
        # "called everyone today. my friend said i sounded happy. i am, cause its almost over"
        "says goodbye for good",
        GOODBYE,
        ("(its|it s|it is) almost over",),
        also_needs=(
            "(called everyone|sounded happy|said goodbye|goodbye|at peace|calm now|relieved|lighter|letters|the note"
            "|my note)",
        ),
        unless_in_message=(*GRADUATION, "(semester|finals|exam|week|shift|season|game|movie|show|flu|cold|surgery)"),
    ),
    Rule(
        # a last word to the dead or to God: "went to dad's grave today. told him i'd see him soon", "thank you lord
        # for the good years. i'm ready to come home"
        "wants to join someone who died",
        INTENT,
        (
            "(told|tell|telling) (him|her|them) (id|i d|ill|i ll|i will|i would) see (him|her|them) soon",
            "(ready|want|wanna|time|asking) to (come|go) home",
        ),
        also_needs=(
            "(grave|cemetery|funeral|passed|died|heaven|lord|god|jesus|father|the good years|pray*|urn|ashes)",
        ),
        unless_in_message=(
            "(trip|vacation|hospital|rehab|college|work|school|camp|deploy*|tour|flight|visit"
            "|visiting|mission trip|retreat)",
        ),
    ),
    Rule(
        # a farewell round told in passing: "drove by the old house and my high school one last time. feels
        # finished", "gonna miss you all. it was a good run", "had a good last day"
        "says goodbye for good",
        GOODBYE,
        (
            "one last time",
            "(it was|its been|it s been|it has been|was) a good run",
            "(had|having|have) (a|my) (good|nice|perfect|great|quiet|lovely) last day",
            "(im|i am|i m) checking out",
        ),
        also_needs=(
            "(feels finished|feels done|feels complete|its finished|before i go|goodbye|bye|miss you|this is it"
            "|favorite food|sunset|crew|keep the|take care|love you all|so long)",
        ),
        unless_after=("(at|of|in|on|with|the|for|before (the|my|we|i (move|leave|start)))",),
        unless_in_message=(
            *GRADUATION,
            "(hotel|airbnb|store|groceries|library|cart|register|lol|haha|job|season|team|show|series|tour|band"
            "|shift at|lease|apartment|house|moving|move|trip|vacation|semester|school year|college|camp|league)",
        ),
    ),
    Rule(
        # "estoy regalando mis cosas", "este fin de semana es el último", "ya estoy lista"
        "es: says goodbye for good",
        GOODBYE,
        (
            "(estoy regalando|regale|regalando|ya regale) (mis|todas mis) cosas",
            "(este|el) (fin de semana|viernes|sabado|domingo|lunes|dia|mes) es el ultimo",
            "ya estoy (lista|listo)",
        ),
        also_needs=(
            "(ya no puedo|no aguanto|neta|una vez mas|one more time|despedirme|su voz|his voice|her voice|guitarra"
            "|cosas|ya se la di|last time)",
        ),
        unless_in_message=(
            "(mudanza|me mudo|mudarme|no me quedan|ropa que ya no|fiesta|viaje|vacaciones|boda"
            "|examen|trabajo|escuela|clase|graduacion|cena|salir)",
        ),
        spanish=True,
    ),
    Rule(
        # "told everyone its a hiking trip sunday. it's a one way trip"
        "says goodbye for good",
        GOODBYE,
        ("(its|it s|it is|this is) a one way (trip|ticket)",),
        unless_in_message=(
            *GRADUATION,
            "(ticket to|flight|booked|moving|move|relocat*|new job|abroad|visa|airline|airport|plane)",
        ),
    ),
    Rule(
        "has a plan: waits for an empty house",
        INTENT,
        (
            "(decided|made up my mind|mind is made up|its decided|going to|gonna|gona|ill|i will|planning to|plan to"
            "|waiting to|wait to) ... (do|doing|go through with) it",
            # the present progressive as a future: "i'm doing it when my parents go out of town"
            "{IM} [really|finally|actually] (doing|going through with) it",
            # "been planning it for a week. saturday while my parents are at my aunt's"
            "(been|ive been|i have been|i ve been|im|i am|i m) planning (it|this) (for|since)",
        ),
        also_needs=(
            "(when|while|after|once|as soon as|until) (my|the|everyone|everybody|nobody|no one|noone) ... (is|are|s"
            "|goes|go|leave|leaves|left|falls|fall) (at work|asleep|out|away|gone|to (sleep|bed|work)|not home"
            "|out of town|on (vacation|holiday)|at (my|his|her|their|our|a|the))",
            # someone leaving, wherever to: "as soon as my mom leaves for her night shift"
            "(when|while|after|once|as soon as|until|till) (my|the|everyone|everybody) ... (leave|leaves|left"
            "|fly out|flies out|flew out|goes|go) (for|to)",
        ),
    ),
    Rule(
        # someone with the writer right now has taken an overdose: "she swallowed a bunch of her pills and
        # won't let me call anyone"; a crisis for the one at risk, and the writer needs the resources
        "someone with them has taken an overdose",
        MEANS,
        (
            "(she|he|they|my (friend|roommate|sister|brother|mom|mum|dad|partner|girlfriend|boyfriend|wife|husband"
            "|son|daughter|kid|cousin)) [just] (swallowed|took|downed|ate|overdosed on|od d on|odd on) (a bunch of|a"
            " lot of|all|all of|a handful of|the whole|a whole bottle of|too many|like # of|#) [her|his|their|the|my]"
            " {PILLS}",
            "(el|ella|mi (amiga|amigo|hermana|hermano|mama|papa|novia|novio|roommate|companera|companero)|dice que"
            "|me dijo que|dijo que|me escribio que) se (tomo|trago) (todas|un monton de|muchas|un frasco de)"
            " [las|sus|mis] ({PILLS}|pastillas|pildoras)",
        ),
        also_needs=(
            "(what do i do|what should i do|wont let me|right here|right now|rn|just now|help|call 911|call anyone"
            "|not waking|wont wake|que hago|ayuda|no despierta|ahorita|ahora)",
        ),
    ),
    Rule(
        # someone with the writer says they will end their life now: "my brother is here with me saying
        # he's going to kill himself tonight"; as with an overdose, the writer needs the resources
        "someone with them says they will end their life",
        INTENT,
        (
            "(saying|says|keeps saying|telling me|tells me|texting me|texted me|just told me|just said|swearing"
            "|swears|threatening|threatens) [that] (hes|shes|theyre|he is|she is|they are|he will|she will|they will"
            "|hell|shell|theyll|he|she|they) [is|are|will] [really|actually|definitely|seriously] (going to|gonna"
            "|about to|planning to|trying to|ready to) (kill (himself|herself|themself|themselves)|end (his|her|their)"
            " [own] life|commit suicide|take (his|her|their) [own] life|end it [all])",
            "(threatening|threatens|threatened|keeps threatening) to (kill (himself|herself|themself|themselves)|end"
            " (his|her|their) [own] life|commit suicide|take (his|her|their) [own] life)",
        ),
        also_needs=(
            "(what do i do|what should i do|wont let me|wont give me|right here|here with me|with me (right now|rn"
            "|now)|right now|rn|just now|tonight|locked (himself|herself|themselves|themself) in|que hago|ahorita"
            "|ahora mismo|esta noche)",
        ),
        unless_in_message=(
            "(episode|movie|film|show|series|book|novel|villain|character|scene|season finale|play|musical|anime"
            "|manga|comic)",
        ),
    ),
    Rule(
        "someone with them says they will end their life",
        INTENT,
        (
            "(dice|esta diciendo|me dijo|me esta diciendo|amenaza con|sigue diciendo) que se (va a|quiere) (matar"
            "|suicidar|quitar la vida)",
            "amenaza con (matarse|suicidarse|quitarse la vida)",
        ),
        also_needs=(
            "(que hago|que debo hacer|ahorita|ahora mismo|esta noche|esta aqui conmigo|esta conmigo|no me deja)",
        ),
        spanish=True,
    ),
    Rule(
        # the key to a gun safe got hold of in secret: "got the key to my grandpa's gun safe, he doesn't know"
        "has got at a firearm in secret",
        MEANS,
        (
            "(got|have|found|took|stole|grabbed|copied|made a copy of|figured out|found out|know|learned|guessed"
            "|snuck) (the|a|my) [spare] (key|keys|code|combination|combo|pin|passcode) (to|for|of) ... (gun safe"
            "|gun cabinet|gun case|gun locker|gun box|rifle case|gun|guns)",
        ),
        also_needs=(
            "(doesnt know|dont know|does not know|do not know|wont notice|wont know|has no idea|have no idea"
            "|nobody knows|no one knows|noone knows|without (him|her|them) knowing|behind (his|her|their) back"
            "|secretly|in secret|dont tell)",
        ),
    ),
    Rule(
        # a means kept for a moment to come: "filled my new script and didn't take any. i'm keeping them for
        # when i decide"
        "is keeping a means for later",
        MEANS,
        (
            "(keeping|saving|saved|kept|keep|holding onto|hanging onto|stashing|stashed|hiding|hid|hoarding"
            "|stockpiling) (them|those|these|it|the rest|the pills|the meds|my pills|my meds) (for|until|til|till)"
            " (when i decide|when im ready|when i am ready|the right (time|moment|day|night)|the day|a bad (day|night)"
            "|when the time comes|when its time|if i decide|when i finally)",
        ),
        also_needs=("({PILLS}|gun|rope|blade*|razor*)",),
    ),
    Rule(
        # a plan timed to spare others the blame: "my plan is to wait until after my last iop session so
        # nobody blames the program"
        "has a plan: timed it to spare others",
        INTENT,
        (
            "so (nobody|no one|noone|they|people|my (family|mom|mum|dad|parents|therapist)) (blames|can blame"
            "|will blame|would blame|cant blame|doesnt blame|wont blame|dont blame) (the program|the group"
            "|my therapist|the therapist|you guys|yall|you all|iop|my (family|parents|mom|mum|dad|therapist"
            "|counselor|facilitator|group)|them|anyone|themselves|the (school|job|hospital))",
        ),
        also_needs=(
            "(my plan|plan is|the plan|planning|wait (until|till|til) after|waiting (until|till|til) after|after my"
            " last|when im gone|after im gone|go through with|end it)",
        ),
    ),
    Rule(
        # "would anyone even call if someone didn't show up to group ever again"
        "wonders if anyone would notice them gone",
        SUICIDAL,
        (
            "(would|will|d) (anyone|anybody|any of you|yall|you guys|people|someone|somebody) [even|ever|actually"
            "|really] (notice|care|call|miss me|check on me|look for me|text|ask about me|come looking)",
        ),
        weak=True,
        also_needs=(
            "(if|when) (i|someone|somebody|a person|one of us) [just|never|suddenly] (didnt|did not|never|stopped"
            "|wasnt|werent|was gone|were gone|disappeared|vanished|went missing)",
        ),
        unless_in_message=(
            "(camping|vacation|trip|out of town|holiday|away for|traveling|travelling|off the grid|no signal|no wifi)",
        ),
    ),
    Rule(
        # "my therapist asked if i have a plan and i said yes"
        "says yes when asked about a plan or thoughts",
        INTENT,
        (
            "(said|told (him|her|them|my (therapist|doctor|nurse|counselor|counsellor|psychiatrist|mom|mum|dad))"
            "|answered|admitted|nodded|said that) (yes|yeah|yea|yep|that i do|i do|i did|that i did|that i have"
            "|i have)",
        ),
        also_needs=(
            "(asked|asks|asking|ask) [me] (if|whether|about) ... ((a|any) plan|suicid*|kill*|end my life|ending my"
            " life|ending it|hurt* (myself|yourself)|harm* (myself|yourself)|thoughts of (dying|death|suicide"
            "|killing|hurting|ending))",
        ),
        unless_after=("(to|for|about|when|because|that i (was|am|had) (fine|ok|safe))",),
        unless_in_message=(
            "(a|any) (plan|plans) for (the|this|my|dinner|lunch|tonight|tomorrow|today|work|school|christmas)",
            "(kill|killing|kil) (time|it)",
        ),
    ),
    Rule(
        # no fear of death left: "is it weird that i'm not scared of dying anymore?"
        "no longer fears death",
        SUICIDAL,
        (
            "(not|no longer) [even|really|that|as] (scared|afraid|frightened|fearful) (of (dying|death|being dead"
            "|the idea of dying)|to die) (anymore|any more|now|at all)",
        ),
        weak=True,
    ),
    Rule(
        "no longer fears death",
        SUICIDAL,
        ("ya no (le tengo|tengo) miedo (a la muerte|a morir|de morir|de la muerte|a morirme|de morirme)",),
        weak=True,
        spanish=True,
    ),
    Rule(
        # a last message that signs off: "my lst msg. love u al. dont be sad"
        "says goodbye for good",
        GOODBYE,
        ("my (last|final) (message|msg|text|post|words)",),
        also_needs=(
            "(love (you|u|yall|you all|everyone)|thank you|thanks|tank (you|u)|thx|ty|sorry|bye|goodbye|dont be sad"
            "|take care|forgive me)",
        ),
        unless_after=("(of the (day|night|week|year)|for (today|tonight|the (day|night|week))|before (bed|i sleep))",),
    ),
    Rule(
        # "new year's eve. that's my date. i've had it circled for a month"
        "has a plan: knows when, or has notes and a date",
        INTENT,
        ("(thats|that s|that is|its|it s) my (date|day)",),
        also_needs=("(circled|marked|picked|chose|chosen|decided|set it|planned|counting down|no going back)",),
        unless_after=("(for|to|with|at|of|off|and)",),
    ),
    Rule(
        # "won't be here tomorrow", unless for an everyday reason ("won't be here tomorrow for group, court date")
        "says goodbye for good",
        GOODBYE,
        (
            "(wont|will not|not going to|not gonna|aint gonna|wont even) be (here|around) (tomorrow|next week|to see)",
            "(wont|will not|not going to|not gonna|aint gonna|wont even) be (here|around|alive) to (start|enjoy|use"
            "|need|get|meet|celebrate|collect|spend|finish|pay|see)",
        ),
        unless_after=("(for (group|class|work|school|session|the meeting|a while|the day|dinner|lunch|practice))",),
        unless_in_message=(
            "(dentist|doctor|appointment|court|recital|shift|trip|vacation|flight|see (yall|you|ya|u)|catch up"
            "|be back|back (on|by|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|wed|thurs)|moving day"
            "|sick|fever|flu|covid|out of town|visiting|wedding|funeral|travel*)",
        ),
    ),
    Rule(
        # a means kept behind a safety promise: "i didnt throw out the blades like i told my therapist"
        "kept a means they said they gave up",
        MEANS,
        (
            "(didnt|did not|never|havent|have not) (throw out|throw away|get rid of|hand over|hand in|turn in|flush"
            "|give up|give away|lock up) (the|my|all the|all my|any of the|any of my) ({PILLS}|pills|blades|razors"
            "|razor|gun|rope|stash|knives)",
            "(thinks|think|believes|believe|thought) (i|that i) (got rid of|threw out|threw away|flushed|turned in"
            "|handed (over|in)|gave (away|up)|locked up) (the|my|all the|all my) ({PILLS}|pills|blades|razors|gun"
            "|rope|stash)",
        ),
    ),
    Rule(
        # "the anniversary of his death is sunday. im going to join him"
        "wants to join someone who died",
        INTENT,
        (
            "(going to|gonna|want to|wanna|ready to|about to|time to|will|ill|cant wait to|soon i will|id like to"
            "|i would like to|longing to|long to) [go] (join|be with)"
            " (him|her|them|my (mom|mum|dad|brother|sister|son|daughter|grandma|grandpa|husband|wife|friend|best friend"
            "|baby|partner|*))",
        ),
        also_needs=(
            "(death|died|passed|gone|grave|heaven|funeral|anniversary|miss (him|her|them)|lost (him|her)|sooner than"
            "|the good lord|widow*|before my time)",
        ),
        unless_after=("(for|at|on|in (the|a|his|her)|to (the|a)|tomorrow|this weekend|next)",),
    ),
    Rule(
        # a cover story that buys time alone: "tell my mom i'm sleeping over at jess's. that gives me the whole night"
        "has a plan: time alone",
        INTENT,
        ("(that|this|which|it) (gives|buys|gets) me the (whole|entire) (night|day|weekend)",),
        unless_after=("(to (study|work|finish|clean|sleep|relax|rest|catch up|binge|play|read|get|do|write)|for|off)",),
        also_needs=(
            "(wont check|wont notice|nobody will|no one will|wont be home|wont know|wont come|wont look|sleeping over"
            "|staying at)",
        ),
    ),
    Rule(
        # "le dejé mi perro a mi vecina por si ya no estoy"
        "arranges care for when they are gone",
        GOODBYE,
        ("por si (ya no estoy|no estoy|ya no regreso|no regreso|me pasa algo|ya no vuelvo|ya no estare)",),
        also_needs=("(deje|le deje|dejo|encargue|le encargue|regale|le di|perro|gato|hijos|mascota|cosas)",),
        spanish=True,
    ),
    Rule(
        # "soon she'll be free of me"
        "thinks others are better off without them",
        SUICIDAL,
        (
            "(shell|hell|theyll|youll|she will|he will|they will|you will|everyone will|my (family|wife|husband|kids"
            "|parents|mom|dad) will) [finally|soon] (be|get to be) (free|rid) of me",
        ),
    ),
    Rule(
        # "my service weapon is right here on the table. it's been here all night"
        "has a firearm at hand",
        MEANS,
        (
            "(gun|weapon|service weapon|pistol|firearm|rifle|revolver|handgun|shotgun) (is|s|has been|been|sitting)"
            " (right here|here|next to me|beside me|on the table|in my lap|in my hand|on my (bed|lap|nightstand|desk"
            "|table))",
        ),
        also_needs=("(all night|for hours|since|staring|looking at it|cant stop|been here|tonight|right now|rn)",),
        unless_in_message=(
            "(cleaning|clean it|hunting|range|season|deer|duck|holster|safety course|license|permit|collection)",
        ),
    ),
    Rule(
        # "i'm so done. not like done with school. done done"
        "sees no reason to live",
        SUICIDAL,
        ("done done",),
        also_needs=("not (like|just|talking about|meaning|as in) done with",),
    ),
    Rule(
        # an eating disorder past caring: "purging 5 times a day and i've stopped caring what it does to my heart"
        "hurts oneself by not eating",
        SELF_HARM,
        (
            "(stopped caring|dont care|do not care|no longer care|dont even care) (what it does to|if it (kills|hurts"
            "|damages|stops)|about) my (heart|body|teeth|kidneys|health)",
        ),
        also_needs=("(purg*|throw* up|starv*|binge*|laxative*|not eating|restrict*)",),
    ),
    Rule(
        # "called my dad today just to hear his voice one last time"
        "says goodbye for good",
        GOODBYE,
        ("(hear|see|hug|hold|call|talk to|visit|kiss) ... (one last time|for the last time)",),
        unless_after=("before (she|he|they|it|the|we) ...",),
        unless_in_message=(
            "(hospice|dying|passes away|before (she|he) (dies|passes)|closing|moving|last show|farewell tour"
            "|concert|tour|before (it|the) (closes|shuts|ends))",
        ),
    ),
    Rule(
        # "i'm gonna make it look like an accident so my family gets the insurance"
        "has a plan: made to look like an accident",
        INTENT,
        ("make it (look|seem) like (an|a) (accident|heart attack|natural death|natural causes)",),
        unless_in_message=(
            "(murder|mystery|novel|book|show|movie|character|game|plot|villain|killer|case|episode|podcast|true crime)",
        ),
    ),
    Rule(
        "asks whether insurance pays for a suicide",
        INTENT,
        (
            "(life insurance|insurance policy|the insurance|insurance) (pays|pay|pays out|pay out|covers|cover) ..."
            " (if|when) (its|it s|it is|it was|i|someone)",
        ),
        also_needs=("(you know|suicide|self inflicted|on purpose|asking for reasons|asking for a friend|accident)",),
    ),
    Rule(
        # "what's the point of the safety plan if i won't need it after this weekend"
        "says goodbye for good",
        GOODBYE,
        (
            "(wont|will not|wont even) need (it|this|them|the safety plan|my meds|any of (it|this)|a safety plan)"
            " after (this|next|tonight|today|tomorrow|the weekend|friday|saturday|sunday|monday)",
        ),
        also_needs=("(point|safety plan|anyway|anymore)",),
    ),
    Rule(
        # "i've stopped buying groceries past sunday. no reason to"
        "has stopped planning past a near day",
        INTENT,
        (
            "(stopped|stop|quit) (buying|planning|paying|making plans|booking|scheduling) ... past (sunday|monday"
            "|tuesday|wednesday|thursday|friday|saturday|this week|the weekend|this month|next week)",
        ),
        also_needs=("(no reason|no point|wont need|dont need|why bother)",),
    ),
    Rule(
        # "please tell dr. alvarez i appreciate her. i won't be able to tell her myself"
        "asks others to pass on a last message",
        GOODBYE,
        (
            "(wont|will not|never) (be able to|get to|get the chance to) (tell|thank|see) (her|him|them|you|yall"
            "|you all|everyone) (myself|in person|again|face to face)",
        ),
        also_needs=("(tell|thank|appreciate|love|sorry)",),
        unless_in_message=("(travel*|trip|moving|vacation|flight|deploy*|busy|sick)",),
    ),
    Rule(
        # "i apologize to all of you for what's about to happen"
        "apologises for what they are about to do",
        INTENT,
        ("for (what is|whats|what s|what im|what i am|what i m) (about to|going to|gonna) (happen|do)",),
        also_needs=("(sorry|apolog*|forgive|didnt do anything wrong|not your fault)",),
    ),
    Rule(
        # "i have all my refills from the last three months in a bag and i'm not taking them as prescribed"
        "is keeping a means for later",
        MEANS,
        (
            "(saved|saving|have|kept|keeping|got|stored|hoarded) all (my|the) (refills|meds|pills|prescriptions|scripts"
            "|medication)",
        ),
        also_needs=(
            "(not taking them|not been taking|havent been taking|in a (bag|box|drawer|shoebox)|stockpil*|saving them"
            "|as prescribed)",
        ),
    ),
    Rule(
        # "what's the most lethal thing in a normal medicine cabinet?"
        "asks which means is most lethal",
        MEANS,
        (
            "(whats|what is|which is|what s|what are|whats are) the (most|more) (lethal|deadly|fatal|toxic)"
            " (thing|things|pill|pills|drug|drugs|med|meds|medicine|medication|combination|combo|way|method|one)",
        ),
        unless_in_message=("(for (dogs|cats|pets|kids|children|my dog|my cat)|snake|spider|animal|mushroom|plant)",),
    ),
    Rule(
        # "he won't be the one who finds me"
        "has a plan: who will find them",
        INTENT,
        (
            "(wont|will not|doesnt have to|dont want (him|her|them|my (mom|mum|dad|kids|wife|husband|partner)) to) be"
            " the (one|ones|person|first) (who|that|to) (finds|find|found|discovers) me",
        ),
    ),
    Rule(
        # "i'm planning to do it this weekend. i'm telling you so it's not a total shock"
        "intends to act on suicidal thoughts",
        INTENT,
        (
            "(planning|plan|going|gonna|decided) to do it (this weekend|tonight|tomorrow|on (friday|saturday|sunday"
            "|monday|tuesday|wednesday|thursday)|this week|soon)",
        ),
        also_needs=("(not a [total] shock|so you know|telling you so|dont be surprised|not kidding|im serious)",),
    ),
    Rule(
        # "every night this week i've cut a little more. i'm counting the lines like days"
        "hurts oneself",
        SELF_HARM,
        (
            "(ive|i have|i) (cut|cutting|cuts) (a little|a bit|a lot|way|even|much) (more|deeper)",
            "counting the (lines|cuts|scars|marks)",
        ),
        unless_after=(
            "(off|of|from|hair|bangs|than|fabric|paper|wood|wire|budget|sugar|carbs|caffeine|back|down|out|costs|hours"
            "|spending|calories|meat|dairy|gluten|alcohol|booze|screen time)",
        ),
    ),
    Rule(
        # "lol gonna go play in traffic for real this time. bye"
        "intends to act on suicidal thoughts",
        INTENT,
        ("(gonna|going to|im going to|ima|about to|time to|bout to|finna) [go] play in [the] (traffic|highway)",),
    ),
    Rule(
        # "tiered of bein a burdn. its time"
        "thinks others are better off without them",
        SUICIDAL,
        ("(tired|sick|done) of being (a|such a) burden",),
        also_needs=("(its time|time to go|ready|no more|soon|tonight|for good|end it|anymore)",),
    ),
    Rule(
        # "el sábado, cuando todos se vayan a la misa, lo voy a hacer"
        "has a plan: knows when",
        INTENT,
        (
            "(cuando|en cuanto|apenas|mientras) (todos|todo el mundo|mis papas|mi familia|mi esposo|mi esposa|mi mama"
            "|mi papa|ellos|nadie) (se vayan|se vaya|salgan|salga|no esten|no este|duerman|esten dormidos) ..."
            " (lo voy a hacer|lo hago|lo hare|voy a hacerlo|me voy a matar)",
        ),
        spanish=True,
    ),
    Rule(
        # "mi hermano just texted me que se va a matar and he's not answering now"
        "someone with them says they will end their life",
        INTENT,
        (
            "(texted|text|said|says|told me|wrote|me dijo|dice|dijo|diciendo|me escribio) [me] que se (va a|quiere)"
            " (matar|suicidar|quitar la vida)",
            "(diciendo|dice|dijo|me dijo|me escribio) que se va a tomar (todo|todas|todos|toda)",
        ),
        also_needs=(
            "(what do i do|what should i do|not answering|wont answer|right now|now|que hago|no contesta|ahorita"
            "|ayuda|help)",
        ),
    ),
    Rule(
        # a passive wish with its reason: "part of me hopes the cancer comes back so i don't have to handle it myself"
        "wants to die",
        SUICIDAL,
        ("so (i|that i) (dont|do not|wont|will not) have to (do|handle|finish|take care of) it (myself|my self)",),
        also_needs=("(cancer|die|dying|illness|accident|hit by|disease|heart attack|not wake|crash)",),
    ),
    Rule(
        # "forgive me. i held on as long as i could"
        "says goodbye for good",
        GOODBYE,
        ("(held|hung|hanging|holding) on (as long as|for as long as) i (could|can)",),
        unless_after=("(to|onto|at|during|in|but)",),
    ),
    Rule(
        # "made a will this afternoon. i'm 26. i think you can guess what that means"
        "says goodbye for good",
        GOODBYE,
        ("(you|u|yall|you all|everyone) (can|could|probably can) guess what (that|this|it) means",),
        also_needs=("(will|note|letter|gave away|goodbye|pills|gun|rope|bridge|ready|last)",),
    ),
    Rule(
        # "i'm waiting until the dog passes. after that it's my turn"
        "has a plan: knows when",
        INTENT,
        ("(its|it s|it is|then its|then it s) my turn",),
        also_needs=("(passes|passed|dies|died|gone|after that|die|death|funeral|put down)",),
        unless_after=("(to|for|at|now|lol|haha)",),
    ),
    Rule(
        # "my daughter saw the marks on my thigh this morning and i lied to her face"
        "hurts oneself",
        SELF_HARM,
        (
            "(saw|seen|noticed|found|asked about|spotted) (the|my) (marks|cuts|burns|wounds|fresh cuts|bandages) on my"
            " {BODY}",
        ),
        also_needs=("(lied|hid|hide|hiding|covered|cover|sleeves|this morning|last night|new|fresh|again)",),
        unless_after=("(from|after|because of)",),
    ),
    Rule(
        # "i tell myself kys in the mirror ... lately im actually considering doing what it says"
        "intends to act on suicidal thoughts",
        INTENT,
        (
            "(considering|thinking about|going to|gonna|might|ready to|about to) (doing|do) what (it|the voice|my brain"
            "|they|the voices|my head) (says|say|tells me|tell me|keeps saying)",
        ),
    ),
    Rule(
        # "going to sleep forever lol. no rly. gn everyone": the laugh taken back
        "intends to act on suicidal thoughts",
        INTENT,
        ("(going to|gonna|gona|about to|ready to) (sleep|go to sleep) forever",),
        unless_after=("(after|this|tonight|tomorrow|on|until|when|once|in)",),
        also_needs=("(no rly|no really|not joking|not kidding|for real|im serious|gn everyone|goodbye|bye everyone)",),
    ),
    Rule(
        # "ded inside and pretty soon outside too fr"
        "wants to die",
        SUICIDAL,
        ("dead inside and [pretty|very] soon (outside|on the outside) [too|as well]",),
    ),
    Rule(
        "sees no reason to live",
        SUICIDAL,
        ("(suicide|death|dying|ending it) (is|seems|feels like|looks like) the only way out",),
    ),
    Rule(
        # "me he despedido de todos sin que se den cuenta. mañana ya no estaré"
        "says goodbye for good",
        GOODBYE,
        ("(manana|pronto|esta noche|el lunes|el viernes) ya no (estare|voy a estar|existire)",),
        unless_after=("(en|con|para|aqui|alli|ahi|de|por)",),
    ),
    Rule(
        "says goodbye for good",
        GOODBYE,
        (
            "me (he despedido|despedi) de (todos|todo el mundo|mi familia|mi mama|mi papa|mis papas|mis hijos"
            "|mi hermana|mi hermano|mis amigos) sin que",
        ),
        spanish=True,
    ),
    Rule(
        # "llevo una hora en la azotea mirando hacia abajo"
        "means: height or vehicle",
        MEANS,
        (
            "(en|sobre|arriba de) (la azotea|el techo|el puente|la cornisa|el balcon|el borde) (mirando|viendo)"
            " (hacia abajo|para abajo|abajo)",
        ),
        unless_after=("(a (los|las|la|el|mi|mis)|al)",),
        spanish=True,
    ),
    Rule(
        # "soy un burden pa' mi familia, so i'm gonna fix that"
        "thinks others are better off without them",
        INTENT,
        ("(gonna|going to|voy a|will|im going to) (fix|solve|take care of|end) (that|it|this) [for them|para ellos]",),
        also_needs=("(burden|carga|better off without me|mejor sin mi)",),
        unless_in_message=("(dishes|chores|rent|money|bills|cleaning|rides|pay (them|you) back|paying)",),
    ),
    Rule(
        # passwords handed on: "sent my sister my bank login and the passcode for my phone. she'll need them soon"
        "arranges affairs for when they are gone",
        GOODBYE,
        (
            "(sent|gave|left|texted|emailed|wrote down) (my|her|him|them|the) ... (login|logins|passwords|password"
            "|passcode|passcodes|pin|bank details|bank info|account info|account details)",
        ),
        also_needs=(
            "(need (them|it) soon|will need (them|it) soon|after im gone|when im gone|once im gone|for after"
            "|in case (im|i m|i am) not (around|here))",
        ),
        unless_after=("(to (log|sign|check|pay|order|fix|set))",),
        unless_in_message=("(netflix|spotify|hulu|wifi|streaming|update|lose it|lost|in case i (lose|forget))",),
    ),
    Rule(
        "arranges affairs for when they are gone",
        GOODBYE,
        (
            "(le deje|les deje|le di|les di|le pase|le mande) ... (las claves|las contrasenas|la contrasena|el pin"
            "|la clave)",
        ),
        also_needs=("(pronto|despues|por si|va a necesitar|van a necesitar|cuando ya no)",),
        spanish=True,
    ),
    Rule(
        # a last message from someone else, now unreachable: "texted me "sorry for everything" and now his phone is off"
        "someone with them says they will end their life",
        INTENT,
        (
            "(texted|sent|wrote|messaged|posted) [me|us|the group] (sorry for everything|goodbye|bye forever|i love you"
            " all|its not your fault|take care of)",
        ),
        also_needs=(
            "(phone (is|s) off|phone off|not answering|wont answer|isnt answering|cant reach|no answer|gun|pills|rope"
            "|bridge)",
        ),
    ),
    Rule(
        # "if anyone reads this later, it wasn't your fault"
        "says goodbye for good",
        GOODBYE,
        (
            "(if|when) (anyone|anybody|someone|you|yall) (reads|read|finds|find|sees|see) this (later|after|someday"
            "|tomorrow)",
        ),
        also_needs=("(wasnt|was not|isnt|is not|not) (your|anyones) fault",),
    ),
    Rule(
        # "tell dr. okafor i tried. i really did"
        "asks others to pass on a last message",
        GOODBYE,
        (
            "(tell|let) (dr|doctor|my (therapist|mom|mum|dad|family|kids|sister|brother|counselor|psychiatrist)"
            "|everyone|them|him|her) [#] ... i (tried|really tried|did my best)",
        ),
        unless_after=(CLAUSE_GOES_ON,),
    ),
    Rule(
        # "leaving my journal to the group. read it after"
        "says goodbye for good",
        GOODBYE,
        (
            "(leaving|left|leave) my (journal|diary|notebook|things|stuff|guitar|books|art|drawings) (to|for)"
            " (the group|you all|yall|everyone|my (sister|brother|mom|mum|dad|kids|friend|best friend))",
        ),
        also_needs=("(read (it|them) after|after im gone|when im gone|once im gone)",),
        unless_in_message=("(move|moving|graduat*|vacation|trip)",),
    ),
    Rule(
        "says goodbye for good",
        GOODBYE,
        ("(goodnight|good night|gn|nighty night) (forever|for good|for the last time)",),
    ),
    Rule(
        # "is there a way to od that doesn't hurt"
        "asks for a painless method",
        MEANS,
        (
            "(way|ways|how) to (od|overdose|die|go|kill {SELF}|end it) (that|which|without) (doesnt|does not|wont|isnt)"
            " (hurt|hurts|painful|pain)",
            "(can|could|will|would) (you|u|someone|a person|i) die (from|if|of) (taking|eating|drinking"
            "|swallowing) ...",
        ),
        also_needs=("(need to know|tonight|asking for (me|myself)|seriously|for real|right now|doesnt hurt|hurt)",),
    ),
    Rule(
        # the blind38 round: "researching the fastest way to die for me, not for a class"
        "asks for a painless method",
        MEANS,
        (
            "(fastest|quickest|easiest|surest|least painful|most painless|painless|best|simplest|quietest) (way|ways"
            "|method|methods) to (die|end it|end things|end my life|kill {SELF}|not wake up|stop (existing|breathing"
            "|living|being alive)|od|overdose)",
        ),
        unless_after=(
            "(of|from|in|on) (boredom|embarrassment|cringe|laugh*|minecraft|the game|a game|fortnite|roblox"
            "|sims|skyrim|elden ring|hardcore|this level|that level|dark souls)",
        ),
        unless_in_message=(
            "(game|gaming|level|boss|speedrun|character|npc|mod|achievement|plant|plants|weeds|bacteria"
            "|germs|battery|phone)",
        ),
    ),
    Rule(
        # "picked up the refills early, all three. not planning to take them the normal way"
        "is keeping a means for later",
        MEANS,
        (
            "(not|wont|dont) (planning|plan|going|gonna) to take (them|it|these|my meds|the pills) (the normal way|as"
            " prescribed|like (im|i am) supposed to|the right way)",
        ),
        unless_in_message=("(doctor|dr|pharmacist|prescriber|psychiatrist|nurse) (said|says|told|wants|changed)",),
    ),
    Rule(
        # "ran out of bandages, does superglue work on my thigh"
        "hurts oneself",
        SELF_HARM,
        ("(superglue|super glue|steri strips|butterfly (strips|stitches)) ... (on|for) my {BODY}",),
        also_needs=("(bandages|bleeding|deep|cut|wound|stitches)",),
    ),
    Rule(
        # "told the nurse at iop the marks are from my cat. they aren't"
        "hurts oneself",
        SELF_HARM,
        ("(they|theyre|it) (arent|are not|werent|were not|re not|isnt|wasnt)",),
        also_needs=("(marks|cuts|burns|scratches|bruises|scars) (are|were|is|was) from",),
        unless_after=(CLAUSE_GOES_ON,),
    ),
    Rule(
        # "gonna do a self-delete tonight"
        "intends to act on suicidal thoughts",
        INTENT,
        ("(do|doing|gonna do|going to do|about to do) a self delete",),
        unless_after=("(of|on|from)",),
        unless_in_message=("(instagram|account|profile|facebook|tiktok|twitter|snap|post|posts|app|photos|pics)",),
    ),
    Rule(
        # "unaliving is looking real attractive rn"
        "wants to die",
        SUICIDAL,
        (
            "(unaliving|unalive|not existing|not being here|ending it|ending it all|suicide|kms|ctb|sewer slide) (is|s"
            "|sounds|seems|looks|feels|is looking|is sounding) [real|really|so|pretty|more and more|kinda] (attractive"
            "|appealing|tempting|good|nice|like the answer|like a plan)",
        ),
    ),
    Rule(
        # "ya me despedí de mi mamá sin que se diera cuenta. hoy es el día"
        "has a plan: knows when",
        INTENT,
        ("(hoy|manana|esta noche) es el dia",),
        unless_after=("(de|del|que|en|para)",),
        also_needs=("(despedi|despedida|adios|perdon|ya no|me voy)",),
        spanish=True,
    ),
    Rule(
        # "no se preocupen, estoy bien. nada más estoy arreglando mis papeles antes del viernes"
        "arranges affairs for when they are gone",
        GOODBYE,
        (
            "(arreglando|arregle|ordenando|dejando en orden|dejando listos) (mis papeles|mis cosas|todo|mis asuntos)"
            " antes (del|de el|de)",
        ),
        also_needs=("(no se preocupen|estoy bien|tranquilos|no pasa nada)",),
        unless_in_message=(
            "(visa|tramite|tramites|pasaporte|mudanza|viaje|trabajo|escuela|universidad|impuestos|banco|seguro)",
        ),
        spanish=True,
    ),
    Rule(
        # a question about the policy that is the writer's own: "... asking because that's me"
        "asks about a crisis that is their own",
        INTENT,
        ("(asking|ask|i ask) (because|bc|cause|cuz|since) (thats|that s|that is|its|it s|it is) (me|my situation)",),
        also_needs=("(suicid*|kil*|overdose|hurt (myself|yourself|themselves)|die|dying|pills|in my hand|end it)",),
    ),
    Rule(
        # "my attempt was 2 years ago and i'm planning the next one"; "mi intento fue ... planeando el próximo"
        "has a plan",
        INTENT,
        (
            "(planning|plan|planned|planeando|planeo|planear) (the|el) (next|proximo|siguiente) [one|attempt|intento"
            "|time|vez]",
            "finish what i started",
            "(the|my) real plan (is|s)",
        ),
        also_needs=(
            "(attempt|intento|anniversary|date|tried|last time|safety plan|asleep|tonight|everything|ready|in place"
            "|listo|todo)",
        ),
    ),
    Rule(
        # "i'm taking the day off monday. not for self-care, it's the day i've chosen"
        "has a plan: knows when",
        INTENT,
        ("(the|my) (day|date|night) (ive|i have|i) (chosen|chose|picked|set|decided on)",),
        also_needs=("(everything|in place|not for|done|goodbye|ready)",),
        unless_after=("(for|to|as|with)",),
    ),
    Rule(
        "wants to die",
        SUICIDAL,
        ("(trying to|want to|wanna|hoping to|plan to|going to|gonna) not wake up",),
        unless_after=("(the|my|a|him|her|them|your|anyone|everyone|early|before|until|at|in time|on time)",),
    ),
    Rule(
        # "i have the pills ready", "i've counted them. it's enough"
        "has a means ready",
        MEANS,
        ("(have|got|tengo) (the|my|las|mis) (pills|meds|pastillas|rope|gun|blades|razors) (ready|listas|listos)",),
        also_needs=("(esperar|tonight|no voy|not going to|done|goodbye|enough|la verdad|cant wait any)",),
        unless_after=("(for (the|a|my|our) (trip|flight|week|morning|travel|vacation|kids)|to go)",),
    ),
    Rule(
        "has a means ready",
        MEANS,
        ("(ive|i have|i) counted them", "[already] (have|got) them in my hand"),
        also_needs=("(pills|meds|tablets|bottle|pastillas|supply)",),
    ),
    Rule(
        # secrecy about a plan: "mi terapeuta no sabe, but i've been planning this since la semana pasada"
        "has a plan",
        INTENT,
        ("(been|ive been|estoy|he estado|have been) (planning|planeando) (this|it|esto)",),
        also_needs=("(no sabe|doesnt know|dont know|nobody knows|no one knows|nadie sabe|no saben)",),
        unless_in_message=(
            "(surprise|party|proposal|gift|present|birthday|trip|vacation|wedding|fiesta|sorpresa|regalo|cumpleanos)",
        ),
    ),
    Rule(
        # "i'm in the car in the garage. the safety plan says call someone. i'm not going to"
        "means: height or vehicle",
        MEANS,
        ("(im|i am|sitting|sat|i m) in (the|my) (car|truck) in the garage",),
        also_needs=("(not going to|wont|engine|running|safety plan|goodbye|call someone|done|closed)",),
    ),
    Rule(
        # "there's a loaded one in my nightstand and i keep holding it"
        "has a firearm at hand",
        MEANS,
        ("(loaded (gun|pistol|rifle|handgun|revolver)|(a|the) loaded one)",),
        also_needs=("(keep holding|holding it|i lied|nightstand|tonight|in my hand|in my lap|next to me)",),
        unless_in_message=("(range|hunting|cleaning|safety course|class|unloaded)",),
    ),
    Rule(
        # "got the bridge on google maps and the bus route printed"
        "means: height or vehicle",
        MEANS,
        ("{HIGH_PLACE} on (google maps|maps|the map|street view)",),
        also_needs=("(printed|recovery was|didnt fix|it didnt|tonight|one way)",),
        unless_in_message=("(tour|sightseeing|photos|vacation|trip|visit*|walk across|picnic)",),
    ),
    Rule(
        # "it'd be easier for everyone if i just didn't show up anymore. anywhere. ever."
        "thinks others are better off without them",
        SUICIDAL,
        (
            "(easier|better) for (everyone|everybody|them|my family|all of you|yall) if i [just] (didnt|wasnt|werent"
            "|was gone|were gone|disappeared|didnt exist|wasnt here|wasnt around)",
        ),
        unless_after=("[come|go|show up|show] (to|at|in) (group|class|work|school|the party|practice|the meeting)",),
    ),
    Rule(
        # "wrote my will today ... see you on the other side"; "for whoever reads this after"
        "says goodbye for good",
        GOODBYE,
        (
            "see (you|yall|ya|u) on the other side",
            "(whoever|anyone who|to whoever) (reads|finds) this (after|later|first)",
            "(reaching out|im reaching out|writing) [just|only] to say (goodbye|bye|my goodbyes)",
            "(wont|will not|dont think ill|not|wont be) [be] needing (it|this|them|anything) (much longer|for long"
            "|anymore|after)",
        ),
        also_needs=(
            "(will|bill|goodbye|done|last|passwords|sorry|safety plan|anyway|thank|(nice|good|great|an honor|a pleasure"
            "|a privilege) (knowing|to know))",
        ),
    ),
    Rule(
        # a lethality question with the means at hand: "can you die from mixing x and alcohol? i have both here"
        "has a means ready",
        MEANS,
        ("(i have|ive got|i got|got) (both|them|it|some|all of them) (here|right here|with me|in my (hand|bag|room))",),
        also_needs=("(die|kil*|lethal|overdose|deadly|fatal|too many|how many)",),
    ),
    Rule(
        # a question to the group that is the writer's own: "does anyone else feel everyone would be better off
        # without them? i do"
        "thinks others are better off without them",
        SUICIDAL,
        ("better off without (them|us)",),
        also_needs=("(i do|me too|same here|i feel (that|like that)|i feel that way)",),
        unless_after=("(the|those|these|his|her|their|my|our)",),
    ),
    Rule(
        # "its been 2 years since my attempt and im going to try again this weekend"
        "intends to act on suicidal thoughts",
        INTENT,
        ("(going to|gonna|will|plan to|planning to|ready to|about to) try again",),
        also_needs=("(attempt|tried to (kill|end)|overdos*|last time i tried)",),
    ),
    Rule(
        # "im gunna overdoes tonite": "overdoes" is a word, but not after "going to"
        "says they will overdose",
        INTENT,
        ("(gona|guna|going to|wana|want to|about to|will|planning to|ready to|im) overdoes",),
    ),
    Rule(
        # "it's tonight. not being dramatic, just telling someone"
        "says it happens tonight",
        INTENT,
        ("(its|it is|its happening|it happens|im doing it|doing it) (tonight|today|tomorrow|this weekend)",),
        also_needs=(
            "(not being dramatic|not joking|not kidding|im serious|i am serious|just telling someone|just so someone"
            " knows|so someone knows|no joke|for real this time)",
        ),
        unless_in_message=(
            "(concert|show|party|game|match|date|premiere|exam|test|interview|flight|wedding|recital|excited|cant"
            " wait|hyped|birthday|launch|release|deadline|surgery|appointment)",
        ),
    ),
    Rule(
        # an absence explained in advance: "if i dont post tmrw its bc i ctb'd"
        "explains a coming silence as their death",
        INTENT,
        (
            "if i (dont|do not|never|cant|stop) [post|answer|reply|respond|show up|check in|text back|log on|message"
            "|come|wake up|come online] ... (its|thats|it s|it is|it was|then) [because|bc|cause|cuz|coz|cos] (i|im)"
            " [finally|actually|already] ({SELF_KILL}|did it|went through with it|gone|dead|not here|not alive"
            "|went|left for good)",
        ),
    ),
    Rule(
        # "si no contesto mañana es que ya lo hice", "si mañana no me conecto es porque ya me fui"
        "explains a coming silence as their death",
        INTENT,
        (
            "si (no|manana no|ya no) (contesto|respondo|me conecto|aparezco|escribo|despierto) ... (es que|es porque"
            "|porque|significa que|quiere decir que) ya (lo hice|me fui|no estoy|me mate|no estare)",
        ),
        spanish=True,
    ),
    Rule(
        # "no voy a llegar a mañana, lo siento": not living to see tomorrow
        "does not expect to live to a near day",
        SUICIDAL,
        ("no (voy a|creo|creo que|pienso) llegar a (manana|la manana|el lunes|fin de mes|navidad|mi cumpleanos)",),
        also_needs=("(lo siento|perdon*|los quiero|adios|cuidense|ya no puedo|no aguanto|ya me canse)",),
        spanish=True,
    ),
    Rule(
        # "the 🌉 is calling me again and this time im listening"
        "feels pulled to a high place",
        MEANS,
        ("(the|that) {HIGH_PLACE} (is|keeps|s|has been|been) (calling|caling) (me|my name|to me)",),
    ),
    Rule(
        # gen10's misses in the blind11 round: life felt as too long, wanted over, or held only for others
        "sees no reason to live",
        SUICIDAL,
        (
            "(ive|i have|i already|i) [already] (lived|been alive) too long",
            "(hoping|hope|wish|wishing|praying) (this|it|that this) (is|will be|s) my last (winter|summer|spring|fall"
            "|autumn|christmas|birthday|year|day|night|week|month|thanksgiving)",
            "(im|i am|i m) only still (here|alive|around) (because|bc|cause|cuz|for) (my|of my|i dont want|i do not"
            " want|i cant|them|him|her|the kids)",
            "(the|my) only reason (im|i am|i m) still (here|alive|around)",
            "(remove|without|minus|take away) me and (the|every|all the|everyones|my familys) (problem|problems)"
            " (goes|go|are|is) (away|gone|solved|fixed)",
            "plan ... (is|s) (not being|to not be|not to be) (around|here|alive)",
        ),
        unless_after=("(in|at|here|living|working|of (school|college|this job)|at this job|with|before (i|we) move)",),
    ),
    Rule(
        # "what's the point of the safety plan when i don't want to be safe"
        "sees no reason to live",
        SUICIDAL,
        ("(dont|do not|no longer) (want|wanna) to be safe",),
        unless_after=("(i (want|wanna|would rather|d rather)|but|i just|with|around|at|in|on|from)",),
    ),
    Rule(
        # "i already feel like a ghost. might as well make it official"
        "sees no reason to live",
        SUICIDAL,
        ("(might as well|may as well) make it (official|permanent|real|for real)",),
        also_needs=("(ghost|dead|gone|invisible|dont exist|not here|disappear*|nobody|no one|erased)",),
    ),
    Rule(
        "sees no reason to live",
        SUICIDAL,
        ("(ya ni|ni siquiera|ya ni siquiera) quiero (existir|vivir|seguir viviendo|estar aqui|despertar|seguir aqui)",),
        spanish=True,
    ),
    Rule(
        # "can't see past this week. don't really want to"
        "cannot see a future and does not want one",
        SUICIDAL,
        ("(cant|can not|cannot) see past (this|next|the) (week|weekend|month|day|night)",),
        also_needs=("(dont|do not) [really|even] (want|wanna) to",),
        unless_in_message=("(exam|exams|test|tests|finals|deadline|deadlines|work|project|semester|shift|shifts)",),
    ),
    Rule(
        # "dont thnk ill be at grup next week or evr again"
        "says goodbye for good",
        GOODBYE,
        (
            "(dont think|doubt|not sure) (ill|i will|im going to|im gonna) be (at|in|back (at|in|to)) (group|iop"
            "|session|sessions|class|school|work|church) ... (ever again|again ever|anymore after)",
        ),
    ),
    Rule(
        # a hug or a message passed on as a last one: "please give my kids a hug for me. i won't be able to"
        "asks others to pass on a last message",
        GOODBYE,
        ("(give|tell) (my|the) ... (a hug|hugs|i love (them|him|her)|i loved (them|him|her)) for me",),
        also_needs=("(wont|will not|never) (be able to|get to|see them|be there)",),
        unless_in_message=("(birthday|party|wedding|graduation|trip|sick|flight|deployment|deployed|travel*)",),
    ),
    Rule(
        # a cover story to the people left: "she thinks i meant see you next visit", "sin que supiera..."
        "says goodbye under a cover story",
        GOODBYE,
        (
            "(thinks|thought|believes|believed) i meant (see you|bye|later|goodnight|good night|until next)",
            "(doesnt|didnt|does not|did not) know (it was|that was|i meant) (goodbye|the last|my last|a goodbye)",
        ),
        also_needs=("(goodbye|goodbyes|last time|for good|last visit|one last)",),
    ),
    Rule(
        # "asked my neighbor to feed the fish "while i'm away". i'm not going on a trip"
        "says goodbye under a cover story",
        GOODBYE,
        ("(im|i am|i m) not (really|actually|even) (going on|taking) (a|any) (trip|vacation|holiday)",),
        also_needs=(
            "(feed|take care of|watch|look after|walk|water) (the|my) (fish|cat|cats|dog|dogs|pets|plants|kids|bird)",
        ),
    ),
    Rule(
        "says goodbye under a cover story",
        GOODBYE,
        (
            "sin que (ella|el|ellos|ellas|nadie|mi (mama|papa|familia)) (supiera|sepa|supieran) que (era|es|fue) la"
            " ultima vez",
        ),
        unless_after=("(que|de|en|para|con)",),
        spanish=True,
    ),
    Rule(
        # "i've been reading about which of my meds would be enough"
        "asks how much of a means would be enough",
        MEANS,
        ("(which|how many) [of] [my|the|these|those] {PILLS} (would be|would|is|are|will be|will) (enough|do it)",),
        unless_after=(
            "(to (knock|help|stop|treat|fix|get rid|cure|take care|work|kick in|sleep)|for (a|the|my|your|his|her"
            "|headache|headaches|fever|pain|cold|flu|cramps|migraine|sleep|back|tooth|kid|dog|cat))",
        ),
    ),
    Rule(
        # starving oneself on purpose: "haven't eaten in three days on purpose"
        "hurts oneself by not eating",
        SELF_HARM,
        (
            "(havent|have not|hvnt|not|didnt|did not) (eaten|ate|eat) [anything] (in|for|since) ... (on purpose"
            "|purposely|deliberately|intentionally)",
            "(dont|do not) deserve (to eat|to be fed)",
        ),
        unless_in_message=(
            "(fast|fasting|ramadan|lent|yom kippur|surgery|colonoscopy|procedure|blood test|bloodwork|diet|cleanse"
            "|workout|gym|lol|lmao|haha)",
        ),
    ),
    Rule(
        # a relapse after the skills: "went through my safety plan and then did it anyway"
        "hurt themselves despite their skills",
        SELF_HARM,
        ("(then|but|and) (did it|cut|hurt myself|burned|burnt) anyway", "already did it before i (remembered|could)"),
        also_needs=("(safety plan|skills|ice|hold off|held off|urge|urges|holding ice|my therapist said)",),
    ),
    Rule(
        # "that's it for me" beside a high place: "heading up to the overlook and that's it for me"
        "has a plan: a high place and an end",
        INTENT,
        ("(thats|that s|that is|and thats) it for me",),
        also_needs=("({HIGH_PLACE}|overlook|tracks|pills|gun|rope|drop (the|my) (dog|cat|kids))",),
        unless_after=("(tonight|today|for (today|tonight|now|the day|the night|this week))",),
    ),
    Rule(
        # a room booked with its everyday reason denied: "the hotel is booked for saturday. not for a vacation"
        "has a plan: a room booked",
        INTENT,
        ("(booked|reserved|got) (a|the) (hotel|motel|room|airbnb|cabin) ...",),
        also_needs=("not for (a|the|any) (vacation|trip|holiday|getaway|break|fun|work|date)",),
        unless_in_message=("(but for|for work|business|conference|wedding|funeral|visit*|interview|tournament)",),
    ),
    Rule(
        "has made a decision and a date",
        INTENT,
        ("(made|making) [my] peace with (it|dying|death|my decision|the decision)",),
        also_needs=("(not changing my mind|wont change my mind|not going to change my mind|my mind is made up)",),
    ),
    Rule(
        # a rehearsal: "did a dry run last night. didnt go through with it but next time i will"
        "has a plan: rehearsed it",
        INTENT,
        ("(dry run|practice run|test run|trial run|rehearsal|rehearsed it|practiced it|practised it|ensayo|ensaye)",),
        also_needs=(
            "(go through with it|for real|end it|{SELF_KILL}|the real thing|didnt do it|chickened out|next time i"
            " will|lo hago de verdad|la proxima [vez] si)",
        ),
        unless_after=(
            "(of|for|with) (the|my|our|a|an|your) (presentation|speech|wedding|play|show|talk|interview"
            "|recital|drive|test|exam|race|route|commute)",
            "(sobre|acerca de|de (historia|ingles|psicologia|literatura|filosofia))",
        ),
    ),
    Rule(
        # a means asked about while the person holds a lot of it: "is the 800mg stuff stronger than advil?
        # i have a lot of it rn"
        "has means at hand",
        MEANS,
        (
            "(i have|ive got|i got|got|i still have|i kept|i saved|ive saved|tengo) (a lot|a ton|tons|so much|loads"
            "|plenty|a bunch|a whole bottle|bottles|enough|a stash|un monton|muchas|muchisimas) [of] (it|them|those"
            "|these|pills|meds|pastillas)",
        ),
        # the strength asked about and a medicine named ("i have a lot of them, how many do you want?" is cookies)
        also_needs=(
            "(stronger|strongest|strength|lethal|enough to|max|maximum|# mg|#mg|mas fuerte) ... {PILLS}",
            "{PILLS} ... (stronger|strongest|strength|lethal|enough to|max|maximum|mas fuerte)",
            "(how (many|much)|cuantas) {PILLS}",
            "#mg",
        ),
        unless_after=("(for (my|the|a) (back|headache|migraine|period|cramps|pain)|from the (pharmacy|doctor))",),
    ),
    Rule(
        # the blind9 round: a time named by someone else's absence, then a plan with no crisis word in
        # it ("house is empty all weekend. thats when", "i'll be alone all day and i know what i'm doing
        # with it", "me quedo sola. ya se lo que voy a hacer")
        "has a plan: waits for an empty house",
        INTENT,
        (
            "(thats|that s|that is|then thats|and thats) when",
            "(ive|i have|i ve|been) [been] waiting for (that|this|then|it|that day)",
            "i know [exactly] what (im|i m|i am) (doing|going to do|gonna do) (with it|then|that day|that night)",
            "(ill|i will|i ll|gonna|im going to) have the (whole|entire) (house|place|apartment) [to myself]",
            "(thats|that s|that is|then thats) it for me",
            "(ese|ese es el|ese sera el) dia",
            "ya se (lo que|que) (voy a|vas a) hacer",
            "(its|it s|it is) all (worked out|planned|set)",
        ),
        also_needs=(
            "(house|home|place|apartment|casa) (is|will be|s|ll be|gonna be|going to be|esta|estara|va a estar)"
            " [all|completely|totally] (empty|all mine|mine|vacia|sola)",
            "(alone|by myself|on my own|sola|solo) (all|for|the whole|todo|toda|from|until|till|til|dos|tres|#)",
            "(two|three|four|#) (days|weeks|nights) alone",
            "(nobody|no one|noone|nadie) (will be|is going to be|gonna be|va a estar|estara|is) (home|here|around"
            "|en [la] casa)",
            "(no va a haber|no habra) nadie",
            "(me quedo|me voy a quedar|voy a estar|estare) (sola|solo)",
            "(everyone|everybody|they|theyre|my (family|parents|roommate|roommates|husband|wife|partner|mom|dad|kids"
            "|mum)) (is|s|are|re|will be|ll be|leave|leaves|works|work|go|goes|fly|flies|takes|take|drives|visits) [at"
            "|away|out|gone|in|on|for|a|the]",
            "(se va|se vaya|se van|se vayan|de viaje|a trabajar)",
            # affairs settled first: "after i pay back what i owe my friend, thats when"
            "(pay back|paid back|pay off|paid off|owe|debt|debts|affairs|my will|leave (debts|a mess|anything) behind)",
            "(after|once|when) i (drop|dropped) (the|my) (kids|kid|son|daughter)",
        ),
        # the closer ends its clause ("two weeks alone. that's when"): any word after it ("that's when
        # i'm painting the house", "i've been waiting for that trip") makes it an everyday plan
        unless_after=(CLAUSE_GOES_ON,),
    ),
    Rule(
        # "i'm not safe right now", "i don't trust myself tonight"
        "says they are not safe",
        INTENT,
        (
            "(im|i am|i m|i feel|feeling) not safe (right now|tonight|rn|with myself|around myself|alone tonight"
            "|at the moment|alone right now)",
            "(dont|do not|cant|can not|cannot) trust (myself|my self) (tonight|right now|rn|alone|anymore|to be"
            " alone|around (the|my|these|those) (pills|meds|knives|razors|blades|gun))",
            "(no estoy|no me siento) (a salvo|segura|seguro) (ahora|esta noche|conmigo misma|conmigo mismo)",
        ),
        unless_after=(
            "(driving|walking|on|in|at|with (him|her|them|this|that|my))",
            "with (a|the|some|any|my) [whole|big|new|full|entire] (cake|cookies|chocolate|ice cream|pizza|snacks"
            "|credit card|card|wallet|money|shopping|phone|remote|dessert|candy)",
        ),
    ),
    Rule(
        # "i can't keep myself safe tonight", "scared of what i'm going to do to myself", "i attempted last night"
        "says they are not safe",
        INTENT,
        (
            "(cant|can not|cannot|couldnt|could not|dont think i can|not sure i can) keep (myself|my self|me) safe",
            # the blind30 round: "whats the point of a safety plan when i dont actually want to be safe"
            "(dont|do not|no longer|dont even|do not even) [{ADV}] (want|wanna) to (be|stay|keep myself) safe",
            "(scared|afraid|terrified|frightened) (of|about) what (i|im) (might|may|will|could|am going to|m going to"
            "|going to|gonna|am gonna) do (to myself|to my self|tonight)",
            "(i|ive|i have|i just) attempted (last night|yesterday|today|this morning|tonight|again|earlier)",
            "(cant|can not|cannot|couldnt) stop (cutting|cuting|burning myself|hurting myself|sh ing|harming myself)",
        ),
        unless_after=(
            "(coupons|onions|paper|hair|the|my|out|back|corners|class|classes|carbs|sugar|it out|in line|people off)",
        ),
    ),
    Rule(
        "es: intends to act",
        INTENT,
        (
            "(voy a|me voy a|estoy por|pienso|decidi|esta noche voy a)"
            " (matarme|suicidarme|quitarme la vida|acabar con (todo|mi vida)|morirme)",
            "esta noche (me mato|lo hago|termino con todo|se acaba todo)",
            # waiting for an empty house: "mi roomie se va el finde y ahi lo hago"
            "(se va|se vaya|se van|se vayan|salga|salgan|se duerma|se duerman|no este nadie|no haya nadie|este sola"
            "|este solo|me quede sola|me quede solo) ... [y] (ahi|entonces|ese dia|esa noche) (lo hago|me mato"
            "|lo voy a hacer|termino con todo)",
            "tengo un plan (para|de) (matarme|morir|suicidarme|quitarme la vida)",
            "(decidi|ya decidi|lo decidi|esta decidido|ya esta decidido) ... (lo hago|me mato|me voy|lo voy a hacer"
            "|voy a hacerlo|se acaba|termino con todo)",
            "(no|nadie) (se va a dar cuenta|se van a dar cuenta|lo va a saber|me va a parar) (hasta que|antes de que)"
            " (sea|este) (tarde|muy tarde|demasiado tarde)",
        ),
        spanish=True,
    ),
    Rule(
        # the gen25 round: "me voy a matar" (not "me voy a matar de la risa", "... estudiando")
        "es: intends to act",
        INTENT,
        ("(me voy a|me vo a|ya me voy a|hoy me voy a) (matar|suicidar|quitar la vida)",),
        unless_after=(
            "(de [la|el|los|las] (risa|hambre|sueno|verguenza|pena|calor|frio|cansancio|aburrimiento|miedo)|estudiando"
            "|trabajando|entrenando|en el (trabajo|gym|gimnasio)|con (este|esta|el|la|mi|tanto|tanta))",
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
            "|the whole bottle of|a whole bottle of|the rest of|every|##|enough|extra|the whole (pack|packet|box"
            "|strip|blister pack|bottle) of|a whole (pack|packet|box|strip) of)"
            " [of] [my|the|these|those] {PILLS}",
            "(took|swallowed|swallow|downed|drank|take|taking|swallowing|downing) (the|a) whole (bottle|box|pack"
            "|packet|blister pack|strip)",
            "(took|swallowed|swallow|downed|ate|take|taking|swallowing|gonna take|going to take|gonna swallow"
            "|going to swallow|about to take|about to swallow) (everything|every pill|every last pill|all the pills"
            "|all of the pills|whatever) (in|from) (the|my|our|moms|dads|my (moms|dads|parents)) (medicine (cabinet"
            "|cupboard|drawer|box|bag)|bathroom (cabinet|cupboard)|meds (drawer|box|bag)|bottle|bottles|pill box"
            "|pillbox|pill bottle|pill bottles|pill organi*|first aid kit|stash)",
            "(swallowed|swallow|swallowing|gonna swallow|going to swallow) (everything|all of it|all of them|whatever)"
            " (in|from) (the|my) (cabinet|cupboard|drawer|bathroom|house)",
            "(i|just|ive|i just|i have|already|and) (took|swallowed|downed) everything (i had|i have|i could find|i"
            " found|left|in the house|we had)",
            "(emptied|empty|emptying|poured|pour|pouring|dumped|dump|dumping) (the|a|my|that|this|a whole) [pill]"
            " (bottle|bottles|box|pill bottle|{PILLS} bottle) (into|in) my (mouth|hand|palm)",
            "pillemoji pillemoji",
            "(od|overdose|overdosing|oding) (tonight|again|today|now)",
            "(od|overdose|overdosing|oding) on [my|the|all my|all the|some|a bunch of|a lot of|enough|#|##] {DRUG}",
            "(stockpil*|saving up|saving|hoarding|collecting|stashing|saved up|saved) [up] [my|all my|some|extra]"
            " {PILLS}",
            "how (many|much) {PILLS} (would it take|does it take|it takes|to (die|kill|od"
            "|overdose)|until (i|you) die|is (lethal|fatal|too many|an overdose)|would kill"
            "|to not wake up)",
            "(lethal|fatal|deadly) (dose|amount)",
            "how (many|much) ... (would it take|does it take|will it take|it takes|do i need|would i need)"
            " [for me] to (die|not wake up|never wake up|kill (me|{SELF})|od|overdose|end it)",
            "(which|what) {PILLS} ... (are|is|would be|will be|could be) (deadly|lethal|fatal|enough to kill)",
            "(took|swallowed|downed|take|taking|swallow|gonna take|going to take) (my|the|a|all my) (whole|entire)"
            " (month|months|week|weeks|supply|prescription|script|refill|bottle) [of] [my|the] [{PILLS}] [all] (at once"
            "|in one go|together|tonight|now)",
            "(which|what|how many|how much) ... (would|will|could) (kill (me|{SELF}|a person)|be (lethal|fatal))",
            "{PILLS} (lined up|counted out|all ready|ready to go|laid out|stashed)",
        ),
        # a clinician's words: "my psych nurse says saving up pills is a warning sign"; someone else (a dog,
        # a toddler) who got into them: "my dog ate a bunch of my ibuprofen"
        unless_before=(
            "(nurse|doctor|therapist|psychiatrist|facilitator|counselor|counsellor|teacher|pharmacist|gp) (says|said"
            "|told (me|us)|explained|mentioned) [that]",
            "{SOMEONE_ELSE} [just|accidentally|somehow|must have]",
        ),
        unless_after=(
            "(a day|per day|daily|(every|each) (day|morning|night|evening)|in the"
            " morning|at night|for my|as prescribed|prescribed|with (food|water"
            "|breakfast))",
        ),
        # the day's doses taken as told: "took all my meds this morning like a good girl"
        unless_in_message=(
            "(like a good (girl|boy|patient|kid)|like (im|i am|i was) supposed to|remembered to take|on time (today"
            "|this morning|for once)|proud of (myself|me) for taking)",
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
            # doses skipped to build a supply: "cutting back on my meds so i can save them up"
            "(so|to|and) [i can|i could|that i can|that i could] (save|saving|stash|stashing|hoard|hoarding|collect"
            "|collecting|keep|keeping|store|storing) (them|those|these|the rest|the extras|the extra ones) (up"
            "|for later"
            "|for (when|the day|the night|one night|someday|a bad day))",
            "(save|saving|stash|stashing|hoard|hoarding) (them|those|these) up",
        ),
        also_needs=("{PILLS}",),
    ),
    Rule(
        "means: overdose mentioned",
        MEANS,
        ("(overdose|overdosed|overdosing|oded)",),
        weak=True,
        # too much of anything that is not a drug: "overdosed on netflix", "an overdose of coffee";
        # an overdose as a public-health topic ("overdose deaths in my town"), or someone else's
        unless_after=(
            "(of|on)",
            "(death|deaths|crisis|epidemic|rate|rates|risk|prevention|awareness|training|kit|kits|reversal|numbers"
            "|stats|statistics|cases|admission|admissions|patient|patients|call|calls|victim|victims|response|talk"
            "|talks|class|education|info|information|conversation|speech|lecture|questions|question|sign|signs)",
        ),
        kept_after=("(of|on) ... {DRUG}",),
        unless_before=(
            # a reversal asked about: "can narcan reverse a methadone overdose"
            "(reverse|reverses|reversed|reversing|survive|survived|treat|treating|prevent|preventing|stop|stops) [a|an"
            "|the] [methadone|heroin|fentanyl|fent|opioid|opiate|accidental]",
            # "a peanut butter overdose"
            "(peanut butter|chocolate|sugar|caffeine|coffee|candy|cuteness|carb|carbs|netflix|sun|vitamin|cheese"
            "|pizza|cookie|treat|treats|serotonin|dopamine|nostalgia)",
            "(accidentally|accidental|by accident|unintentionally)",
            "{SOMEONE_ELSE} [had|has|just|nearly|almost|also|once|recently|finally|then|who|that] [had|has|just"
            "|nearly|almost]",
            "(a|an|the|his|her|their|your|an accidental|accidental) [fatal|accidental|possible|suspected|drug|opioid"
            "|fentanyl|heroin|mass]",
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
            "(climbed|climbing|climb|stepped|step|stepping|standing|sitting|im|i am|hanging) (over|on the (wrong|other"
            "|outside) side of|outside) the (railing|rail|railings|guardrail|barrier|safety rail|safety fence)",
            "(walk|walking|walked|step|stepping|stepped|run|running|ran|wander|wandering|wandered) [out] into"
            " (traffic|oncoming traffic|the highway|the freeway|the interstate|the motorway)",
            "({WANT} to|going to|gonna|gona|about to|planning to|plan to|will|ill|i will) [just|finally]"
            " (drive|crash|swerve|steer|ram) [my car|the car|my truck|it] (into|off) (a|the) [big] (tree|wall|bridge"
            "|cliff|traffic|river|lake|pole|barrier|guardrail|truck|oncoming traffic)",
            "({WANT} to|going to|gonna|gona|about to|planning to|plan to|will|ill|i will) [just|finally] (drive|swerve"
            "|steer|veer|go) off (the road|a cliff|the bridge|the highway|an overpass|the overpass|the pier)",
            "(crash|crashing|wreck|wrecking|total|drive|driving|swerve|swerving|run|running) (my|the) (car|truck"
            "|bike|motorcycle) [off the road|into something|into a (tree|wall|pole)] (on purpose|deliberately"
            "|intentionally|and not survive|so i die|so it ends|so its over)",
            "(think|thinking|thought|thoughts|keep thinking|fantasi*|imagin*|picture|picturing|urge|urges)"
            " (about|of|to) (driving|crashing|swerving|steering|walking|stepping|jumping|drive|crash|swerve"
            "|steer|walk|step|jump) [my car|the car|my truck|it] (into|in front of|off|from) ... ({VEHICLE}"
            "|{HIGH_PLACE}|oncoming|tree|wall|river|lake|road)",
        ),
        # someone else's, or a joke about it: "someone at work joked about jumping off the roof"
        unless_before=(
            "{SOMEONE_ELSE} [also|just|then|finally]",
            "(joked|jokes|joking|joke) about",
            # a sport: "we went bungee jumping off a bridge"
            "(bungee|bungie|base|cliff|platform|high)",
        ),
        unless_in_message=_IN_A_GAME,
        unless_after=(
            "(into (the|a) (pool|lake|water|river|ocean|sea)|as a kid)",
            # hyperbole: "i'd rather jump off a bridge than do karaoke" (not "than keep living")
            "than (eat*|do|doing|wear*|sit*|listen*|watch*|work*|be seen|admit*|apologi*|drive|fly|dance|sing|karaoke"
            "|attend*|present*|talk to|call)",
        ),
    ),
    Rule(
        # a running engine in a closed garage, or fumes in a sealed room
        "means: car exhaust or fumes",
        MEANS,
        (
            "(car|cars|engine|engines|motor|motors|truck|van) [is|s|was|still|left|kept] [still] (running|runing|on"
            "|idling|started|going)",
            "(with|and) (it|the (engine|motor|car)) [still] (running|on|idling|going)",
            "(running|idling|started|turned on|left on|start|turn on|leave on|run|ran|left|leaving) (the|my)"
            " (car|engine|motor|truck|van) [running|on|idling]",
            "(hose|tube|pipe) (from|to|into|on|in|for) (the|my) (exhaust|tailpipe|tail pipe)",
            "(exhaust|tailpipe) (hose|pipe|into the car|in the car)",
        ),
        also_needs=("(garage|exhaust|tailpipe|hose|windows up|door shut|doors shut|door closed|doors closed)",),
        unless_in_message=(
            "(warm (it|the car|up)|warming|defrost*|heater|ac|a c|air con|driveway|the store|errand|parking lot"
            "|drive thru|drive through|mechanic|oil change|jump start|battery|repair|fixing|fix|tune up|cold out"
            "|freezing|snow|ice|pick up|picking up|picked up|sale|selling|bought a|new car|washing|wash|fixed|shop"
            "|(to|at|from) the garage|rough|noise|noisy|weird|smooth|by accident|accidentally|forgot|oops)",
        ),
    ),
    Rule(
        "means: charcoal or a sealed room",
        MEANS,
        (
            "(burn|burning|lit|light|lighting|bought|buy|buying|got) [a bag of|some|the] (charcoal|coals) ..."
            " (in|inside) (my|the) (room|bedroom|bathroom|car|apartment|closet|tent)",
            "(charcoal|coals) ... (duct tape|tape|sealed|seal) ... (bathroom|bedroom|room|closet|car|door|window"
            "|windows)",
            "(charcoal|coals) (and|plus) (duct tape|tape)",
            "(taped|sealed|seal|tape|taping|sealing|blocked|block|stuffed|stuff) (up|off) (the|my|all the) (windows"
            "|window|vents|vent|door|doors|room|gaps|cracks)",
        ),
        also_needs=("(charcoal|coals|grill|bbq|gas|stove|oven|fumes|exhaust|engine|helium|burner)",),
        # a cookout, a draught or a storm is not a sealed room
        unless_in_message=(
            "(draft|drafty|cold|winter|insulat*|paint*|bug*|pest*|smoke alarm|hurricane|storm|wasp*)",
            "(cookout|barbecue|bbq (party|at)|grill (out|party)|camping|smores|party|burgers|hot dogs|steak|picnic)",
        ),
    ),
    Rule(
        # on or heading to the railway: "sitting on the tracks", "walking to the tracks tonight"
        "means: railway tracks",
        MEANS,
        (
            "(standing|stood|sitting|sat|lying|laying|lie|lay|waiting|kneeling|im|i am|i m) [down|here|now] (on|in"
            " the middle of|across|onto) the ((train|railroad|railway|rail|subway|metro|light rail) (tracks|track"
            "|rails|line)|tracks|rails)",
            "(walking|heading|going|drove|driving|walked|went|headed|go|walk|head|drive) (to|towards|down to|out to"
            "|over to) the (train|railroad|railway|rail|subway|metro) (tracks|track|rails|line)",
            "(walking|heading|going|drove|driving|walked|went|headed|go|walk|head|drive) (to|towards|down to|out to"
            "|over to) the tracks",
        ),
        unless_before=("{SOMEONE_ELSE} [also|just|then|was|is]",),
        unless_in_message=(
            "(photo*|pic|pics|picture*|shoot|train spotting|trainspotting|cross|crossing|race|racing|running track"
            "|track meet|track practice|on track|back on track|off track|fast track|sound track|soundtrack|station"
            "|platform|commute|to work|to school|nyc|subway line|train line|metro line|model train*|toy train*)",
        ),
    ),
    Rule(
        # the blind38 round: a means kept, or got, behind a lie ("told the nurse i threw it out. i didnt", "told
        # the pharmacy i was traveling. im not traveling", "bought rope... told myself it's for a project")
        "means: kept behind a lie",
        MEANS,
        (
            "(told|tell|telling|assured|promised) (the|my|her|him|them|everyone) [nurse|doctor|dr|therapist"
            "|psychiatrist|counselor|counsellor|team|family|parents|wife|husband|partner|mom|mum|dad|roommate|sponsor|pharmacist]"
            " (i|that i|id|i had|ive) [already|just] (threw|thrown|flushed|tossed|got rid of|gotten rid of|gave|handed"
            "|returned|dumped|disposed of|locked|sold|gave away|gotten|turned) ... . (i|but i) (didnt|did not"
            "|never did|kept|still have|havent|have not|lied)",
            "(told|tell|telling) (the|my) (pharmacy|pharmacist|doctor|dr|psychiatrist|nurse|prescriber|clinic)"
            " (i|that i) (was|am|im|m|would be) (traveling|travelling|going away|going on a trip|leaving town"
            "|out of town|going out of town|on vacation|going abroad|moving) ... ... . (im|i am|i m) not",
        ),
    ),
    Rule(
        # a means bought with a story the writer tells themselves: "bought rope... told myself it's for a project"
        "means: kept behind a lie",
        MEANS,
        (
            "(told|tell|telling|keep telling|kept telling) myself (its|it is|it s|it was|theyre|they are|they were"
            "|thats|that its) [just|only|really] for",
        ),
        also_needs=("(rope|noose|gun|pistol|rifle|shotgun|razor*|blade*|cord|belt|{PILLS}|bullets|ammo|charcoal)",),
    ),
    Rule(
        # a ligature kept ready: "i have the rope in my car", "the rope is in my closet"
        "means: a rope kept ready",
        MEANS,
        (
            "(have|got|bought|hid|hidden|keep|kept|stashed|put|left) (the|a|my) (rope|noose) (in|under|ready|hidden"
            "|with me|on me|in my|right here|next to|by)",
            "the (rope|noose) (is|s) (in|under|ready|hidden|tied|up|hanging|right here|waiting)",
        ),
        unless_in_message=(
            "(climb*|camp*|boat*|sail*|tent|tow*|swing|hammock|gym|boulder*|crossfit|jump rope|skipping|tug|knot*"
            "|dog|leash|horse|laundry|clothesline|hang (the|my) (clothes|laundry)|tie down|moving|truck bed)",
        ),
    ),
    Rule(
        # on a height and looking down, with nothing of a view or an outing in the message
        "means: on a height, looking down",
        MEANS,
        (
            "(standing|stood|sitting|sat|up|here|im|i am) (on|at|on top of|on the edge of) (a|the|this|that|my)"
            " {HIGH_PLACE} ... (looking|staring|look|stare|looked|stared|peering) (down|over the edge|at the drop"
            "|at the (cars|traffic|water|ground|river|street|tracks|rocks) (below|underneath|beneath|down there))",
        ),
        unless_before=("{SOMEONE_ELSE} [also|just|then|was|is]",),
        unless_in_message=(
            "(view|views|pretty|beautiful|gorgeous|sunset|sunrise|photo|photos|pic|pics|picture|pictures|selfie"
            "|tourist*|ducks|boats|fireworks|scenery|hike|hiking|walk|city lights)",
        ),
    ),
    Rule(
        # on a height, noting the drop: "on top of the parking structure, it's a long way down"
        "means: on a height, looking down",
        MEANS,
        ("(long way down|long drop|long fall|the drop is|how far down|so far down|such a drop)",),
        also_needs=(
            "(on|at|up on|top of|edge of|from) (the|a|this|that|my|our) [top of the|edge of the] {HIGH_PLACE}",
        ),
        unless_in_message=(
            "(view|views|pretty|beautiful|gorgeous|sunset|sunrise|photo|photos|pic|pics|picture|pictures|selfie"
            "|tourist*|ducks|boats|fireworks|scenery|hike|hiking|walk|city lights|elevator|stairs|dropped my|keys"
            "|phone|afraid of heights|scared of heights|vertigo|roller coaster|ride)",
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
        # what onlookers fear, not the writer's plan: "watching me like i'm going to fall"
        unless_before=("(like|as if|as though) [im|i m|i am|i was]",),
        unless_after=("(in|into|at|on (the|a) (trampoline|bed|bandwagon)|rope|for|to conclusions|ahead|the gun)",),
        unless_in_message=_IN_A_GAME,
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
            "(shoot|shooting|shot) {SELF}",
            "(slit|slitting|slash|slashed|slashing|cut|cuted|cutted|cutting|slice|sliced|slicing|open|opened|opening"
            "|gash|gashed) [up|open] my (wrist*|wirst*|wrsit*|throat|vein*)",
            "(drank|drink|drinking|swallowed|swallow|gonna drink|going to drink|about to drink) [some|the|a bottle of]"
            " (bleach|antifreeze|poison|drain cleaner|rat poison|weed killer|pesticide)",
            "(razor*|blade*) (to|on|in|into) my {BODY}",
            "(where|how) (can|do|could|would|to) [i|you|someone] (buy|get|find|obtain|order) (a|some|the)"
            " (gun|pistol|rifle|firearm|handgun|noose|poison|cyanide|helium)",
            "how (long|fast|quickly) (does|would|will|did|do) (it take|it) [(for|to)] [me|someone|a person] [to]"
            " (bleed out|die|drown|suffocate|pass out and die)",
        ),
        unless_after=(
            *_ACCIDENT,
            # a small mistake scolded: "could just shoot myself for forgetting my lunch again"
            "for (forgetting|missing|letting|buying|eating|leaving|agreeing|signing up|volunteering|saying yes|not"
            " (checking|locking|reading|setting|charging))",
        ),
    ),
    Rule(
        # the blind14 round: what a poison tastes like or does, asked of oneself ("does anyone know if
        # antifreeze tastes bad. not joking"); a pet or a child that got into it is a safety question
        "means: weapon or ligature",
        MEANS,
        (
            "(bleach|antifreeze|anti freeze|drain cleaner|rat poison|weed killer|pesticide|poison) (taste|tastes"
            "|tasted|tastes like|taste like|would taste|feel like|feels like|would do to me|does to you|would do to you"
            "|does to a person)",
            "how much (bleach|antifreeze|drain cleaner|rat poison|weed killer|pesticide) (would|does|will|to|it takes"
            "|would it take)",
        ),
        unless_in_message=(
            "(dog|dogs|cat|cats|puppy|kitten|pet|pets|vet|toddler|baby|kid|kids|son|daughter|child|children|grandson"
            "|granddaughter|smell|smells|spill|spilled|spilt|mop|laundry|stain|stains|car|radiator|engine|coolant"
            "|garden|weeds|mice|rats|bugs|pool|poison control)",
        ),
    ),
    Rule(
        # the blind14 round: how high a fall must be ("looked up what floor you'd need to jump from")
        "means: a height",
        MEANS,
        (
            "(what|which|how high a|how many) (floor|floors|story|stories|storey|storeys|height|feet|meters|metres)"
            " (you|youd|you would|you need|i|id|i would|i need|someone|a person|it takes|is enough|would be enough)"
            " ... (jump|fall|survive|die)",
            "(high|far) enough (to|that) (not survive|die|kill|not wake up|be sure|be fatal|be lethal)",
        ),
        unless_before=("(dog|cat|kitten|puppy|bird|parrot|hamster|egg)",),
    ),
    Rule(
        # "noose" squeezes to "nose" ("my nose was bleeding"), so it needs a verb or a use, and what
        # follows a nose is dropped ("got my nose pierced")
        "means: weapon or ligature",
        MEANS,
        (
            "(tie|tied|tying|make|made|making|bought|buy|got|have|hung|hang|put) (a|the|my) noose",
            "noose (around|round|ready|is ready|tied|from|on)",
        ),
        unless_after=(
            *_ACCIDENT,
            "(pierced|piercing|job|ring|stud|bleed*|broken|running|stuffed|blocked|blown|done|waxed)",
        ),
    ),
    Rule(
        "es: means",
        MEANS,
        (
            "(tomarme|tome|me tome|tomar|me voy a tomar) (todas|todas las|un monton de|muchas"
            "|el frasco de|la caja de) [las|mis] (pastillas|pildoras|medicinas|medicamentos)",
            "(tomarme|tome|me tome|tomar|me voy a tomar|voy a tomar|trague|me trague|tragarme|me voy a tragar)"
            " (todo el (frasco|bote|blister|botiquin)|toda la (caja|botella de pastillas)|todo lo que (habia|tenia"
            "|encontre) en el botiquin|todas (mis|las) (pastillas|pildoras|medicinas|medicamentos|pastis))",
            # the present for the future too: "esta noche me tiro del puente"
            "(tirarme|aventarme|lanzarme|arrojarme|saltar|me (tiro|aviento|avento|lanzo|arrojo)|me (voy a|quiero"
            "|pienso|tengo ganas de) (tirar|aventar|lanzar|arrojar)) (de|del|por|desde) [un|el|la|una] (puente|edificio"
            "|balcon|ventana|techo|azotea|piso|precipicio|acantilado)",
            "(tirarme|aventarme|lanzarme|arrojarme|me (tiro|aviento|avento|lanzo|arrojo)|me (voy a|quiero|pienso)"
            " (tirar|aventar|lanzar|arrojar)) (al|a las|a la|bajo el|debajo del|frente al) (tren|vias|metro|carro"
            "|coche|camion|trafico)",
            # a thought of it, in Spanglish too: "pensé en jumping frente al tren hoy... y casi"
            "(pense en|pensando en|pienso en|ganas de) (jumping|jump|saltar|brincar|tirarme|aventarme"
            "|lanzarme|arrojarme|tiro|aviento|lanzo) (frente al|al|a las|a la|bajo el|debajo del|delante del"
            "|enfrente del|en frente del|de|del|desde) [un|el|la|una] (tren|vias|metro|carro|coche|camion|trafico"
            "|puente|edificio|balcon|azotea)",
            "ahorcarme",
            "(me (tome|di|provoque|hice|voy a (dar|provocar|hacer))|tuve|voy a tener|quiero) una sobredosis",
            # a running car in a closed garage
            "(garaje|cochera) ... (carro|coche|auto|motor|camioneta) (encendido|prendido|en marcha|funcionando)",
            "(carro|coche|auto|motor|camioneta) (encendido|prendido|en marcha|funcionando) ... (garaje|cochera)",
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
            "(last|final) (message|msg|text|post|check in|checkin|share|update) (from me|ever|before i go|for good"
            "|forever)",
            "you (wont|will not|will never|ll never|ill never) (hear from|see) me (again|anymore|after)",
            "(the|this is the) last (you|anyone|yall|you all|any of you) (will|ll|are going to|gonna|will ever) (hear"
            "|see) (from|of) me",
            "(wont|will not|not going to|not gonna|aint gonna|wont even) be (alive) (tomorrow|much longer"
            "|anymore|any more|by morning|next week|for long|to see)",
            "(wont|will not|not going to|not gonna|aint gonna|wont even) be (here|around|alive) (much longer|anymore"
            "|any more|by morning|for long)",
            "(said|saying|say|made|making) my goodbyes",
            "(started|been|ive been|keep|kept|quietly) saying (goodbye|goodbyes|bye) (to|in)",
            "(made sure|making sure|arranged|arranging|found|finding|sorted) [that|out] [someone (for|to take)]"
            " my (cat|cats|dog|dogs|pets|pet|kids|plants|fish|bird|rabbit) ... (after|taken care of|looked after"
            "|somewhere to go|a (home|place|new home)|when im gone|without me)",
            "goodbye (world|cruel world)",
            "(goodbye|bye|farewell) (forever|for good|for the last time)",
            "this is (goodbye|farewell|the end)",
            "(my|a|this is my) (final|last) (goodbye|farewell)",
            "(it was|was|twas|its been) (nice|good|an honor|a pleasure|lovely) knowing (you|everyone|yall|you all"
            "|all of you|you guys)",
            "(take care of|look after|love) my (cat|cats|dog|dogs|pets|pet|kids|plants|fish|bird|rabbit|mom"
            "|family) [for me] (when im gone|after im gone|after i go|once im gone|when i am gone)",
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
        unless_after=(
            "(to (goodwill|charity)|before (i|we) move)",
            # a goodbye to a thing, not to people: "this is goodbye to my old apartment"
            "to (my|the|this|that|our) (old|last|first|favorite|favourite|apartment|house|home|job|car|phone|hair"
            "|couch|summer|year|city|town|school|office|team|twenties|teens)",
        ),
    ),
    Rule(
        # a last check-in: "this is my last check in", "no more posts from me"; not "for a while"
        "says goodbye for good",
        GOODBYE,
        (
            "(this is|this will be|this s|heres|this be) my (last|final) (check in|checkin|share|update|entry)",
            "(wont|will not|not going to|not gonna|wont ever|will never|ill never) be (checking in|posting|coming to"
            " group|at group|in group|coming back|back in group|messaging) (again|anymore|any more|ever again|after"
            " (today|tonight|this))",
            "no more (check ins|checkins|check in|posts|messages|updates|shares) from me",
        ),
        unless_in_message=GRADUATION,
        unless_after=(
            "(for (a while|now|a bit|the (week|weekend|month|summer|semester|holidays|day|night))|until|till|til"
            "|before (my|the|we|our|next|i (leave|travel|start|go on)))",
        ),
    ),
    Rule(
        # "don't look for me", "signing off for good"; not "don't look for me at group tomorrow"
        "says goodbye for good",
        GOODBYE,
        (
            "(dont|do not|please dont|pls dont|plz dont|no need to|dont bother to|dont try to|nobody needs to) (look"
            "|come looking|search|try to find|try and find) for me",
            "(signing|sign|signed|logging|log|logged) off (for good|forever|for the last time|permanently|for ever)",
            # "this is where i sign off": the end of the writer's story, not of a post ("sign off for tonight")
            "(this is|thats|that is|here is|heres) where i (sign|log|check|bow|tap) (off|out)",
        ),
        unless_in_message=GRADUATION,
        unless_after=(
            "(at|in|on|tomorrow|today|this|next|until|till|before|after|from (twitter|instagram|social media|tiktok"
            "|facebook|reddit|discord|the app))",
        ),
    ),
    Rule(
        # the blind38 round: silence announced with a last word ("if i don't answer tomorrow it's not bc my phone
        # died. you were good people to me"); not "if i don't answer tomorrow i'm on a flight"
        "says goodbye for good",
        GOODBYE,
        (
            "if (i|im) (dont|do not|dont ever|never|not|stop) (answer|answering|reply|replying|respond|responding"
            "|text back|show up|log on|come back|make it|post|posting|around|here|online)",
            "if you (dont|do not|never|stop) (hear|hearing) from me",
            "si no (contesto|respondo|aparezco|regreso|me reporto|doy senales)",
        ),
        also_needs=(
            "(its|it s|it is|thats|that is) not (bc|because|cause|cuz|due to) (my phone|of my phone|my battery"
            "|im busy)",
            "(you were|yall were|you guys were|you all were) (good|kind|the best|good people|family|so good|so kind)",
            "(dont blame yourselves|its not your fault|take care of each other|remember me)",
            "((its|it s|it is) (because|bc|cause) i did it|porque lo hice|ya lo hice|ya saben por que|you know why)",
        ),
        unless_in_message=(
            *GRADUATION,
            "(busy|asleep|sleeping|at work|working|shift|flight|plane|signal|reception|camping|trip|surgery"
            "|procedure|hospital stay|offline for|off the grid|detox|digital detox|retreat|cruise)",
        ),
    ),
    Rule(
        # a note left where family will find it: "left a note on the kitchen table for my mom"
        "says goodbye for good",
        GOODBYE,
        (
            "(left|leaving|leave|put|wrote|written|writing) (a|the|my) (note|letter|notes|letters) (on|in|under|by|at)"
            " (the|my|her|his|their|our) ... (for|to) (my (mom|mum|mother|dad|father|parents|family|kids|sister"
            "|brother|wife|husband|partner|son|daughter|roommate|girlfriend|boyfriend)|everyone|whoever (finds"
            "|find)|whoever)",
        ),
        unless_in_message=GRADUATION,
        # a note about an errand: "left a note on the fridge for my mom to buy milk"
        unless_after=(
            "(to (buy|pick|get|grab|call|feed|take|remind|let|check|walk|water|sign|bring)|about (the|dinner"
            "|groceries|chores)|saying (where|when|that (i|we) (went|am|will|would)))",
        ),
    ),
    Rule(
        # "last check in, goodbye group": a last post with a goodbye, no graduation or trip in sight
        "last post, as a farewell",
        GOODBYE,
        (
            "(last|final) (check in|checkin|share|update|post|message)",
            "(last|final) time (checking in|posting|writing|messaging|sharing)",
        ),
        also_needs=(
            "(goodbye|bye|farewell|adios|ever|forever|for good|love you|take care|for everything|sorry for"
            "|remember me)",
        ),
        unless_in_message=(*GRADUATION, "(before|until|till|for (a while|now|the (week|weekend|month|summer)))"),
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
            "(este|esta) es mi (ultimo|ultima) (mensaje|post|vez|check in|checkin|reporte|publicacion|participacion)",
            "(mi|el) (ultimo|ultima) (mensaje|check in|checkin|reporte|publicacion) (para siempre|de mi parte|adios)",
            "(cuiden|cuida|cuidad|cuidar|cuidame|cuidenme) (a|de) (mi|mis) ... por mi",
            "(no me busquen|no me busques|no me van a encontrar)",
            "adios para siempre",
            "(esta es|este es|aqui esta|aqui va|les dejo|les escribo) mi despedida",
            "(ya no|no) me (van|vais) a (ver|volver a ver)",
            "(ya no|no) voy a estar (aqui|mas) [para]",
            "me (despido|despedi|estoy despidiendo) de (todos|ustedes|ti|todo el mundo|mi familia|la gente|cada uno)",
            "(escribi|escribiendo|deje|termine|ya escribi) (las|mis|unas|una) (cartas|notas|carta|nota)"
            " (para|a) (mi|mis|todos|mi familia|ustedes|cada)",
        ),
        unless_in_message=GRADUATION,
        unless_after=(
            "de (soltera|soltero|la empresa|del trabajo|la oficina|la manana|la tarde|la noche|la semana"
            "|los (lunes|martes|miercoles|jueves|viernes|sabados|domingos)|este (grupo|horario))",
            # a new job next: "me despedí de todos, empiezo en otra chamba el lunes"
            "[de (todos|todo el mundo|ustedes)] (empiezo|entro|arranco|comienzo) (en|a|el)",
        ),
        spanish=True,
    ),
    # --- suicidal thoughts --------------------------------------------------------------
    Rule(
        "wants to die",
        SUICIDAL,
        (
            "{WANT} to {DEATH}",
            "{WANT} to {SELF_KILL}",
            # "i just want to go die somewhere quiet"
            "({WANT} to|wanna|wana) [just] go (die|be dead)",
            "(wanna|want to|gonna|to) [go] of {SELF}",
            # slang for electrocution: "abt to take a toaster bath"
            "(take|taking|took|have|having|gonna|going to|about to|abt to|want|wanna) [a] toaster bath",
            "(wanna|wana) [{ADV}] {DEATH}",
            "(wanna|wana) {SELF_KILL}",
            "wish i (was|were|could be|could just be) dead",
            "(wish|wishing|wished) (i|id) (was|were|had) never (been born|born|existed)",
            "wish id never (been born|existed)",
            "(wish|wishing|wished) i (could|would|just|could just) (die|disappear|not wake up"
            "|stop existing|fall asleep and never wake up)",
            "wish i (didnt|did not|wouldnt) (exist|wake up)",
            "(hope|hoping|pray|praying) (i|to) [{ADV}] [{ADV}] (die|get hit by a|dont make it)",
            "(let me|just let me|please let me) die",
            "(hope|hoping|hopefully|pray|praying) [that] [i] [{ADV}] (dont|do not|never|wont|will not|not)"
            " (make it|survive)",
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
            "(my brain|my head|my hed|my mind|my thoughts|my depression|the thoughts|something in me|everything in me"
            "|a part of me|part of me) [just] (keeps|keep|kept|is|s|has been|won*t stop|wont stop) (telling|saying"
            "|screaming|whispering|begging|yelling|shouting) [me] [to|that i should|i should|i need to] [just] (die"
            "|end it|end it all|kill {SELF}|kill (yourself|urself|ur self)|kms|kys|do it|jump|give up for good"
            "|disappear|not wake up|end my life|yeet (yourself|urself|myself))",
            "(wish|want|hope) (someone|somebody|something|god) (would|will|to) (kill me|end me|take me)",
            # the blind30 round: "hope the doctor finds something terminal"
            "(hope|hopes|hoping|wish|wishes|wishing|pray|praying) (it|they|the doctor|the doctors|my doctor|the scan"
            "|the test|the tests|the results|the biopsy|the bloodwork) (find|finds|show|shows|comes back|come back|is"
            "|turns out|turn out)"
            " [to be] [something] (terminal|fatal|incurable)",
            "(ready|prepared) to die",
        ),
        unless_before=(
            "{SOMEONE_ELSE} [also|still|sometimes|really|just|says|said|might|mentions|mentioned|talks about|brings up"
            "|shares|shared] [{ADV}]",
            # quoted words: "the lyrics say i want to die"
            "(the|that|this|a) (lyrics|lyric|song|line|chorus|verse|poem|quote|title|meme|caption) (say|says|said"
            "|goes|go|went|is|are) [like] [i|im]",
        ),
        unless_after=(
            *_DEATH_IDIOM,
            "of (my|the|this|that|him|her|them|it|a|an|his|our)",
            # a breakup or a cancelled contract: "i just want to end it with my gym membership"
            "with (him|her|them|my (gym|membership|phone|plan|subscription|boyfriend|girlfriend|bf|gf|partner|ex|job"
            "|landlord|lease|contract|account|therapist|sponsor))",
        ),
    ),
    Rule(
        # hoping not to wake up; not sleeping in ("hope i don't wake up before noon tomorrow")
        "wants to die",
        SUICIDAL,
        (
            "(hope|hoping|pray|praying) (i|to) [{ADV}] [{ADV}] (dont wake up|do not wake up|never wake up)",
            "(hope|hoping|hopefully|pray|praying) [that] [i] [{ADV}] (dont|do not|never|wont|will not|not) wake up",
        ),
        unless_before=("{SOMEONE_ELSE} [also|still|sometimes|really|just|says|said|might] [{ADV}]",),
        unless_after=("(before|until|till|til|early|at #|in time|on time|for (work|school|class|the))",),
    ),
    Rule(
        # "thinking about just disappearing and never coming back, like for good"
        "wants to disappear for good",
        SUICIDAL,
        (
            "(disappear|disappearing|vanish|vanishing|fade|fading|go|going|leave|leaving) [away] and never (come"
            "|coming|came) back",
            "(think|thinking|thought|dream|dreaming|fantasi*) about [just] (disappearing|vanishing|not existing)"
            " ... (for good|forever|permanently|and never)",
        ),
        unless_before=("{SOMEONE_ELSE} [just|really|finally] [{ADV}]",),
        unless_after=("(to|from) (this|that|the|my) (job|place|town|city|school|class|group chat|app|house)",),
    ),
    Rule(
        # "i'd rather be dead than keep feeling like this"; "rather die than eat olives" is hyperbole
        "would rather be dead",
        SUICIDAL,
        ("(id|i would|would|i d|honestly|just) rather (be dead|die|not exist|not be alive|not be here|not wake up)",),
        unless_after=(
            "than (go*|eat*|do|doing|wear*|sit*|listen*|watch*|talk*|work*|be seen|admit*|apologi*|ask*|call*"
            "|drive|take|miss|lose|fly|dance|sing|run|have to|spend|deal|let*|give*|see|hear|answer*|pay*|clean*|touch"
            "|use|cook*|shop*|wait*|stand|queue)",
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
        # the slang as someone else's, or as a word: "my son keeps saying kms when he loses", "slang like kms"
        unless_before=(
            "{SOMEONE_ELSE} [keeps|kept|always|just] (saying|says|said|typing|types|typed|writing|writes|wrote|texts"
            "|texted|posts|posted|yells|yelled)",
            "(slang|words|terms|acronyms|abbreviations|euphemisms|phrases) (like|such as)",
            "(que significa|what does|what is|whats) [the word|the term|la palabra]",
        ),
        unless_after=(
            "(is|es) (short for|what (my|he|she|they|people|kids)|code for|slang for|una abreviatura)",
            "((is|es) (an|a|un|una) (acronym|abbreviation|word|term|slang|acronimo|palabra)|stands for|means|significa"
            "|is (just|basically|literally) (tiktok|internet) (speak|slang))",
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
            "suicide (is|seems|feels like) (the only|my only|the answer|my way|the way|the best)",
        ),
        unless_before=_OTHERS_THOUGHTS,
        unless_after=("(with|between)",),
    ),
    Rule(
        # the noun: "thoughts of suicide"; "i thought about not being here" is the verb, told as past (below)
        "thinking about ending it",
        SUICIDAL,
        (
            "(thoughts|thought) (about|of) (suicide|killing {SELF}|ending (it|my life|things)"
            "|dying|not being here|taking my life)",
        ),
        unless_before=(
            "(i|ive|i have|i had|id|i d) [also|often|sometimes|once|even|really|seriously|never|always]",
            *_OTHERS_THOUGHTS,
        ),
        unless_after=("(with|between)",),
    ),
    Rule(
        # "i thought about not being here a lot during my divorce": past, unless something recent goes with it
        "thinking about ending it",
        SUICIDAL,
        (
            "(i|ive|i have|i had|id|i d) [also|often|sometimes|once|even|really|seriously|always] thought (about|of)"
            " (suicide|killing {SELF}|ending (it|my life|things)|dying|not being here|taking my life)",
        ),
        weak=True,
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
            # people in general: "most people who have suicidal thoughts never act on them"
            "(people|someone|somebody|those|anyone|folks|others|many|patients|teens|veterans) (who|that) [often|still"
            "|sometimes|also]",
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
            # the blind38 round's training rows: "tired in a way sleep doesnt fix anymore"
            "(tired|exhausted|a tired) (in a way|that) (sleep|rest|naps|a nap|coffee|a vacation) (doesnt|does not|cant"
            "|can not|wont|will not|never) (fix|touch|help)",
            "(not sure|dont know if|do not know if|unsure if|unsure whether|not sure if) i (want|wanna) to (stay"
            "|be here|keep going|live|stick around|stay alive|keep living|wake up)",
            "no me in (it|them|that picture)",
            "(cant|can not|cannot|dont) (see|picture|imagine) (a|any) (version|future|world|timeline|year) ... with me"
            " [still] in it",
            "done with (life|living|everything|it all|being alive|existing)",
            "(cant|can not|cannot) (go on|keep going|keep living|live like this|do life|be here anymore|handle living)",
            "(dont|do not) [{ADV}] [think|feel like|know if] [i] {WANT} to (live|be alive"
            "|exist|be here|wake up|go on|keep living|keep going|do this anymore|be around)",
            # "i don't want to survive this one": survival of something named, not "just survive, i want to thrive"
            "(dont|do not) [{ADV}] [think|feel like|know if] [i] {WANT} to survive (this|it|another|the (night|winter"
            "|week|year|month|weekend))",
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
            "(nobody|no one|noone|no1|noi) (would|will|d|wud) (care|notice|miss me|even notice"
            "|even care|be sad) (if|when) (i|im) (died|was gone|were gone|disappeared|killed|wasnt"
            " here|was dead|stopped|gone|gon|dead|not here)",
        ),
        unless_after=(*_FOR_A_WHILE, "[and] by (here|that|this) i mean"),
    ),
    Rule(
        # "i can't do this anymore" is a crisis on its own, not beside a task, a game or a laugh
        "sees no reason to live",
        SUICIDAL,
        ("(cant|can not|cannot) (do this anymore|do this any more|take it anymore|take this anymore|keep doing this)",),
        unless_after=(*_FOR_A_WHILE, "[and] by (here|that|this) i mean"),
        unless_in_message=(
            "(lol|lmao|haha*|hehe*|game|boss fight|final boss|level|homework|tax|taxes|form|exam|essay|paper"
            "|assignment|printer|computer|wifi|traffic|weather|this heat|this class|this job|this meeting|this diet"
            "|this song|this show|depression talking|it passes|the thought)",
        ),
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
            "(doing|do|did) (everyone|everybody|them|the world|my family|you all|yall|the group|people) a"
            " (favor|service) (by|if i (just|was|were|stopped|didnt|wasnt|werent)|if i) [just] (not existing"
            "|not being (here|around|alive)|dying|disappearing|leaving for good|being gone|killing {SELF}|ending it"
            "|going away forever|gone|dead|existing|around|here|alive|died|disappeared)",
            "(better|easier) [for (everyone|everybody|them|my family|all of you|you all|yall)]"
            " if i (wasnt|werent|didnt exist|was not|were not) (here|around|alive)",
            "(im|i am|i feel like|feel like|i m) [{ADV}] (a|such a|nothing but a|only a) burden",
            # "my family would get more out of my 401k than out of me"
            "more (out of|from) my (401k|life insurance|insurance|pension|estate|savings|policy|death) than (out of"
            "|from) me",
            "(wont|will not|dont|do not|not gonna|not going to) (have to|need to|gotta) (deal with|put up with"
            "|worry about|take care of|carry) me (much longer|anymore|any more|for long|after|soon|again)",
            "(last|final) (week|day|night|time|month|weekend) (anyone|you|yall|everyone|you all|people|any of you)"
            " (will|ll|has to|have to|will have to|gotta) ... (put up with|deal with|see|hear from|worry about) me",
        ),
        # a screening question's wording: "the phq-9 asks about being better off dead every week"
        unless_before=(
            "(asks|asked|ask|asking|question|questions|item) (about|on|if) [being|feeling|youd be|you d be]",
        ),
        unless_after=(
            "to (no one|nobody|noone|none|no1)",
            # a favour, not a life: "feel like a burden asking my sister for rides"
            "(asking|when i ask|by asking|for asking|having to ask|for (a|the) (ride|rides|money|help|favor|favour"
            "|while))",
        ),
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
            "(no quiero|ya no quiero) (vivir|despertar|estar aqui|existir|estar viv*|seguir con vida)",
            "(ya no|no) (aguanto|puedo) (mas|seguir|con esto|con mi vida)",
            "acabar con (mi vida|todo)",
            "(estarian|estarian todos|todos estarian|estarian mucho) mejor sin mi",
            "(desearia|deseo|deseaba|quisiera|preferiria|prefiero|me gustaria) (estar muert*|morir|morirme|no existir"
            "|no haber nacido|no despertar|desaparecer|dejar de existir|dormir y no despertar|no estar viv*)",
            "ojala (no (despertar|despertara|despierte|amanecer|amaneciera|hubiera nacido|existiera|existir|estar aqui"
            "|estuviera aqui|estuviera viv*)|me (muera|muriera|durmiera para siempre)|(estar|estuviera) muert*"
            "|desaparecer|desapareciera|no haber nacido)",
            "(estoy|me siento|ando) (cansad*|hart*|agotad*) de (vivir|estar viv*|existir|la vida|seguir viviendo)",
            "(para que|pa que) (seguir|vivir|seguir viviendo|despertar|existir)",
            # "para qué sigo aquí": a "sigo aquí" asked about, never the recovery talk it is on its own
            "(para que|pa que|por que|porque) (sigo|seguir|sigue|estoy) (aqui|viv*|existiendo|respirando"
            "|en este mundo)",
            "(estaria|estarian|estarian todos|todos estarian|estariamos) (better off|mucho mejor|mejor) sin mi",
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
            ES_EXASPERATION,
            # working or studying oneself to death: "me quiero matar estudiando"
            "(estudiando|trabajando|entrenando|en el (trabajo|gym|gimnasio)|para el examen)",
            # oversleeping, and hyperbole: "ojalá no despertar tarde", "preferiría morir que ir a esa fiesta"
            "(tarde|temprano|a las|con (dolor|resaca|gripe)|que (ir|hacer|ver|comer|trabajar|estudiar|hablar|volver"
            "|tener|pasar|escuchar|salir|bailar|cantar|admitir|pedir))",
        ),
        unless_before=(ES_EXASPERATION,),
        spanish=True,
    ),
    Rule(
        # "no quiero seguir", "ya no quiero seguir así"; not "no quiero seguir viendo esa serie"
        "es: wants to die",
        SUICIDAL,
        ("(no quiero|ya no quiero) (seguir viviendo|seguir aqui|seguir|seguir viv*|seguir asi|seguir con mi vida)",),
        unless_after=(
            "(viendo|leyendo|jugando|estudiando|trabajando|comiendo|esperando|hablando|pagando|yendo|haciendo"
            "|en (este|esta|ese|esa|el|la|mi) (trabajo|equipo|clase|curso|grupo|relacion|carrera|programa|empresa"
            "|casa|ciudad)|con (este|esta|ese|esa|el|la|mis) (trabajo|relacion|novio|novia|dieta|serie|libro|curso"
            "|clase|carrera|plan|rutina|tema|proyecto|conversacion|discusion))",
        ),
        spanish=True,
    ),
    Rule(
        # "sería mejor para todos si yo no existiera"; not "sería mejor si no existiera el tráfico"
        "es: thinks others are better off without them",
        SUICIDAL,
        (
            # "sería mejor para todos si yo no existiera"
            "(seria|serian|es|estaria|estarian|estarian todos|todos estarian|todo seria|todo estaria|todos seriamos"
            "|seria todo) [mucho|todo] (mejor|mas facil|mas sencillo|mas felices|mas tranquilos|tranquilos|felices"
            "|un alivio|un descanso)"
            " [para (todos|todo el mundo|ellos|ellas|mi familia|mis hijos|mis padres|ustedes|ti|el|ella)] si [yo]"
            " (no (existiera|estuviera|hubiera nacido|viviera|despertara|siguiera (aqui|viv*)|estuviera (aqui|viv*))"
            "|desapareciera|me muriera|muriera|me fuera para siempre|me matara|ya no (estuviera|existiera))",
            "mejor si yo (no (existiera|estuviera|hubiera nacido)|desapareciera|me muriera)",
        ),
        unless_after=("(el|la|los|las|ese|esa|este|esta|eso|esto|tanto|tanta|un|una|mi jefe|mi ex)",),
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
        unless_after=(
            "de [la|el|los|las] (risa|hambre|sueno|ganas|verguenza|pena|calor|frio|cansancio|aburrimiento|miedo)",
            # embarrassment: "me quería morir cuando se me cayó la bandeja"
            "cuando (se me|me|todos|todo el mundo|la gente|mi jefe|mi jefa|el profe|la profe) ... (cayo|cayeron|vio"
            "|vieron|rio|rieron|equivoque|tropece|cai|dije|grito|regano)",
        ),
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
            "(cut|cuted|cutted|hurt|harmed|burned|burnt|hit|punched|scratched|carved|bit|banged|sliced|slashed|stabbed"
            "|scraped"
            "|gashed|smacked|slapped|bashed|whacked|bruised|pinched|injured|mutilated) {SELF}",
            "(cut|cuted|cutted|carved|sliced|burned|burnt|slashed|slit|stabbed) [into|up|open] [my] {BODY}",
            "(carved|scratched|etched|cut) ... (into|in|on) my {BODY}",
            "(self harmed|selfharmed|self injured)",
            # "sh" as a verb: "been sh'ing again" (the apostrophe goes, "shing" stays)
            "(been|was|were|started|start|keep|kept|im|i m|i am|back to|caught myself|relapsed and) [{ADV}]"
            " (shing|sh ing)",
        ),
        weak=True,
        unless_after=_ACCIDENT,
        unless_before=(
            "(accidentally|accidently|almost|nearly)",
            "{SOMEONE_ELSE} [keeps|kept|is|was|has been|keep]",
            # the urge's object, not an act: "got through the urge to hurt myself"; the urge rules judge it
            "(urge|urges|craving|cravings|tempted|temptation|itch|itching) to",
        ),
    ),
    Rule(
        "hurts oneself",
        SELF_HARM,
        (
            "(cuts|cutting|cuting|slice|slicing|hurting|harm|harming|burn|burning|hitting"
            "|punch|punching|scratching|carve|carving|bite|biting|bang|banging|slashing|stabbing|scraping|smacking"
            "|slapping|bashing|bruising|injuring) {SELF}",
            # the ambiguous verbs count with a blade, on purpose or until something gives
            "(scratched|scraped|gashed|bruised|scarred|scratch|scrape|scratching|scraping) [up|open] my {BODY} (with"
            " (a|the|my) (razor*|blade*|knife|pin|needle|key|glass|scissors|compass|sharpener|lighter)|on purpose"
            "|until|till|til|again|raw)",
            "(cutting|cuting|carve|carving|slice|slicing|burn|burning|scratching|slashing|slitting|stabbing"
            "|scraping) [into|up|open] [my] {BODY}",
            # a relapse told as giving in: "gave in and cut after dinner", "caved to the urge and burned"
            "(gave in|give in|giving in|caved|cave|slipped up|slipped|relapsed|broke down) [again|last night|tonight"
            "|today|finally] [and|to (it|the urge|the urges|them) and|and just] (cut|cutting|burned|burnt|sh"
            "|hurt {SELF}|self harmed|scratched|hit {SELF}|used the (blade|razor))",
            "(went|cut|gone|go|going) (too|way too|really) deep (this time|tonight|again|last night)",
            "(did|done|doing) it again ... (cutting|cut|sh|self harm*|selfharm*|the blade|the razor|burning)",
            "i (think|thought) i (went|cut|may have cut|might have cut) too deep",
            "i (went|cut) too deep",
            "(it|the cut|cuts|my cut|my (arm|wrist|leg|thigh)|the bleeding) (wont|will not|cant|isnt|is not) stop"
            " [bleeding]",
            "(wont|will not|doesnt|does not) stop bleeding",
            "(bled|bleeding|bleed) through my (sleeve|sleeves|jeans|pants|bandage|bandages|shirt|leggings|sheets)",
            "(blood|bleeding) ... (from (what i did|the cut|the cuts|my (arm|wrist|wrists|leg|legs|thigh|thighs)))",
            "(slam*|punch*|hit|hitting|bang*|smash*) my (fist|fists|hand|hands|head|knuckles) (into|against|on|through)"
            " ... (to feel|until|till|til|so i (feel|can feel))",
            "(until|till|til) (it|they|i) (bleed*|bled)",
            "(until|till|til) (i|my (knuckles|hands|hand|fist|fists|skin|arms|arm|head|legs)) (saw stars|see stars"
            "|passed out|pass out|blacked out|bled|bleed*|cracked|broke|bruised|went numb|were raw|was raw|split)",
            "(hit|hitting|bang*|slam*|punch*) my (head|fist|fists|hand|hands) (against|into|on) (the|a) (wall|door"
            "|floor|desk|mirror) (until|till|til|again|on purpose|to feel|so hard|over and over)",
            "(punch*|hit|hitting|bang*|slam*) (the|a) (wall|walls|mirror|door) (until|till|til|on purpose|to feel)",
            "(cut|cuts|cutting) (deep|deeper)",
            "(fresh|new|my) (cuts|wounds)",
            # cuts and wounds, not scars: "my husband says i should cover my scars at his work party"
            "(hide|hiding|cover|covering) [my] (cuts|wounds)",
            "(hide|hiding|cover|covering) [my] (new|fresh) scars",
            "(i|ive|i have|i just|im|been|was) (cut|cutting) again",
            "(home|then|and|so|just|i|finally|ended up|caved and) (cut|cuted) (then|and then|until|till|til|again"
            "|last night|tonight|today|yesterday|this morning)",
            "(sh|self harm*|selfharm*|hurt {SELF}) (again|tonight|rn|right now)",
            # old scars are no act ("a tattoo over my old sh scars"); new ones are
            "sh (urges|urge|relapse|again|tonight|rn)",
            "(new|fresh|more) sh (scars|cuts|marks)",
            # the blind30 round: "pinching and biting my own hands till they bruise"
            "(pinch*|biting|bite|bit|scratch*|digging|dig|claw*) [and (pinch*|biting|scratch*|claw*)] my [own] (hands"
            "|arms|legs|thighs|wrists|skin|face|stomach|fingers) (till|until|til) (they|it|i) (bruise*|bled|bleed*"
            "|swell*|mark)",
            "(did|doing) sh",
        ),
        unless_after=_ACCIDENT,
        unless_before=(
            "(accidentally|accidently|almost|nearly)",
            "{SOMEONE_ELSE} [keeps|kept|is|was|has been|keep]",
            "(urge|urges|craving|cravings|tempted|temptation|itch|itching) to",
        ),
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
        # "relapsed on sh last night"; "i relapsed on sh in march but i've been clean since" is recovery talk
        "hurts oneself",
        SELF_HARM,
        ("relaps* (on|with|into|to) (sh|cutting|self harm*|selfharm*)",),
        unless_after=(PAST_TIME,),
    ),
    Rule(
        # a streak broken ("broke my sh streak. day 0 again"), told with harm around it: a streak of
        # anything else (an app, a workout, water) breaks every day
        "self-harm again, told without the act",
        SELF_HARM,
        (
            "(broke|broken|lost|reset|ended|ruined) (my|the) [sh|clean|self harm|selfharm|cutting|no sh|no cutting|harm"
            "|free] (streak|clean streak)",
            "(back to|its|at) day (0|zero) [again]",
            "(sh|self harm|selfharm|cutting|clean|no sh|no cutting) streak (is|s|was|just) [officially] (dead|over|gone"
            "|done|broken|ruined|reset|ended)",
        ),
        also_needs=(
            "(ashamed|worse than ever|deeper|deep|stitches|blood|bled|bleeding|marks|scars|cut|cuts|cutting|sh|self"
            " harm*|selfharm*|blade|blades|razor*|burn|burned|burnt|hurt myself|relaps*)",
        ),
    ),
    Rule(
        # the gen18 round: the means named, then used or about to be used on oneself ("they're right here
        # and i want to use them to end it", "i've been using them on myself every night")
        "means: weapon or ligature",
        MEANS,
        (
            "(want to|wanna|going to|gonna|about to|could|keep thinking about|thinking about|plan to|need to) use (it"
            "|them|that|those|the gun|the pistol|the razor|the razors|the blade|the blades|the pills|the rope|the belt)"
            " (on myself|on me|to end it|to end things|to die|to end my life|tonight)",
            "(been using|using|used|use|started using) (them|it|the razors|the blades|the razor|the blade"
            "|her razors|his"
            " razors) on (myself|me|my (arms|legs|wrists|thighs|skin|stomach))",
            "(im|i am|i m|sitting|sat|locked) [in the bathroom|in my room|in my car|in the car] with (a|the|my) (razor"
            "|razors|blade|blades|knife|gun|pistol|pills|rope|belt|bottle of pills) (right now|rn|now)",
            "(i know|i already know|ive known|i ve known) [exactly] what (id|i would|i d|ill|i will|i ll) use",
            "(popping|putting|dropping|saving|collecting|stashing) them (into|in) a (jar|bag|box|bottle"
            "|container|sock)",
        ),
        also_needs=(
            "(myself|me|end it|die|tonight|now|jar is full|full|{PILLS}|enough|im done|i m done|at home|right here"
            "|every night)",
        ),
        unless_in_message=("(shave|shaving|beard|legs smooth|cooking|recipe|craft|crafts|garden)",),
    ),
    Rule(
        # the gen19-21 round: after one's death, told plainly ("pass a message to the group after i'm dead"),
        # a timeline kept, a moment waited for
        "says goodbye for good",
        GOODBYE,
        (
            "(after|once|when) (im|i m|i am) dead",
            "by the end of (the|this) (month|week|year) (ill|i will|i ll) be gone",
            "(waiting|wait) for the right (moment|time|day|night) to (stop being|go|leave|do it|end)",
            "stop being a (burden|problem) ... (permanently|forever|for good)",
            "(tonight|today) (feels|seems|is) like the (night|day)",
        ),
        unless_after=("(tired|on my feet|asleep|to the world|serious|last)",),
    ),
    Rule(
        # children or pets handed on as the last thing asked, and nothing after: "take care of my kids for me"
        "says goodbye for good",
        GOODBYE,
        (
            "(take care of|look after|watch over) (my|the) (kids|children|babies|boys|girls|son|daughter|dog|cat|dogs"
            "|cats|family) for me",
        ),
        unless_before=("(can|could|would|will) (you|someone|somebody|anyone|u) [please|pls]",),
        unless_after=(CLAUSE_GOES_ON,),
    ),
    Rule(
        "means: weapon or ligature",
        MEANS,
        (
            "(thinking about|think about|keep thinking about|been thinking about"
            "|cant stop thinking about) using (it|them"
            "|that|those)",
        ),
        also_needs=(
            "(cord|rope|belt|gun|pistol|rifle|pills|meds|razor|razors|blade|blades|knife|noose|cable|lighter)",
        ),
        unless_in_message=("(recipe|craft|garden|game|app|software|tool|coupon|gift card|vacation days|pto)",),
    ),
    Rule(
        # the gen23 round: cuts counted ("i just cut three times in an hour"), death made appealing
        "hurts oneself",
        SELF_HARM,
        ("(i just|just|i|ive|i have|already) cut (#|two|three|four|five|six|a few|several|many|so many) times",),
        unless_in_message=(
            "(hair|bangs|fabric|paper|wood|onion|onions|coupons|grass|lawn|board|boards|pattern|tiles)",
        ),
    ),
    Rule(
        "wants to die",
        SUICIDAL,
        (
            "(unaliving|unalive|dying|death|not existing|not being here|suicide|sewerslide|sewer slide|ending it"
            "|ending things|killing {SELF}) (sounds|seems|feels|looks) [so|more and more|really] (better|good|nice"
            "|peaceful|like a relief|tempting|appealing|like the answer)",
        ),
    ),
    Rule(
        "has a plan",
        INTENT,
        PRESENT_PLAN,
        unless_in_message=("(shave|shaving|beard|cooking|recipe)",),
    ),
    Rule(
        # standing at the edge now: "im on the ledge"
        "means: on a height, looking down",
        MEANS,
        (
            "(im|i am|i m|standing|sitting|sat|stood) on the (ledge|railing|edge of the (roof|bridge|building"
            "|cliff|overpass))",
        ),
        unless_after=(
            "(of|at) (my|the|a) (bed|seat|couch|chair|desk|tub|bathtub|pool|dock|stage|fountain|wall|garden|window"
            "|windowsill|sink|porch|deck|boat|fireplace|stairs|playground|planter)",
        ),
    ),
    Rule(
        # someone's death by suicide taken as one's own way: "i think i'm going to do the same thing soon"
        "wants to join someone who died",
        SUICIDAL,
        ("(going to|gonna|voy a) (do|hacer) (the same thing|the same|lo mismo) [soon|pronto|too|tambien]",),
        also_needs=("(suicide|suicid*|died|murio|se mato|killed (himself|herself|themselves))",),
    ),
    Rule(
        "says goodbye for good",
        GOODBYE,
        ("(tonight|tonights|tonight s|tonight is|today is|todays) my last (night|day)", "(esta noche|hoy) me voy"),
        unless_after=(CLAUSE_GOES_ON,),
    ),
    Rule(
        # the gen24-25 round: said in a few words or in gamer and internet slang
        "intends to act on suicidal thoughts",
        INTENT,
        (
            "(86|eighty six) {SELF}",
            "(tomorrow|tonight|next week) (isnt|is not|isn t|wont be|aint) happening for me",
            "(taking|take|going for|choosing) the permadeath [route|option] ...",
            "(remove|removing|delete|deleting|uninstall|uninstalling) {SELF} from (the group chat of life|life"
            "|existence"
            "|this world|the world|the game of life)",
            "(alt f4|alt f 4|ctrl alt delete|ctrl alt del) (a mi vida|my life|{SELF}|to life|to my life)",
            "(catch|see|find) me in the (obituary|obituaries|obits|obituary section)",
            "(cya|see ya|see u|c u|see you) on the other side",
            "(see u|see you|see ya) never",
        ),
        unless_after=(CLAUSE_GOES_ON,),
        unless_in_message=("(game|games|gaming|playthrough|minecraft|hardcore mode|run|level|boss|server)",),
    ),
    Rule(
        # the blind30 round: a means kept close for the comfort of it ("the rope's been in the garage since
        # sunday. just knowing its there"); a safety card or a number kept close is the opposite
        "has a means ready",
        MEANS,
        (
            "(just|only) knowing (its|it s|it is|they re|theyre|they are) (there|here|close|nearby)",
            # "the rope is still in the closet. i look at it every morning before group"
            "(look|looking|stare|staring|check|checking) (at|on) (it|them) every (morning|night|day|evening)",
        ),
        also_needs=(
            "(rope|ropes|gun|guns|pills|blade|blades|razor|razors|noose|cord|belt|knife|rifle|pistol|shotgun|stash|meds)",
        ),
        unless_in_message=(
            "(help|helps|helped|comfort*|safety plan|number|hotline|crisis line|988|card|app|warmline|therapist"
            "|sponsor|locked|lockbox|safe)",
        ),
    ),
    Rule(
        # a supply seen as enough: "pharmacy filled 90 days at once and my first thought was thats enough"
        "has a means ready",
        MEANS,
        (
            "(first|only|my|one) thought (was|is) [like|just] (thats|that s|that is|its|it s|that d be|thatd be"
            "|that would be) enough",
        ),
        also_needs=("({PILLS}|# days|days worth|supply|bottle|bottles|refill)",),
    ),
    Rule(
        # going to a loved one who died: "my abuela ya se murió, so i'm ready to go with her"
        "wants to die",
        SUICIDAL,
        (
            "(im|i m|i am) [so|just] ready to (go|be|go be) with (her|him|them)",
            "(want|wanna) to (go|be|go be) with (her|him|them) (now|already|soon)",
        ),
        also_needs=("(murio|died|passed|dead|gone|muerto|muerta|se fue|lost (her|him|them)|funeral|buried|grave)",),
        unless_after=("(family|kids|friends|on|at|for|this|today|tomorrow|when|and|in|to|again)",),
    ),
    Rule(
        # "mi viejo dice que prefiere un hijo muerto ... capaz que le doy el gusto"
        "es: wants to die",
        SUICIDAL,
        ("(le|les) (doy|voy a dar|dare|daria|de) el gusto",),
        also_needs=("(muert*|morir*|matar*|muera|muriera)",),
        spanish=True,
    ),
    Rule(
        # a famous suicide named as the writer's plan: "about to pull a hemingway tbh"
        "intends to act on suicidal thoughts",
        INTENT,
        (
            "(pull|pulling|pulled|do|doing|going|go) (a|an|the|full) (hemingway|cobain|kurt cobain|robin williams"
            "|bourdain|virginia woolf|woolf|sylvia plath|plath|budd dwyer|chester bennington|chris cornell|avicii)",
        ),
        # the writer's habits, not the death: "pulling a hemingway: write drunk, edit sober"
        unless_after=("(write|writing|wrote|and (write|edit)|on (this|my|the) (essay|draft|novel|book|paper))",),
    ),
    Rule(
        # the means named, then wanted at the clause's end: "i still have the gun ... and i want to use it"
        "means: weapon or ligature",
        MEANS,
        ("(want to|wanna|going to|gonna|about to|need to) use (it|them)",),
        also_needs=("(gun|guns|pistol|rifle|pills|rope|razor|razors|blade|blades|noose|cord|belt)",),
        unless_after=(CLAUSE_GOES_ON,),
        unless_in_message=("(shave|shaving|beard|cooking|recipe|craft|garden|hunting|range|deer|practice)",),
    ),
    Rule(
        # the act after an urge that seemed to pass: "it passed. then i did it anyway"
        "hurts oneself",
        SELF_HARM,
        (
            "(then|and then|but then|so) i (did it|cut|cut myself|hurt myself|relapsed|burned myself) [anyway|anyways"
            "|after all]",
            "(did it|cut|cut myself|hurt myself) (anyway|anyways|after all)",
        ),
        also_needs=("(cut|cutting|urge|urges|self harm|sh|blade|blades|razor|razors|hurt|burn|relaps*)",),
    ),
    Rule(
        # a dropped letter at the end: "i want to di" ("di" alone is Spanish, so only after "want to")
        "wants to die",
        SUICIDAL,
        ("(want|wanna|wana|wants|need) [to] di",),
        unless_after=(CLAUSE_GOES_ON,),
    ),
    Rule(
        # "ending it. sorry.": the words alone as a declaration, not "thought about ending things"
        "intends to act on suicidal thoughts",
        INTENT,
        ("(ending it|ending things|ending it all)",),
        unless_before=(
            "(about|of|thought|thinking|think|considering|consider|stop|stopped|without|from|into|by|after|before"
            "|since|avoid|avoided|keep|kept|not|no|was|were|been|for|mean|meant|like|stopped me from)",
        ),
        unless_after=(CLAUSE_GOES_ON,),
    ),
    Rule(
        "sees no reason to live",
        SUICIDAL,
        (
            "nothing left to (stay|live|stick around|keep going|fight) for",
            "(done|finished) not with (group|the group|this|school|work|you|you guys|the program|therapy|iop|yall) with"
            " (everything|life|living|it all|existing)",
            "(not|never) meant to (get old|grow old|see (#|thirty|forty|fifty)|make it)",
            "(lost|losing) the will to (respawn|continue|keep going|go on|live)",
        ),
    ),
    Rule(
        # a wound beyond home care, asked about for oneself: "can you get stitches without them calling your
        # therapist? asking for me, it's deep"
        "hurts oneself",
        SELF_HARM,
        ("(get|need|getting|needs) stitches",),
        also_needs=(
            "(asking for me|its deep|it s deep|without (them|anyone|my parents|my mom) (calling|telling|knowing))",
        ),
    ),
    Rule(
        "intends to act on suicidal thoughts",
        INTENT,
        ("(moving on to|time for|going for|ready for) the real thing",),
        also_needs=("(ice|rubber band*|skills|didnt work|did not work|practice|dry run|cuts|cutting)",),
    ),
    Rule(
        # the gen15-16 round: no future that holds the writer ("i don't think there's going to be an after for
        # me", "there's no version of next year that has me in it")
        "sees no reason to live",
        SUICIDAL,
        (
            "(there|theres|there is) (wont|will not|isnt going to|is not going to|aint gonna|isnt gonna) be (an|any)"
            " (after|tomorrow|future|next year|next week) for me",
            "(dont|do not) think (theres|there is|there s|there will be) (going to be|gonna be) (an|any) (after"
            "|tomorrow|future) for me",
            "no (version|future|world) of (next year|the future|tomorrow|next week|next month|this year|next christmas)"
            " (that|where|with) [has|includes|holds] me",
        ),
    ),
    Rule(
        # a ligature made ready: "i have the belt already tied to the door handle"
        "means: weapon or ligature",
        MEANS,
        (
            "(practicing|practising|practiced|practised|learning|learned) (tying|to tie|how to tie) (the|a) (knot"
            "|noose)",
            "(belt|rope|cord|scarf|sheet|sheets|cable|charger cable|extension cord) [is|s] [already] (tied|knotted"
            "|hooked|looped|hanging) (to|around|on|from) (the|my) (door|door handle|doorknob|closet|closet rod|rail"
            "|railing|banister|beam|ceiling fan|fan|shower rod|bar|hook|pipe|rafter|rafters)",
        ),
        unless_in_message=(
            "(dog|puppy|boat|hammock|tent|swing|tire|tarp|christmas|lights|decorations|plant|plants|towel|laundry|scout"
            "|scouts|sailing|climbing|fishing|camp|camping|wedding|married|marry|bowline|necktie|tie)",
        ),
    ),
    Rule(
        # the pills gathered for one go: "got all my meds poured into one bowl. haven't taken them. yet"
        "means: medication",
        MEANS,
        (
            "(poured|dumped|emptied|put|tipped|got) (all|all of) my {PILLS} [poured|dumped|emptied] (into|in|onto)"
            " (one|a|the) (bowl|cup|pile|glass|jar|hand|bag|plate)",
        ),
    ),
    Rule(
        # a message timed to arrive after: "by the time people read them it'll be over"
        "says goodbye for good",
        GOODBYE,
        (
            "by the time (people|you|they|anyone|everyone|you all|yall|my family|someone|you guys) (read|reads|see"
            "|sees|find|finds|get|gets|open|opens) (this|them|it|these|that|my (email|emails|message|messages|note"
            "|letter|post)) [it will|itll|it ll|i will|ill|i ll|i will be|ill be|i ll be] [already] (be over|be gone"
            "|be too late|be done|gone)",
            "(dont|didnt|do not|did not) want anyone (called|calling|to call|finding me|to find me|to come|coming)"
            " (too early|too soon|in time|before)",
        ),
    ),
    Rule(
        # the blind14 round: a relapse told as taking the tool back ("picked the blade back up lol")
        "self-harm again, told without the act",
        SELF_HARM,
        (
            "(picked|picking|pick|took|taking) (the|a|my) (blade|blades|razor|razors) back (up|out)",
            "(picked|picking) up (the|a|my) (blade|blades|razor|razors) again",
        ),
        unless_in_message=("(shave|shaving|shaved|beard|mustache|moustache|stubble|mandoline|cricut|box cutter)",),
    ),
    Rule(
        # the blind9 round: a relapse told without the usual verbs ("the marks are back", "reopened the
        # old ones last night", "my sleeves are hiding things again")
        "self-harm again, told without the act",
        SELF_HARM,
        (
            "(the|my|new|fresh) (marks|cuts) (are|r|s|came|have come|keep coming) back",
            "(reopened|re opened|opened up|picked open|tore open|ripped open) (the|my) [old] (ones|cuts|scars"
            "|stitches)",
            "(sleeves|long sleeves|hoodie|hoodies|bracelets|bandaids|band aids) (are|r|s|is) (hiding|covering)"
            " (things|it|them|stuff|everything|the marks|my arms|my wrists|my legs) [again]",
            "(long sleeves|sleeves|hoodie|hoodies) ... (you can guess why|so (nobody|no one|noone) (sees|notices))",
            "(cover|hide|hiding|covering|conceal*) ... (fresh|new) (marks|cuts|scars|wounds)",
            "(long sleeves|sleeves|hoodie|hoodies|bracelets|bandaids|band aids) ... (because|bc|cuz|cause|coz|since|so"
            "|to hide) [of] (what i did|the marks|my arms|my wrists|my legs|it)",
            "(long sleeves|sleeves|hoodie|hoodies|jacket|bracelets|bandaids|band aids) ... ... (because|bc|cuz|cause"
            "|coz) of what i did",
            "(the|that) (blade|razor|cutting|burning) (stuff|thing|habit) again",
        ),
        also_needs=(
            "(ashamed|shame|worse than ever|deeper|deep|stitches|blood|bled|bleeding|marks|hide|hiding|last night"
            "|again|couldnt keep|could not keep|relaps*|promised|back|fresh|new|pool|beach|summer|july|june|august"
            "|guess why|sees|notices|sh|self harm*|selfharm*|cut*|day (0|zero) again|what i did)",
        ),
        unless_after=("(from (surgery|the surgery|the operation|my (cat|dog|kitten|puppy)|the (cat|dog)))",),
        unless_in_message=(
            "(duolingo|gym|workout|running|sober|drinking|smoking|vaping|snap|snapchat|wordle|reading|meditation"
            "|game|games|streak of|tattoo|tattoos|surgery|sunburn|cat|kitten|dog|puppy|eczema|rash|scrubs|bug bites"
            "|mosquito)",
        ),
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
            "me (corte|lastime|queme|golpee|hice dano|rasgune|raye|pegue|heri) (otra vez|de nuevo|anoche|hoy"
            "|ayer|los brazos|las piernas|las munecas|la muneca|el brazo|a proposito|adrede|a posta"
            "|hasta sangrar|hasta que sangr*|esta (manana|noche|tarde)|hace (un rato|poco|una hora))",
            "(anoche|hoy|ayer|otra vez|de nuevo|esta (manana|noche|tarde)|hace (un rato|poco)|recai y|volvi a recaer"
            " y) [yo] me (corte|lastime|queme|golpee|hice dano|rasgune|raye|heri)",
            "me (volvi|he vuelto|volvio) a (cortar|lastimar|quemar|golpear|hacer dano|rasgunar|rayar|herir"
            "|autolesionar|pegar|morder|aranar|rascar)",
            "(volvi|he vuelto) a (cortarme|lastimarme|quemarme|golpearme|hacerme dano|rasgunarme|herirme"
            "|autolesionarme|las autolesiones|pegarme|morderme|aranarme|rascarme)",
            "me (estoy|he estado|sigo|sigo) (haciendo dano|lastimando|cortando|quemando|golpeando|rasgunando"
            "|autolesionando|hiriendo)",
            "(me hago|me sigo haciendo) dano",
            # the tool named: "me quemé con un cigarro", "me corté con la navaja"
            "me (corte|corto|queme|quemo|lastime|lastimo|rasgune|raye|hice dano) [el brazo|los brazos|la pierna|las"
            " piernas|la muneca|las munecas] con (un|una|el|la|mi|unas|unos) (cigarro|cigarrillo|encendedor|navaja"
            "|cuchilla|cutter|tijeras|rastrillo|sacapuntas|hoja de afeitar|rasuradora|gillette)",
            "me (hice|hize|estoy haciendo|volvi a hacer) (cortadas|cortes|cortaditas|heridas|quemaduras|rasgunos)",
            "(cortarme|me corte|me corto|me voy a cortar|me quiero cortar|cortandome) las venas",
            "(sigo|estoy|he estado|ando) (haciendome dano|lastimandome|cortandome|quemandome|golpeandome"
            "|rasgunandome|autolesionandome)",
            "(hasta sangrar|hasta que (sangre|sangro|sangro|sangraron|sangraran))",
            "reca* (en|con) (las autolesiones|la autolesion|cortarme|el cutting)",
            "me quiero (hacer dano|lastimar|cortar|quemar)",
            "(lastimarme|hacerme dano|autolesion*|me autolesiono|quemarme)",
        ),
        unless_after=(
            "(la|el) (llamada|luz|internet|senal|wifi|conexion|video|agua|leche|mayonesa|salsa|linea)",
            "((el|la|los|las) (pelo|cabello|flequillo|unas|barba|dedo|fleco|rodilla"
            "|espalda|tobillo|pie|mano)|con (el|un|una|la) (papel|cuchillo|vidrio|sarten|olla|horno|plancha|puerta"
            "|sol|agua|cafe|te|aceite|vapor|estufa|sopa)|(en la playa|tomando el sol)"
            "|en (el|la|mi) (dedo|rodilla|espalda|tobillo|pie|mano|cocina|trabajo|gym|gimnasio|partido|cancha)"
            "|(jugando|cocinando|corriendo|entrenando|haciendo (ejercicio|la cena|la comida|deporte)))",
        ),
        spanish=True,
    ),
    # --- the blind22 round: categories of blind15-21's misses --------------------------
    Rule(
        # a turn taken at once, named as the act: "either that or i actually go through with it",
        # "if i don't answer tomorrow it's because i went through with it"
        "intends to act on suicidal thoughts",
        INTENT,
        (
            "(either that or|or else|or) i [actually|finally|just|really] (go|will go|ll go|il go) through with it",
            "(because|cause|cuz|bc|coz|porque) i [finally|actually] (went|gone) through with it",
        ),
    ),
    Rule(
        # the act planned as an event of one's own: "not me planning my own unaliving", "planning my own death"
        "has a plan",
        INTENT,
        ("(planning|plan|planned|plotting|scheduling) my [own] (unaliving|unalive|death|suicide|last day|final day)",),
        unless_after=("(party|playlist|speech|trip|vacation|holiday|bucket list|will|insurance)",),
    ),
    Rule(
        # the thought heard as a voice: "kys is what my brain keeps saying", "my head keeps telling me to die"
        "hears the thought of ending their life",
        SUICIDAL,
        (
            "(kms|kys|kill {SELF}|kill yourself|unalive yourself|end it|die) (is|s) (what|all) my (brain|head|mind"
            "|thoughts|depression|voice|voices) (keeps|keep|is|has been|been|wont stop) (saying|telling me|screaming"
            "|whispering|repeating)",
            "my (brain|head|mind|depression|inner voice) (keeps|keep|wont stop|is|has been|been) (saying|telling me"
            "|screaming|whispering|repeating) [to] (kms|kys|kill yourself|die|end it|unalive yourself|you should die"
            "|just die)",
        ),
    ),
    Rule(
        # the feeling of a past attempt come back now: "the same feeling i had before my last attempt, back tonight"
        "the thoughts before an attempt are back",
        SUICIDAL,
        ("(before|leading up to|right before|like before) my (last|first|previous|other|second|third) attempt",),
        also_needs=(
            "((its|it is|theyre|they are|thats|that is|its all) (back|coming back)|back (tonight|again|today|now)"
            "|again (tonight|today|now)|feeling it again|feel it again|(same|that) (feeling|thought|thoughts|urge)"
            " (again|now|tonight))",
        ),
    ),
    Rule(
        # an ending accepted: "i've made my peace with how it ends", "made peace with not being here"
        "has made peace with dying",
        SUICIDAL,
        (
            "(made|making|make|at) [my] peace with (how (it|this|everything|things|my story) (ends|will end|is going"
            " to end)|dying|death|my death|leaving|not being here|not waking up|going|the end|it ending|ending it)",
        ),
    ),
    Rule(
        # not getting through: "don't think i'll make it thru tonight", "i don't think i'm getting through this one"
        "does not expect to survive the night",
        SUICIDAL,
        (
            "(dont|do not|cant|cannot|not sure) (think|see|believe) (i|il|i will|im|i am|im gonna|im going to|i can)"
            " [make it|get|getting|making it|gonna make it|going to make it] (through|past) (tonight|the night|this"
            " night|this weekend|this one)",
            "(dont|do not|cant|cannot) (think|see) (i|il|i will|im) (make|making|making it|make it|getting) (to|until"
            "|till|til) (morning|tomorrow|the morning|monday|the weekend)",
            # the blind38 round: "prolly wont mkae it thru the weeknd"
            "(probably|prob|prolly|likely|honestly|might|may|pretty sure i) (wont|will not|not going to|not gonna|dont)"
            " make it (through|past|to|til|till|until) (the weekend|this weekend|this week|tonight|the night|friday"
            "|monday|christmas|the holidays|my birthday|next week|the month|another week|another day|morning)",
        ),
        unless_after=("(without|if|unless|lol|haha|lmao|on time|because|bc|cause|since)",),
    ),
    Rule(
        "does not expect to survive the night",
        SUICIDAL,
        (
            "(no|dont see the|dont see any|whats the|what is the) point (in|of) (making it|surviving|getting|lasting"
            "|staying alive|holding on) (to|until|till|til|through|past)",
            "(ran|run|running|im|i am|am) out of reasons [to (live|stay|keep going|be here|stay alive|go on|continue"
            "|wake up|get up|try)]",
        ),
        unless_after=("(for|why|that|to (complain|cancel|skip|stay home|wait|be mad|argue|explain))",),
    ),
    Rule(
        # "you can stop sending me the reminders after friday. there won't be anyone here to read them"
        "says goodbye for good",
        GOODBYE,
        (
            "(wont|will not|aint gonna|isnt going to) be (anyone|anybody|someone|nobody|no one) (here|around|left)"
            " to (read|see|answer|open|get) (them|it|these|this|those|my (messages|texts|mail))",
            "(can|could|should) stop (sending|texting|messaging|reminding) me [the|any|those] ... (after|past|from)"
            " (this|next|tonight|today|tomorrow|friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend)",
        ),
        also_needs=("(wont be|will not be|no one|nobody|not be|no need|dont need|wont need|anymore|for good)",),
        unless_in_message=(
            "(travel*|trip|moving|vacation|holiday|flight|deploy*|graduat*|discharg*|new number|new phone)",
        ),
    ),
    Rule(
        # "i'm not going to need the next workbook. just trust me on that"
        "says goodbye for good",
        GOODBYE,
        (
            "(not going to|not gonna|not gona|wont|will not|dont think ill|dont think il) (need|be needing|use"
            "|be using) (the next|next weeks|my next|another|a new|the new|next|any more|anymore) (workbook|session"
            "|appointment|refill|refills|check in|checkin|prescription|script|module|class|group|semester|month"
            "|reminder|reminders|bottle|book)",
        ),
        also_needs=("(trust me|youll see|you will see|dont ask|no point|anymore|any more|after (this|tonight))",),
        unless_in_message=(*GRADUATION, "(discharg*|step down|stepping down|moving|switch*|new (therapist|program))"),
    ),
    Rule(
        # "who's bringing snacks thursday? oh wait doesn't matter, i won't be there"
        "says goodbye for good",
        GOODBYE,
        (
            "(doesnt|does not|dont|wont) matter [anyway|anymore|for me|to me|lol|tbh|honestly|really]"
            " (i|il|i will|im|i am) (wont be|will not be|not gonna be|not going to be|not gona be) (there|here|around)",
        ),
        unless_in_message=("(travel*|trip|out of town|vacation|holiday|flight|work|shift|sick|appointment|busy)",),
    ),
    Rule(
        # someone to be looked after once the writer is gone: "look after jess for me. she'll need someone
        # after tonight"
        "asks others to look after someone once they are gone",
        GOODBYE,
        ("(look after|take care of|watch out for|keep an eye on|be there for) ... for me",),
        also_needs=(
            "(need (someone|somebody|you|yall|you all|you guys) (after|when|once)|after (tonight|today)|when im gone"
            "|once im gone|after im gone|wont be (here|around)|not be (here|around))",
        ),
        unless_in_message=("(travel*|trip|vacation|holiday|flight|deploy*|out of town|surgery|hospital stay|away)",),
    ),
    Rule(
        # a last chapter closed with thanks: "gave my ps5 to my brother. gg everyone, it was fun while it lasted"
        "says goodbye for good",
        GOODBYE,
        ("(it was|its been|was|it has been) (fun|nice|good|real|great) while it lasted",),
        also_needs=(
            "(gave|giving|give|gave away|giving away|left|leaving|handed) (my|all my|away my|away all my) ... (to|for)",
            "(gg|goodbye|bye|farewell) (everyone|everybody|all|yall|guys|world|life)",
        ),
        unless_in_message=("(match|ranked|round|raid|tournament|lobby|season|job|relationship|vacation|trip|show)",),
    ),
    Rule(
        "asks others to pass on a last message",
        GOODBYE,
        (
            "(tell|let) [#] ... [know|that] (it|this) (wasnt|was not|isnt|is not|aint) (her|his|their|your"
            "|anyones) fault",
        ),
        also_needs=("(later|afterwards|after|when im gone|reads this|read this|find this|finds this|sees this)",),
    ),
    Rule(
        # a means at hand, ready, in front of the writer: "all my lithium is counted out on the kitchen table"
        "means: medication",
        MEANS,
        (
            "{PILLS} (is|are|all) [all|already] (lined up|counted out|laid out|sorted out|poured out|out) (on|in front"
            " of|next to|beside) (me|the [kitchen|dining|bedside|coffee] (table|counter|bed|desk|floor|nightstand)"
            "|my (bed|desk|nightstand|lap))",
            "(counted|counting|poured|pouring|laid|laying|lined|lining) (out|up) (all|every|each|the rest of) [of] (my"
            "|the|her|his) {PILLS}",
        ),
    ),
    Rule(
        # fumes in a closed room: "the charcoal grill is in the bathroom with me and i've taped the door"
        "means: fumes in a sealed room",
        MEANS,
        (
            "(taped|sealed|blocked|stuffed|towel under|towels under|closed) [up|off] (the|my|all the) (door|doors"
            "|vents|vent|gaps|cracks)",
        ),
        also_needs=("(charcoal|grill|bbq|barbecue|generator|exhaust|fumes|gas|engine running|car running|brazier)",),
    ),
    Rule(
        # alone with a means, now: "sitting on the bathroom floor with a razor", "locked in my car with the pills"
        "means at hand",
        MEANS,
        (
            "(sitting|sat|lying|laying|hiding|locked|curled up|crouched|sitting here) (on|in) (the|my) [bathroom"
            "|bedroom|kitchen] (floor|bathroom|bedroom|closet|car|shower|tub|bathtub|garage|room) ... (with|holding)"
            " (a|the|my|some|all my|all the|her|his) (razor|razors|blade|blades|knife|pills|bottle of pills|gun|rope"
            "|belt|cord|lighter|scissors|meds)",
        ),
    ),
    Rule(
        # a streak about to be broken: "4 months clean and i'm about to throw it away"
        "about to relapse into self-harm",
        SELF_HARM,
        (
            "(about to|going to|gonna|gona|bout to|ready to) (throw|throw it all|ruin|break|blow|lose|end|reset) (it"
            "|it all|my streak|the streak|all that|everything|my clean streak) [away]",
        ),
        also_needs=("(razor|razors|blade|blades|knife|cut|cutting|sh|self harm|burn|burning|lighter|scissors)",),
    ),
    Rule(
        # blood through clothes after a relapse: "relapsed in the bathroom at school. my sleeve is soaked"
        "hurts oneself",
        SELF_HARM,
        (
            "(sleeve|sleeves|shirt|sock|socks|bandage|bandages|towel|towels|jeans|hoodie) (is|are|s|got|getting)"
            " [all|completely|totally] (soaked|bloody|covered in blood|full of blood|red)",
            "(bleeding|bled|blood) (through|thru) (my|the) (sleeve|sleeves|shirt|sock|socks|bandage|bandages|jeans"
            "|hoodie)",
        ),
        also_needs=("(relapsed|relapse|cut|cutting|razor|blade|sh|self harm|bleeding|blood)",),
        unless_in_message=("(nosebleed|nose bleed|period|rain|raining|spilled|spill|wine|juice|coffee|paint|sweat*)",),
    ),
    Rule(
        # a wish to jump said alone, beside despair or stopped treatment: "the voices got quieter since i
        # stopped meds and now i want to jump" ("i want to jump in the pool" goes on, so it never counts)
        "means: height or vehicle",
        MEANS,
        ("(i|im|i am) [really|just|so] (want|wanna|need|going|gonna|about) to jump [now|tonight|again|rn]",),
        unless_after=(CLAUSE_GOES_ON,),
        also_needs=(
            "(voices|stopped (my|the|taking) (meds|medication|pills)|off my (meds|medication)|hopeless|cant do this"
            "|done with (it all|everything|life)|no point|end it|{HIGH_PLACE}|edge)",
        ),
    ),
    Rule(
        # the roof, the door checked: "going up to the parking garage roof after my shift. already checked the door"
        "has a plan",
        INTENT,
        (
            "(checked|checking|made sure|found out) (the|that the|if the|whether the) (door|access|stairs|stairwell"
            "|gate|hatch|roof door|fence) (is|was|s|are|were) [still|always] (unlocked|open|left open)",
            "(my|the) plan is (the|a|that) {HIGH_PLACE}",
        ),
        also_needs=(
            "({HIGH_PLACE}|quiet|nobody|no one|alone|at night|midnight|tonight|after (my|the) shift|walked there)",
        ),
        unless_in_message=("(fire drill|fire marshal|inspection|landlord|security guard|maintenance|locked out)",),
    ),
    # --- topic mentions and past tense (weak) --------------------------------------------
    Rule(
        "suicide mentioned",
        SUICIDAL,
        (
            "(suicid*|sewer slide|sewerslide|unalive*|ideation)",
            "(wanted|tried|attempted|attempt) to (die|kill {SELF}|end it|end my life|take my life)",
            "(attempted|attempt|attempts) suicide",
        ),
        weak=True,
        unless_before=(
            "(died by|died from|lost (him|her|them|someone|a friend) to|ran|run|running|did) [some|the|our]",
            # a death told as someone else's: "angry at my brother for dying by suicide", "lost his brother to suicide"
            "(dying|death|deaths) (by|from)",
            "lost (his|her|their|my|our|a) ... to",
            "{SOMEONE_ELSE} (is|was|s|seems|seemed|feels|felt|gets|got|sounds|sounded) [{ADV}]",
            "(if|whether) (hes|shes|theyre|he is|she is|they are|someone is|somebody is) [{ADV}]",
            # someone else's by the possessive: "since her suicide", "after my friend's suicide" (with the
            # apostrophe gone, "friends" also reads as a plural: only with "after", "since" or "before")
            "(his|her|their)",
            "(after|since|before) [my|our|a] (friends|sisters|brothers|moms|dads|mothers|fathers|sons|daughters|cousins"
            "|uncles|aunts|grandpas|grandmas|husbands|wifes|partners|boyfriends|girlfriends|roommates|classmates"
            "|coworkers|nephews|nieces)",
            # someone else's, in Spanish: "se suicidó", "intentó suicidarse", "perdió a su hermano por suicidio"
            "(se|intento|intentaron|quiso|quisieron|trato de|trataron de)",
            "(perdio|perdi|perdimos|perdieron) a (su|mi|sus|mis|un|una|nuestro|nuestra|nuestros) ... por",
        ),
        unless_after=(
            "(squad|door|doors|drill|drills|sprint|sprints|run|runs|mission|missions)",
            "(that|the|this|a|an|every|all the) (boss|final boss|enemy|enemies|mob|mobs|zombie|zombies|player|players"
            "|npc|npcs|raid boss|dragon|monster|monsters)",
            "(of|from) (embarrassment|embarassment|laughter|laughing|shame|cringe|boredom|hunger|thirst)",
            # the word as a topic: "suicide rates", "suicide loss", "suicide prevention"
            "(rate|rates|statistic*|stats|loss|losses|bereavement|survivor*|research|awareness|prevention|hotline"
            "|lifeline|risk factors|warning signs|from a)",
        ),
    ),
)

#: Short words corrected only when two neighbouring letters are swapped ("wnat", "kli").
SWAP_TARGETS: tuple[str, ...] = ("want", "kill", "life", "again", "die", "alive")

#: Chat spellings rewritten before matching: dropped g's and short forms of lexicon words.
CHAT_SPELLINGS: dict[str, str] = {
    # the blind38 round's training rows: "im not saif rite now pls sum1", "im scard i will do somthin to my self"
    "saif": "safe",
    "mkae": "make",
    "livng": "living",
    "wnna": "wanna",
    "foreva": "forever",
    "dissapear": "disappear",
    "agin": "again",
    "deserv": "deserve",
    "tryin": "trying",
    "grankids": "grandkids",
    "prolly": "probably",
    "weeknd": "weekend",
    "sum1": "someone",
    "scard": "scared",
    "somthin": "something",
    "startin": "starting",
    "lisen": "listen",
    "pulld": "pulled",
    "scrachd": "scratched",
    "scrachin": "scratching",
    "punishmant": "punishment",
    "meels": "meals",
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
    # "sh'd" (self-harmed) loses its apostrophe in normalisation
    "shd": "self harmed",
    "favour": "favor",
    # the blind9 round's misspellings: "nobdy wuld care if i was ded", "relapsd last nite", "the blaid"
    "nobdy": "nobody",
    "nobdoy": "nobody",
    "wuld": "would",
    "wud": "would",
    "cud": "could",
    "ded": "dead",
    # the gen23 round: "gonna jmp off the brige", "i whish i was ded", "im dun", "goin too the trakcs"
    "jmp": "jump",
    "whish": "wish",
    "dun": "done",
    "trakcs": "tracks",
    "trax": "tracks",
    "evry1": "everyone",
    "every1": "everyone",
    "evryone": "everyone",
    "beter": "better",
    "nite": "night",
    "blaid": "blade",
    "blaide": "blade",
    "relapsd": "relapsed",
    "exsisting": "existing",
    "exsist": "exist",
    "mor": "more",
    "teh": "the",
    "tird": "tired",
    "bieng": "being",
    "beign": "being",
    "wuold": "would",
    "woudl": "would",
    "honstly": "honestly",
    "thnk": "think",
    "grup": "group",
    "evr": "ever",
    "makin": "making",
    "comin": "coming",
    "relaspsed": "relapsed",
    "relasped": "relapsed",
    "purpse": "purpose",
    "brige": "bridge",
    "idw": "i dont want",
    "rdy": "ready",
    "redy": "ready",
    "alve": "alive",
    "aliv": "alive",
    # the blind11 round (gen10's misses): "my lst msg", "ctb'd", "gunna overdoes tonite"
    "lst": "last",
    "ctbd": "ctb",
    "hvnt": "havent",
    "hav": "have",
    "rop": "rope",
    "lookin": "looking",
    "closit": "closet",
    "bein": "being",
    "burdn": "burden",
    "tiered": "tired",
    # gen12's phonetic spellings: "i tuk al my pils", "sewiside", "no reeson to liv", "arond much longr"
    "tuk": "took",
    "skared": "scared",
    "wak": "wake",
    "sewiside": "suicide",
    "sooicide": "suicide",
    "onley": "only",
    "reeson": "reason",
    "reson": "reason",
    "liv": "live",
    "arond": "around",
    "longr": "longer",
    "sistr": "sister",
    "wen": "when",
    "sewerslide": "sewer slide",
    "ctbed": "ctb",
    "tonite": "tonight",
    # the blind30 round (blind27's misses): "cant stp cuting tonite"
    "stp": "stop",
    "kilk": "kill",
    "thru": "through",
}

#: Words the text is corrected towards when a token is one typo away.
FUZZY_TARGETS: tuple[str, ...] = ("suicide", "suicidal", "myself", "overdose", "anymore", "goodbye", "tonight")

#: Long key words also corrected two typos away ("sucidie"); nothing common sits that close.
FUZZY_TARGETS_TWO_EDITS: tuple[str, ...] = ("suicide", "suicidal")

#: Words that hashtags and hurried typing glue together ("iwanttodie", "killmyself", "mequieromorir"):
#: a long word made only of these, with at least one of `GLUED_KEYS`, is split back into them.
# fmt: off
GLUED_WORDS: frozenset[str] = frozenset({
    "i", "im", "ive", "ill", "want", "wanna", "wana", "to", "die", "dead", "ded", "kill", "myself", "my", "self",
    "end", "it", "its", "all", "life", "me", "going", "gonna", "gona", "go", "be", "not", "alive", "hurt", "cut",
    "wish", "just", "so", "need", "should", "suicide", "tonight", "now", "quiero", "morir", "morirme", "matarme",
    "no", "ya", "vivir", "mi", "vida", "kms", "unalive",
})
# fmt: on
GLUED_KEYS: frozenset[str] = frozenset(
    {
        "die",
        "dead",
        "ded",
        "end",
        "kill",
        "myself",
        "life",
        "alive",
        "hurt",
        "cut",
        "suicide",
        "morir",
        "morirme",
        "matarme",
        "vivir",
        "kms",
        "unalive",
    }
)

#: Real words that sit one typo away from a target and must stay as they are.
NOT_TYPOS: frozenset[str] = frozenset(
    {"overdoes", "overdone", "overdosed", "overdoses", "subside", "suicides", "sulfide"}
)

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
    "\U0001fa78": " blood ",  # drop of blood
    "\U0001f309": " bridge ",  # bridge at night
    "\U0001f644": " eyeroll ",  # face with rolling eyes: annoyance, read as a joke marker
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
