"""Failure classes found in blind3 (now tuned-on) and in fresh probes, each tested with new wording.

Each false alarm of blind3 had a guard that should have fired and didn't (number words in
recovery talk, a past-time anchor before a strong hit, someone else's wish, everyday Spanish
farewells, ...); each miss belonged to a family the rules lacked. The wordings here are new, not
blind3's, so a test passing says the class is handled, not that one message was patched; each
guard is also checked from the other side, so it can't pass by silencing everything.
"""

from __future__ import annotations

import pytest

from bot.safety.detector import CrisisDetector, detect


@pytest.mark.parametrize(
    "text",
    [
        "two years since my last overdose, life is good",
        "eleven months since i last hurt myself and i'm proud",
        "last summer i wrote a goodbye note, now i laugh about it",
        "hace dos años quería matarme, ahora estoy mejor",
        "my brother says he wants to die, how do i help him",
        "me voy a dormir, buenas noches, adiós a todos",
        "i dont want to cut anymore, the skills are helping",
        "the show handled the topic of suicide badly",
        "gonna jump on the trampoline with my niece",
        "is it safe to mix ibuprofen with my meds?",
        "waiting for the end of class so bored",
        "the new guy in group won't be a problem for anyone, he's sweet",
        "me corté el dedo cocinando",
        "catching the bus to group, see you there",
        "DEI training at work today was long",
        "my urges to use are back and it's scary",
        "graduating IOP tomorrow! thank you all for everything, i'll miss you",
        "gonna dye my hair blue this weekend",
        "no urges to cut today, feeling steady",
        "i never said i wanted to kill myself, i said i was tired",
        "remind me to refill my prescription on friday",
        "in 2019 i tried to kill myself, now i'm doing better",
        "i'll take my pills with breakfast like always",
        "the villain jumps off the tower at the end of the film",
        "my nose was bleeding all morning from the dry air",
        "my cat keeps scratching my arms when i play with her",
        "me quiero morir de la vergüenza jaja",
        "la serie termina con el suicidio del protagonista, muy fuerte",
        "ya no puedo más con este calor jaja",
        "tomé dos pastillas para el dolor de cabeza",
        "adiós, me voy de vacaciones dos semanas",
        "my therapist says i'm a burden to no one, trying to believe it",
        "me voy a tirar en el sofá todo el día",
        "i'd rather die than go to that party",
        "i have my keys in my hand",
    ],
)
def test_guarded_wordings_are_not_a_crisis(text: str) -> None:
    assert not detect(text).crisis


@pytest.mark.parametrize(
    "text",
    [
        "last night i wrote my goodbye notes",
        "quería morirme otra vez hoy",
        "i want to die",
        "graduating tomorrow but honestly i just want to die",
        "took about 30 of my pills",
        "im gonna jump. im standing on the bridge",
        "me voy a aventar del edificio",
        "which pills are the most deadly to mix",
        "i dont want to cut anymore but the urges are back tonight",
        "i'm just waiting to die honestly",
        "i'm at peace with it now, goodbye everyone",
        "i wont be a burden to anyone much longer",
        "i want to punish myself, i deserve to bleed",
        "me quiero lastimar",
        "me corté anoche otra vez",
        "thinking about catching the bus, not the actual bus if you know what i mean",
        "i wnat to dei",
        "i wanna k*ll myself",
        "i forgot my pills and now i want to take all of them",
        "in 10 min i will end my life",
        "in 20 minutes i'll take all my pills",
        "took all my meds at once",
        "two weeks ago i started saving pills and now i have enough",
        "i refilled my prescription and i'm going to swallow the whole bottle tonight",
    ],
)
def test_the_same_classes_still_catch_a_crisis(text: str) -> None:
    assert detect(text).crisis


def test_graduation_silences_a_plain_farewell_in_the_model_but_not_harm() -> None:
    detector = CrisisDetector(model=None)
    farewell = "graduating IOP tomorrow! thank you all for everything, i'll miss you"
    assert CrisisDetector().model_probability(farewell) == 0.0
    assert not detector.detect(farewell).crisis
    assert CrisisDetector().model_probability("graduating tomorrow and then i'll take all my pills") > 0.0
