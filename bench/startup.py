"""Start-up cost: ``iop-bot --help`` and the console, against bare Python and eager imports.

Prints median wall time over several runs and the peak resident memory (ru_maxrss of the
child) for each, so lazy imports (telegram, discord, matplotlib) show up as a difference.
Run: ``.venv/bin/python bench/startup.py``
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


_PEAK = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], input=sys.stdin.read(), text=True, capture_output=True, check=True);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measure(args: list[str], stdin: str = "", env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median seconds of running ``args`` RUNS times, and its peak RSS in MiB (own process only)."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, input=stdin, text=True, capture_output=True, check=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
    probe = subprocess.run(
        [sys.executable, "-c", _PEAK, *args], input=stdin, text=True, capture_output=True, check=True, cwd=ROOT, env=env
    )
    return statistics.median(times), int(probe.stdout.strip()) / 1024


def main() -> None:
    python = sys.executable
    data_dir = tempfile.mkdtemp(prefix="iopbot-bench-")
    env = {**os.environ, "IOPBOT_DATA_DIR": data_dir}
    rows = [
        ("python -c pass (floor)", [python, "-c", "pass"], ""),
        (
            "import telegram, discord, matplotlib.pyplot (what lazy imports avoid)",
            [python, "-c", "import telegram.ext, discord, matplotlib.pyplot"],
            "",
        ),
        ("iop-bot --help", [python, "-m", "adapters.cli", "--help"], ""),
        ("iop-bot console (start, /start, quit)", [python, "-m", "adapters.cli", "console"], "/start\n/quit\n"),
    ]
    subprocess.run([python, "-m", "adapters.cli", "db", "upgrade"], env=env, check=True, capture_output=True, cwd=ROOT)
    print(f"{'what':<72} {'median s':>9} {'peak MiB':>9}")
    results = {}
    for label, args, stdin in rows:
        seconds, peak = measure(args, stdin, env)
        results[label] = seconds
        print(f"{label:<72} {seconds:>9.3f} {peak:>9.1f}")
    floor = results["python -c pass (floor)"]
    help_cost = results["iop-bot --help"] - floor
    eager = results["import telegram, discord, matplotlib.pyplot (what lazy imports avoid)"] - floor
    print(f"\n--help costs {help_cost:.3f}s over bare Python;")
    print(f"importing the platform and chart libraries eagerly would add ~{eager:.3f}s to every command")


if __name__ == "__main__":
    main()
