"""Pass or fail: decided once per file, and the run's exit code once from the tally.

Formatters print verdicts; they never compute them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from resumecheck.errors import ExitCode
from resumecheck.models import Failure, Outcome, Report, Severity


@dataclass(frozen=True)
class Thresholds:
    """``--fail-under`` and ``--fail-on``: what a readable document must meet."""

    fail_under: float | None = None
    fail_on: Severity | None = None


class Status(StrEnum):
    """One file's standing, as every format words it."""

    OK = "ok"
    BELOW_THRESHOLD = "below-threshold"
    UNREADABLE = "unreadable"
    #: resumecheck itself failed on the file (a bug).
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    #: Why a readable document does not pass (empty when it passes).
    reasons: tuple[str, ...] = ()
    #: The score is under ``--fail-under``.
    below_score: bool = False
    #: ``--fail-under`` was asked against a posting too thin for a match rate.
    no_rate: bool = False

    @property
    def passed(self) -> bool:
        return self.status == Status.OK


def judge(outcome: Outcome, thresholds: Thresholds) -> Verdict:
    """The verdict on one file."""
    if isinstance(outcome, Failure):
        return Verdict(Status.ERROR if outcome.internal else Status.UNREADABLE)
    reasons = []
    below = thresholds.fail_under is not None and outcome.score.value < thresholds.fail_under
    if below:
        reasons.append(f"score {outcome.score.value:.1f} is below {thresholds.fail_under:g}")
    job = outcome.job
    no_rate = thresholds.fail_under is not None and job is not None and job.match_rate is None
    if no_rate and job is not None:
        # A threshold cannot be met against a posting too thin to rate: say so, never pass.
        reasons.append(f"no match rate against the posting: {job.note}")
    if thresholds.fail_on is not None:
        hits = [f for f in outcome.findings if f.severity.rank >= thresholds.fail_on.rank]
        if hits:
            reasons.append(
                f"{len(hits)} finding{'s' if len(hits) != 1 else ''} at "
                f"{thresholds.fail_on.value} level or above"
            )
    return Verdict(Status.BELOW_THRESHOLD if reasons else Status.OK, tuple(reasons), below,
                   no_rate)


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's outcome and the verdict on it: what a formatter is handed."""

    outcome: Outcome
    verdict: Verdict

    @property
    def path(self) -> str:
        return self.outcome.path

    @property
    def report(self) -> Report | None:
        return self.outcome if isinstance(self.outcome, Report) else None


@dataclass
class Tally:
    """Counts of a run so far; the exit code comes from here and nowhere else."""

    files: int = 0
    checked: int = 0
    unreadable: int = 0
    errors: int = 0
    passed: int = 0
    #: ``--exit-zero``: a document below a threshold still exits 0 (unreadable files,
    #: internal errors and usage errors keep their codes).
    exit_zero: bool = False

    def add(self, verdict: Verdict) -> None:
        self.files += 1
        if verdict.status == Status.UNREADABLE:
            self.unreadable += 1
        elif verdict.status == Status.ERROR:
            self.errors += 1
        else:
            self.checked += 1
        if verdict.passed:
            self.passed += 1

    def exit_code(self) -> ExitCode:
        """INTERNAL wins over UNREADABLE, which wins over BELOW_THRESHOLD, then OK.

        (USAGE and INTERRUPTED stop a run before it has a tally.)
        """
        if self.errors:
            return ExitCode.INTERNAL
        if self.unreadable:
            return ExitCode.UNREADABLE
        below = self.passed < self.checked and not self.exit_zero
        return ExitCode.BELOW_THRESHOLD if below else ExitCode.OK
