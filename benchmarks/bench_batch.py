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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
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
