"""Batch throughput and memory: one worker against two, for a small and a larger folder.

Generates N CV-like documents (half PDF via fpdf2, half DOCX via python-docx, 2-3 pages
each) in a temporary folder, then times the real command line on them:

    python -m resumecheck check DIR --format jsonl -o /dev/null --jobs J

Prints, per folder size and job count, the median wall time of several runs, files per
second, the speed-up of two workers over one, and memory: the peak RSS of the largest single
process (the command or one of its workers, from ``getrusage(RUSAGE_CHILDREN)`` in a wrapper)
and the peak of the whole process tree summed (sampled from /proc every 20 ms). A flat
memory figure from 50 to 200 files shows that results, not documents, are kept.

Usage: python benchmarks/bench_batch.py [--sizes 50 200] [--runs 3] [--jobs 1 2]
Needs the ``dev`` extra (fpdf2). Nothing here is run by the test suite.

Scale (``--scale``): many small text CVs (default 100 and 20,000), checked in every output
format with ``--details`` into a file; prints per format the parent process's peak RSS (the
workers are other processes) and the time its formatter spent rendering, per file. Flat
memory from 100 to 20,000 files shows that no format keeps what it has printed.

    python benchmarks/bench_batch.py --scale [--scale-sizes 100 20000] [--formats text json]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: The command under test; DIR and the job count are appended.
COMMAND = [sys.executable, "-m", "resumecheck", "check", "--format", "jsonl", "-o", os.devnull]

# Reports the largest peak RSS among the command and every process it waited for.
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(u.ru_utime + u.ru_stime, u.ru_maxrss)\n"
    "sys.exit(code)\n"
)

_PROCEDURES = [
    "lumbar epidural steroid injections", "cervical radiofrequency ablation",
    "spinal cord stimulator trials and implants", "genicular nerve blocks",
    "sacroiliac joint injections", "intrathecal pump management", "stellate ganglion blocks",
    "kyphoplasty", "medial branch blocks", "peripheral nerve stimulation",
]
_CONDITIONS = [
    "failed back surgery syndrome", "complex regional pain syndrome", "cancer-related pain",
    "diabetic neuropathy", "lumbar radiculopathy", "migraine", "fibromyalgia",
    "post-herpetic neuralgia", "osteoarthritis of the knee", "myofascial pain",
]
_SKILLS = [
    "opioid stewardship and tapering plans", "fluoroscopy and ultrasound guidance",
    "multidisciplinary care with physical therapy and psychology", "telemedicine follow-up",
    "Epic EMR documentation", "shared decision-making with patients and families",
    "urine drug monitoring agreements", "buprenorphine prescribing",
]
_PLACES = ["Riverside Medical Center", "Lakeview University Hospital", "Northgate Spine Institute",
           "St. Anselm Regional Hospital", "Harbor Pain Associates"]


def cv_paragraphs(rng: random.Random, n: int) -> list[tuple[str, list[str]]]:
    """Sections of an invented pain-medicine CV, varied by ``rng`` so files differ."""
    surname = rng.choice(["Okafor", "Lindqvist", "Reyes", "Nakamura", "Haddad"])
    name = f"Dr. {rng.choice('AMRST')}. {surname}"
    sections: list[tuple[str, list[str]]] = [
        (name, [f"{surname.lower()}{n}@example.org | "
                f"(555) 01{n % 100:02d}-{rng.randint(1000, 9999)} | Springfield"]),
        ("Professional Summary", [
            f"Board-certified anesthesiologist with fellowship training in pain medicine and "
            f"{rng.randint(4, 18)} years of practice treating {rng.choice(_CONDITIONS)} and "
            f"{rng.choice(_CONDITIONS)}. Performs about {rng.randint(600, 1800)} interventional "
            f"procedures a year with a complication rate under {rng.randint(1, 3)}%.",
        ]),
        ("Board Certification", [
            "American Board of Anesthesiology, Pain Medicine subspecialty certification",
            f"State medical license, active since {rng.randint(2003, 2016)}; DEA registration",
        ]),
        ("Education and Training", [
            f"Pain Medicine Fellowship, {rng.choice(_PLACES)} ({rng.randint(2005, 2017)})",
            f"Residency in Anesthesiology, {rng.choice(_PLACES)}",
            "Doctor of Medicine, State University School of Medicine",
        ]),
    ]
    experience = []
    for _ in range(rng.randint(9, 14)):
        experience.append(
            f"At {rng.choice(_PLACES)}, led a clinic performing {rng.choice(_PROCEDURES)} and "
            f"{rng.choice(_PROCEDURES)} for patients with {rng.choice(_CONDITIONS)}; reduced "
            f"average reported pain scores by {rng.randint(20, 55)}% over {rng.randint(3, 12)} "
            f"months while applying {rng.choice(_SKILLS)}. Supervised {rng.randint(2, 9)} "
            f"fellows and residents and audited {rng.randint(100, 900)} charts for quality."
        )
    sections.append(("Clinical Experience", experience))
    sections.append(("Procedures", [", ".join(rng.sample(_PROCEDURES, 6))]))
    sections.append(("Publications", [
        f"{name}. Outcomes of {rng.choice(_PROCEDURES)} in {rng.choice(_CONDITIONS)}. "
        f"Pain Medicine Journal. {rng.randint(2012, 2024)};{rng.randint(10, 40)}:"
        f"{rng.randint(100, 900)}." for _ in range(rng.randint(4, 8))
    ]))
    sections.append(("Professional Memberships", [
        "American Society of Regional Anesthesia and Pain Medicine (ASRA)",
        "American Academy of Pain Medicine (AAPM)", "North American Neuromodulation Society",
    ]))
    sections.append(("Continuing Medical Education", [
        f"{rng.randint(30, 80)} CME credits in {rng.randint(2021, 2024)}, including "
        f"{rng.choice(_SKILLS)}" for _ in range(3)
    ]))
    return sections


def write_pdf(path: Path, sections: list[tuple[str, list[str]]]) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for heading, paragraphs in sections:
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)
        for text in paragraphs:
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        pdf.ln(3)
    pdf.output(str(path))


def write_docx(path: Path, sections: list[tuple[str, list[str]]]) -> None:
    import docx

    document = docx.Document()
    for i, (heading, paragraphs) in enumerate(sections):
        document.add_heading(heading, level=0 if i == 0 else 1)
        for text in paragraphs:
            document.add_paragraph(text)
    document.save(str(path))


def make_folder(folder: Path, n: int) -> None:
    for i in range(n):
        rng = random.Random(i)
        sections = cv_paragraphs(rng, i)
        if i % 2:
            write_docx(folder / f"applicant-{i:04d}.docx", sections)
        else:
            write_pdf(folder / f"applicant-{i:04d}.pdf", sections)


def _tree_rss(root: int) -> int:
    """Summed RSS (bytes) of ``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry}/statm", "rb") as fh:
                rss[int(entry)] = int(fh.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_once(folder: Path, jobs: int) -> tuple[float, int, int, float]:
    """Wall s, largest single-process peak RSS (KiB), sampled tree peak (bytes), CPU s."""
    cmd = [sys.executable, "-c", _WRAPPER, *COMMAND, str(folder), "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    tree_peak = 0
    while proc.poll() is None:
        tree_peak = max(tree_peak, _tree_rss(proc.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    out, err = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"command failed ({proc.returncode}): {err.decode()[-2000:]}")
    cpu, maxrss = out.decode().split()[-2:]
    return elapsed, int(maxrss), tree_peak, float(cpu)


_BURN = (
    "import time\n"
    "t = time.process_time()\n"
    "while time.process_time() - t < 1.0:\n"
    "    pass\n"
)


def free_cores(n: int = 2) -> float:
    """How many cores ``n`` CPU-bound processes actually got: the ceiling on any speed-up."""
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", _BURN]) for _ in range(n)]
    for proc in procs:
        proc.wait()
    return n * 1.0 / (time.perf_counter() - start - 0.02)


# -- scale: parent memory and render time per format ------------------------------------------

#: Every output format, in the registry's order.
FORMATS = ("text", "json", "jsonl", "csv", "markdown", "html", "junit", "github", "concise",
           "sarif", "gitlab")

# Runs the command line in this process, timing (in CPU seconds of this process, so that
# other work on the machine counts less) the formatter's start/add/finish and each piece
# finish hands out, then reports the process's own peak RSS: the parent of the run.
_SCALE_WRAPPER = """
import json, resource, sys, time
from resumecheck.formatters import registry
spent = [0.0]
real = registry.OutputFormat.formatter

def timed_pieces(result):
    if isinstance(result, str):
        yield result
        return
    it = iter(result)
    while True:
        t = time.process_time()
        try:
            piece = next(it)
        except StopIteration:
            spent[0] += time.process_time() - t
            return
        spent[0] += time.process_time() - t
        yield piece

def formatter(self, ctx):
    f = real(self, ctx)
    for name in ("start", "add", "finish"):
        method = getattr(f, name)
        def timed(*args, _method=method, _name=name):
            t = time.process_time()
            result = _method(*args)
            spent[0] += time.process_time() - t
            if _name == "finish" and not isinstance(result, str):
                return timed_pieces(result)
            return result
        setattr(f, name, timed)
    return f

registry.OutputFormat.formatter = formatter
from resumecheck.cli import main
code = main(sys.argv[1:])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"render_s": spent[0], "peak_kib": peak}), file=sys.stderr)
sys.exit(code)
"""


def small_cv(i: int) -> str:
    """A short invented CV (about 900 characters), varied by ``i``."""
    rng = random.Random(i)
    surname = rng.choice(["Okafor", "Lindqvist", "Reyes", "Nakamura", "Haddad"])
    return (
        f"Dr. {rng.choice('AMRST')}. {surname}\n"
        f"{surname.lower()}{i}@example.org | (555) 01{i % 100:02d}-{rng.randint(1000, 9999)}\n\n"
        "PROFESSIONAL SUMMARY\n"
        f"Board-certified anesthesiologist with fellowship training in pain medicine and "
        f"{rng.randint(4, 18)} years treating {rng.choice(_CONDITIONS)}.\n\n"
        "CLINICAL EXPERIENCE\n"
        f"Attending physician, {rng.choice(_PLACES)}, {rng.randint(2005, 2016)}-2024: "
        f"{rng.choice(_PROCEDURES)}, {rng.choice(_PROCEDURES)} and {rng.choice(_SKILLS)}.\n\n"
        "EDUCATION\n"
        f"Pain Medicine Fellowship, {rng.choice(_PLACES)}, {rng.randint(2003, 2015)}.\n"
        "Doctor of Medicine, State University School of Medicine.\n\n"
        "BOARD CERTIFICATION\n"
        "American Board of Anesthesiology, pain medicine subspecialty certification.\n"
    )


def scale_run(folder: Path, fmt: str, jobs: int, out: Path) -> tuple[float, float, float]:
    """(parent peak RSS MB, render ms per file, wall s) of one run in ``fmt``."""
    import json

    n = sum(1 for _ in folder.iterdir())
    cmd = [sys.executable, "-c", _SCALE_WRAPPER, "check", str(folder), "--format", fmt,
           "--details", "--quiet", "--isolated", "--jobs", str(jobs), "-o", str(out)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{fmt}: command failed ({proc.returncode}): {proc.stderr[-2000:]}")
    figures = json.loads(proc.stderr.strip().splitlines()[-1])
    return figures["peak_kib"] / 1024, 1000 * figures["render_s"] / n, wall


def scale(sizes: list[int], formats: list[str], jobs: int) -> None:
    print(f"scale: check DIR --format F --details -o FILE --jobs {jobs}; small text CVs; "
          "parent = the process the command runs in (workers are separate)")
    results: dict[tuple[str, int], tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="rc-scale-") as tmp:
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            for i in range(n):
                (folder / f"applicant-{i:05d}.txt").write_text(small_cv(i), encoding="utf-8")
            for fmt in formats:
                out = Path(tmp) / f"report-{n}.{fmt}"
                results[fmt, n] = scale_run(folder, fmt, jobs, out)
                size = out.stat().st_size / 1e6
                peak, render, wall = results[fmt, n]
                print(f"  {fmt:<9} {n:>6} files  parent peak {peak:7.1f} MB  "
                      f"render {render:6.3f} ms/file  wall {wall:7.1f} s  report {size:8.1f} MB",
                      flush=True)
                out.unlink()
    if len(sizes) > 1:
        low, high = min(sizes), max(sizes)
        print(f"\n{'format':<9} {'peak MB ' + str(low):>14} {'peak MB ' + str(high):>16} "
              f"{'growth MB':>10} {'render ms/file ' + str(low):>20} "
              f"{'render ms/file ' + str(high):>22}")
        for fmt in formats:
            a, b = results[fmt, low], results[fmt, high]
            print(f"{fmt:<9} {a[0]:>14.1f} {b[0]:>16.1f} {b[0] - a[0]:>10.1f} "
                  f"{a[1]:>20.3f} {b[1]:>22.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--scale", action="store_true",
                        help="parent memory and render time per format, small files")
    parser.add_argument("--scale-sizes", type=int, nargs="+", default=[100, 20_000])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    args = parser.parse_args(argv)
    if args.scale:
        scale(args.scale_sizes, args.formats, max(args.jobs))
        return 0
    print(f"command: {' '.join(COMMAND[1:])} DIR --jobs J   ({os.cpu_count()} cores)")
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="rc-bench-") as tmp:
            folder = Path(tmp)
            t0 = time.perf_counter()
            make_folder(folder, n)
            print(f"\nN={n}: generated in {time.perf_counter() - t0:.1f} s "
                  f"({sum(f.stat().st_size for f in folder.iterdir()) / 1e6:.1f} MB)")
            medians = {}
            for jobs in args.jobs:
                runs = [run_once(folder, jobs) for _ in range(args.runs)]
                wall = statistics.median(r[0] for r in runs)
                medians[jobs] = wall
                print(
                    f"  jobs={jobs}: median {wall:6.2f} s  {n / wall:6.1f} files/s  "
                    f"largest process {max(r[1] for r in runs) / 1024:6.0f} MB  "
                    f"tree peak {max(r[2] for r in runs) / 1e6:6.0f} MB  "
                    f"CPU {statistics.median(r[3] for r in runs):5.1f} s  "
                    f"(runs: {', '.join(f'{r[0]:.2f}' for r in runs)})"
                )
            print(f"  load average during the runs: {os.getloadavg()[0]:.2f} (other work on "
                  "the machine distorts wall times; compare CPU seconds too)")
            if 1 in medians:
                for jobs, wall in medians.items():
                    if jobs != 1:
                        print(f"  speed-up jobs={jobs} vs 1: {medians[1] / wall:.2f}x "
                              f"(cores free for {jobs} busy processes right now: "
                              f"{free_cores(jobs):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
