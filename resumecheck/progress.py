"""A progress bar on stderr while a batch runs (only on a terminal, never with --quiet)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, Protocol

from resumecheck.models import Outcome


class Progress(Protocol):
    def advance(self, outcome: Outcome | None = None) -> None: ...


class _NoProgress:
    def advance(self, outcome: Outcome | None = None) -> None:
        return None


class _RichProgress:
    def __init__(self, progress: Any, task: Any) -> None:
        self._progress = progress
        self._task = task

    def advance(self, outcome: Outcome | None = None) -> None:
        description = f"Checking {outcome.path}" if outcome is not None else "Checking"
        self._progress.update(self._task, advance=1, description=_fit(description))
        self._progress.refresh()


def _fit(text: str, width: int = 40) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1):]


@contextlib.contextmanager
def make_progress(total: int, enabled: bool) -> Iterator[Progress]:
    """A progress bar on stderr, or a no-op when ``enabled`` is False.

    The caller decides ``enabled`` (stderr is a TTY, not ``--quiet``). The bar refreshes when
    a file finishes rather than from a timer thread, so worker processes can still be forked
    safely while it is shown; it disappears when the run ends.
    """
    if not enabled or total <= 0:
        yield _NoProgress()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress

    progress = RichProgress(
        # Plain text: a file name such as "[link=...]cv[/link].pdf" is not Rich markup.
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=True,
    )
    with progress:
        task = progress.add_task("Checking", total=total)
        progress.refresh()
        yield _RichProgress(progress, task)
