"""The coping-skill library: what a skill is, where skills come from, how they are checked.

Skills ship in ``bot/data/skills.toml``. A self-hoster can drop their own ``skills.toml`` into
the content folder (``IOPBOT_CONTENT_DIR``): an entry with a new id adds a skill, an entry with
an existing id replaces the shipped one. Every file is validated strictly, and a mistake raises
:class:`bot.errors.ContentError` naming the file, the entry and the field, so a program can fix
its file without reading code. Rendering a skill into a message is the message catalog's job;
this module only exposes the data.

File format, one table per skill::

    [[skill]]
    id = "box-breathing"          # lowercase letters, digits and dashes
    title = "Box breathing"
    category = "breathing"        # one of CATEGORIES
    minutes = 2                   # whole minutes, 1-60
    steps = ["...", "...", "..."] # 3 to 6 short steps
    when = "..."                  # when it tends to help
    cautions = "..."              # optional: who should skip or adapt it
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from bot.errors import ContentError

SKILLS_FILE_NAME = "skills.toml"

#: Category id -> the label people see, in the order menus list them.
CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        "grounding": "Grounding",
        "breathing": "Breathing",
        "distress_tolerance": "Getting through a hard moment",
        "emotion_regulation": "Working with feelings",
        "mindfulness": "Mindfulness",
        "self_soothing": "Self-soothing",
        "behavioural_activation": "Getting moving",
        "thinking": "Thinking it through",
        "interpersonal": "People and relationships",
        "sleep": "Sleep",
    }
)

# Loose words people type after /skill, mapped to a category id. Keys are normalised
# (lowercase, single spaces); ids and labels are added below so they never drift apart.
_ALIASES: dict[str, str] = {
    "ground": "grounding",
    "grounded": "grounding",
    "54321": "grounding",
    "5 4 3 2 1": "grounding",
    "breath": "breathing",
    "breathe": "breathing",
    "breaths": "breathing",
    "breathwork": "breathing",
    "distress": "distress_tolerance",
    "tolerance": "distress_tolerance",
    "crisis": "distress_tolerance",
    "tipp": "distress_tolerance",
    "urge": "distress_tolerance",
    "urges": "distress_tolerance",
    "hard moment": "distress_tolerance",
    "emotion": "emotion_regulation",
    "emotions": "emotion_regulation",
    "feeling": "emotion_regulation",
    "feelings": "emotion_regulation",
    "mood": "emotion_regulation",
    "regulation": "emotion_regulation",
    "mindful": "mindfulness",
    "meditation": "mindfulness",
    "meditate": "mindfulness",
    "present": "mindfulness",
    "soothe": "self_soothing",
    "soothing": "self_soothing",
    "self soothe": "self_soothing",
    "comfort": "self_soothing",
    "kindness": "self_soothing",
    "compassion": "self_soothing",
    "activation": "behavioural_activation",
    "behavioral activation": "behavioural_activation",
    "behavioural": "behavioural_activation",
    "behavioral": "behavioural_activation",
    "activity": "behavioural_activation",
    "activities": "behavioural_activation",
    "active": "behavioural_activation",
    "moving": "behavioural_activation",
    "move": "behavioural_activation",
    "motivation": "behavioural_activation",
    "cbt": "thinking",
    "thought": "thinking",
    "thoughts": "thinking",
    "think": "thinking",
    "cognitive": "thinking",
    "reframe": "thinking",
    "reframing": "thinking",
    "worry": "thinking",
    "relationship": "interpersonal",
    "relationships": "interpersonal",
    "people": "interpersonal",
    "communication": "interpersonal",
    "boundaries": "interpersonal",
    "social": "interpersonal",
    "sleeping": "sleep",
    "insomnia": "sleep",
    "bedtime": "sleep",
    "night": "sleep",
    "rest": "sleep",
}

_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,47}$")
_FIELDS = ("id", "title", "category", "minutes", "steps", "when", "cautions")
_MIN_STEPS, _MAX_STEPS = 3, 6
_MAX_STEP_CHARS = 240
_MAX_TITLE_CHARS = 60
_MAX_MINUTES = 60


@dataclass(frozen=True, slots=True)
class Skill:
    """One coping skill, as shipped or as a self-hoster wrote it."""

    id: str
    title: str
    category: str
    minutes: int
    steps: tuple[str, ...]
    when: str
    cautions: str | None


class SkillLibrary:
    """All skills a bot instance can offer, looked up by id or category.

    Skills keep the order of their files (shipped first, then added ones), which makes
    listings stable from run to run.
    """

    def __init__(self, skills: Sequence[Skill]) -> None:
        self._by_id: dict[str, Skill] = {}
        for skill in skills:
            self._by_id[skill.id] = skill

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self._by_id.values())

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._by_id

    def get(self, skill_id: str) -> Skill | None:
        """The skill with this id, or None (e.g. an id stored before a self-hoster dropped it)."""
        return self._by_id.get(skill_id)

    def by_category(self, category: str) -> tuple[Skill, ...]:
        """Skills of one category id; an unknown category simply has none."""
        return tuple(s for s in self._by_id.values() if s.category == category)

    def categories(self) -> tuple[str, ...]:
        """Category ids that have at least one skill, in menu order."""
        present = {s.category for s in self._by_id.values()}
        return tuple(c for c in CATEGORIES if c in present)

    def counts(self) -> dict[str, int]:
        """Skills per category id, every category listed (zeros show gaps to a self-hoster)."""
        counts = dict.fromkeys(CATEGORIES, 0)
        for skill in self._by_id.values():
            counts[skill.category] += 1
        return counts


def _normalise(word: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", word.lower()).split())


def _lookup_table() -> dict[str, str]:
    table = {_normalise(k): v for k, v in _ALIASES.items()}
    for category, label in CATEGORIES.items():
        table[_normalise(category)] = category
        table[_normalise(label)] = category
    return table


_LOOKUP = _lookup_table()


def resolve_category(word: str) -> str | None:
    """Turn what a person typed ("Breath", "cbt", "distress") into a category id, or None.

    Tries an exact match on ids, labels and common words first, then a trailing plural
    "s", then an unambiguous prefix of at least four letters ("mind", "inter").
    """
    key = _normalise(word)
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    if key.endswith("s") and key[:-1] in _LOOKUP:
        return _LOOKUP[key[:-1]]
    if len(key) >= 4:
        matches = {cat for name, cat in _LOOKUP.items() if name.startswith(key)}
        if len(matches) == 1:
            return matches.pop()
    return None


def load_builtin_skills() -> tuple[Skill, ...]:
    """The skills shipped inside the package."""
    source = resources.files("bot").joinpath("data", SKILLS_FILE_NAME)
    return parse_skills(source.read_text(encoding="utf-8"), f"bot/data/{SKILLS_FILE_NAME}")


def load_skills_file(path: Path) -> tuple[Skill, ...]:
    """Skills from one TOML file on disk, validated; errors name this path."""
    try:
        content = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(str(path), None, None, f"can't be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ContentError(str(path), None, None, "is not UTF-8 text") from exc
    return parse_skills(content, str(path))


def load_skills(content_dir: Path | None) -> SkillLibrary:
    """Shipped skills plus, if present, the self-hoster's ``skills.toml`` (adds or overrides)."""
    skills = list(load_builtin_skills())
    if content_dir is not None:
        if not content_dir.is_dir():
            raise ContentError(str(content_dir), None, None, "content folder does not exist")
        own_file = content_dir / SKILLS_FILE_NAME
        if own_file.exists():
            skills.extend(load_skills_file(own_file))
    return SkillLibrary(skills)


def parse_skills(content: str, file: str) -> tuple[Skill, ...]:
    """Validate TOML text holding ``[[skill]]`` tables; ``file`` is only used in errors."""
    try:
        document = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(file, None, None, f"is not valid TOML ({exc})") from exc
    unknown = sorted(set(document) - {"skill"})
    if unknown:
        raise ContentError(file, None, None, f"unexpected top-level key '{unknown[0]}' (use [[skill]] tables)")
    entries = document.get("skill", [])
    if not isinstance(entries, list):
        raise ContentError(file, None, None, "'skill' must be a list of [[skill]] tables")
    skills: list[Skill] = []
    seen: set[str] = set()
    for index, raw in enumerate(entries, start=1):
        skill = _parse_entry(raw, file, index)
        if skill.id in seen:
            raise ContentError(file, skill.id, "id", "is used by more than one skill in this file")
        seen.add(skill.id)
        skills.append(skill)
    return tuple(skills)


def _parse_entry(raw: object, file: str, index: int) -> Skill:
    entry = f"#{index}"
    if not isinstance(raw, dict):
        raise ContentError(file, entry, None, "must be a table of fields")
    if isinstance(raw.get("id"), str) and raw["id"].strip():
        entry = raw["id"].strip()
    for key in raw:
        if key not in _FIELDS:
            raise ContentError(file, entry, key, f"unknown field (known: {', '.join(_FIELDS)})")
    skill_id = _text(raw, "id", file, entry)
    if not _ID_PATTERN.match(skill_id):
        raise ContentError(file, entry, "id", "use 2-48 lowercase letters, digits and dashes, like 'box-breathing'")
    return Skill(
        id=skill_id,
        title=_text(raw, "title", file, entry, max_chars=_MAX_TITLE_CHARS),
        category=_category(raw, file, entry),
        minutes=_minutes(raw, file, entry),
        steps=_steps(raw, file, entry),
        when=_text(raw, "when", file, entry),
        cautions=_optional_text(raw, "cautions", file, entry),
    )


def _text(raw: dict[str, object], field: str, file: str, entry: str, max_chars: int | None = None) -> str:
    if field not in raw:
        raise ContentError(file, entry, field, "is missing")
    value = raw[field]
    if not isinstance(value, str) or not value.strip():
        raise ContentError(file, entry, field, "must be non-empty text")
    text = " ".join(value.split())
    if max_chars is not None and len(text) > max_chars:
        raise ContentError(file, entry, field, f"is longer than {max_chars} characters")
    return text


def _optional_text(raw: dict[str, object], field: str, file: str, entry: str) -> str | None:
    if field not in raw:
        return None
    return _text(raw, field, file, entry)


def _category(raw: dict[str, object], file: str, entry: str) -> str:
    value = _text(raw, "category", file, entry)
    if value not in CATEGORIES:
        known = ", ".join(CATEGORIES)
        raise ContentError(file, entry, "category", f"'{value}' is not one of: {known}")
    return value


def _minutes(raw: dict[str, object], file: str, entry: str) -> int:
    if "minutes" not in raw:
        raise ContentError(file, entry, "minutes", "is missing")
    value = raw["minutes"]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ContentError(file, entry, "minutes", "must be a whole number")
    if not 1 <= value <= _MAX_MINUTES:
        raise ContentError(file, entry, "minutes", f"must be between 1 and {_MAX_MINUTES}")
    return value


def _steps(raw: dict[str, object], file: str, entry: str) -> tuple[str, ...]:
    if "steps" not in raw:
        raise ContentError(file, entry, "steps", "is missing")
    value = raw["steps"]
    if not isinstance(value, list):
        raise ContentError(file, entry, "steps", "must be a list of short texts")
    if not _MIN_STEPS <= len(value) <= _MAX_STEPS:
        raise ContentError(file, entry, "steps", f"needs {_MIN_STEPS} to {_MAX_STEPS} steps, found {len(value)}")
    steps: list[str] = []
    for number, step in enumerate(value, start=1):
        if not isinstance(step, str) or not step.strip():
            raise ContentError(file, entry, "steps", f"step {number} must be non-empty text")
        text = " ".join(step.split())
        if len(text) > _MAX_STEP_CHARS:
            raise ContentError(file, entry, "steps", f"step {number} is longer than {_MAX_STEP_CHARS} characters")
        steps.append(text)
    return tuple(steps)
