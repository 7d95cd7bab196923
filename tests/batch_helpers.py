"""Stand-ins for the per-file check, run inside batch worker processes.

They must live at module level so a worker started by ``spawn`` or ``forkserver`` can
import them. The file name tells each one what to do, so one batch can mix behaviours.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from report_factory import make_report

from resumecheck.errors import InputError, ProfileError
from resumecheck.models import Failure, Outcome


def by_name(path: str, options: Any) -> Outcome:
    """Behave as the file's name says: sleep-N, hang, hog, crash, bad, boom, profile."""
    name = Path(path).stem
    if name.startswith("sleep-"):
        time.sleep(float(name.split("-", 1)[1]))
    elif name == "hang":
        time.sleep(3600)
    elif name == "hog":
        hoard = []
        for _ in range(10_000):
            hoard.append(bytearray(16 * 1024 * 1024))  # touched: counts in RSS too
    elif name == "crash":
        os.kill(os.getpid(), 11)
    elif name == "bad":
        raise InputError(path, "is not a PDF (starts with 'GIF8')")
    elif name == "boom":
        raise ZeroDivisionError("division by zero in a reader")
    elif name == "profile":
        raise ProfileError("custom.toml", "unknown level 'must'", where="terms.rfa.level")
    return make_report(path, score=float(len(name) % 97))


def record_pid(folder: str) -> None:
    """Set-up: leave one file per worker process so a test can count them."""
    Path(folder, f"init-{os.getpid()}").write_text("started\n", encoding="utf-8")


def pid_report(path: str, options: Any) -> Outcome:
    return Failure(path, f"pid {os.getpid()}")


def failing_init() -> None:
    raise ProfileError("missing.toml", "no such profile")


def crash_init() -> None:
    os.kill(os.getpid(), 9)


def report_state(path: str, state: Any) -> Outcome:
    return Failure(path, ",".join(state))
