"""Build the project's fictional sample documents into samples/.

Every person, practice, hospital, journal and number below is invented. The samples
exist so the readers, checks and formatters have realistic inputs of every shape a
user sends: a DOCX with a header, a table and a text box, a single- and a two-column
PDF, an image-only "scanned" PDF, a cover letter and two job postings.

Run with ``python scripts/make_samples.py``. The output is byte-identical from run to
run: dates, zip timestamps and PDF metadata are pinned, so a regenerated sample only
shows up in ``git diff`` when its content changed.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Inches, Pt
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "samples"

# One instant for every timestamp the formats carry, so reruns do not change bytes.
FIXED_TIME = datetime(2025, 3, 3, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2025, 3, 3, 9, 0, 0)


# --------------------------------------------------------------------------- content


@dataclass(frozen=True)
class Entry:
    """A dated item in a section: a post, a degree, a training programme."""

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
    table: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Resume:
    name: str
    tagline: str
    contact: tuple[str, ...]
    clinical_focus: str
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def section(self, heading: str) -> Section:
        return next(s for s in self.sections if s.heading == heading)


# Deliberately absent, so a keyword report has something to say: platelet-rich plasma,
# prolotherapy, regenerative medicine, pediatric pain, kyphoplasty, peripheral nerve
# stimulation, Botox. "palliative care" appears only inside the text box, so a check can
# notice a keyword that sits where many applicant tracking systems do not look.
CV = Resume(
    name="Elena Marquez-Whitfield, MD",
    tagline="Interventional Pain Medicine Physician",
    contact=(
        "elena.marquez-whitfield@example.com",
        "(608) 555-0147",
        "Madison, WI",
        "linkedin.com/in/emw-pain-md",
    ),
    clinical_focus=(
        "Clinical Focus: restoring function for adults with refractory neuropathic pain and "
        "cancer-related pain through spinal cord stimulation, intrathecal drug delivery and "
        "close work with palliative care teams."
    ),
    sections=(
        Section(
            "Professional Summary",
            paragraphs=(
                "Board-certified anesthesiologist with ABA subspecialty certification in pain "
                "medicine and five years of attending practice in a busy outpatient interventional "
                "pain clinic. Completed an anesthesiology residency and an ACGME-accredited pain "
                "medicine fellowship. Builds multidisciplinary care plans that pair minimally "
                "invasive procedures with careful medication management, physical therapy and "
                "psychological support, with patient education and patient-centered goals at the "
                "core of every plan.",
            ),
        ),
        Section(
            "Education",
            entries=(
                Entry(
                    "Doctor of Medicine (MD)",
                    "Lakeshore University School of Medicine, Madison, WI",
                    "2011 - 2015",
                    (
                        "Honors in pharmacology and human anatomy.",
                        "USMLE Step 1, Step 2 CK and Step 3 passed on the first attempt.",
                    ),
                ),
                Entry(
                    "Bachelor of Science in Neuroscience",
                    "Prairie Hollow College, Dubuque, IA",
                    "2007 - 2011",
                    ("Minor in psychology; senior thesis on the physiology of pain signalling.",),
                ),
            ),
        ),
        Section(
            "Residency",
            entries=(
                Entry(
                    "Anesthesiology Residency",
                    "Lakeshore University Medical Center, Madison, WI",
                    "2015 - 2019",
                    (
                        "Four-year program including the clinical base year; chief resident "
                        "2018 - 2019.",
                        "Perioperative management of pain for trauma, oncology and orthopedic "
                        "surgery patients; acute pain service with continuous regional "
                        "anesthesia catheters.",
                    ),
                ),
            ),
        ),
        Section(
            "Fellowship",
            entries=(
                Entry(
                    "Pain Medicine Fellowship (ACGME-accredited)",
                    "Alder Valley University Hospital, Minneapolis, MN",
                    "2019 - 2020",
                    (
                        "Twelve months of interventional techniques, pharmacologic management, "
                        "advanced diagnostics and multidisciplinary care.",
                        "Used diagnostic injections, nerve conduction studies and electromyography "
                        "(EMG) to locate pain generators in radiculopathy and neuropathic pain.",
                        "Inpatient consults for cancer-related pain and complex regional pain "
                        "syndrome (CRPS); spinal cord stimulator trials under supervision.",
                    ),
                ),
            ),
        ),
        Section(
            "Board Certification",
            bullets=(
                "Diplomate, American Board of Anesthesiology (ABA), 2020",
                "Subspecialty certification in Pain Medicine, American Board of Anesthesiology, "
                "2021",
                "Current in Maintenance of Certification (MOC)",
            ),
        ),
        Section(
            "Licensure",
            bullets=(
                "State medical license, Wisconsin: active, unrestricted (number on request)",
                "State medical license, Minnesota: active",
                "DEA registration, Schedules II - V: active",
            ),
        ),
        Section(
            "Clinical Experience",
            entries=(
                Entry(
                    "Attending Physician, Interventional Pain Medicine",
                    "Willowmere Spine and Pain Associates, Madison, WI",
                    "2020 - present",
                    (
                        "Performed 450+ fluoroscopically guided epidural steroid injections "
                        "(interlaminar and transforaminal) for herniated discs, spinal stenosis "
                        "and radiculopathy without a serious complication.",
                        "Completed 210 RF neurotomy procedures of lumbar and cervical medial "
                        "branches after dual diagnostic blocks; 68% of patients reported at least "
                        "50% pain relief at six months.",
                        "Run the practice's neuromodulation service: 60 spinal cord stimulation "
                        "(SCS) trials leading to 38 permanent implants; manage 25 patients with "
                        "intrathecal pumps, including refills and dose titration.",
                        "Led the opioid stewardship program; tapering protocols, naloxone "
                        "co-prescribing and urine drug monitoring reduced average opioid dose "
                        "(MME) by 30% across 320 patients in 18 months.",
                        "Tailor non-opioid regimens of NSAIDs, anticonvulsants, antidepressants "
                        "and adjuvant therapies, watching for drug interactions and side effects.",
                        "Started telemedicine follow-up visits for rural patients: 1,100 virtual "
                        "visits in 2024 and missed appointments down from 18% to 9%.",
                        "Built EMR order sets and after-visit patient education handouts, saving "
                        "about four minutes of documentation per visit.",
                        "Co-lead a weekly multidisciplinary case conference with physical "
                        "therapists, psychologists, primary care physicians, neurologists and "
                        "orthopedic surgeons.",
                    ),
                ),
                Entry(
                    "Consulting Physician, Pain Service (one day a week)",
                    "Cobalt Ridge Rehabilitation Center, Madison, WI",
                    "2021 - present",
                    (
                        "Treat patients recovering from injuries and surgery so they can take a "
                        "full part in physical therapy; 85% completed their therapy course.",
                        "Review MRI, CT and X-ray studies with the rehabilitation team to find "
                        "structural causes of back and neck pain.",
                    ),
                ),
            ),
        ),
        Section(
            "Procedures",
            table=(
                ("Procedure", "Volume (2019 - 2025)"),
                ("Epidural steroid injections (interlaminar, transforaminal)", "450+"),
                ("Medial branch blocks and facet joint injections", "380"),
                ("Radiofrequency ablation (RFA), lumbar and cervical", "210"),
                ("Sacroiliac joint injections", "160"),
                ("Sympathetic nerve blocks (stellate ganglion, lumbar)", "140"),
                ("EMG and nerve conduction studies", "90"),
                ("Spinal cord stimulation (SCS) trials", "60"),
                ("Spinal cord stimulator permanent implants", "38"),
                ("Intrathecal pump implantation and management", "25"),
            ),
        ),
        Section(
            "Research and Publications",
            bullets=(
                "Marquez-Whitfield E, Lindqvist R, Haddad S. Six-month outcomes of lumbar "
                "radiofrequency ablation after dual medial branch blocks: a single-clinic cohort. "
                "Journal of Regional Pain Practice. 2021;4(2):55-63.",
                "Marquez-Whitfield E, Brandt T. Structured opioid tapering in a community pain "
                "clinic: a quality improvement report. Midwest Pain Care Quarterly. "
                "2023;11(1):14-21.",
                "Chen L, Marquez-Whitfield E. Telemedicine follow-up after spinal cord stimulator "
                "implantation in rural patients. Neuromodulation Practice Letters. 2024;2(3):9-12.",
                "Peer reviewer, Journal of Regional Pain Practice, 2022 - present.",
            ),
        ),
        Section(
            "Presentations",
            bullets=(
                "Tapering without abandonment: opioid stewardship in outpatient pain care. Poster, "
                "ASRA Annual Meeting, 2023.",
                "Remote programming checks after SCS implantation. Oral presentation, NANS Annual "
                "Meeting, 2024.",
                "Fluoroscopy safety for anesthesiology residents and fellows. Grand rounds, "
                "Lakeshore University Medical Center, 2022.",
            ),
        ),
        Section(
            "Professional Memberships",
            bullets=(
                "American Academy of Pain Medicine (AAPM), since 2019",
                "American Society of Regional Anesthesia and Pain Medicine (ASRA), since 2016",
                "North American Neuromodulation Society (NANS), since 2020",
            ),
        ),
        Section(
            "Continuing Medical Education",
            bullets=(
                "120 CME credits, 2022 - 2025, including opioid stewardship strategies, "
                "non-opioid treatments and advances in pharmacological therapies.",
                "Hands-on spinal cord stimulation workshop, NANS Annual Meeting, 2024.",
                "Advanced interventional techniques cadaver course, ASRA, 2023.",
                "AAPM online modules on patient safety and minimally invasive techniques, 2022.",
            ),
        ),
        Section(
            "Skills",
            bullets=(
                "Interventional: epidural steroid injections, nerve blocks, radiofrequency "
                "ablation, spinal cord stimulation, intrathecal pumps, fluoroscopy",
                "Diagnostics: MRI, CT and X-ray interpretation; EMG; nerve conduction studies; "
                "diagnostic injections",
                "Medication management: opioids, NSAIDs, anticonvulsants, antidepressants; "
                "opioid stewardship",
                "Conditions: back and neck pain, arthritis, fibromyalgia, migraines, neuropathic "
                "pain, CRPS, diabetic neuropathy, postherpetic neuralgia, degenerative disc "
                "disease",
                "Technology: EMR, telemedicine",
                "People: patient education, empathy, shared decision-making, multidisciplinary "
                "care, teaching residents and fellows",
            ),
        ),
    ),
)


def section_lines(section: Section) -> list[str]:
    """Flatten a section to plain lines for the formats that cannot show structure."""
    lines: list[str] = list(section.paragraphs)
    if section.heading == "Professional Summary":
        lines.append(CV.clinical_focus)
    for entry in section.entries:
        lines.append(f"{entry.title}, {entry.where}, {entry.when}")
        lines.extend(f"- {b}" for b in entry.bullets)
    lines.extend(f"- {b}" for b in section.bullets)
    lines.extend(f"{proc}: {vol}" for proc, vol in section.table)
    return lines


# --------------------------------------------------------------------------- DOCX


def text_box_xml(text: str, docpr_id: int) -> str:
    """A DrawingML text box anchored beside its paragraph, the way Word 2010+ writes one.

    python-docx has no API for text boxes, so the run is written as raw OOXML. It is kept
    bare (no mc:AlternateContent VML fallback) so the text exists exactly once in the part.
    """
    width, height = Inches(2.45), Inches(1.45)
    label, _, body = text.partition(": ")
    return f"""
<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
  <wp:anchor distT="0" distB="45720" distL="114300" distR="0" simplePos="0"
      relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
    <wp:simplePos x="0" y="0"/>
    <wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>
    <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
    <wp:extent cx="{width}" cy="{height}"/>
    <wp:effectExtent l="0" t="0" r="0" b="0"/>
    <wp:wrapSquare wrapText="bothSides"/>
    <wp:docPr id="{docpr_id}" name="Clinical Focus"/>
    <wp:cNvGraphicFramePr/>
    <a:graphic>
      <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
        <wps:wsp>
          <wps:cNvSpPr txBox="1"/>
          <wps:spPr>
            <a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>
            <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
            <a:solidFill><a:srgbClr val="EEF3F8"/></a:solidFill>
            <a:ln w="9525"><a:solidFill><a:srgbClr val="5B7A99"/></a:solidFill></a:ln>
          </wps:spPr>
          <wps:txbx>
            <w:txbxContent>
              <w:p>
                <w:pPr><w:spacing w:after="60"/></w:pPr>
                <w:r><w:rPr><w:b/><w:sz w:val="20"/></w:rPr><w:t>{label}</w:t></w:r>
              </w:p>
              <w:p>
                <w:pPr><w:spacing w:after="0"/></w:pPr>
                <w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>{body}</w:t></w:r>
              </w:p>
            </w:txbxContent>
          </wps:txbx>
          <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720"
              rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>
        </wps:wsp>
      </a:graphicData>
    </a:graphic>
  </wp:anchor>
</w:drawing>"""


def pin_docx_metadata(document, title: str) -> None:  # noqa: ANN001 - python-docx Document
    props = document.core_properties
    props.author = "Elena Marquez-Whitfield"
    props.last_modified_by = "Elena Marquez-Whitfield"
    props.title = title
    props.comments = ""
    props.revision = 1
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)


def save_docx_reproducibly(document, path: Path) -> None:  # noqa: ANN001
    """Save, then rewrite the zip with pinned member timestamps.

    python-docx stamps every member with the current time, which would make each run's
    bytes differ even when nothing else changed.
    """
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


def set_margins(document, inches: float) -> None:  # noqa: ANN001
    for section in document.sections:
        section.left_margin = section.right_margin = Inches(inches)
        section.top_margin = section.bottom_margin = Inches(inches)
        section.header_distance = Inches(0.4)


def build_cv_docx(path: Path) -> None:
    document = Document()
    set_margins(document, 0.8)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)

    # Contact details live only in the page header: a layout many templates use and many
    # applicant tracking systems drop, which is exactly what the contact checks look for.
    header = document.sections[0].header
    header_par = header.paragraphs[0]
    header_par.text = "  |  ".join(CV.contact)
    header_par.alignment = WD_ALIGN_PARAGRAPH.CENTER

    title = document.add_paragraph(style="Title")
    title.add_run(CV.name)
    document.add_paragraph(CV.tagline, style="Subtitle")

    for section in CV.sections:
        document.add_heading(section.heading, level=1)
        for i, text in enumerate(section.paragraphs):
            paragraph = document.add_paragraph()
            if section.heading == "Professional Summary" and i == 0:
                # The anchor run goes first so the box floats beside the summary.
                run = paragraph.add_run()
                run._r.append(parse_xml(text_box_xml(CV.clinical_focus, docpr_id=1)))
            paragraph.add_run(text)
        for entry in section.entries:
            line = document.add_paragraph()
            line.paragraph_format.space_after = Pt(0)
            line.add_run(entry.title).bold = True
            where = document.add_paragraph()
            where.add_run(f"{entry.where} | {entry.when}").italic = True
            for bullet in entry.bullets:
                document.add_paragraph(bullet, style="List Bullet")
        for bullet in section.bullets:
            document.add_paragraph(bullet, style="List Bullet")
        if section.table:
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for row_index, (procedure, volume) in enumerate(section.table):
                cells = table.add_row().cells
                cells[0].text, cells[1].text = procedure, volume
                if row_index == 0:
                    for cell in cells:
                        cell.paragraphs[0].runs[0].bold = True
            for row in table.rows:
                row.cells[0].width = Inches(5.0)
                row.cells[1].width = Inches(1.9)

    pin_docx_metadata(document, f"Curriculum Vitae - {CV.name}")
    save_docx_reproducibly(document, path)


COVER_LETTER_DATE = "March 3, 2025"
COVER_LETTER_ADDRESS = (
    "Dr. Adaeze Okafor",
    "Medical Director",
    "Summit Ridge Pain and Spine Institute",
    "4100 Harborview Terrace, Suite 210",
    "Middleton, WI 53562",
)
COVER_LETTER_BODY = (
    "I am writing to apply for the Interventional Pain Medicine Physician position at Summit "
    "Ridge Pain and Spine Institute. I am a board-certified anesthesiologist with subspecialty "
    "certification in pain medicine, and for the past five years I have practiced at "
    "Willowmere Spine and Pain Associates, where I perform epidural steroid injections, "
    "radiofrequency ablation and spinal cord stimulation for patients with chronic pain.",
    "What draws me to Summit Ridge is your collaborative, patient-centered model of care, in "
    "which the whole team plans treatment together. I work best "
    "beside physical therapists, psychologists and referring physicians, and I take time with "
    "each patient to agree on goals we can measure, such as walking farther, sleeping through "
    "the night or returning to work.",
    "Safe prescribing matters to me as much as procedures do. I led an opioid stewardship "
    "program that reduced the average opioid dose of 320 patients by 30% in eighteen months, "
    "while their pain and function scores held steady. I would bring the same structured and "
    "compassionate approach to your clinic, along with experience running telemedicine "
    "follow-up for rural patients.",
    "I would welcome the chance to discuss how I could contribute to your practice in an "
    "interview at your convenience. Thank you for considering my application.",
)


def build_cover_letter_docx(path: Path) -> None:
    document = Document()
    set_margins(document, 1.0)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)

    sender = document.add_paragraph()
    sender.add_run(CV.name).bold = True
    for item in CV.contact[:3]:
        sender.add_run().add_break()
        sender.add_run(item)
    document.add_paragraph(COVER_LETTER_DATE)
    address = document.add_paragraph()
    for i, line in enumerate(COVER_LETTER_ADDRESS):
        if i:
            address.add_run().add_break()
        address.add_run(line)
    document.add_paragraph("Dear Dr. Okafor,")
    for paragraph in COVER_LETTER_BODY:
        document.add_paragraph(paragraph)
    closing = document.add_paragraph("Sincerely,")
    closing.paragraph_format.space_after = Pt(24)
    document.add_paragraph(CV.name)

    pin_docx_metadata(document, "Cover letter - Interventional Pain Medicine Physician")
    save_docx_reproducibly(document, path)


# --------------------------------------------------------------------------- PDF


# Line height as a multiple of the font size; tight enough to keep the CV at two pages.
LEADING = 1.22


class SamplePDF(FPDF):
    """FPDF with pinned metadata; core fonts only, so text must stay within latin-1."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="pt", format="Letter")
        self.set_creation_date(FIXED_TIME)
        self.set_author("Elena Marquez-Whitfield")
        self.set_creator("resumecheck scripts/make_samples.py")
        self.set_auto_page_break(auto=True, margin=44)
        self.set_margins(50, 44, 50)


def pdf_heading(pdf: FPDF, text: str, width: float | None = None) -> None:
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_text_color(30, 60, 100)
    x, w = pdf.l_margin, width or pdf.epw
    pdf.cell(w, 14, text.upper(), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_draw_color(150, 170, 190)
    pdf.line(x, pdf.get_y(), x + w, pdf.get_y())
    pdf.ln(2)
    pdf.set_text_color(0, 0, 0)


def pdf_body(pdf: FPDF, text: str, width: float | None = None, size: float = 9.5) -> None:
    pdf.set_font("Helvetica", "", size)
    pdf.multi_cell(
        width or pdf.epw, size * LEADING, text, new_x="LMARGIN", new_y="NEXT", align="L"
    )


def pdf_bullet(pdf: FPDF, text: str, width: float | None = None, size: float = 9.5) -> None:
    pdf.set_font("Helvetica", "", size)
    w = width or pdf.epw
    pdf.cell(10, size * LEADING, "-")
    pdf.multi_cell(w - 10, size * LEADING, text, new_x="LMARGIN", new_y="NEXT", align="L")


def pdf_section(pdf: FPDF, section: Section, width: float | None = None, size: float = 9.5):
    pdf_heading(pdf, section.heading, width)
    for text in section.paragraphs:
        pdf_body(pdf, text, width, size)
        if section.heading == "Professional Summary":
            # The DOCX text box becomes an ordinary paragraph here.
            pdf.ln(3)
            pdf_body(pdf, CV.clinical_focus, width, size)
    for entry in section.entries:
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(
            width or pdf.epw, size * LEADING, entry.title,
            new_x="LMARGIN", new_y="NEXT", align="L",
        )
        pdf.set_font("Helvetica", "I", size)
        pdf.multi_cell(
            width or pdf.epw, size * LEADING, f"{entry.where} | {entry.when}",
            new_x="LMARGIN", new_y="NEXT", align="L",
        )
        for bullet in entry.bullets:
            pdf_bullet(pdf, bullet, width, size)
        pdf.ln(1)
    for bullet in section.bullets:
        pdf_bullet(pdf, bullet, width, size)
    if section.table:
        pdf.set_font("Helvetica", "", size)
        with pdf.table(
            col_widths=(3, 1), width=width or pdf.epw, align="LEFT",
            line_height=size * 1.3, first_row_as_headings=True,
        ) as table:
            for procedure, volume in section.table:
                row = table.row()
                row.cell(procedure)
                row.cell(volume)


def build_cv_pdf(path: Path) -> None:
    pdf = SamplePDF()
    pdf.set_title(f"Curriculum Vitae - {CV.name}")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 22, CV.name, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 16, CV.tagline, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font("Helvetica", "", 9.5)
    pdf.cell(0, 14, "  |  ".join(CV.contact), new_x="LMARGIN", new_y="NEXT", align="L")
    for section in CV.sections:
        pdf_section(pdf, section)
    path.write_bytes(bytes(pdf.output()))


LEFT_COLUMN = ("Board Certification", "Licensure", "Professional Memberships", "Skills")


def build_cv_two_column_pdf(path: Path) -> None:
    pdf = SamplePDF()
    pdf.set_title(f"Curriculum Vitae - {CV.name}")
    pdf.set_margins(40, 40, 40)
    pdf.set_auto_page_break(auto=True, margin=40)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 22)
    pdf.cell(0, 28, CV.name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 16, CV.tagline, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    top = pdf.get_y()

    left_x, left_w = 36.0, 176.0
    right_x = left_x + left_w + 22
    right_w = pdf.w - 40 - right_x
    pdf.set_fill_color(238, 243, 248)
    pdf.rect(left_x - 6, top, left_w + 12, pdf.h - top - 40, style="F")

    pdf.set_left_margin(left_x)
    pdf.set_right_margin(pdf.w - left_x - left_w)
    pdf.set_xy(left_x, top)
    pdf_heading(pdf, "Contact", left_w)
    for item in CV.contact:
        pdf_body(pdf, item, left_w, 8)
    for heading in LEFT_COLUMN:
        pdf_section(pdf, CV.section(heading), left_w, 8)
    if pdf.page != 1:
        raise RuntimeError("left column overflowed page 1; shorten it")

    pdf.set_left_margin(right_x)
    pdf.set_right_margin(40)
    pdf.set_xy(right_x, top)
    for section in CV.sections:
        if section.heading not in LEFT_COLUMN:
            pdf_section(pdf, section, right_w, 9)
    path.write_bytes(bytes(pdf.output()))


def build_scanned_pdf(path: Path) -> None:
    """Page one of the CV as a picture only, as a flatbed scan would give: no text layer."""
    dpi = 150
    width, height = int(8.5 * dpi), int(11 * dpi)
    image = Image.new("L", (width, height), color=255)
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=34)
    font = ImageFont.load_default(size=19)
    margin, y = 90, 90
    draw.text((margin, y), CV.name, font=big, fill=0)
    y += 50
    for line in (CV.tagline, "  |  ".join(CV.contact)):
        draw.text((margin, y), line, font=font, fill=0)
        y += 26
    for section in CV.sections:
        y += 14
        if y > height - 140:
            break
        draw.text((margin, y), section.heading.upper(), font=font, fill=0)
        y += 30
        wrapped: list[str] = []
        for line in section_lines(section):
            wrapped.extend(textwrap.wrap(line, width=100, subsequent_indent="  "))
        for line in wrapped:
            if y > height - 110:
                break
            draw.text((margin, y), line, font=font, fill=30)
            y += 25
    png = io.BytesIO()
    image.save(png, format="PNG", optimize=False)
    png.seek(0)

    pdf = SamplePDF()
    pdf.add_page()
    pdf.image(png, x=0, y=0, w=pdf.w, h=pdf.h)
    path.write_bytes(bytes(pdf.output()))


# --------------------------------------------------------------------------- postings

POSTING_INTERVENTIONAL = """\
Willow Creek Interventional Pain Partners - Physician Opportunity

About Us
Willow Creek Interventional Pain Partners is a physician-owned practice with four outpatient
clinics and an accredited ambulatory surgery center in southern Wisconsin. Our eleven
physicians and advanced practice providers see more than 30,000 patient visits a year. We
believe that good pain care restores function, and we measure ourselves by how many of our
patients return to work, sport and family life.

Job Title: Interventional Pain Medicine Physician (Full Time)

Responsibilities
- Evaluate new patients with spine, joint and neuropathic pain and build individual
  treatment plans with them.
- Perform fluoroscopic and ultrasound-guided procedures, including epidural steroid
  injections, medial branch blocks, radiofrequency ablation and sympathetic nerve blocks.
- Trial and implant spinal cord stimulation and peripheral nerve stimulation systems.
- Perform kyphoplasty for painful vertebral compression fractures.
- Follow established opioid stewardship standards, including prescription monitoring
  program checks and treatment agreements.
- Work with our physical therapists and behavioral health team on shared care plans.
- Document visits and procedures accurately and on time in the EMR.

Requirements
- MD or DO degree from an accredited medical school.
- Completion of an ACGME-accredited pain medicine fellowship.
- Board certified or board eligible in pain medicine (ABA, ABPMR or ABPN).
- Active, unrestricted Wisconsin medical license, or eligibility to obtain one.
- Current DEA registration.
- Documented experience with neuromodulation implants.

Preferred Qualifications
- Three or more years of post-fellowship practice.
- Experience with regenerative medicine, such as platelet-rich plasma injections.
- Interest in a future leadership role such as clinic medical director.

Benefits
- Base salary of $425,000 to $525,000 with a productivity bonus and a path to partnership.
- $20,000 signing bonus and relocation assistance.
- 401(k) with employer match and profit sharing.
- Health, dental and vision insurance for you and your family.
- Malpractice insurance with tail coverage.
- Annual CME allowance of $5,000 plus five CME days.
- Six weeks of paid time off.

Equal Opportunity
Willow Creek Interventional Pain Partners is an equal opportunity employer. We consider all
qualified applicants without regard to race, color, religion, sex, sexual orientation,
gender identity, national origin, age, disability or veteran status.

How to Apply
Send your CV and a short cover letter to our physician recruitment office through the
careers page on our website. Applications are reviewed as they arrive, and finalists are
invited to visit our clinics and surgery center.
"""

POSTING_ACADEMIC = """\
Department of Anesthesiology, Northmoor University Health
Faculty Position: Pain Medicine Physician (Assistant or Associate Professor)

About Us
Northmoor University Health is a teaching health system with a 600-bed academic medical
center, a regional cancer center and a network of community clinics. The Division of Pain
Medicine runs an ACGME-accredited pain medicine fellowship with four fellows each year, a
comprehensive outpatient pain center and an inpatient acute and cancer pain consult service.

The Position
We are recruiting a clinician-educator to join the Division of Pain Medicine at the rank of
Assistant or Associate Professor, with rank based on experience.

Responsibilities
- Provide outpatient and inpatient care for patients with chronic pain, cancer-related pain
  and complex regional pain syndrome.
- Perform interventional procedures, including nerve blocks, radiofrequency ablation, spinal
  cord stimulation and intrathecal drug delivery.
- Teach and supervise medical students, anesthesiology residents and pain medicine fellows
  in clinic, in the procedure suite and in didactic sessions.
- Conduct clinical research and publish in peer-reviewed journals; investigators in
  neuromodulation and non-opioid analgesia are especially encouraged to apply.
- Take part in multidisciplinary tumor boards and palliative care conferences.
- Contribute to opioid stewardship and quality improvement work across the health system.

Qualifications
- MD or DO degree.
- Completion of an ACGME-accredited residency in anesthesiology, physical medicine and
  rehabilitation, or neurology, followed by an ACGME-accredited pain medicine fellowship.
- Board certification in a primary specialty and subspecialty certification in pain
  medicine, or board eligibility with certification within two years of hire.
- Eligibility for a state medical license and DEA registration.
- A record of teaching and scholarly activity.

Preferred
- Funded research or a clear plan for extramural funding.
- Experience with pediatric pain or headache medicine, including occipital nerve blocks.
- Fellowship program leadership experience.

Compensation and Benefits
- Competitive academic salary of $340,000 to $410,000 depending on rank, with incentive pay.
- Retirement plan with 10% university contribution and a 403(b) option.
- Comprehensive medical, dental and vision coverage.
- Malpractice coverage through the university's self-insurance program.
- CME allowance of $4,000 a year and protected academic time.
- Tuition benefits for employees and dependents.

Northmoor University Health is an equal opportunity and affirmative action employer and
welcomes applications from women, minorities, veterans and people with disabilities.

How to Apply
Apply through the Northmoor University faculty careers portal with a cover letter, a current
CV, a teaching statement and the names of three references. Review of applications begins
immediately and continues until the position is filled.
"""


# --------------------------------------------------------------------------- main


def main() -> None:
    OUT.mkdir(exist_ok=True)
    build_cv_docx(OUT / "cv_pain_medicine.docx")
    build_cv_pdf(OUT / "cv_pain_medicine.pdf")
    build_cv_two_column_pdf(OUT / "cv_pain_medicine_two_column.pdf")
    build_scanned_pdf(OUT / "cv_scanned.pdf")
    build_cover_letter_docx(OUT / "cover_letter_pain_medicine.docx")
    (OUT / "posting_interventional_pain.txt").write_text(POSTING_INTERVENTIONAL, "utf-8")
    (OUT / "posting_pain_medicine_academic.txt").write_text(POSTING_ACADEMIC, "utf-8")


if __name__ == "__main__":
    main()
