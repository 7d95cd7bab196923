"""Build the DOCX and PDF documents of the calibration set (tests/data/calibration/).

Most of the set is plain text or Markdown, committed as written. Three CVs arrive the way
many real ones do, as a word-processor file or a PDF export; their text lives here and is
built with python-docx and fpdf2 into a git-ignored folder (``_build`` beside the labels)
or any folder the caller gives. The output is byte-identical from run to run: zip member
times, document properties and the PDF creation date are pinned.

Every person, practice, school, journal and number below is invented.

Run as a script to build them: ``python -m tests.calibration.build [DEST]``.
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "calibration"
BUILD = DATA / "_build"

FIXED_TIME = datetime(2025, 9, 1, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2025, 9, 1, 9, 0, 0)


@dataclass(frozen=True)
class Entry:
    """A dated item: a post, a degree, a training programme."""

    title: str
    where: str
    when: str
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    bullets: tuple[str, ...] = ()
    #: Two-column rows; with ``table_header`` the first row is a header row.
    table: tuple[tuple[str, str], ...] = ()
    table_header: bool = False


@dataclass(frozen=True)
class Cv:
    name: str
    tagline: str
    contact: str
    sections: tuple[Section, ...]


# --------------------------------------------------------------------------- the CVs

#: A senior physiatrist in private practice, written as a Word CV with styled headings,
#: bullets under each post and a credentials table.
PMR_PRIVATE_SENIOR = Cv(
    name="Walter H. Brennan-Ito, MD",
    tagline="Physiatrist \u00b7 Interventional Pain Medicine",
    contact="Boise, ID \u00b7 (208) 555-0145 \u00b7 wbrennanito@example.com",
    sections=(
        Section("Professional Summary", paragraphs=(
            "Board-certified physiatrist and pain medicine physician with 17 years in private "
            "practice. Founding partner and medical director of a four-physician spine and pain "
            "group with its own ambulatory surgery center. My practice rests on careful "
            "diagnosis, fluoroscopically guided spine procedures, neuromodulation, "
            "electrodiagnostics and active rehabilitation, with conservative, closely "
            "monitored prescribing.",
        )),
        Section("Professional Experience", entries=(
            Entry("Founding Partner and Medical Director",
                  "Ridgeline Spine & Pain Specialists, Boise, ID", "2009 \u2013 present", (
                      "Grew the practice from one to four physicians and two nurse "
                      "practitioners; about 9,000 patient visits a year",
                      "Perform roughly 1,800 procedures a year: transforaminal and "
                      "interlaminar epidural steroid injections, medial branch blocks, "
                      "radiofrequency neurotomy, sacroiliac joint injections and "
                      "sympathetic blocks",
                      "Spinal cord stimulation: 45\u201355 trials and 30 permanent implants a "
                      "year, with a partner neurosurgeon for paddle leads",
                      "Medical director of Ridgeline Surgery Center (two procedure rooms) "
                      "since 2014: credentialing, infection control, quarterly quality review",
                      "In-house EMG/NCS laboratory, about 400 studies a year",
                      "Wrote the group's controlled-substance policy: treatment agreements, "
                      "a PDMP check at every refill, urine drug testing, naloxone for anyone "
                      "above 50 MME/day",
                  )),
            Entry("Staff Physiatrist", "St. Alphonsus Valley Rehabilitation Hospital, Boise, ID",
                  "2007 \u2013 2009", (
                      "Inpatient rehabilitation for spinal cord injury, stroke and amputation; "
                      "outpatient musculoskeletal clinic two half-days a week",
                  )),
        )),
        Section("Clinical Interests", paragraphs=(
            "Lumbar and cervical radiculopathy, facet and sacroiliac joint pain, spinal "
            "stenosis, pain after spine surgery, peripheral neuropathy, sports and "
            "occupational injuries.",
        )),
        Section("Postgraduate Training", entries=(
            Entry("Interventional Pain Medicine Fellowship (ACGME)",
                  "Cascade University Medical Center, Seattle, WA", "2006 \u2013 2007"),
            Entry("Residency, Physical Medicine and Rehabilitation",
                  "Cascade University Medical Center, Seattle, WA", "2003 \u2013 2006",
                  ("Chief Resident, 2005 \u2013 2006",)),
            Entry("Internship, Transitional Year", "Sound General Hospital, Tacoma, WA",
                  "2002 \u2013 2003"),
        )),
        Section("Education", entries=(
            Entry("Doctor of Medicine", "Intermountain College of Medicine, Salt Lake City, UT",
                  "1998 \u2013 2002"),
            Entry("B.S., Exercise Physiology", "Snake River University, Pocatello, ID",
                  "1994 \u2013 1998"),
        )),
        Section("Board Certification and Licensure", table=(
            ("American Board of Physical Medicine and Rehabilitation",
             "Diplomate, 2007; MOC current"),
            ("ABPMR subspecialty: Pain Medicine", "2008; recertified 2018"),
            ("Idaho medical license", "Active, unrestricted"),
            ("Oregon medical license", "Active"),
            ("DEA registration", "Active"),
        )),
        Section("Hospital Affiliations", bullets=(
            "St. Alphonsus Valley Medical Center, Boise \u2014 active staff",
            "Treasure Valley Surgical Hospital, Meridian \u2014 courtesy staff",
        )),
        Section("Teaching", bullets=(
            "Clinical preceptor for PM&R residents on the spine elective, Cascade University, "
            "2012 \u2013 present",
            "Faculty, cadaver courses in fluoroscopic spine procedures, Spine Intervention "
            "Society, 2016, 2019, 2023",
        )),
        Section("Presentations", bullets=(
            "Brennan-Ito WH. Running a physician-owned surgery center for interventional pain. "
            "Northwest Pain Forum, 2021.",
            "Brennan-Ito WH. Electrodiagnosis for the pain physician. Idaho Society of "
            "Physical Medicine and Rehabilitation, 2018.",
        )),
        Section("Professional Memberships", bullets=(
            "American Academy of Physical Medicine and Rehabilitation",
            "Spine Intervention Society",
            "American Society of Interventional Pain Physicians",
            "North American Spine Society",
        )),
        Section("Community", bullets=(
            "Volunteer team physician, Treasure Valley youth ski program, 2012 \u2013 present",
        )),
    ),
)

#: A PM&R chief resident: a Word CV whose headings are bold capitals (no heading styles)
#: and whose education sits in a two-column dates table, as many residents' CVs do.
PMR_RESIDENT = Cv(
    name="Daniel R. Szabo-Whitaker, DO",
    tagline="PGY-4 Chief Resident, Physical Medicine and Rehabilitation",
    contact="Richmond, VA 23298 \u00b7 (804) 555-0158 \u00b7 dszabo@example.com",
    sections=(
        Section("OBJECTIVE", paragraphs=(
            "Applying to ACGME pain medicine fellowships for July 2026, with a particular "
            "interest in spine and musculoskeletal pain.",
        )),
        Section("EDUCATION AND TRAINING", table=(
            ("2023 \u2013 2026",
             "Physical Medicine and Rehabilitation Residency (PGY-2 to PGY-4), James River "
             "University Health, Richmond, VA. Chief Resident 2025 \u2013 2026"),
            ("2022 \u2013 2023", "Transitional Year Internship, Tidewater General Hospital, "
             "Norfolk, VA"),
            ("2018 \u2013 2022", "Doctor of Osteopathic Medicine, Blue Ridge College of "
             "Osteopathic Medicine, Blacksburg, VA"),
            ("2014 \u2013 2018", "B.S. Exercise Science, Old Dominion Valley University"),
        )),
        Section("CLINICAL EXPERIENCE", bullets=(
            "Inpatient rehabilitation: spinal cord injury, brain injury, stroke and amputee "
            "services",
            "Outpatient musculoskeletal and spine clinics; ultrasound-guided joint and tendon "
            "sheath injections performed under supervision",
            "Electrodiagnostic medicine: about 180 EMG and nerve conduction studies performed "
            "and reported with attending review",
            "Four-week interventional spine elective: observed fluoroscopically guided epidural "
            "steroid injections, medial branch blocks and radiofrequency ablation; helped with "
            "positioning and consent",
            "Sat in on spinal cord stimulator programming visits in the pain clinic",
        )),
        Section("RESEARCH", bullets=(
            "Szabo-Whitaker DR, Kearns P. Ultrasound-guided versus landmark greater trochanteric "
            "bursa injections: a chart review. Poster, AAPM&R Annual Assembly, 2025.",
            "Quality improvement: fall-prevention bundle on the inpatient rehabilitation unit, "
            "2024",
        )),
        Section("LICENSURE AND EXAMINATIONS", bullets=(
            "Virginia resident training license",
            "COMLEX-USA Levels 1, 2-CE and 3 passed; USMLE Step 1 and Step 2 CK passed",
            "BLS, ACLS",
        )),
        Section("LEADERSHIP", bullets=(
            "Chief Resident, 2025 \u2013 2026",
            "Resident representative, Program Evaluation Committee, 2024 \u2013 2025",
        )),
        Section("MEMBERSHIPS", bullets=(
            "American Academy of Physical Medicine and Rehabilitation (resident member)",
            "Association of Academic Physiatrists",
            "Spine Intervention Society (resident member)",
        )),
        Section("INTERESTS", paragraphs=(
            "Trail running, cycling, sideline coverage for high-school football.",
        )),
    ),
)

#: A new attending in private practice: a one-and-a-half page PDF export with ruled
#: capital headings, dated entries and a procedure-volume table.
ANESTH_PRIVATE_NEW = Cv(
    name="Kofi A. Mensah-Darrow, MD",
    tagline="Interventional Pain Medicine | Anesthesiology",
    contact="Tulsa, OK | (918) 555-0176 | k.mensahdarrow@example.com",
    sections=(
        Section("Summary", paragraphs=(
            "Fellowship-trained physician, board certified in anesthesiology and in pain "
            "medicine, two years into community private practice. At ease with the full range "
            "of spine and neuromodulation procedures, ultrasound-guided peripheral work and "
            "buprenorphine-based opioid management. Fluent in English and Spanish.",
        )),
        Section("Professional Experience", entries=(
            Entry("Interventional Pain Physician", "Summit Crest Pain Associates, Tulsa, OK",
                  "Aug 2023 - Present", (
                      "Independent clinic (4 days) and procedure (1 day) schedule in a "
                      "five-physician group; 22-28 patients per clinic day",
                      "Procedures: cervical, thoracic and lumbar epidural steroid injections; "
                      "medial branch blocks and radiofrequency ablation; SI joint injections; "
                      "genicular and peripheral nerve blocks; spinal cord stimulator trials "
                      "and implants; kyphoplasty",
                      "Started a telehealth follow-up clinic for rural patients in northeast "
                      "Oklahoma, now 15% of visits",
                      "Compliance committee member: quarterly audits of opioid prescribing "
                      "charts",
                  )),
        )),
        Section("Training", entries=(
            Entry("Fellowship, Pain Medicine", "Red River University Medical Center, Dallas, TX",
                  "Jul 2022 - Jun 2023"),
            Entry("Residency, Anesthesiology", "Red River University Medical Center, Dallas, TX",
                  "Jul 2018 - Jun 2022"),
        )),
        Section("Education", entries=(
            Entry("Doctor of Medicine", "Prairie Sky College of Medicine, Oklahoma City, OK",
                  "2014 - 2018"),
            Entry("B.S., Biology", "Arkansas Valley University, Fort Smith, AR", "2010 - 2014"),
        )),
        Section("Certification & Licensure", bullets=(
            "Board Certified, Anesthesiology - American Board of Anesthesiology, 2023",
            "Board Certified, Pain Medicine - American Board of Anesthesiology, 2024",
            "Medical licenses: Oklahoma (active), Arkansas (active)",
            "DEA and Oklahoma BNDD registrations (active)",
        )),
        Section("Procedure Volume (2024)", table_header=True, table=(
            ("Procedure", "Cases"),
            ("Epidural steroid injections", "640"),
            ("Medial branch blocks", "310"),
            ("Radiofrequency ablation", "190"),
            ("Sacroiliac joint injections", "120"),
            ("Spinal cord stimulator trials / implants", "28 / 17"),
            ("Kyphoplasty", "12"),
        )),
        Section("Publications", bullets=(
            "Mensah-Darrow KA, Liu J, Barrera S. Ultrasound versus fluoroscopy for genicular "
            "nerve blocks: a retrospective comparison. Journal of Interventional Pain "
            "Research. 2023;16(1):41-47.",
            "Mensah-Darrow KA. Spinal cord stimulation in a patient with a cardiac pacemaker: a "
            "case report. Southwest Pain Case Reports. 2022;2:18-20.",
        )),
        Section("Professional Memberships", paragraphs=(
            "American Society of Interventional Pain Physicians; ASRA Pain Medicine; Oklahoma "
            "State Medical Association",
        )),
        Section("Skills", paragraphs=(
            "Fluoroscopy and ultrasound guidance; EHR: eClinicalWorks and Epic; Spanish "
            "(professional working proficiency)",
        )),
    ),
)


#: A physiatrist who works locum tenens assignments and a telehealth practice, exported to
#: PDF: assignments instead of one employer, credentials in a two-column table.
PMR_LOCUM_TELEHEALTH = Cv(
    name="Gideon F. Achterberg, DO",
    tagline="Pain Medicine Physician - Locum Tenens and Telehealth",
    contact="Bozeman, MT | (406) 555-0119 | gachterberg@example.com",
    sections=(
        Section("Summary", paragraphs=(
            "Physiatrist certified in pain medicine who has worked locum tenens since 2019: "
            "short and long assignments covering interventional pain clinics in rural and "
            "critical-access hospitals, plus a telehealth follow-up practice licensed in five "
            "states. I start seeing patients on day one and leave clinics with their protocols "
            "written down.",
        )),
        Section("Locum Assignments", entries=(
            Entry("Interventional Pain Physician (locum, 9 months)",
                  "Big Sky Regional Medical Center, Great Falls, MT", "2024 - 2025", (
                      "Covered a solo pain clinic during a recruitment gap: 14-18 patients a "
                      "day, two fluoroscopy days a week",
                      "Transforaminal and interlaminar epidural steroid injections, medial "
                      "branch blocks and radiofrequency ablation, sacroiliac joint injections, "
                      "genicular nerve blocks",
                      "Rewrote the clinic's controlled-substance agreement and PDMP workflow",
                  )),
            Entry("Pain Physician (locum, recurring 2 weeks a month)",
                  "Laramie Plains Hospital, Laramie, WY", "2021 - 2024", (
                      "Spinal cord stimulator trials (about 20) and implant follow-up with the "
                      "visiting neurosurgeon",
                      "Consults for inpatients with cancer pain and acute-on-chronic pain",
                  )),
            Entry("Physiatrist (locum)", "Cascade Rehabilitation Hospital, Boise, ID",
                  "2019 - 2021", (
                      "Inpatient rehabilitation and an outpatient EMG/nerve conduction clinic",
                  )),
        )),
        Section("Telehealth Practice", entries=(
            Entry("Founder and sole physician", "Prairie Telepain PLLC", "2022 - present", (
                "Video follow-up visits for chronic pain and medication management, about 35 "
                "a week, for patients in Montana, Wyoming, Idaho, North Dakota and Colorado",
                "Referral network of physical therapists and pain psychologists in each state; "
                "shared care plans with patients' primary care physicians",
            )),
        )),
        Section("Credentials", table=(
            ("Board certification", "ABPMR: Physical Medicine and Rehabilitation (2016), "
                                    "Pain Medicine (2017)"),
            ("Medical licenses", "Montana, Wyoming, Idaho, North Dakota, Colorado (all "
                                 "active, unrestricted); Interstate Medical Licensure Compact"),
            ("DEA", "Registered in all five states"),
            ("Fellowship", "Pain Medicine, ACGME-accredited, Timberline University, "
                           "Spokane, WA, 2015-2016"),
            ("Residency", "Physical Medicine and Rehabilitation, Timberline University, "
                          "2012-2015"),
            ("Medical school", "DO, Plains College of Osteopathic Medicine, 2011"),
        )),
        Section("Memberships", paragraphs=(
            "American Academy of Physical Medicine and Rehabilitation; Spine Intervention "
            "Society; American Telemedicine Association",
        )),
    ),
)


#: File name -> (CV, Word heading styles?). The names are the ones bands.toml labels; the
#: suffix picks the format.
BINARIES: dict[str, tuple[Cv, bool]] = {
    "complete_pmr_private_senior.docx": (PMR_PRIVATE_SENIOR, True),
    "resident_pmr_pgy4.docx": (PMR_RESIDENT, False),
    "complete_anesth_private_new.pdf": (ANESTH_PRIVATE_NEW, False),
    "complete_pmr_locum_telehealth.pdf": (PMR_LOCUM_TELEHEALTH, False),
}


# --------------------------------------------------------------------------- DOCX


def _save_docx_reproducibly(document, path: Path) -> None:  # noqa: ANN001 - python-docx
    """Save, then rewrite the zip with pinned member times (python-docx stamps 'now')."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0
            member.external_attr = 0
            dst.writestr(member, src.read(info.filename))
    path.write_bytes(out.getvalue())


def build_docx(cv: Cv, path: Path, *, styled_headings: bool) -> None:
    """Write ``cv`` as a Word document.

    ``styled_headings`` uses Word's Heading 1 style; otherwise a heading is a bold
    paragraph in the CV's own capitals, the habit of many hand-made CVs.
    """
    from docx import Document
    from docx.shared import Inches, Pt

    document = Document()
    for section in document.sections:
        section.left_margin = section.right_margin = Inches(0.8)
        section.top_margin = section.bottom_margin = Inches(0.7)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)

    document.add_paragraph(cv.name, style="Title")
    document.add_paragraph(cv.tagline, style="Subtitle")
    document.add_paragraph(cv.contact)

    for section in cv.sections:
        if styled_headings:
            document.add_heading(section.heading, level=1)
        else:
            heading = document.add_paragraph()
            heading.paragraph_format.space_before = Pt(10)
            heading.add_run(section.heading).bold = True
        for text in section.paragraphs:
            document.add_paragraph(text)
        for entry in section.entries:
            line = document.add_paragraph()
            line.paragraph_format.space_after = Pt(0)
            line.add_run(entry.title).bold = True
            line.add_run(f"\t{entry.when}")
            document.add_paragraph().add_run(entry.where).italic = True
            for bullet in entry.bullets:
                document.add_paragraph(bullet, style="List Bullet")
        for bullet in section.bullets:
            document.add_paragraph(bullet, style="List Bullet")
        if section.table:
            table = document.add_table(rows=0, cols=2)
            for left, right in section.table:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = left, right
            for row in table.rows:
                row.cells[0].width = Inches(2.6 if styled_headings else 1.3)
                row.cells[1].width = Inches(4.3 if styled_headings else 5.6)

    props = document.core_properties
    props.author = props.last_modified_by = cv.name.split(",")[0]
    props.title = f"CV - {cv.name}"
    props.comments = ""
    props.revision = 1
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    _save_docx_reproducibly(document, path)


# --------------------------------------------------------------------------- PDF


def _latin1(text: str) -> str:
    """The PDF core fonts are latin-1: write the few typographic marks plainly."""
    return (text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00b7", "|")
            .replace("\u2019", "'"))


def build_pdf(cv: Cv, path: Path) -> None:
    """Write ``cv`` as a single-column Letter PDF, as a word processor exports it."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="pt", format="Letter")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_author(cv.name)
    pdf.set_creator("tests/calibration/build.py")
    pdf.set_title(f"CV - {cv.name}")
    pdf.set_auto_page_break(auto=True, margin=48)
    pdf.set_margins(54, 48, 54)
    pdf.add_page()
    size, leading = 10.0, 12.5

    pdf.set_font("Helvetica", "B", 17)
    pdf.cell(0, 22, _latin1(cv.name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11.5)
    pdf.cell(0, 15, _latin1(cv.tagline), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", size)
    pdf.cell(0, 14, _latin1(cv.contact), new_x="LMARGIN", new_y="NEXT")

    def body(text: str, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(pdf.epw, leading, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    for section in cv.sections:
        pdf.ln(6)
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 14, _latin1(section.heading.upper()), new_x="LMARGIN", new_y="NEXT")
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
        pdf.ln(3)
        for text in section.paragraphs:
            body(text)
        for entry in section.entries:
            pdf.set_font("Helvetica", "B", size)
            pdf.cell(pdf.epw * 0.7, leading, _latin1(entry.title))
            pdf.set_font("Helvetica", "", size)
            pdf.cell(pdf.epw * 0.3, leading, _latin1(entry.when), align="R",
                     new_x="LMARGIN", new_y="NEXT")
            body(entry.where, "I")
            for bullet in entry.bullets:
                pdf.set_font("Helvetica", "", size)
                pdf.cell(12, leading, "-")
                pdf.multi_cell(pdf.epw - 12, leading, _latin1(bullet),
                               new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        for bullet in section.bullets:
            pdf.set_font("Helvetica", "", size)
            pdf.cell(12, leading, "-")
            pdf.multi_cell(pdf.epw - 12, leading, _latin1(bullet), new_x="LMARGIN",
                           new_y="NEXT")
        if section.table:
            pdf.set_font("Helvetica", "", size)
            with pdf.table(col_widths=(3, 1), width=pdf.epw * 0.75, align="LEFT",
                           line_height=leading, first_row_as_headings=section.table_header
                           ) as table:
                for left, right in section.table:
                    row = table.row()
                    row.cell(_latin1(left))
                    row.cell(_latin1(right))
    path.write_bytes(bytes(pdf.output()))


# --------------------------------------------------------------------------- entry points


def build_all(dest: Path = BUILD) -> dict[str, Path]:
    """Build every binary document into ``dest`` (created); file name -> path."""
    dest.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for name, (cv, styled_headings) in sorted(BINARIES.items()):
        path = dest / name
        if name.endswith(".pdf"):
            build_pdf(cv, path)
        else:
            build_docx(cv, path, styled_headings=styled_headings)
        out[name] = path
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    dest = Path(args[0]) if args else BUILD
    for name, path in build_all(dest).items():
        print(f"{name}\t{path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
