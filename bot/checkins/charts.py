"""PNG charts for /mood and /report week (matplotlib, Agg backend).

matplotlib is imported inside the functions: it costs most of a second at import, and a bot
that never draws a chart should never pay for it. Each chart comes with text alt (built by
the caller) because a picture alone tells a screen-reader user nothing.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.checkins.model import MAX_MOOD, MIN_MOOD

#: pyplot keeps global state: one chart at a time, even when drawn in worker threads.
CHART_LOCK = threading.Lock()
MOOD_COLOR = "#3b7dd8"
BAR_COLOR = "#b9d3a8"


@dataclass(frozen=True, slots=True)
class Series:
    """One extra question's answers by day, on its 0..scale range."""

    label: str
    scale: int
    values: Mapping[date, int]


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    _pyplot().close(figure)
    return buffer.getvalue()


def _points(days: Sequence[date], values: Mapping[date, int]) -> tuple[list[int], list[float]]:
    xs = [index for index, day in enumerate(days) if day in values]
    return xs, [float(values[days[index]]) for index in xs]


def mood_chart(title: str, days: Sequence[date], moods: Mapping[date, int], extras: Sequence[Series] = ()) -> bytes:
    """Mood per day (1–5) over ``days``, with one small panel per extra question below."""
    with CHART_LOCK:
        return _mood_chart(title, days, moods, extras)


def _mood_chart(title: str, days: Sequence[date], moods: Mapping[date, int], extras: Sequence[Series]) -> bytes:
    plt = _pyplot()
    rows = 1 + len(extras)
    figure, axes = plt.subplots(
        rows, 1, figsize=(8, 3 + 1.4 * len(extras)), sharex=True, squeeze=False, height_ratios=[2.2] + [1] * len(extras)
    )
    top = axes[0][0]
    xs, ys = _points(days, moods)
    top.plot(xs, ys, marker="o", color=MOOD_COLOR, linewidth=1.5)
    top.set_ylim(MIN_MOOD - 0.4, MAX_MOOD + 0.4)
    top.set_yticks(range(MIN_MOOD, MAX_MOOD + 1))
    top.set_title(title)
    top.grid(axis="y", alpha=0.3)
    for row, series in enumerate(extras, start=1):
        axis = axes[row][0]
        sx, sy = _points(days, series.values)
        axis.plot(sx, sy, marker=".", color="#7a5cc4", linewidth=1)
        axis.set_ylim(-0.5, series.scale + 0.5)
        axis.set_ylabel(series.label, rotation=0, ha="right", va="center")
        axis.grid(axis="y", alpha=0.3)
    bottom = axes[-1][0]
    step = max(1, len(days) // 8)
    bottom.set_xticks(range(0, len(days), step))
    bottom.set_xticklabels([days[index].strftime("%d %b") for index in range(0, len(days), step)])
    bottom.set_xlim(-0.5, len(days) - 0.5)
    figure.tight_layout()
    return _png(figure)


def week_chart(title: str, days: Sequence[date], counts: Sequence[int], averages: Sequence[float | None]) -> bytes:
    """Check-ins per day as bars, average mood per day as a line on its own axis."""
    with CHART_LOCK:
        return _week_chart(title, days, counts, averages)


def _week_chart(title: str, days: Sequence[date], counts: Sequence[int], averages: Sequence[float | None]) -> bytes:
    plt = _pyplot()
    figure, bars = plt.subplots(figsize=(8, 3.6))
    positions = list(range(len(days)))
    bars.bar(positions, counts, color=BAR_COLOR, label="check-ins")
    bars.set_ylabel("check-ins")
    bars.set_ylim(0, max([*counts, 1]) + 1)
    line = bars.twinx()
    xs = [index for index, value in enumerate(averages) if value is not None]
    line.plot(xs, [averages[index] for index in xs], marker="o", color=MOOD_COLOR, label="average mood")
    line.set_ylim(MIN_MOOD - 0.4, MAX_MOOD + 0.4)
    line.set_ylabel("average mood")
    bars.set_xticks(positions)
    bars.set_xticklabels([day.strftime("%a %d") for day in days])
    bars.set_title(title)
    figure.tight_layout()
    return _png(figure)
