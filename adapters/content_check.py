"""``iop-bot content check``: validate the skills and FAQ a bot would load, and count them.

Checks exactly what the bot loads at start (shipped files plus the self-hoster's
``skills.toml``/``faq.toml`` in the content folder), so a file that passes here loads there.
A problem is reported as one line naming the file, the entry and the field.
"""

from __future__ import annotations

from pathlib import Path

from bot.errors import ContentError
from bot.faq.entries import FAQ_FILE_NAME, load_faq
from bot.prompts.skills import CATEGORIES, SKILLS_FILE_NAME, load_skills

EXIT_OK = 0
EXIT_INVALID = 1


def content_check(content_dir: Path | None) -> tuple[int, str]:
    """Exit code and report text: skill counts per category and the FAQ entry count."""
    lines = [f"Content folder: {content_dir}" if content_dir else "Content folder: none (shipped content only)"]
    problems: list[str] = []
    try:
        library = load_skills(content_dir)
    except ContentError as error:
        problems.append(f"skills: {error}")
    else:
        lines.append(f"Skills: {len(library)}{_own(content_dir, SKILLS_FILE_NAME)}")
        for category, count in library.counts().items():
            marker = "  (none: /skill " + category + " will have nothing)" if count == 0 else ""
            lines.append(f"  {CATEGORIES[category]} ({category}): {count}{marker}")
    try:
        entries = load_faq(content_dir)
    except ContentError as error:
        problems.append(f"faq: {error}")
    else:
        lines.append(f"FAQ entries: {len(entries)}{_own(content_dir, FAQ_FILE_NAME)}")
    if problems:
        lines += ["", "Problems:", *(f"  {problem}" for problem in problems)]
        return EXIT_INVALID, "\n".join(lines) + "\n"
    lines.append("All content is valid.")
    return EXIT_OK, "\n".join(lines) + "\n"


def _own(content_dir: Path | None, name: str) -> str:
    if content_dir is not None and (content_dir / name).is_file():
        return f" (shipped + {content_dir / name})"
    return " (shipped)"
