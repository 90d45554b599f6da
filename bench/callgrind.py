"""Instruction counts of the measured part of a bench phase, under callgrind.

This shared machine's clock is noisy; callgrind counts instructions, which repeat for the same
code and inputs whatever else the machine runs. A phase run under
``valgrind --tool=callgrind --instr-atstart=no`` starts with instrumentation off; `measured`
switches it on around the timed part only, so start-up, connection and warm-up are left out, and
valgrind's ``Collected`` count divided by the phase's count is the cost per event.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator


@contextlib.contextmanager
def measured(enabled: bool) -> Iterator[None]:
    """The measured events; when `enabled`, the only part whose instructions callgrind counts."""
    if enabled:
        _instrumentation("on")
    try:
        yield
    finally:
        if enabled:
            _instrumentation("off")


def _instrumentation(state: str) -> None:
    subprocess.run(["callgrind_control", "-i", state, str(os.getpid())], capture_output=True, check=True)
