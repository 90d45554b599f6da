"""Counters the core keeps about itself (updates handled, replies sent, 429s, errors).

Plain Python, so the core needs no metrics library; ``adapters/metrics.py`` serves them in
the Prometheus format. Gauges that need a query (deliveries pending, late) are registered
as async callables by the features that know how to compute them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable

LabelSet = tuple[tuple[str, str], ...]
Gauge = Callable[[], Awaitable[float]]

#: name -> help text; only these counters exist, so a typo fails loudly in tests
COUNTERS: dict[str, str] = {
    "updates_handled": "Events handled by the core, by kind (command, text, press)",
    "replies_sent": "Replies delivered to a platform",
    "rate_limited": "Platform 429 answers (retried after the given wait)",
    "errors": "Unexpected errors while handling events or jobs",
    "crisis_detected": "Messages the crisis detector flagged",
}


class Metrics:
    """Monotonic counters with labels, plus named async gauges."""

    def __init__(self) -> None:
        self._counts: defaultdict[tuple[str, LabelSet], float] = defaultdict(float)
        self._gauges: dict[str, tuple[str, Gauge]] = {}

    def inc(self, name: str, amount: float = 1.0, **labels: str) -> None:
        if name not in COUNTERS:
            raise KeyError(f"unknown counter {name!r}")
        self._counts[(name, tuple(sorted(labels.items())))] += amount

    def value(self, name: str, **labels: str) -> float:
        return self._counts.get((name, tuple(sorted(labels.items()))), 0.0)

    def counts(self) -> dict[tuple[str, LabelSet], float]:
        return dict(self._counts)

    def add_gauge(self, name: str, help_text: str, read: Gauge) -> None:
        self._gauges[name] = (help_text, read)

    async def read_gauges(self) -> dict[str, tuple[str, float]]:
        return {name: (help_text, await read()) for name, (help_text, read) in self._gauges.items()}
