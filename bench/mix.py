"""What the simulated members ask in the throughput benches, shared so every bench asks alike."""

from __future__ import annotations

#: FAQ questions in the members' own words, asked in turn by bench/telegram.py, bench/discord.py
#: and bench/events.py
QUESTIONS = (
    "how many weeks does iop last?",
    "do i have to talk in group?",
    "what if i miss a session",
    "is what i say in group confidential?",
    "what is DBT?",
)
